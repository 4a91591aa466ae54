"""Participation's indicators (registered in home.indicators): a fixed number of GROUP BY centre queries.

What each figure counts exactly is in docs/indicators.md.
"""

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from home.indicators import Indicator, Ratio, group_count, merge_counts, record_erased
from participation.models import Ballot, Phase, Proposal, Support, TallySheet, VotingCode, WorkshopPage

KEY_PARTICIPANTS = "participation.participants"
SELECTED = [Proposal.Outcome.SELECTED, Proposal.Outcome.IN_PROGRESS, Proposal.Outcome.DONE]

INDICATORS = [
    *(
        Indicator(f"participation.workshops_{phase.value}", format_lazy("{}: {}", _("Workshops"), phase.label))
        for phase in Phase
    ),
    Indicator("participation.proposals_submitted", _("Proposals submitted"), key_figure=True),
    Indicator("participation.proposals_published", _("Proposals published")),
    Indicator("participation.proposals_selected", _("Proposals selected")),
    Indicator("participation.proposals_done", _("Proposals carried out")),
    Indicator(KEY_PARTICIPANTS, _("Participants online (proposed or supported)"), people=True, key_figure=True),
    Indicator("participation.accounts", _("Participants with an account"), people=True),
    Indicator("participation.codes_issued", _("Voting codes issued")),
    Indicator("participation.codes_used", _("Voting codes used"), people=True),
    Indicator("participation.paper_ballots", _("Paper ballots cast"), people=True, key_figure=True),
    Indicator("participation.paper_blank", _("Paper ballots: blank"), people=True),
    Indicator("participation.paper_spoilt", _("Paper ballots: spoilt"), people=True),
    Indicator("participation.turnout", _("Turnout (workshops with a known audience)"), people=True, ratio=True),
]


def _workshops(period, centre_ids):
    """Workshops whose dates meet the period, by their phase today: one query."""
    rows = WorkshopPage.objects.live().filter(proposals_start__lt=period.until, voting_end__gte=period.since)
    if centre_ids is not None:
        rows = rows.filter(centre_id__in=centre_ids)
    found = {}
    for workshop in rows.only("centre_id", "proposals_start", "proposals_end", "voting_start", "voting_end",
                              "results_date"):  # fmt: skip
        key = f"participation.workshops_{workshop.phase_at()}"
        found.setdefault(key, {})
        found[key][workshop.centre_id] = found[key].get(workshop.centre_id, 0) + 1
    return found


def _in(queryset, centre_field, centre_ids):
    return queryset if centre_ids is None else queryset.filter(**{f"{centre_field}__in": centre_ids})


def _participants(period, centre_ids):
    """Accounts that proposed or supported (each once per centre), and ballots without an account: 3 queries."""
    has_support = Exists(Support.objects.filter(ballot=OuterRef("pk")))
    ballots = _in(Ballot.objects.filter(has_support, **period.moments("created_at")), "workshop__centre_id", centre_ids)
    from_ballots = group_count(
        ballots,
        "workshop__centre_id",
        accounts=Count("user", distinct=True),
        codes=Count("pk", filter=Q(code__isnull=False)),
        without_account=Count("pk", filter=Q(user__isnull=True)),
        ballots=Count("pk"),
    )
    # Authors who did not also vote in the same centre in the period (they are counted above).
    voted_there = Ballot.objects.filter(
        has_support,
        user=OuterRef("author"),
        workshop__centre_id=OuterRef("workshop__centre_id"),
        **period.moments("created_at"),
    )
    authors = _in(
        Proposal.objects.filter(author__isnull=False, **period.moments("created_at")).exclude(Exists(voted_there)),
        "workshop__centre_id",
        centre_ids,
    )
    from_proposals = group_count(authors, "workshop__centre_id", accounts=Count("author", distinct=True))
    accounts = merge_counts(from_ballots["accounts"], from_proposals["accounts"])
    return {
        "participation.accounts": accounts,
        KEY_PARTICIPANTS: merge_counts(accounts, from_ballots["without_account"]),
        "participation.codes_used": from_ballots["codes"],
    }


def _turnout(period, centre_ids):
    """Workshops with an audience size whose vote closed in the period: online and paper voters / audience."""
    online = (
        Ballot.objects.filter(workshop=OuterRef("pk"), supports__isnull=False)
        .values("workshop")
        .annotate(n=Count("pk", distinct=True))
        .values("n")
    )
    paper = TallySheet.objects.confirmed().filter(workshop=OuterRef("pk")).values("workshop")
    paper = paper.annotate(n=Sum("ballots_cast")).values("n")
    workshops = _in(
        WorkshopPage.objects.live().filter(audience_size__gt=0, **period.moments("voting_end")), "centre_id", centre_ids
    )
    workshops = workshops.annotate(
        online=Coalesce(Subquery(online, output_field=IntegerField()), 0),
        paper=Coalesce(Subquery(paper, output_field=IntegerField()), 0),
    )
    found = {}
    for centre_id, audience, online_n, paper_n in workshops.values_list(
        "centre_id", "audience_size", "online", "paper"
    ):
        found[centre_id] = found.get(centre_id, Ratio(0, 0)) + Ratio(online_n + paper_n, audience)
    return found


def compute(period, centre_ids):
    proposals = group_count(
        _in(Proposal.objects.filter(**period.moments("created_at")), "workshop__centre_id", centre_ids),
        "workshop__centre_id",
        submitted=Count("pk"),
        published=Count("pk", filter=Q(status=Proposal.Status.PUBLISHED)),
        selected=Count("pk", filter=Q(outcome__in=SELECTED)),
        done=Count("pk", filter=Q(outcome=Proposal.Outcome.DONE)),
    )
    codes = group_count(
        _in(VotingCode.objects.filter(**period.moments("created_at")), "workshop__centre_id", centre_ids),
        "workshop__centre_id",
        issued=Count("pk"),
    )
    paper = group_count(
        _in(TallySheet.objects.confirmed().filter(**period.days("session_date")), "workshop__centre_id", centre_ids),
        "workshop__centre_id",
        cast=Sum("ballots_cast"),
        blank=Sum("blank"),
        spoilt=Sum("spoilt"),
    )
    return {
        **_workshops(period, centre_ids),
        "participation.proposals_submitted": proposals["submitted"],
        "participation.proposals_published": proposals["published"],
        "participation.proposals_selected": proposals["selected"],
        "participation.proposals_done": proposals["done"],
        **_participants(period, centre_ids),
        "participation.codes_issued": codes["issued"],
        "participation.paper_ballots": paper["cast"],
        "participation.paper_blank": paper["blank"],
        "participation.paper_spoilt": paper["spoilt"],
        "participation.turnout": _turnout(period, centre_ids),
    }


def keep_counts(user):
    """Before an erasure: the person stays counted once in each centre where they proposed without voting.

    Their ballots stay (without the person) and keep counting as ballots without an account.
    """
    voted = Ballot.objects.filter(user=user, workshop__centre_id=OuterRef("workshop__centre_id"))
    first = {}
    for centre_id, created_at in (
        Proposal.objects.filter(author=user).exclude(Exists(voted)).values_list("workshop__centre_id", "created_at")
    ):
        first[centre_id] = min(first.get(centre_id, created_at), created_at)
    record_erased([(KEY_PARTICIPANTS, centre_id, moment.date(), 1) for centre_id, moment in first.items()])
