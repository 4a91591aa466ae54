"""Views behind the toolkit index page's routes (list, join form) and the admin overview."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from home.http import client_ip
from toolkit.forms import JoinForm
from toolkit.listing import build_listing, status_choices, type_choices

JOIN_SESSION_KEY = "toolkit_join_request"


def toolkit_index(request, index_page):
    listing = build_listing(request, index_page)
    context = index_page.get_context(request)
    context.update({"listing": listing, "type_choices": type_choices(), "status_choices": status_choices()})
    return TemplateResponse(request, "toolkit/toolkit_index_page.html", context)


def _rate_limit():
    return getattr(settings, "TOOLKIT_JOIN_RATE_LIMIT", (5, 3600))


def _client_key(request):
    address = client_ip(request)
    return "toolkit-join:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def _too_many(request):
    limit, _period = _rate_limit()
    return (cache.get(_client_key(request)) or 0) >= limit


def _count_submission(request):
    _limit, period = _rate_limit()
    key = _client_key(request)
    if cache.add(key, 1, timeout=period):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=period)


def join_view(request, index_page):
    status = 200
    refusal = ""
    if request.method == "POST":
        form = JoinForm(request.POST, index_page=index_page)
        if _too_many(request):
            refusal = _(
                "Too many requests were sent from this connection. Please wait an hour and try again, "
                "or call the network's team."
            )
            status = 429
        elif form.honeypot_filled:
            _count_submission(request)
            refusal = _(
                "Your request could not be sent: the field “Leave this field empty” must stay empty. "
                "Empty it and send again."
            )
            status = 400
        elif form.is_valid():
            _count_submission(request)
            join_request = form.save()
            request.session[JOIN_SESSION_KEY] = join_request.pk
            return HttpResponseRedirect(index_page.url + index_page.reverse_subpage("join_thanks"), status=303)
        else:
            status = 400
    else:
        form = JoinForm(index_page=index_page)
    context = index_page.get_context(request)
    context.update({"form": form, "refusal": refusal})
    response = TemplateResponse(request, "toolkit/join.html", context, status=status)
    add_never_cache_headers(response)
    return response


def join_thanks_view(request, index_page):
    context = index_page.get_context(request)
    context["reference"] = request.session.pop(JOIN_SESSION_KEY, None)
    response = TemplateResponse(request, "toolkit/join_thanks.html", context)
    # Shows this visitor's request number: never cached for anyone else.
    add_never_cache_headers(response)
    return response
