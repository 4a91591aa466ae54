"""For the network's admin: how much each resource is used and what the centres say, next to adoptions."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from toolkit import usage
from toolkit.models import Adoption, ResourceFeedback, ToolkitResourcePage

MONTHS_SHOWN = 12


def feedback_counts():
    """{resource_id: {...}} in one query: verdicts, feedback to moderate, open "outdated" reports."""
    Status, Verdict = ResourceFeedback.Status, ResourceFeedback.Verdict
    rows = (
        ResourceFeedback.objects.values("resource_id")
        .annotate(
            useful=Count("pk", filter=Q(verdict=Verdict.USEFUL)),
            not_useful=Count("pk", filter=Q(verdict=Verdict.NOT_USEFUL)),
            to_moderate=Count("pk", filter=Q(status=Status.NEW)),
            outdated_open=Count("pk", filter=Q(reports_outdated=True, correction_done=False)),
        )
        .order_by()
    )
    return {row.pop("resource_id"): row for row in rows}


def usage_overview(today=None):
    """Rows per resource (views, downloads, feedback, adoptions) and the toolkit's months: 5 queries."""
    today = today or timezone.localdate()
    since = usage.months_back(MONTHS_SHOWN, today)
    this_month = usage.totals_by_resource(since=today)
    last_months = usage.totals_by_resource(since=since)
    feedback = feedback_counts()
    adoptions = dict(Adoption.objects.values_list("resource_id").annotate(n=Count("pk")).order_by())
    feedback_url = reverse("toolkit_feedback:index")
    empty = {"views": 0, "downloads": 0}
    no_feedback = {"useful": 0, "not_useful": 0, "to_moderate": 0, "outdated_open": 0}
    rows = []
    for pk, title in ToolkitResourcePage.objects.order_by("title", "pk").values_list("pk", "title"):
        rows.append(
            {
                "title": title,
                "views_month": this_month.get(pk, empty)["views"],
                "views": last_months.get(pk, empty)["views"],
                "downloads": last_months.get(pk, empty)["downloads"],
                "adoptions": adoptions.get(pk, 0),
                **feedback.get(pk, no_feedback),
                "feedback_url": f"{feedback_url}?resource={pk}",
            }
        )
    return {
        "usage_rows": rows,
        "usage_months": usage.totals_by_month(start=since, end=today),
        "usage_since": since,
        "feedback_to_moderate": sum(item["to_moderate"] for item in feedback.values()),
    }


def feedback_to_moderate():
    return ResourceFeedback.objects.filter(status=ResourceFeedback.Status.NEW).count()
