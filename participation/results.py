"""Results: the ranked proposals with their links, the chart and the totals (counting lives in models.counts)."""

from django.utils.translation import gettext as _

from home.charts import BarChart, Row, Series
from participation.listing import add_links
from participation.models import Proposal
from participation.models.counts import rank, with_counts
from participation.paper import paper_figures

__all__ = ["rank", "ranked_results", "results_chart", "results_context", "with_counts"]

ONLINE_COLOUR = "#0b5f8a"
PAPER_COLOUR = "#8a2a0b"


def ranked_results(workshop):
    proposals = Proposal.objects.public().filter(workshop=workshop).select_related("author")
    return rank(add_links(with_counts(proposals, workshop.pk), workshop))


def results_chart(ranked):
    series = [Series(_("online"), ONLINE_COLOUR), Series(_("on paper"), PAPER_COLOUR)]
    rows = [Row(label=p.title, values=[p.online_count, p.paper_count]) for p in ranked]
    return BarChart("results-chart", _("Supports received by each proposal"), series, rows)


def results_context(ranked, workshop):
    """The chart, the totals of supports, and who voted (online voters, paper ballots)."""
    return {
        "chart": results_chart(ranked),
        "total_online": sum(p.online_count for p in ranked),
        "total_paper": sum(p.paper_count for p in ranked),
        "figures": paper_figures(workshop),
    }
