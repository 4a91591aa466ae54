"""Version history: earlier versions with date and author; restoring one makes a new version."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..access import get_cv
from ..models import CV
from .common import document_context, editor_nav

HISTORY_LIMIT = 100


def cv_history(request, pk):
    cv = get_cv(request, pk)
    records = list(cv.history.select_related("history_user").order_by("-history_date", "-history_id")[:HISTORY_LIMIT])
    return render(request, "cv_builder/cv_history.html", {"cv": cv, "records": records, **editor_nav(cv)})


def _record(cv, history_id):
    record = cv.history.filter(history_id=history_id).first()
    if record is None:
        raise Http404
    return record


def cv_history_version(request, pk, history_id):
    cv = get_cv(request, pk)
    record = _record(cv, history_id)
    context = {**document_context(cv, data=record.data), "record": record, **editor_nav(cv)}
    return render(request, "cv_builder/cv_history_version.html", context)


@require_POST
def cv_history_restore(request, pk, history_id):
    cv = get_cv(request, pk)
    record = _record(cv, history_id)
    with transaction.atomic():
        cv = CV.objects.select_for_update().get(pk=cv.pk)
        cv.data = record.data
        cv.title = record.title
        cv.template = record.template
        cv.version += 1
        when = formats.date_format(timezone.localtime(record.history_date), "DATETIME_FORMAT")
        cv._change_reason = f"Restauration de la version du {when}"
        cv.save()
    messages.success(request, _("The version of %(date)s is back. It is now the latest version.") % {"date": when})
    return redirect("cv_builder:detail", pk=cv.pk)
