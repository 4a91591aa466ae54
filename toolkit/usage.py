"""Usage counts of the toolkit: views and PDF downloads per resource and per month.

Nothing about the visitor is read or kept (no cookie, no address, no user agent stored): one
counter row per resource and month, incremented in the database with an atomic update.

Why a response header and a middleware: anonymous pages are served from the page cache
(home/page_cache.py), often before URL routing, so the sheet's view does not run on a cache
hit. The sheet marks its response with `USAGE_HEADER`; the page cache stores that header with
the page; `UsageCountMiddleware`, placed before the page cache middleware, counts every response
that carries it (cache hit or not) and removes the header before it leaves the server.
"""

import logging

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from home.fast_hits import keep_off_fast_path

logger = logging.getLogger(__name__)

USAGE_HEADER = "X-Toolkit-Usage"
VIEW = "view"
DOWNLOAD = "download"
FIELDS = {VIEW: "views", DOWNLOAD: "downloads"}
# Link checkers and search robots are not centres reading a sheet.
ROBOT_MARKERS = ("bot", "crawl", "spider", "slurp", "preview", "monitor")


def mark(response, kind, resource_id):
    response[USAGE_HEADER] = f"{kind}:{resource_id}"
    return response


def month_of(day):
    return day.replace(day=1)


def record(resource_id, kind, day=None):
    """Add one to this month's counter of the resource. Safe under concurrency, never raises."""
    from toolkit.models import MonthlyUsage

    field = FIELDS[kind]
    month = month_of(day or timezone.localdate())
    rows = MonthlyUsage.objects.filter(resource_id=resource_id, month=month)
    try:
        with transaction.atomic():
            if rows.update(**{field: F(field) + 1}):
                return
        try:
            with transaction.atomic():
                MonthlyUsage.objects.create(resource_id=resource_id, month=month, **{field: 1})
        except IntegrityError:
            # Another request created this month's row in the meantime: add to it.
            with transaction.atomic():
                rows.update(**{field: F(field) + 1})
    except DatabaseError:
        # A counter must never cost a visitor their page.
        logger.exception("Could not count a toolkit %s of resource %s", kind, resource_id)


def _is_robot(request):
    agent = request.META.get("HTTP_USER_AGENT", "").lower()
    return any(marker in agent for marker in ROBOT_MARKERS)


class UsageCountMiddleware:
    """Counts the views and downloads marked by the sheets, including page-cache hits."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        marker = response.get(USAGE_HEADER)
        if marker:
            del response[USAGE_HEADER]
            keep_off_fast_path(request)  # a hit must come through here to be counted
        if marker and request.method == "GET" and response.status_code == 200 and not _is_robot(request):
            kind, _sep, resource_id = marker.partition(":")
            if kind in FIELDS and resource_id.isdigit():
                record(int(resource_id), kind)
        return response


def totals_by_resource(resource_ids=None, since=None):
    """{resource_id: {"views": n, "downloads": n}} summed over the months from `since` (a date)."""
    from toolkit.models import MonthlyUsage

    rows = MonthlyUsage.objects.all()
    if resource_ids is not None:
        rows = rows.filter(resource_id__in=resource_ids)
    if since is not None:
        rows = rows.filter(month__gte=month_of(since))
    summed = rows.values("resource_id").annotate(views=Sum("views"), downloads=Sum("downloads")).order_by()
    return {row["resource_id"]: {"views": row["views"], "downloads": row["downloads"]} for row in summed}


def totals_by_month(start=None, end=None):
    """[{"month": date, "views": n, "downloads": n}], oldest first: for the overview and the indicators.

    `start` and `end` are dates (inclusive); months are those whose first day falls in the range.
    """
    from toolkit.models import MonthlyUsage

    rows = MonthlyUsage.objects.all()
    if start is not None:
        rows = rows.filter(month__gte=month_of(start))
    if end is not None:
        rows = rows.filter(month__lte=end)
    summed = rows.values("month").annotate(views=Sum("views"), downloads=Sum("downloads")).order_by("month")
    return [{"month": row["month"], "views": row["views"], "downloads": row["downloads"]} for row in summed]


def months_back(count, today=None):
    """First day of the month `count - 1` months before this one (so `count` months with this one)."""
    month = month_of(today or timezone.localdate())
    year, index = divmod(month.year * 12 + month.month - 1 - (count - 1), 12)
    return month.replace(year=year, month=index + 1)
