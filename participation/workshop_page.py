"""The workshop page's context: its proposals, the visitor's supports, what the phase allows."""

from participation.ballots import CODE_IDLE_SECONDS, account_refusal_message, current_voter
from participation.listing import add_links
from participation.models import Phase, Proposal
from participation.results import rank, results_context, with_counts
from participation.voting import supported_ids


def workshop_context(workshop, request):
    phase = workshop.phase
    counts_visible = workshop.counts_visible()
    proposals = list(Proposal.objects.public().filter(workshop=workshop).select_related("author"))
    add_links(proposals, workshop)
    if counts_visible:
        with_counts(proposals, workshop.pk)
    if phase == Phase.RESULTS:
        proposals = rank(proposals)
    voter = current_voter(request, workshop) if phase == Phase.VOTING else None
    supported = supported_ids(voter, workshop)
    user = getattr(request, "user", None)
    cannot_vote_message = None
    if phase == Phase.VOTING and voter is None and user is not None and user.is_authenticated:
        cannot_vote_message = account_refusal_message(user, workshop)
    my_proposals = []
    if user is not None and user.is_authenticated:
        my_proposals = list(
            Proposal.objects.filter(workshop=workshop, author=user).exclude(status=Proposal.Status.PUBLISHED)
        )
    context = {
        "workshop": workshop,
        "phase": phase,
        "Phase": Phase,
        "counts_visible": counts_visible,
        "proposals": proposals,
        "voter": voter,
        "supported_ids": supported,
        "supports_left": max(workshop.max_supports - len(supported), 0),
        "my_proposals": my_proposals,
        "cannot_vote_message": cannot_vote_message,
        "code_idle_minutes": CODE_IDLE_SECONDS // 60,
    }
    if phase == Phase.RESULTS:
        context.update(results_context(proposals, workshop))
    return context


def proposal_vote_context(workshop, proposal, request):
    """The support button of a proposal's own page, while voting is open."""
    voter = current_voter(request, workshop)
    supported = supported_ids(voter, workshop)
    user = getattr(request, "user", None)
    add_links([proposal], workshop)
    return {
        "voting": True,
        "voter": voter,
        "is_supported": proposal.pk in supported,
        "supports_left": max(workshop.max_supports - len(supported), 0),
        "cannot_vote_message": (
            account_refusal_message(user, workshop) if voter is None and user and user.is_authenticated else None
        ),
    }
