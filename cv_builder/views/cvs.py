"""The list of my CVs, creating, copying, importing, deleting and the bin."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.permissions import is_any_centre_staff

from ..access import get_cv
from ..documents import export_document, parse_import
from ..forms import ImportForm, NewCVForm
from ..models import CV, CoverLetter
from ..models.cv import BIN_DAYS
from ..resume import empty_resume
from .common import file_stem


def _my_cvs(user):
    """The person's CVs, each with its letters (not in the bin) in two queries."""
    letters = CoverLetter.objects.filter(deleted_at__isnull=True).order_by("-updated_at", "-pk")
    return list(user.cvs.alive().order_by("-updated_at").prefetch_related(Prefetch("letters", queryset=letters)))


@login_required
def cv_list(request):
    context = {
        "cvs": _my_cvs(request.user),
        "bin_count": request.user.cvs.in_bin().count(),
        "new_form": NewCVForm(),
        "import_form": ImportForm(),
        "is_staff": is_any_centre_staff(request.user),
    }
    return render(request, "cv_builder/cv_list.html", context)


@login_required
@require_POST
def cv_create(request):
    form = NewCVForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "cv_builder/cv_list.html",
            {"cvs": _my_cvs(request.user), "new_form": form, "import_form": ImportForm()},
            status=400,
        )
    data = empty_resume()
    name = request.user.get_full_name()
    if name:
        data["basics"]["name"] = name
    cv = CV.objects.create(
        owner=request.user, title=form.cleaned_data["title"], template=form.cleaned_data["template"], data=data
    )
    messages.success(request, _("Your CV is created. Let's fill it in, step by step."))
    return redirect("cv_builder:section", pk=cv.pk, slug="identite")


@require_POST
def cv_copy(request, pk):
    cv = get_cv(request, pk, owner_only=True)
    copy = CV.objects.create(
        owner=request.user,
        title=(_("Copy of %(title)s") % {"title": cv.title})[:120],
        template=cv.template,
        data=cv.data,
    )
    if cv.photo:
        copy.photo.save("photo.jpg", cv.photo.file, save=True)
    messages.success(request, _("The copy is ready. Change what you need for this job."))
    return redirect("cv_builder:detail", pk=copy.pk)


@login_required
def cv_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            data, title, template = parse_import(form.cleaned_data["file"].read())
        except ValidationError as error:
            for message in error.messages:
                form.add_error("file", message)
        else:
            cv = CV.objects.create(owner=request.user, title=title, template=template, data=data)
            messages.success(request, _("The CV is imported. Check each section."))
            return redirect("cv_builder:detail", pk=cv.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "cv_builder/cv_import.html", {"form": form}, status=status)


def cv_json(request, pk):
    cv = get_cv(request, pk)
    body = json.dumps(export_document(cv), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{file_stem(cv)}.json"'
    return response


def cv_delete(request, pk):
    cv = get_cv(request, pk, owner_only=True)
    if request.method == "POST":
        cv.deleted_at = timezone.now()
        cv._change_reason = "Mis à la corbeille"
        cv.save(update_fields=["deleted_at", "updated_at"])
        messages.success(request, _("The CV is in the bin for %(days)s days. You can restore it.") % {"days": BIN_DAYS})
        return redirect("cv_builder:list")
    return render(request, "cv_builder/cv_delete.html", {"cv": cv, "days": BIN_DAYS})


@login_required
def cv_bin(request):
    cvs = list(request.user.cvs.in_bin().order_by("-deleted_at"))
    letters = list(
        CoverLetter.objects.in_bin().filter(owner=request.user, cv__owner=request.user).order_by("-deleted_at")
    )
    return render(request, "cv_builder/cv_bin.html", {"cvs": cvs, "letters": letters, "days": BIN_DAYS})


@require_POST
def cv_restore(request, pk):
    cv = get_cv(request, pk, owner_only=True, deleted=True)
    cv.deleted_at = None
    cv._change_reason = "Sorti de la corbeille"
    cv.save(update_fields=["deleted_at", "updated_at"])
    messages.success(request, _("The CV “%(title)s” is back.") % {"title": cv.title})
    return redirect("cv_builder:detail", pk=cv.pk)


def cv_erase(request, pk):
    """Erasing for good asks first, saying what will be lost; only the confirmation page's button erases."""
    cv = get_cv(request, pk, owner_only=True, deleted=True)
    if request.method == "POST" and request.POST.get("confirm") == "erase":
        with transaction.atomic():
            cv.erase()
        messages.success(request, _("The CV is erased for good."))
        return redirect("cv_builder:bin")
    context = {
        "cv": cv,
        "versions": cv.history.count(),
        "links": cv.share_links.filter(revoked_at__isnull=True, expires_at__gt=timezone.now()).count(),
        "centres": list(cv.centre_shares.select_related("centre").values_list("centre__title", flat=True)),
    }
    return render(request, "cv_builder/cv_erase.html", context, status=400 if request.method == "POST" else 200)
