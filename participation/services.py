"""What the views do: counts, supporting under concurrency, the workshop page's context."""

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from participation.ballots import (  # noqa: F401 (the views' API)
    CODE_IDLE_SECONDS,
    SESSION_CODES_KEY,
    Voter,
    VoteRefused,
    account_refusal_message,
    current_voter,
    forget_code,
    remember_code,
)
from participation.models import Ballot, PaperTally, Phase, Proposal, Support, TallySheet, VotingCode
from participation.paper import paper_figures


def with_counts(proposals, workshop_id=None):
    """Attach online, paper and total counts to a list of proposals: two GROUP BY queries, whatever the size.

    (Correlated subqueries per proposal were several times slower on PostgreSQL with 20,000 supports.)
    """
    proposals = list(proposals)
    if not proposals:
        return proposals
    if workshop_id is not None:
        online_rows = Support.objects.filter(ballot__workshop_id=workshop_id)
        paper_rows = PaperTally.objects.filter(sheet__workshop_id=workshop_id)
    else:
        ids = [p.pk for p in proposals]
        online_rows = Support.objects.filter(proposal_id__in=ids)
        paper_rows = PaperTally.objects.filter(proposal_id__in=ids)
    # A tally sheet counts once two entries of it agree (participation.paper).
    paper_rows = paper_rows.filter(sheet__status=TallySheet.Status.CONFIRMED)
    online = dict(online_rows.order_by().values_list("proposal_id").annotate(n=Count("pk")))
    paper = dict(paper_rows.order_by().values_list("proposal_id").annotate(n=Sum("votes")))
    for proposal in proposals:
        proposal.online_count = online.get(proposal.pk, 0)
        proposal.paper_count = paper.get(proposal.pk, 0) or 0
        proposal.total_count = proposal.online_count + proposal.paper_count
    return proposals


def rank(proposals):
    return sorted(proposals, key=lambda p: (-p.total_count, -p.online_count, p.reference))


def ranked_results(workshop):
    proposals = Proposal.objects.public().filter(workshop=workshop).select_related("author")
    return rank(add_links(with_counts(proposals, workshop.pk), workshop))


# --- who is voting: see participation/ballots.py ----------------------------------------------------
def supported_ids(voter, workshop):
    if voter is None:
        return set()
    return set(Support.objects.filter(**voter.ballot_filter(workshop)).values_list("proposal_id", flat=True))


# --- supporting ---------------------------------------------------------------------------------
def _check_votable(workshop, proposal):
    if not workshop.is_voting_open():
        raise VoteRefused(_("Voting is not open in this workshop right now."), status=409)
    if proposal.workshop_id != workshop.pk or not proposal.is_public:
        raise VoteRefused(_("This proposal cannot be found in this workshop."), status=404)


def _locked_ballot(workshop, voter):
    """The voter's ballot row, locked until the end of the transaction (the per-voter quota)."""
    if voter.code:
        code = VotingCode.objects.select_for_update().get(pk=voter.code.pk)
        if code.revoked_at:
            raise VoteRefused(_("This voting code has been revoked."), status=403)
        ballot, _created = Ballot.objects.get_or_create(code=code, defaults={"workshop": workshop})
        return ballot
    try:
        # At most one row (unique constraint): get() needs no ORDER BY, unlike first().
        return Ballot.objects.select_for_update().get(workshop=workshop, user=voter.user)
    except Ballot.DoesNotExist:
        # First support of this voter: two simultaneous first clicks meet the unique constraint,
        # the loser reads (and locks) the winner's row.
        ballot, _created = Ballot.objects.get_or_create(workshop=workshop, user=voter.user)
        return Ballot.objects.select_for_update().get(pk=ballot.pk)


def _refusal(ballot, proposal, workshop):
    if Support.objects.filter(ballot=ballot, proposal=proposal).exists():
        return VoteRefused(_("You already support this proposal."))
    return VoteRefused(
        ngettext(
            "You may support only %(n)d proposal in this workshop. Withdraw it to choose another one.",
            "You may support only %(n)d proposals in this workshop. "
            "Withdraw one of your supports to choose another one.",
            workshop.max_supports,
        )
        % {"n": workshop.max_supports}
    )


def _insert_within_quota(ballot, proposal, limit):
    """Insert the support only if the ballot has fewer than `limit` supports and not this one yet.

    One statement instead of a read then an insert (the busiest write of the site). Runs while the
    ballot row is locked, so the count cannot change under it; the unique constraint stays the last
    word (ON CONFLICT DO NOTHING, or an IntegrityError on a race the lock did not cover).
    Returns whether a row was inserted.
    """
    table = connection.ops.quote_name(Support._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (ballot_id, proposal_id, created_at) "  # noqa: S608 (table name from the model)
            f"SELECT %s, %s, %s WHERE (SELECT COUNT(*) FROM {table} WHERE ballot_id = %s) < %s "
            "ON CONFLICT (proposal_id, ballot_id) DO NOTHING",
            [ballot.pk, proposal.pk, connection.ops.adapt_datetimefield_value(timezone.now()), ballot.pk, limit],
        )
        return cursor.rowcount == 1


def add_support(workshop, proposal, voter):
    _check_votable(workshop, proposal)
    try:
        with transaction.atomic():
            ballot = _locked_ballot(workshop, voter)
            if not _insert_within_quota(ballot, proposal, workshop.max_supports):
                raise _refusal(ballot, proposal, workshop)
    except IntegrityError:
        # Two clicks at the same instant: the unique constraint kept only one.
        raise VoteRefused(_("You already support this proposal."))


def withdraw_support(workshop, proposal, voter):
    _check_votable(workshop, proposal)
    with transaction.atomic():
        deleted, _detail = Support.objects.filter(proposal=proposal, **voter.ballot_filter(workshop)).delete()
    if not deleted:
        raise VoteRefused(_("You were not supporting this proposal."))


# --- voting codes (guessing limits: participation/guessing.py) ---------------------------------------


def code_supports_used(code):
    return Support.objects.filter(ballot__code=code).count()


# --- the workshop page ----------------------------------------------------------------------------------
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


BAR_X = 125
BAR_MAX = 230


def excerpt(text, limit=280):
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def add_links(proposals, workshop):
    """URLs and excerpts computed once in Python: the page lists up to hundreds of proposals."""
    support = reverse("participation:support", args=[workshop.pk, 0])[: -len("0/")]
    withdraw = reverse("participation:withdraw", args=[workshop.pk, 0])[: -len("0/")]
    detail = reverse("participation:proposal", args=["REF"])[: -len("REF/")]
    for proposal in proposals:
        proposal.support_url = f"{support}{proposal.pk}/"
        proposal.withdraw_url = f"{withdraw}{proposal.pk}/"
        proposal.detail_url = f"{detail}{proposal.reference}/"
        proposal.photo_url = f"{detail}{proposal.reference}/photo/" if proposal.photo else ""
        proposal.excerpt = excerpt(proposal.description)
    return proposals


def results_context(ranked, workshop):
    """The chart rows, the totals of supports, and who voted (online voters, paper ballots)."""
    top = max([p.total_count for p in ranked] or [0]) or 1
    bar_height = 36
    rows = []
    for index, proposal in enumerate(ranked):
        rows.append(
            {
                "proposal": proposal,
                "y": index * bar_height,
                "text_y": index * bar_height + 23,
                "online_width": round(BAR_MAX * proposal.online_count / top, 1),
                "paper_width": round(BAR_MAX * proposal.paper_count / top, 1),
                "paper_x": round(BAR_X + BAR_MAX * proposal.online_count / top, 1),
            }
        )
    return {
        "chart_rows": rows,
        "chart_height": max(len(ranked), 1) * bar_height,
        "total_online": sum(p.online_count for p in ranked),
        "total_paper": sum(p.paper_count for p in ranked),
        "figures": paper_figures(workshop),
    }
