"""The participation admin on Wagtail's own machinery: proposals, tally sheets and voting codes are
`ModelViewSet`s (list filters, search, CSV/XLSX export through home.tabular, pagination, permission
policies scoped by centre: participation.admin_policies). A proposal's page is the proposals'
`EditView` (admin_moderation); one workshop's page (admin_workshop), its codes (admin_codes) and its
paper loop (admin_paper) are class-based views scoped by the same policies (admin_scope), mounted here.
"""

from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import RedirectView
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

from home.admin_export import TabularExportMixin
from home.page_cache import invalidate_page_cache
from participation.admin_moderation import PaperProposalView, ProposalEditView
from participation.admin_policies import (
    ProposalFilterSet,
    TallySheetFilterSet,
    VotingCodeFilterSet,
    staff_workshops,
)
from participation.admin_scope import WorkshopScopedMixin
from participation.admin_workshop import ResultsCsvView, WorkshopOverviewView
from participation.forms import OutcomeForm
from participation.models import Proposal, TallySheet, VotingCode
from participation.reports import open_reports_q


def _scoped(view, actions=("view", "change")):
    return policy_registry.get_by_type(view.model).instances_user_has_any_permission_for(view.request.user, actions)


def _workshop_label(obj):
    return f"{obj.workshop.title} ({obj.workshop.centre.code})" if obj.workshop.centre_id else obj.workshop.title


class ScopedIndexView(TabularExportMixin, IndexView):
    """Lists only the user's centres; exports follow the same filters and scope."""

    default_order = ()
    select = ("workshop", "workshop__centre")

    def get_base_queryset(self):
        return _scoped(self).select_related(*self.select)

    def order_queryset(self, queryset):
        if self.ordering or not self.default_order:
            return super().order_queryset(queryset)
        return queryset.order_by(*self.default_order)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["workshops"] = staff_workshops(self.request.user).select_related("centre")
        return context


# --- proposals: the moderation queue ---------------------------------------------------------------------
class ProposalIndexView(ScopedIndexView):
    default_order = ("-hidden_by_reports", "-has_open_reports", "created_at")
    select = ("workshop", "workshop__centre", "author")

    def get_base_queryset(self):
        return super().get_base_queryset().annotate(report_count=Count("reports"), has_open_reports=open_reports_q())

    def get_edit_url(self, instance):
        return reverse("participation_admin:proposal", args=[instance.pk])

    def get_page_title(self):
        return _("Participation")


class WorkshopProposalsExportView(WorkshopScopedMixin, ProposalIndexView):
    """`propositions.csv` of one workshop: the list's own export, every status, by reference."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.is_export = True
        # One workshop: its title would repeat on every row.
        self.list_export = [field for field in self.list_export if field != "workshop.title"]

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "data": {"workshop": self.workshop.pk, "statut": "all"}}

    def order_queryset(self, queryset):
        return queryset.order_by("reference")

    def get_filename(self):
        return f"propositions-{self.workshop.slug}"

    def render_to_response(self, context, **response_kwargs):
        return self.as_spreadsheet(context["object_list"], self.FORMAT_CSV)


def _status_label(proposal):
    label = proposal.get_status_display()
    if proposal.hidden_by_reports:
        label = f"{label} — {_('hidden after reports')}"
    return label


class ProposalViewSet(ModelViewSet):
    model = Proposal
    name = "participation_admin"
    url_prefix = "participation"
    icon = "group"
    menu_label = _("Proposals to review")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = ProposalIndexView
    edit_view_class = ProposalEditView
    index_template_name = "participation/admin/queue.html"
    index_results_template_name = "participation/admin/index_results.html"
    filterset_class = ProposalFilterSet
    search_fields = ["reference", "title", "description", "on_behalf_of"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        "reference",
        "title",
        Column("workshop", label=_("Workshop"), accessor=_workshop_label),
        Column("author_name", label=_("Author")),
        Column("status", label=_("Status"), accessor=_status_label),
        Column("report_count", label=pgettext_lazy("proposal", "Reports")),
    ]
    list_export = [
        "reference",
        "title",
        "description",
        "workshop.title",
        "author_name",
        "on_paper",
        "status",
        "outcome",
        "official_answer",
        "created_at",
    ]
    export_headings = {"workshop.title": _("Workshop"), "author_name": _("Author")}
    export_filename = "propositions"

    def get_edit_view_kwargs(self, **kwargs):
        # No usage page, and the history is on the edit page itself.
        return super().get_edit_view_kwargs(usage_url_name=None, history_url_name=None, **kwargs)

    def get_form_class(self, for_update=False):
        return OutcomeForm  # the proposal's edit view answers it; moderation is a second form there

    def get_urlpatterns(self):
        from participation import admin_codes, admin_paper, follow_up

        workshop = "atelier/<int:pk>/"
        return [
            path("", self.index_view, name="index"),
            path("", self.index_view, name="queue"),
            path("results/", self.index_results_view, name="index_results"),
            # Wagtail's "edit" of a proposal is its moderation page, with its readable history.
            path("edit/<int:pk>/", self.edit_view, name="edit"),
            path("proposition/<int:pk>/", self.edit_view, name="proposal"),
            path("history/<int:pk>/", RedirectView.as_view(pattern_name=f"{self.name}:proposal"), name="history"),
            path("proposition/<int:pk>/suivi/", follow_up.milestones_admin, name="milestones"),
            path("proposition/<int:pk>/recu/", follow_up.paper_receipt, name="paper_receipt"),
            path(workshop, WorkshopOverviewView.as_view(), name="workshop"),
            path(f"{workshop}proposition-papier/", PaperProposalView.as_view(), name="paper_proposal"),
            path(f"{workshop}resultats.csv", ResultsCsvView.as_view(), name="results_csv"),
            path(
                f"{workshop}propositions.csv",
                self.construct_view(WorkshopProposalsExportView, **self.get_index_view_kwargs()),
                name="proposals_csv",
            ),
            *admin_codes.urlpatterns(workshop),
            *admin_paper.urlpatterns(),
        ]


# --- tally sheets -----------------------------------------------------------------------------------------
def _sheet_url(sheet):
    return reverse("participation_admin:tally_sheet", args=[sheet.workshop_id, sheet.session_date.isoformat()])


class TallySheetIndexView(ScopedIndexView):
    default_order = ("-session_date", "pk")
    select = ("workshop", "workshop__centre", "entered_by", "confirmed_by")

    def get_edit_url(self, instance):
        return _sheet_url(instance)


class TallySheetDeleteView(DeleteView):
    """Wagtail's confirmation page, saying what goes: the figures typed in, all entries, the photo."""

    template_name = "participation/admin/tally_delete.html"

    def get_object(self, queryset=None):
        scoped = _scoped(self, ["delete"]).select_related("workshop")
        return get_object_or_404(scoped, pk=self.kwargs["pk"])

    def delete_action(self):
        self.object._history_user = self.request.user
        self.object._change_reason = "Feuille supprimée"
        super().delete_action()
        invalidate_page_cache()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = self.object.entries.count()
        context["workshop"] = self.object.workshop
        return context


class TallySheetViewSet(ModelViewSet):
    model = TallySheet
    name = "participation_tallies"
    url_prefix = "participation/feuilles"
    icon = "list-ol"
    menu_label = _("Tally sheets")
    add_to_admin_menu = False
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = TallySheetIndexView
    index_results_template_name = "participation/admin/index_results.html"
    delete_view_class = TallySheetDeleteView
    filterset_class = TallySheetFilterSet
    list_display = [
        DateColumn("session_date", label=_("Session date"), accessor="session_date"),
        Column("workshop", label=_("Workshop"), accessor=_workshop_label),
        Column("status", label=_("Status"), accessor="get_status_display"),
        "ballots_cast",
        Column("entered_by", label=_("Last entered by")),
        Column("confirmed_by", label=_("Confirmed by")),
    ]
    list_export = [
        "session_date",
        "workshop.title",
        "status",
        "ballots_cast",
        "blank",
        "spoilt",
        "entered_by",
        "confirmed_by",
        "confirmed_at",
    ]
    export_headings = {"workshop.title": _("Workshop")}
    export_filename = "feuilles-de-depouillement"
    form_fields = ["session_date"]

    def get_delete_view_kwargs(self, **kwargs):
        return super().get_delete_view_kwargs(usage_url_name=None, history_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("edit/<int:pk>/", self.edit_redirect, name="edit"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
        ]

    @staticmethod
    def edit_redirect(request, pk):
        return redirect(_sheet_url(get_object_or_404(TallySheet, pk=pk)))


# --- voting codes -----------------------------------------------------------------------------------------
class VotingCodeIndexView(ScopedIndexView):
    default_order = ("-created_at", "pk")

    def get_edit_url(self, instance):
        return reverse("participation_admin:workshop", args=[instance.workshop_id])


class VotingCodeViewSet(ModelViewSet):
    """Codes are listed by their non-secret start only (the rest is kept as a fingerprint)."""

    model = VotingCode
    name = "participation_codes"
    url_prefix = "participation/codes"
    icon = "key"
    menu_label = _("Voting codes")
    add_to_admin_menu = False
    index_view_class = VotingCodeIndexView
    index_results_template_name = "participation/admin/index_results.html"
    filterset_class = VotingCodeFilterSet
    search_fields = ["lookup", "batch"]
    search_backend_name = None
    list_display = [
        Column("masked", label=_("Code")),
        Column("workshop", label=_("Workshop"), accessor=_workshop_label),
        Column("batch", label=_("Batch")),
        DateColumn("created_at", label=_("Printed on")),
        DateColumn("revoked_at", label=_("Revoked on")),
    ]
    list_export = ["lookup", "workshop.title", "batch", "created_at", "revoked_at"]
    export_headings = {"lookup": _("Code start"), "workshop.title": _("Workshop")}
    export_filename = "codes-de-vote"
    form_fields = ["batch"]

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("edit/<int:pk>/", self.edit_redirect, name="edit"),
        ]

    @staticmethod
    def edit_redirect(request, pk):
        code = get_object_or_404(VotingCode, pk=pk)
        return redirect("participation_admin:workshop", pk=code.workshop_id)
