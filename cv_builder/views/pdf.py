"""What a CV's PDF costs the server: rendered once per (CV, version, template), rate-limited per
user and per share link, refused before rendering when the CV is too long to lay out quickly.

A two-page CV renders in about half a second; the longest CV the editor can hold (30 entries
of 2,000 characters in every list) takes seconds and twenty pages. Nobody sends a twenty-page
CV to an employer, so above LAYOUT_MAX_CHARACTERS the person is asked to shorten it instead.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from home.http import client_ip, count_in_window

from ..pdf import render_cv_pdf
from .common import file_stem, pdf_context

LAYOUT_MAX_CHARACTERS = 40_000  # about ten pages; a two-page CV has about 5,000
RENDERED_KEYS = (
    "basics",
    "work",
    "education",
    "skills",
    "languages",
    "interests",
    "volunteer",
    "certificates",
    "projects",
    "awards",
    "publications",
    "references",
)
CACHE_SECONDS = 60 * 60
CACHE_MAX_BYTES = 5 * 1024 * 1024
# Renders allowed per (count, seconds): per signed-in user (the owner, or a centre's staff member);
# per share link and per address for whoever holds a link. Overridden by settings.CV_PDF_RATE_LIMITS.
DEFAULT_RATE_LIMITS = {"user": (10, 60), "link": (5, 60), "address": (20, 60)}


def _hashed(value):
    return hashlib.sha256(str(value).encode()).hexdigest()[:32]


def render_refused(request, share_token=None):
    """True when one more render would pass a limit; otherwise counts this render (the shared cache's
    counters, home.http.count_in_window, so every app server sees the same counts)."""
    limits = {**DEFAULT_RATE_LIMITS, **getattr(settings, "CV_PDF_RATE_LIMITS", {})}
    if share_token is not None:
        counters = [("link", _hashed(share_token)), ("address", _hashed(client_ip(request)))]
    else:
        counters = [("user", request.user.pk)]
    keys = [(f"cv-pdf-{kind}:{ident}", *limits[kind]) for kind, ident in counters]
    if any((cache.get(key) or 0) >= limit for key, limit, _period in keys):
        return True
    for key, _limit, period in keys:
        count_in_window(key, period)
    return False


def laid_out_characters(data):
    """Characters of text the PDF templates lay out."""

    def count(value):
        if isinstance(value, str):
            return len(value)
        if isinstance(value, dict):
            return sum(count(item) for item in value.values())
        if isinstance(value, list):
            return sum(count(item) for item in value)
        return 0

    return sum(count(data.get(key)) for key in RENDERED_KEYS)


def cache_key(cv, template):
    # `version` counts content saves; `updated_at` also moves with the photo and the title.
    stamp = int(cv.updated_at.timestamp() * 1_000_000) if cv.updated_at else 0
    return f"cv-pdf:{cv.pk}:{cv.version}:{stamp}:{template}"


def _refusal(request, cv, message, status, share_token, retry_after=None):
    back_url = (
        reverse("cv_builder:shared", args=[share_token]) if share_token else reverse("cv_builder:detail", args=[cv.pk])
    )
    context = {"cv": cv, "message": message, "back_url": back_url}
    response = render(request, "cv_builder/pdf_refused.html", context, status=status)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def _pdf(content, cv, hit):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{file_stem(cv)}.pdf"'
    response["X-PDF-Cache"] = "hit" if hit else "miss"
    return response


def cv_pdf_response(request, cv, template, share_token=None):
    key = cache_key(cv, template)
    cached = cache.get(key)
    if cached is not None:
        return _pdf(cached, cv, hit=True)
    size = laid_out_characters(cv.data)
    if size > LAYOUT_MAX_CHARACTERS:
        message = _(
            "This CV is too long to be laid out as a PDF (%(size)s characters, %(max)s at most, about ten pages). "
            "Shorten the longest descriptions or remove old entries: an employer reads one or two pages."
        ) % {"size": f"{size:,}".replace(",", "\u202f"), "max": f"{LAYOUT_MAX_CHARACTERS:,}".replace(",", "\u202f")}
        return _refusal(request, cv, message, 422, share_token)
    if render_refused(request, share_token):
        message = _("Many PDFs were made in a short time. Wait a minute, then download it again.")
        return _refusal(request, cv, message, 429, share_token, retry_after=60)
    content = render_cv_pdf(template, pdf_context(cv, template), request)
    if len(content) <= CACHE_MAX_BYTES:
        cache.set(key, content, CACHE_SECONDS)
    return _pdf(content, cv, hit=False)
