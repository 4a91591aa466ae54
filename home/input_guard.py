"""Refuse, with a plain French 400 page, requests whose text no database could store.

Runs before any view: a NUL byte or a lone surrogate in the path, the query string or a form
field, a form body in a character set we do not read, a body too large for any form. Views
and forms then only ever see text the ORM can store (on SQLite and PostgreSQL alike).
"""

import codecs

from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.translation import gettext as _

from .text import has_unstorable_character

FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


def max_request_body():
    """The largest body any form takes: a Wagtail document (the biggest upload) plus its fields."""
    return getattr(settings, "MAX_REQUEST_BODY", settings.WAGTAILDOCS_MAX_UPLOAD_SIZE + 1024 * 1024)


def refusal_page(request, message, status=400):
    response = render(request, "400.html", {"message": message, "status": status}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _has_unstorable(querydict):
    return any(
        has_unstorable_character(key) or any(map(has_unstorable_character, values)) for key, values in querydict.lists()
    )


def _content_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return -1


def _body_refusal(request):
    length = _content_length(request)
    if length < 0:
        return _("The request is malformed. Reload the page and try again."), 400
    if length > max_request_body():
        return _("What you sent is too large. Send a smaller file, or split it."), 413
    if request.content_type not in FORM_TYPES:
        return None
    charset = request.content_params.get("charset")
    if charset:
        try:
            name = codecs.lookup(charset).name
        except LookupError:
            name = None
        if name is None or (request.content_type != "multipart/form-data" and name != "utf-8"):
            return (
                _("This form was sent in a character set the site does not read. Send it again from the site's page."),
                400,
            )
    try:
        post = request.POST
    except (BadRequest, SuspiciousOperation, MultiPartParserError, UnicodeError, ValueError):
        return _("The form could not be read. Reload the page and send it again."), 400
    if _has_unstorable(post):
        return _("The form contains an invisible control character that cannot be saved. Retype the text."), 400
    return None


class HostileInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            has_unstorable_character(request.path_info)
            or _has_unstorable(request.GET)
            or any(map(has_unstorable_character, request.COOKIES.values()))
        ):
            return refusal_page(request, _("This address contains an invisible control character. Check the link."))
        if request.method not in {"GET", "HEAD", "OPTIONS"}:
            refusal = _body_refusal(request)
            if refusal is not None:
                return refusal_page(request, *refusal)
        return self.get_response(request)
