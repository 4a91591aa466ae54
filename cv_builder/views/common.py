from pathlib import PurePath

from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify

from ..sections import MAIN_SECTIONS, OPTIONAL_SECTIONS, SECTIONS, progress, visible_document


def photo_url(cv, token=None):
    """The photo's address; it changes whenever the photo does (each upload gets a new random file name),
    so a browser never shows an old photo from its cache."""
    if not cv.photo:
        return ""
    stamp = PurePath(cv.photo.name).stem[:16]
    if token:
        return reverse("cv_builder:shared_photo", args=[token]) + f"?v={stamp}"
    return reverse("cv_builder:photo", args=[cv.pk]) + f"?v={stamp}"


def document_context(cv, data=None, token=None):
    """What the CV document templates (preview, PDF, shared page) need: entries hidden on this CV left out."""
    doc = visible_document(data if data is not None else cv.data)
    return {"cv": cv, "doc": doc, "photo_src": photo_url(cv, token)}


def pdf_context(cv, template=None):
    context = document_context(cv)
    context["photo_src"] = cv.photo.url if cv.photo else ""
    context["template"] = template or cv.template
    context["pdf"] = True
    return context


def file_stem(cv):
    return slugify(cv.basics.get("name") or cv.title) or "cv"


def editor_nav(cv):
    steps = progress(cv.data)
    main = [(section, done) for section, done in steps if not section.optional]
    return {
        "sections": SECTIONS,
        "progress": main,
        "more_progress": [(section, done) for section, done in steps if section.optional],
        "done_count": sum(1 for _section, done in main if done),
        "main_sections": MAIN_SECTIONS,
        "optional_sections": OPTIONAL_SECTIONS,
    }


def not_found(request, template, context, status):
    response = render(request, template, context, status=status)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
