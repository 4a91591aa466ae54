"""Admin overview of the adoptions (counts per stage, per resource and overall) and CSV export."""

from collections import OrderedDict

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.charts import BarChart, Row, Series, stacked_segments
from home.tabular import csv_response
from toolkit.admin_usage import usage_overview
from toolkit.models import Adoption
from toolkit.permissions import is_toolkit_staff

ROW_BAR_WIDTH = 200
STAGE_COLOURS = {
    "discovered": "#6b6b75",
    "workshop": "#0b5f8a",
    "testing": "#b35c00",
    "adopted": "#1e6b34",
    "abandoned": "#a40e26",
}


def row_segments(overview):
    """Stacked bar segments per resource (decorative: the same numbers are in the table row)."""
    highest = max((row["total"] for row in overview["rows"]), default=0)
    colours = [STAGE_COLOURS[value] for value, _label in overview["stages"]]
    for row in overview["rows"]:
        row["segments"] = stacked_segments(row["cells"], colours, highest, ROW_BAR_WIDTH)
    return [(label, STAGE_COLOURS[value]) for value, label in overview["stages"]]


def adoption_overview():
    """{'stages': [(value, label)], 'overall': {stage: n}, 'rows': [...], 'total', 'centres'}: one pass over the DB."""
    stages = list(Adoption.Stage.choices)
    rows = OrderedDict()
    overall = dict.fromkeys(Adoption.Stage.values, 0)
    counts = (
        Adoption.objects.values("resource_id", "resource__title", "stage")
        .annotate(n=Count("id"))
        .order_by("resource__title", "resource_id")
    )
    for item in counts:
        row = rows.setdefault(
            item["resource_id"],
            {"title": item["resource__title"], "counts": dict.fromkeys(Adoption.Stage.values, 0), "total": 0},
        )
        row["counts"][item["stage"]] += item["n"]
        row["total"] += item["n"]
        overall[item["stage"]] += item["n"]
    for row in rows.values():
        row["cells"] = [row["counts"][value] for value, _label in stages]
    # A centre can be at the same stage for several resources: count it once per stage.
    centres_at = dict.fromkeys(Adoption.Stage.values, 0)
    for item in Adoption.objects.values("stage").annotate(n=Count("centre", distinct=True)).order_by("stage"):
        centres_at[item["stage"]] = item["n"]
    return {
        "centres_at": centres_at,
        "centres_cells": [centres_at[value] for value, _label in stages],
        "stages": stages,
        "overall": overall,
        "overall_cells": [overall[value] for value, _label in stages],
        "rows": list(rows.values()),
        "total": sum(overall.values()),
        "centres": Adoption.objects.values("centre_id").distinct().count(),
    }


def stage_counts(overview):
    """(stage label, number of different centres at that stage), all resources together."""
    return [(label, overview["centres_at"][value]) for value, label in overview["stages"]]


def stage_chart(overview):
    rows = [Row(label=label, values=[count]) for label, count in stage_counts(overview)]
    title = _("All resources: how many different centres at each stage")
    return BarChart("stages-chart", title, [Series(_("centres"), "#0b5f8a")], rows, width=560)


def overview_view(request):
    if not is_toolkit_staff(request.user):
        raise PermissionDenied
    overview = adoption_overview()
    legend = row_segments(overview)
    context = {
        "legend": legend,
        "row_bar_width": ROW_BAR_WIDTH,
        "overview": overview,
        "chart": stage_chart(overview),
        "page_title": _("Adoptions overview"),
        "adoptions_url": reverse("toolkit_adoptions:index"),
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": _("Adoptions overview")},
        ],
    }
    context.update(usage_overview())
    return TemplateResponse(request, "toolkit/admin/overview.html", context)


CSV_HEADER = [
    gettext_lazy("Centre"),
    gettext_lazy("Town"),
    gettext_lazy("Centre of the network"),
    gettext_lazy("Resource"),
    gettext_lazy("Type"),
    gettext_lazy("Stage"),
    gettext_lazy("Why it was abandoned"),
    gettext_lazy("Started on"),
    gettext_lazy("Stage reached on"),
    gettext_lazy("What they adapted"),
    gettext_lazy("Feedback"),
    gettext_lazy("Shown on the sheet"),
    gettext_lazy("Demo example"),
]


def adoptions_csv_view(request):
    if not is_toolkit_staff(request.user):
        raise PermissionDenied
    stamp = timezone.localdate().isoformat()
    yes, no = _("yes"), _("no")
    adoptions = Adoption.objects.select_related("centre", "resource", "resource__content_type").order_by(
        "centre__name", "resource__title", "pk"
    )
    rows = []
    for adoption in adoptions:
        resource_class = adoption.resource.content_type.model_class()
        rows.append(
            [
                adoption.centre.name,
                adoption.centre.town,
                yes if adoption.centre.in_network else no,
                adoption.resource.title,
                str(getattr(resource_class, "resource_type_label", "")),
                adoption.get_stage_display(),
                adoption.abandon_reason,
                adoption.started_on.isoformat(),
                adoption.stage_changed_on.isoformat(),
                adoption.adapted,
                adoption.feedback,
                yes if adoption.is_published else no,
                yes if adoption.is_example else no,
            ]
        )
    return csv_response(f"adoptions-{stamp}.csv", [str(label) for label in CSV_HEADER], rows)
