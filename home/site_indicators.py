"""The site's own indicators (news and events published), registered in home.indicators like any app's."""

from django.db.models import Count
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _

from home.indicators import Indicator
from home.models import CentrePage, EventPage, NewsPage

NEWS, EVENTS = "site.news", "site.events"
INDICATORS = [Indicator(NEWS, _("News published")), Indicator(EVENTS, _("Events held"))]


def _by_centre(pages, centres):
    """{centre id or None: count} of `pages`, from their tree paths: one GROUP BY query."""
    by_path = {path: pk for pk, path in centres}
    length = len(next(iter(by_path), ""))
    if not length:
        return {None: pages.count()}
    found = {}
    rows = pages.annotate(prefix=Substr("path", 1, length)).values("prefix").annotate(n=Count("pk")).order_by()
    for row in rows:
        centre_id = by_path.get(row["prefix"])
        found[centre_id] = found.get(centre_id, 0) + row["n"]
    return found


def compute(period, centre_ids):
    centres = list(CentrePage.objects.values_list("pk", "path"))
    news = _by_centre(NewsPage.objects.live().filter(**period.moments("first_published_at")), centres)
    events = _by_centre(EventPage.objects.live().filter(**period.moments("start")), centres)
    return {NEWS: news, EVENTS: events}
