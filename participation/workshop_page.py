"""The workshop page's visitor-dependent context: their ballot, their supports, links, the results chart.

The page model (participation.models.workshops) computes what depends only on the workshop and
calls this module through the ``WORKSHOP_CONTEXT_HOOK`` Wagtail hook (participation/wagtail_hooks.py),
so models import nothing above them. The htmx vote zone uses ``workshop_context`` directly.
"""

from participation.access import visible
from participation.ballots import CODE_IDLE_SECONDS, account_refusal_message, current_voter
from participation.listing import add_links
from participation.models import Phase
from participation.results import results_context
from participation.voting import supported_ids


def visitor_context(workshop, request, context):
    """Added to the page's own context (``WorkshopPage.page_context``)."""
    phase = context["phase"]
    proposals = context["proposals"]
    add_links(proposals, workshop)
    voter = current_voter(request, workshop) if phase == Phase.VOTING else None
    supported = supported_ids(voter, workshop)
    user = getattr(request, "user", None)
    cannot_vote_message = None
    if phase == Phase.VOTING and voter is None and user is not None and user.is_authenticated:
        cannot_vote_message = account_refusal_message(user, workshop)
    extra = {
        "voter": voter,
        "supported_ids": supported,
        "supports_left": max(workshop.max_supports - len(supported), 0),
        "cannot_vote_message": cannot_vote_message,
        "code_idle_minutes": CODE_IDLE_SECONDS // 60,
    }
    if phase == Phase.RESULTS:
        extra.update(results_context(proposals, workshop))
    return extra


def workshop_context(workshop, request):
    """The whole context of the page without Wagtail's page serving (the htmx vote zone)."""
    context = workshop.page_context(getattr(request, "user", None))
    context.update(visitor_context(workshop, request, context))
    return context


def visible_workshops(index_page, request, context):
    """The workshop list keeps only what this visitor may see (Wagtail view restrictions)."""
    return {"workshops": visible(request, context["workshops"])}


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
