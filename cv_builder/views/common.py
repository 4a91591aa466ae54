from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify

from ..sections import SECTIONS, progress


def photo_url(cv, token=None):
    if not cv.photo:
        return ""
    if token:
        return reverse("cv_builder:shared_photo", args=[token]) + f"?v={cv.version}"
    return reverse("cv_builder:photo", args=[cv.pk]) + f"?v={cv.version}"


def document_context(cv, data=None, token=None):
    """What the CV document templates (preview, PDF, shared page) need."""
    return {"cv": cv, "doc": data if data is not None else cv.data, "photo_src": photo_url(cv, token)}


def pdf_context(cv, template=None):
    context = document_context(cv)
    context["photo_src"] = cv.photo.url if cv.photo else ""
    context["template"] = template or cv.template
    return context


def file_stem(cv):
    return slugify(cv.basics.get("name") or cv.title) or "cv"


def editor_nav(cv):
    steps = progress(cv.data)
    return {"sections": SECTIONS, "progress": steps, "done_count": sum(1 for _section, done in steps if done)}


def not_found(request, template, context, status):
    response = render(request, template, context, status=status)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
