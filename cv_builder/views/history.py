"""Version history: earlier versions with date and author, page by page; restoring one step or the whole CV
makes a new version."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.templatetags.french_dates import quand

from ..access import get_cv
from ..models import CV
from ..sections import section_for_reason
from ..versions import GROUP_MINUTES, authors
from .common import document_context, editor_nav

PER_PAGE = 25


def _with_steps(records):
    for record in records:
        record.step = section_for_reason(record.history_change_reason or "")
    return records


def cv_history(request, pk):
    cv = get_cv(request, pk)
    records = cv.history.select_related("history_user").defer("data").order_by("-history_date", "-history_id")
    page = Paginator(records, PER_PAGE).get_page(request.GET.get("page"))
    rows = _with_steps(list(page.object_list))
    names = authors(cv, rows)
    for row in rows:
        row.author = names.get(row.history_user_id, "")
    context = {
        "cv": cv,
        "records": rows,
        "page": page,
        "latest_id": cv.history.order_by("-history_date", "-history_id").values_list("history_id", flat=True).first(),
        "group_minutes": GROUP_MINUTES,
        **editor_nav(cv),
    }
    return render(request, "cv_builder/cv_history.html", context)


def _record(cv, history_id):
    record = cv.history.filter(history_id=history_id).first()
    if record is None:
        raise Http404
    return record


def cv_history_version(request, pk, history_id):
    cv = get_cv(request, pk)
    record = _with_steps([_record(cv, history_id)])[0]
    context = {**document_context(cv, data=record.data), "record": record, **editor_nav(cv)}
    return render(request, "cv_builder/cv_history_version.html", context)


@require_POST
def cv_history_restore(request, pk, history_id):
    cv = get_cv(request, pk)
    record = _record(cv, history_id)
    step = section_for_reason(record.history_change_reason or "") if request.POST.get("scope") == "step" else None
    when = quand(record.history_date)
    with transaction.atomic():
        cv = CV.objects.select_for_update().get(pk=cv.pk)
        if step is not None:
            cv.data = step.restore(cv.data, record.data)
            cv._change_reason = f"Étape « {step.title} » remise à la version du {when}"
        else:
            cv.data = record.data
            cv.title = record.title
            cv.template = record.template
            cv._change_reason = f"Restauration de la version du {when}"
        cv.version += 1
        cv.save()
    if step is not None:
        messages.success(
            request,
            _("The step “%(step)s” is back as it was on %(date)s. The rest of the CV did not change.")
            % {"step": step.title, "date": when},
        )
        return redirect("cv_builder:section", pk=cv.pk, slug=step.slug)
    messages.success(
        request, _("The whole CV is back as it was on %(date)s. It is now the latest version.") % {"date": when}
    )
    return redirect("cv_builder:detail", pk=cv.pk)
