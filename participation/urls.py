from django.urls import path

from participation import follow_up, views, views_codes, views_proposals

app_name = "participation"

urlpatterns = [
    path("", views.open_workshops, name="open_workshops"),
    path("atelier/<int:pk>/proposer/", views_proposals.submit_proposal, name="submit"),
    path("atelier/<int:pk>/soutenir/<int:proposal_pk>/", views.support, name="support"),
    path("atelier/<int:pk>/retirer/<int:proposal_pk>/", views.withdraw, name="withdraw"),
    path("atelier/<int:pk>/code/", views_codes.enter_code, name="code"),
    path("atelier/<int:pk>/code/oublier/", views_codes.forget_code, name="forget_code"),
    path("atelier/<int:pk>/code/choisir/", views_codes.choose_ballot, name="choose_ballot"),
    path("atelier/<int:pk>/resultats/", views.results, name="results"),
    path("proposition/<str:reference>/", views_proposals.proposal_detail, name="proposal"),
    path("proposition/<str:reference>/signaler/", views_proposals.report, name="report"),
    path("proposition/<str:reference>/photo/", views_proposals.photo, name="photo"),
    path("proposition/<str:reference>/etape/<int:pk>/photo/", follow_up.milestone_photo, name="milestone_photo"),
    path("suivi/", follow_up.follow_up, name="follow_up"),
]
