"""The indicators report in the admin, its CSV/XLSX exports and the printable annual report.

Who sees what: the network admin (superuser) every centre, figures tied to no centre and the total;
centre staff the centres whose page they may edit (Wagtail page permissions, home.permissions).
The views know no app's models: figures come from the registry (home.indicators).
"""

from django.contrib import messages
from django.http import HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from home import indicator_tables as tables
from home.indicator_forms import FIRST_YEAR, NETWORK, CommentForm, PeriodForm
from home.indicators import Period, compute_all
from home.models import AnnualReportComment
from home.pdf import pdf_response
from home.permissions import centres_for_user
from home.tabular import csv_response, xlsx_response


def scope(user):
    """([(centre id, title)], is network admin): the centres whose figures the user may see."""
    return list(centres_for_user(user).order_by("title", "pk").values_list("pk", "title")), user.is_superuser


def period_label(period):
    if period.kind == "year":
        return str(period.start.year)
    if period.kind == "quarter":
        return _("Q%(n)s %(year)s") % {"n": (period.start.month - 1) // 3 + 1, "year": period.start.year}
    if period.kind == "month":
        return date_format(period.start, "F Y")
    return _("%(start)s to %(end)s") % {
        "start": date_format(period.start, "SHORT_DATE_FORMAT"), "end": date_format(period.end, "SHORT_DATE_FORMAT"),
    }  # fmt: skip


def forbidden(request):
    return render(request, "home/indicators/forbidden.html", {"page_title": _("Indicators")}, status=403)


def build(centres, network, period, centre_ids):
    """Everything a report shows: 2 x the registry's fixed number of queries."""
    chosen = centres if centre_ids is None else [(pk, title) for pk, title in centres if pk in centre_ids]
    columns = tables.columns_for(chosen, network and centre_ids is None)
    previous_period = period.previous_year()
    current = tables.table(compute_all(period, centre_ids), columns)
    previous = tables.table(compute_all(previous_period, centre_ids), columns)
    now_label, before_label = period_label(period), period_label(previous_period)
    return {
        "period": period,
        "period_label": now_label,
        "previous_label": before_label,
        "columns": columns,
        "with_total": len(columns) > 1,
        "tables": current,
        "previous_tables": previous,
        "comparison": tables.comparison(current, previous),
        "charts": tables.key_charts(current, previous, columns, now_label, before_label),
    }


def _read_form(request):
    centres, network = scope(request.user)
    if not centres and not network:
        return None, None, None
    form = PeriodForm(request.GET or None, centres=centres, network=network)
    return form, centres, network


def report(request):
    form, centres, network = _read_form(request)
    if form is None:
        return forbidden(request)
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
        period, centre_ids = Period.year(timezone.localdate().year), (None if network else [pk for pk, _t in centres])
    else:
        if not form.is_bound:
            form = PeriodForm({"kind": "year", "year": timezone.localdate().year}, centres=centres, network=network)
            form.is_valid()
        period, centre_ids = form.period(), form.centre_ids()
    context = build(centres, network, period, centre_ids)
    year = period.start.year
    reports = [(str(pk), title) for pk, title in centres if centre_ids is None or pk in centre_ids]
    if network:
        reports.insert(0, (NETWORK, _("The whole network")))
    context.update(
        form=form,
        query=request.GET.urlencode() if status == 200 else "",
        annual_reports=[
            {"label": label, "url": reverse("indicators:annual", args=[year, key])} for key, label in reports
        ],
        report_year=year,
        page_title=_("Indicators: %(period)s") % {"period": context["period_label"]},
    )
    return render(request, "home/indicators/report.html", context, status=status)


def export(request, fmt):
    form, centres, network = _read_form(request)
    if form is None:
        return HttpResponseForbidden(_("The indicators are for the centres' teams."))
    if form.is_bound and not form.is_valid():
        errors = "; ".join(str(error) for errors in form.errors.values() for error in errors)
        return HttpResponseBadRequest(_("The export was not made: %(errors)s") % {"errors": errors})
    if not form.is_bound:
        form = PeriodForm({}, centres=centres, network=network)
        form.is_valid()
    period, centre_ids = form.period(), form.centre_ids()
    context = build(centres, network, period, centre_ids)
    header = tables.export_header(context["columns"])
    rows = [
        *tables.export_rows(context["tables"], context["columns"], context["period_label"]),
        *tables.export_rows(context["previous_tables"], context["columns"], context["previous_label"]),
    ]
    filename = f"indicateurs-{period.start:%Y%m%d}-{period.end:%Y%m%d}.{fmt}"
    if fmt == "xlsx":
        return xlsx_response(filename, header, rows, title=_("Indicators"))
    return csv_response(filename, header, rows)


def _annual_scope(request, year, centre_key):
    """(centre id or None, title, error response) of an annual report the user may see."""
    centres, network = scope(request.user)
    if not centres and not network:
        return None, None, forbidden(request)
    if not FIRST_YEAR <= year <= timezone.localdate().year + 1:
        return None, None, HttpResponseBadRequest(_("No annual report for this year."))
    if centre_key == NETWORK:
        if not network:
            return None, None, forbidden(request)
        return None, _("The whole network"), None
    titles = dict(centres)
    if not centre_key.isdigit() or int(centre_key) not in titles:
        return None, None, forbidden(request)
    return int(centre_key), titles[int(centre_key)], None


def _comment(centre_id, year):
    return AnnualReportComment.objects.filter(centre_id=centre_id, year=year).first()


@require_http_methods(["GET", "POST"])
def annual(request, year, centre):
    """The annual report of a centre (or the network): its comments, and the PDF link."""
    centre_id, title, refused = _annual_scope(request, year, centre)
    if refused:
        return refused
    comment = _comment(centre_id, year)
    status = 200
    if request.method == "POST":
        form = CommentForm(request.POST)
        if form.is_valid():
            comment = comment or AnnualReportComment(centre_id=centre_id, year=year)
            comment.text = form.cleaned_data["text"]
            comment.updated_by = request.user
            comment.save()
            messages.success(request, _("The comments are saved; they are printed in the PDF."))
            return redirect("indicators:annual", year, centre)
        status = 400
    else:
        form = CommentForm(initial={"text": comment.text if comment else ""})
    context = {
        "page_title": _("Annual report %(year)s: %(title)s") % {"year": year, "title": title},
        "form": form,
        "title": title,
        "year": year,
        "pdf_url": reverse("indicators:annual_pdf", args=[year, centre]),
        "report_url": reverse("indicators:report") + f"?kind=year&year={year}"
        + (f"&centre={centre_id}" if centre_id else ""),
    }  # fmt: skip
    return render(request, "home/indicators/annual.html", context, status=status)


def annual_pdf(request, year, centre):
    centre_id, title, refused = _annual_scope(request, year, centre)
    if refused:
        return refused
    centres, network = scope(request.user)
    context = build(centres, network, Period.year(year), None if centre_id is None else [centre_id])
    comment = _comment(centre_id, year)
    context.update(
        title=title, year=year, comment=comment.text if comment else "", printed_on=timezone.localdate(),
        key_rows=[row for row in context["comparison"] if row["indicator"].key_figure],
    )  # fmt: skip
    slug = "reseau" if centre_id is None else str(centre_id)
    return pdf_response("home/indicators/annual_pdf.html", context, f"rapport-annuel-{year}-{slug}.pdf", request)
