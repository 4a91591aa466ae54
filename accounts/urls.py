from django.urls import path

from accounts import desk, verification, views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("mes-donnees/telecharger/", views.export_data, name="export"),
    path("supprimer/", views.delete_account, name="delete"),
    # Shadows allauth's multi-address page (same path, resolved first): one optional email per account.
    path("email/", views.email_management, name="email"),
    path("accueil/", desk.desk_home, name="desk"),
    path("accueil/nouveau/", desk.create_account, name="desk_create"),
    path("accueil/compte/<int:pk>/nouveau-mot-de-passe/", desk.reset_password, name="desk_reset"),
    path("accueil/compte/<int:pk>/verifier/", verification.verify, name="desk_verify"),
    path("accueil/compte/<int:pk>/retirer-verification/", verification.withdraw, name="desk_withdraw_verification"),
    path("accueil/carte/<int:pk>/", desk.card, name="desk_card"),
    path("accueil/carte/<int:pk>/terminer/", desk.card_done, name="desk_card_done"),
]
