"""Counting supports (online and paper) and ranking proposals: rules of the models, no request needed."""

from collections import Counter

from django.db.models import Count, Sum
from django.utils.translation import pgettext

from .tallies import PaperTally, TallySheet
from .votes import Support


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


def ordinal(number):
    """French ordinals on the site: "1er", "2e", "3e"."""
    if number == 1:
        return pgettext("rank", "1st")
    return pgettext("rank", "%(n)sth") % {"n": number}


def rank_label(number, tied):
    """ "1er", "2e ex æquo": the words the page, the CSV and the poster show."""
    if tied:
        return pgettext("rank", "%(rank)s tied") % {"rank": ordinal(number)}
    return ordinal(number)


def rank(proposals):
    """The one ranking (page, CSV, poster): by total; equal totals share a rank ("2e ex æquo").

    Ranks follow the usual competition rule: two proposals tied 2nd are followed by the 4th. Within a
    tie the order (more online supports, then reference) only keeps the list stable; it does not rank.
    """
    ordered = sorted(proposals, key=lambda p: (-p.total_count, -p.online_count, p.reference))
    totals = [p.total_count for p in ordered]
    how_many = Counter(totals)
    position = 0
    for index, proposal in enumerate(ordered):
        if index == 0 or totals[index] != totals[index - 1]:
            position = index + 1
        proposal.rank = position
        proposal.tied = how_many[proposal.total_count] > 1
        proposal.rank_label = rank_label(position, proposal.tied)
    return ordered
