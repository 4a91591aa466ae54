"""The letter's step editor (autosave, conflicts, versions: the CV's own machinery) and its downloads."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..access import get_cv, get_letter
from ..conflict import differences
from ..letters import STEPS_BY_SLUG, neighbours
from ..models import CoverLetter
from ..models.cv import TEMPLATE_CHOICES
from ..office import cv_document, docx, letter_document, odt
from ..pdf import render_letter_pdf
from ..versions import only_other_parts_changed, save_version
from .common import file_stem
from .letters import letter_context
from .pdf import render_refused

TEMPLATE_NAMES = {value for value, _label in TEMPLATE_CHOICES}
FORMATS = {"docx": (docx.write, docx.CONTENT_TYPE), "odt": (odt.write, odt.CONTENT_TYPE)}


def _step(letter, slug):
    step = STEPS_BY_SLUG.get(slug)
    if step is None:
        raise Http404
    return step.for_cv(letter.cv)


def _editor(request, letter, step, form, status=200, version=None):
    previous, following = neighbours(step)
    context = {
        **letter_context(letter, step),
        "form": form,
        "version": letter.version if version is None else version,
        "previous": previous,
        "following": following,
        "examples": step.examples_for(letter.kind),
    }
    return render(request, "cv_builder/letter_step.html", context, status=status)


def letter_step(request, pk, slug):
    letter = get_letter(request, pk)
    step = _step(letter, slug)
    if request.method == "POST":
        return _save(request, letter, step)
    form, _formset = step.build(letter.data)
    return _editor(request, letter, step, form)


def _save(request, letter, step):
    htmx = request.headers.get("HX-Request") == "true"
    try:
        based_on = int(request.POST.get("version", ""))
    except ValueError:
        based_on = None
    with transaction.atomic():
        checked, letter = letter, CoverLetter.objects.select_for_update().select_related("cv").get(pk=letter.pk)
        letter.viewer_is_owner, letter.viewer_can_edit = checked.viewer_is_owner, checked.viewer_can_edit
        form, new_data = step.read(letter.data, request.POST)
        if new_data is not None and new_data == letter.data:
            return _saved(request, letter, step, htmx, changed=False)
        if based_on != letter.version and not only_other_parts_changed(letter, step, based_on, new_data):
            return _conflict(request, letter, step, new_data, htmx)
        if new_data is None:
            if htmx:
                return render(request, "cv_builder/includes/save_status.html", {"version": based_on, "invalid": True})
            return _editor(request, letter, step, form, status=400, version=based_on)
        letter.data = new_data
        letter.version += 1
        save_version(letter, request.user, str(step.title))
    return _saved(request, letter, step, htmx, changed=True)


def _saved(request, letter, step, htmx, changed):
    if htmx:
        context = {**letter_context(letter, step), "version": letter.version, "saved_at": timezone.localtime()}
        return render(request, "cv_builder/includes/letter_save_status.html", context)
    if changed:
        messages.success(request, _("Saved."))
    if request.POST.get("action") == "next":
        _previous, following = neighbours(step)
        if following:
            return redirect("cv_builder:letter_step", pk=letter.pk, slug=following.slug)
        return redirect("cv_builder:letter", pk=letter.pk)
    return redirect("cv_builder:letter_step", pk=letter.pk, slug=step.slug)


def _conflict(request, letter, step, new_data, htmx):
    if htmx:
        return render(request, "cv_builder/includes/save_status.html", {"conflict": True, "cv": letter.cv})
    posted = [
        (key, value)
        for key in request.POST
        if key not in {"csrfmiddlewaretoken", "version", "action"}
        for value in request.POST.getlist(key)
    ]
    context = {
        "cv": letter.cv,
        "letter": letter,
        "section": step,
        "save_url": reverse("cv_builder:letter_step", args=[letter.pk, step.slug]),
        "differences": differences(step, new_data, letter.data) if new_data is not None else None,
        "mine_values": [value for _key, value in posted if value],
        "posted": posted,
        "version": letter.version,
    }
    return render(request, "cv_builder/cv_conflict.html", context, status=409)


def _letter_stem(letter):
    company = letter.data.get("company", "")
    return slugify(f"lettre {letter.cv.basics.get('name', '')} {company}") or "lettre"


def _rate_limited(request):
    """The same per-user budget as CV PDFs (cv_builder.views.pdf.render_refused): a refusal page, or None."""
    if not render_refused(request):
        return None
    message = _("Many PDFs were made in a short time. Wait a minute, then download it again.")
    back_url = reverse("cv_builder:letter", args=[request.resolver_match.kwargs["pk"]])
    response = render(request, "cv_builder/pdf_refused.html", {"message": message, "back_url": back_url}, status=429)
    response["Retry-After"] = "60"
    return response


def letter_pdf(request, pk):
    letter = get_letter(request, pk)
    template = request.GET.get("modele", letter.template)
    if template not in TEMPLATE_NAMES:
        template = letter.template
    refused = _rate_limited(request)
    if refused:
        return refused
    context = {"letter": letter, "letter_doc": letter_context(letter)["letter_doc"], "template": template, "pdf": True}
    response = HttpResponse(render_letter_pdf(template, context, request), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_letter_stem(letter)}.pdf"'
    return response


def _office(content, stem, extension):
    _write, content_type = FORMATS[extension]
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{stem}.{extension}"'
    return response


def letter_office(request, pk, extension):
    letter = get_letter(request, pk)
    write, _content_type = FORMATS[extension]
    return _office(write(letter_document(letter_context(letter)["letter_doc"])), _letter_stem(letter), extension)


def cv_office(request, pk, extension):
    cv = get_cv(request, pk)
    write, _content_type = FORMATS[extension]
    return _office(write(cv_document(cv)), file_stem(cv), extension)
