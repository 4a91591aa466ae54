"""The step-by-step editor: overview, section forms (autosave + plain save), photo, preview, PDF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..access import get_cv
from ..conflict import differences
from ..forms import COMMON_SKILLS, NewCVForm, PhotoForm
from ..models import CV
from ..models.cv import TEMPLATE_CHOICES
from ..resume import validate_resume
from ..sections import SECTIONS, SECTIONS_BY_SLUG, read_post
from ..versions import only_other_parts_changed, save_version
from .common import document_context, editor_nav
from .pdf import cv_pdf_response

TEMPLATE_NAMES = {value for value, _label in TEMPLATE_CHOICES}


def cv_detail(request, pk):
    cv = get_cv(request, pk)
    context = {
        "letters": list(cv.letters.filter(deleted_at__isnull=True).order_by("-updated_at", "-pk")),
        **editor_nav(cv),
        **document_context(cv),
        "templates": TEMPLATE_CHOICES,
        "settings_form": NewCVForm(initial={"title": cv.title, "template": cv.template}),
    }
    return render(request, "cv_builder/cv_detail.html", context)


@require_POST
def cv_settings(request, pk):
    cv = get_cv(request, pk, owner_only=True)
    form = NewCVForm(request.POST)
    if not form.is_valid():
        context = {**editor_nav(cv), **document_context(cv), "templates": TEMPLATE_CHOICES, "settings_form": form}
        return render(request, "cv_builder/cv_detail.html", context, status=400)
    cv.title = form.cleaned_data["title"]
    cv.template = form.cleaned_data["template"]
    cv._change_reason = "Nom et présentation"
    cv.save(update_fields=["title", "template", "updated_at"])
    messages.success(request, _("Saved."))
    return redirect("cv_builder:detail", pk=cv.pk)


def _neighbours(section):
    index = SECTIONS.index(section)
    previous = SECTIONS[index - 1] if index > 0 else None
    following = SECTIONS[index + 1] if index + 1 < len(SECTIONS) else None
    return previous, following


def _editor(request, cv, section, form, formset, status=200, version=None, photo_form=None):
    previous, following = _neighbours(section)
    context = {
        **editor_nav(cv),
        **document_context(cv),
        "section": section,
        "form": form,
        "formset": formset,
        "version": cv.version if version is None else version,
        "previous": previous,
        "following": following,
        "photo_form": (photo_form or PhotoForm()) if section.slug == "identite" else None,
        "skill_suggestions": COMMON_SKILLS,
    }
    return render(request, "cv_builder/cv_section.html", context, status=status)


def cv_section(request, pk, slug):
    section = SECTIONS_BY_SLUG.get(slug)
    if section is None:
        raise Http404
    cv = get_cv(request, pk)
    if request.method == "POST":
        return _save_section(request, cv, section)
    form, formset = section.build(cv.data)
    return _editor(request, cv, section, form, formset)


def _save_section(request, cv, section):
    htmx = request.headers.get("HX-Request") == "true"
    try:
        based_on = int(request.POST.get("version", ""))
    except ValueError:
        based_on = None
    with transaction.atomic():
        cv = CV.objects.select_for_update().get(pk=cv.pk)
        form, formset, new_data = read_post(section, cv.data, request.POST)
        if new_data is not None and new_data == cv.data:
            return _saved(request, cv, section, htmx, changed=False)
        if based_on != cv.version and not only_other_parts_changed(cv, section, based_on, new_data):
            return _conflict(request, cv, section, form, formset, new_data, htmx)
        if new_data is None:
            return _invalid(request, cv, section, form, formset, htmx, based_on)
        try:
            validate_resume(new_data)
        except ValidationError as error:
            if form is not None:
                for message in error.messages:
                    form.add_error(None, message)
            return _invalid(request, cv, section, form, formset, htmx, based_on)
        cv.data = new_data
        cv.version += 1
        save_version(cv, request.user, str(section.title))
    return _saved(request, cv, section, htmx, changed=True)


def _saved(request, cv, section, htmx, changed):
    if htmx:
        context = {
            **document_context(cv),
            "version": cv.version,
            "saved_at": timezone.localtime(),
            "ok": True,
            **editor_nav(cv),
            "section": section,
        }
        return render(request, "cv_builder/includes/save_status.html", context)
    if changed:
        messages.success(request, _("Saved."))
    action = request.POST.get("action", "")
    if action == "next":
        _previous, following = _neighbours(section)
        if following:
            return redirect("cv_builder:section", pk=cv.pk, slug=following.slug)
        return redirect("cv_builder:detail", pk=cv.pk)
    url = reverse("cv_builder:section", args=[cv.pk, section.slug])
    return redirect(url + ("#entrees" if action else ""))


def _invalid(request, cv, section, form, formset, htmx, based_on):
    if htmx:
        context = {"version": based_on, "ok": False, "invalid": True}
        return render(request, "cv_builder/includes/save_status.html", context)
    return _editor(request, cv, section, form, formset, status=400, version=based_on)


def _conflict(request, cv, section, form, formset, new_data, htmx):
    if htmx:
        return render(request, "cv_builder/includes/save_status.html", {"conflict": True, "cv": cv})
    posted = [
        (key, value)
        for key in request.POST
        if key not in {"csrfmiddlewaretoken", "version", "action"}
        for value in request.POST.getlist(key)
    ]
    mine_values = [value for key, value in posted if value and not key.endswith(("_FORMS", "NUM_FORMS"))]
    context = {
        **editor_nav(cv),
        "cv": cv,
        "section": section,
        "differences": differences(section, new_data, cv.data) if new_data is not None else None,
        "mine_values": mine_values,
        "posted": posted,
        "version": cv.version,
    }
    return render(request, "cv_builder/cv_conflict.html", context, status=409)


def cv_photo(request, pk):
    cv = get_cv(request, pk)
    if request.method != "POST":
        if not cv.photo:
            raise Http404
        response = FileResponse(cv.photo.open("rb"), content_type="image/jpeg")
        response["Cache-Control"] = "private, max-age=3600"
        return response
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        if form.cleaned_data["remove"]:
            if cv.photo:
                cv.photo.delete(save=False)
            cv.photo = ""
            cv._change_reason = "Photo retirée"
            cv.save(update_fields=["photo", "updated_at"])
            messages.success(request, _("The photo is removed."))
            return redirect("cv_builder:section", pk=cv.pk, slug="identite")
        if form.cleaned_data["photo"]:
            content = form.cleaned_data["photo"]  # already checked and re-encoded by the form
            old = cv.photo.name if cv.photo else ""
            cv._change_reason = "Photo"
            cv.photo.save("photo.jpg", content, save=False)
            cv.save(update_fields=["photo", "updated_at"])
            if old:
                cv.photo.storage.delete(old)
            messages.success(request, _("The photo is saved."))
            return redirect("cv_builder:section", pk=cv.pk, slug="identite")
        else:
            form.add_error("photo", _("Choose a photo first."))
    section = SECTIONS_BY_SLUG["identite"]
    main, formset = section.build(cv.data)
    return _editor(request, cv, section, main, formset, status=400, photo_form=form)


def cv_preview(request, pk):
    cv = get_cv(request, pk)
    return render(request, "cv_builder/cv_preview.html", {**document_context(cv), **editor_nav(cv)})


def cv_pdf(request, pk):
    cv = get_cv(request, pk)
    template = request.GET.get("modele", cv.template)
    if template not in TEMPLATE_NAMES:
        template = cv.template
    response = cv_pdf_response(request, cv, template)
    if response.status_code == 200 and cv.pdf_downloaded_at is None:
        type(cv).objects.filter(pk=cv.pk, pdf_downloaded_at__isnull=True).update(pdf_downloaded_at=timezone.now())
    return response
