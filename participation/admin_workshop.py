"""One workshop's page in the admin: its proposals, paper ballots, codes; and its results as CSV.

The proposals' CSV is the proposals viewset's own export (participation.admin_viewsets), for this workshop.
"""

from django.db.models import Count, Q
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views import View

from home.tabular import csv_response
from participation.admin_scope import WorkshopScopedMixin, WorkshopView
from participation.forms import CodeBatchForm, RevokeCodeForm
from participation.models import Proposal, TallySheet, VotingCode
from participation.models.counts import with_counts
from participation.results import ranked_results


class WorkshopOverviewView(WorkshopView):
    template_name = "participation/admin/workshop.html"

    def get_context_data(self, **kwargs):
        workshop = self.workshop
        counts_visible = workshop.counts_visible()
        proposals = list(Proposal.objects.filter(workshop=workshop).select_related("author").order_by("reference"))
        if counts_visible:
            with_counts(proposals, workshop.pk)
        # Codes, counted distinct (a join to supports would count a code once per support). How many
        # codes have voted is derived from supports: hidden with the counts, except from superusers.
        show_used = counts_visible or self.request.user.is_superuser
        counts = {"total": Count("pk", distinct=True), "revoked": Count("pk", filter=Q(revoked_at__isnull=False))}
        if show_used:
            counts["used"] = Count("pk", filter=Q(ballot__supports__isnull=False), distinct=True)
            counts["revoked"] = Count("pk", filter=Q(revoked_at__isnull=False), distinct=True)
        batches = VotingCode.objects.filter(workshop=workshop).values("batch").annotate(**counts).order_by("batch")
        return super().get_context_data(
            proposals=proposals,
            counts_visible=counts_visible,
            batch_form=CodeBatchForm(),
            revoke_form=RevokeCodeForm(),
            batches=batches,
            show_used=show_used,
            sessions=TallySheet.objects.filter(workshop=workshop).order_by("-session_date")[:50],
            **kwargs,
        )


def paper_summary_rows(workshop):
    """Who voted, below the ranking: paper ballots are counted from confirmed tally sheets only."""
    from participation.paper import paper_figures

    figures = paper_figures(workshop)
    return [
        [_("Online voters"), figures.online_voters],
        [_("of whom with a voting code"), figures.codes_used],
        [_("Paper ballots cast"), figures.ballots_cast],
        [_("Blank paper ballots"), figures.blank],
        [_("Spoilt paper ballots"), figures.spoilt],
        [_("Confirmed tally sheets"), figures.sheets],
        [_("Tally sheets to be checked (not counted)"), figures.sheets_to_check],
    ]


class ResultsCsvView(WorkshopScopedMixin, View):
    """The ranking (participation.results) and who voted, once voting has closed."""

    def get(self, request, pk):
        workshop = self.workshop
        if not workshop.counts_visible():
            return HttpResponse(
                _("The counts stay hidden until voting closes: the results can be downloaded afterwards."),
                status=409,
                content_type="text/plain; charset=utf-8",
            )
        rows = [
            [p.rank_label, p.reference, p.title, p.online_count, p.paper_count, p.total_count, p.get_outcome_display()]
            for p in ranked_results(workshop)
        ]
        header = [_("Rank"), _("Reference"), _("Title"), _("Online"), _("Paper"), _("Total"), _("Outcome")]
        return csv_response(f"resultats-{workshop.slug}.csv", header, [*rows, [], *paper_summary_rows(workshop)])
