"""Public pages and votes: the open workshops, support or withdraw, the results. No JavaScript needed.

The other public actions: participation/views_proposals.py (submit, read, report a proposal, its
photo) and participation/views_codes.py (enter a voting code, choose a ballot, forget the codes).
"""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from participation import access, ballots, voting, workshop_page
from participation.models import Phase, Proposal, WorkshopPage
from participation.results import ranked_results, results_context


def _workshop(pk, with_centre=True):
    workshops = WorkshopPage.objects.live()
    if with_centre:
        workshops = workshops.select_related("centre")
    return get_object_or_404(workshops, pk=pk)


def _error(request, workshop, message, status):
    return render(request, "participation/action_error.html", {"workshop": workshop, "message": message}, status=status)


def open_workshops(request):
    now = timezone.now()
    workshops = access.visible(
        request, WorkshopPage.open_now(now).select_related("centre").order_by("voting_end", "title")
    )
    for workshop in workshops:
        workshop.current_phase = workshop.phase_at(now)
    recent = access.visible(
        request,
        WorkshopPage.objects.live()
        .filter(Q(results_date__lte=now) | Q(results_date__isnull=True, voting_end__lte=now))
        .select_related("centre")
        .order_by("-voting_end")[:6],
    )
    return render(request, "participation/open_workshops.html", {"workshops": workshops, "recent": recent})


# What a vote needs (a page row has dozens of columns; building that SELECT costs more than running it).
# Anything else is loaded on access, only on the rare paths that need it.
VOTE_PROPOSAL_FIELDS = ("pk", "workshop_id", "reference", "title", "status", "hidden_by_reports")
VOTE_WORKSHOP_FIELDS = (
    "id",
    "live",
    "path",
    "depth",
    "title",
    "url_path",
    "locale_id",
    "proposals_start",
    "proposals_end",
    "voting_start",
    "voting_end",
    "results_date",
    "max_supports",
    "hide_counts_during_vote",
    "voters",
)


def _vote_response(request, workshop, proposal, message=None, status=200):
    if request.headers.get("HX-Request"):
        context = workshop_page.workshop_context(workshop, request)
        context["vote_message"] = message
        context["page"] = workshop
        return render(request, "participation/includes/vote_zone.html", context)
    if status >= 400:
        return _error(request, workshop, message, status)
    messages.success(request, message)
    if request.POST.get("back") == "proposal":  # the button on the proposal's own page
        return redirect("participation:proposal", proposal.reference)
    return redirect(f"{workshop.url}#proposition-{proposal.pk}")


def _vote(request, pk, proposal_pk, action):
    # The busiest view of all (everyone votes at the end of a session): the proposal and its live
    # workshop in one query. Anything else (no such workshop, a proposal of another workshop) takes
    # the slower path below, which answers the right 404.
    try:
        proposal = (
            Proposal.objects.select_related("workshop")
            .only(*VOTE_PROPOSAL_FIELDS, *(f"workshop__{name}" for name in VOTE_WORKSHOP_FIELDS))
            .get(pk=proposal_pk, workshop_id=pk, workshop__live=True)
        )
        workshop = proposal.workshop
    except Proposal.DoesNotExist:
        workshop = _workshop(pk, with_centre=False)
        proposal = get_object_or_404(Proposal.objects.only(*VOTE_PROPOSAL_FIELDS), pk=proposal_pk)
    if refused := access.refusal(request, workshop):
        return refused
    voter = ballots.current_voter(request, workshop)
    if voter is None:
        if workshop.accepts_accounts and not request.user.is_authenticated:
            return _vote_response(request, workshop, proposal, _("Log in or enter your voting code to vote."), 403)
        message = ballots.account_refusal_message(request.user, workshop)
        return _vote_response(request, workshop, proposal, message or _("You cannot vote in this workshop."), 403)
    try:
        if action == "support":
            voting.add_support(workshop, proposal, voter)
            message = _("Your support for “%(title)s” is counted.") % {"title": proposal.title}
        else:
            voting.withdraw_support(workshop, proposal, voter)
            message = _("Your support for “%(title)s” is withdrawn.") % {"title": proposal.title}
    except ballots.VoteRefused as refused:
        return _vote_response(request, workshop, proposal, refused.message, refused.status)
    return _vote_response(request, workshop, proposal, message)


@require_POST
def support(request, pk, proposal_pk):
    return _vote(request, pk, proposal_pk, "support")


@require_POST
def withdraw(request, pk, proposal_pk):
    return _vote(request, pk, proposal_pk, "withdraw")


def results(request, pk):
    workshop = _workshop(pk)
    if refused := access.refusal(request, workshop):
        return refused
    phase = workshop.phase
    context = {"workshop": workshop, "phase": phase, "Phase": Phase, "counts_visible": workshop.counts_visible()}
    if context["counts_visible"]:
        ranked = ranked_results(workshop)
        context["proposals"] = ranked
        context.update(results_context(ranked, workshop))
    return render(request, "participation/results.html", context)
