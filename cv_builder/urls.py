from django.urls import path

from . import views

app_name = "cv_builder"

urlpatterns = [
    path("", views.cv_list, name="list"),
    path("nouveau/", views.cv_create, name="create"),
    path("importer/", views.cv_import, name="import"),
    path("corbeille/", views.cv_bin, name="bin"),
    path("accompagnement/", views.staff_home, name="staff"),
    path("accompagnement/commencer/", views.staff_start, name="staff_start"),
    path("partage/<str:token>/", views.shared_view, name="shared"),
    path("partage/<str:token>/pdf/", views.shared_pdf, name="shared_pdf"),
    path("partage/<str:token>/photo/", views.shared_photo, name="shared_photo"),
    path("<int:pk>/", views.cv_detail, name="detail"),
    path("<int:pk>/reglages/", views.cv_settings, name="settings"),
    path("<int:pk>/copier/", views.cv_copy, name="copy"),
    path("<int:pk>/supprimer/", views.cv_delete, name="delete"),
    path("<int:pk>/restaurer/", views.cv_restore, name="restore"),
    path("<int:pk>/effacer/", views.cv_erase, name="erase"),
    path("<int:pk>/apercu/", views.cv_preview, name="preview"),
    path("<int:pk>/pdf/", views.cv_pdf, name="pdf"),
    path("<int:pk>/longueur/", views.cv_length, name="length"),
    path("<int:pk>/json/", views.cv_json, name="json"),
    path("<int:pk>/photo/", views.cv_photo, name="photo"),
    path("<int:pk>/historique/", views.cv_history, name="history"),
    path("<int:pk>/historique/<int:history_id>/", views.cv_history_version, name="history_version"),
    path("<int:pk>/historique/<int:history_id>/restaurer/", views.cv_history_restore, name="history_restore"),
    path("<int:pk>/partage/", views.cv_share, name="share"),
    path("<int:pk>/partage/lien/<int:link_id>/revoquer/", views.link_revoke, name="link_revoke"),
    path("<int:pk>/partage/centre/<int:share_id>/arreter/", views.centre_unshare, name="centre_unshare"),
    path("<int:pk>/<slug:slug>/", views.cv_section, name="section"),
]
