from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.permissions import is_any_centre_staff
from participation import admin_paper, admin_views, follow_up

admin_patterns = [
    path("", admin_views.moderation_queue, name="queue"),
    path("proposition/<int:pk>/", admin_views.proposal_admin, name="proposal"),
    path("proposition/<int:pk>/suivi/", follow_up.milestones_admin, name="milestones"),
    path("proposition/<int:pk>/recu/", follow_up.paper_receipt, name="paper_receipt"),
    path("atelier/<int:pk>/", admin_views.workshop_admin, name="workshop"),
    path("atelier/<int:pk>/proposition-papier/", admin_views.paper_proposal, name="paper_proposal"),
    path("atelier/<int:pk>/codes/", admin_views.generate_codes, name="generate_codes"),
    path("atelier/<int:pk>/codes/revoquer/", admin_views.revoke_code, name="revoke_code"),
    path("atelier/<int:pk>/codes/revoquer-lot/", admin_views.revoke_batch, name="revoke_batch"),
    path("atelier/<int:pk>/bulletins-papier/", admin_paper.tallies, name="tallies"),
    path("atelier/<int:pk>/bulletins-papier/<str:day>/", admin_paper.tally_sheet, name="tally_sheet"),
    path("atelier/<int:pk>/bulletins-papier/<str:day>/photo/", admin_paper.tally_photo, name="tally_photo"),
    path("atelier/<int:pk>/feuilles.csv", admin_paper.tallies_csv, name="tallies_csv"),
    path("atelier/<int:pk>/bulletin.pdf", admin_paper.ballot_pdf, name="ballot_pdf"),
    path("atelier/<int:pk>/affiche.pdf", admin_paper.poster_pdf, name="poster_pdf"),
    path("atelier/<int:pk>/resultats.csv", admin_views.results_csv, name="results_csv"),
    path("atelier/<int:pk>/propositions.csv", admin_views.proposals_csv, name="proposals_csv"),
]


@hooks.register("register_admin_urls")
def register_participation_admin_urls():
    return [path("participation/", include((admin_patterns, "participation_admin"), namespace="participation_admin"))]


class CentreStaffMenuItem(MenuItem):
    def is_shown(self, request):
        return is_any_centre_staff(request.user)


@hooks.register("register_admin_menu_item")
def register_participation_menu_item():
    return CentreStaffMenuItem(
        _("Participation"), reverse("participation_admin:queue"), name="participation", icon_name="group", order=250
    )
