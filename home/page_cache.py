"""The anonymous page cache: whole rendered Wagtail pages, kept for visitors who are not logged in.

Anything that changes what anonymous visitors see (a page published, a proposal moderated,
a result published) calls `invalidate_page_cache()`: every cached page becomes stale at once.
Pages are cached by scheme, host, path and query string, stamped with the current `page_cache_version()`,
for the current minute only (pages change with the clock too: events pass, workshop phases move).

A response is stored only when it is the same for every anonymous visitor: a GET answered 200,
no cookie set, no CSRF token used (pages with a form), no message shown, no session change,
no CSP nonce used, no `Cache-Control: private/no-cache/no-store`. Logged-in users never read
nor fill the cache.
"""

import hashlib
import logging

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db.models import F
from django.http import HttpResponse
from django.utils import timezone

logger = logging.getLogger(__name__)
VERSION_KEY = "page-cache-version"
KEY_PREFIX = "page-cache"
HEADER = "X-Page-Cache"
UNCACHEABLE_CACHE_CONTROL = ("private", "no-cache", "no-store", "max-age=0")


def timeout():
    return getattr(settings, "PAGE_CACHE_TIMEOUT", 120)


def time_bucket():
    # Pages also change with the clock (an event is over, a workshop moves to voting): a cached
    # page is used within the same minute only (PAGE_CACHE_BUCKET seconds), so such changes show
    # within a minute without anyone calling invalidate_page_cache().
    return int(timezone.now().timestamp()) // getattr(settings, "PAGE_CACHE_BUCKET", 60)


def _cache_is_process_local():
    # Each app-server process has its own local-memory cache: the version must then also live in
    # the database, or a page published through one process would stay stale in the others.
    return isinstance(caches["default"], LocMemCache)


def _full_version(shared):
    if shared is None:
        shared = 1
        cache.add(VERSION_KEY, shared, timeout=None)
    if _cache_is_process_local():
        from home.models import PageCacheState

        stored = PageCacheState.objects.filter(pk=1).values_list("version", flat=True).first() or 0
        return f"{shared}.{stored}"
    return shared


def page_cache_version():
    """An opaque value that changes whenever `invalidate_page_cache()` is called."""
    return _full_version(cache.get(VERSION_KEY))


def invalidate_page_cache():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)
    if _cache_is_process_local():
        from home.models import PageCacheState

        if not PageCacheState.objects.filter(pk=1).update(version=F("version") + 1):
            PageCacheState.objects.get_or_create(pk=1, defaults={"version": 1})


def cache_key(request):
    # The version is not in the key but in the stored value: one round trip (MGET) reads both.
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    return f"{KEY_PREFIX}:{time_bucket()}:{digest}"


def request_may_use_cache(request):
    if request.method != "GET":
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    # A message waiting to be shown (e.g. "you are logged out") belongs to this visitor only.
    return len(get_messages(request)) == 0


def response_may_be_cached(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    if getattr(request, "_csp_nonce", None):  # a nonce is per response: a cached one would be reused
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in UNCACHEABLE_CACHE_CONTROL):
        return False
    if response.has_header("Vary") and "cookie" in response["Vary"].lower():
        return False
    return len(get_messages(request)) == 0


def passed_a_password(request):
    from wagtail.models import PageViewRestriction

    session = getattr(request, "session", None)
    return bool(session and session.get(PageViewRestriction.passed_view_restrictions_session_key))


def cached_response(request):
    """The cached page for this request, or None. Also returns the slot to fill on a miss."""
    # The middleware looks first; on a miss the hook must not read the version again.
    if missed := getattr(request, "_page_cache_missed_slot", None):
        return None, missed
    key = cache_key(request)
    found = cache.get_many([VERSION_KEY, key])
    version = _full_version(found.get(VERSION_KEY))
    stored = found.get(key)
    if stored is None or stored.get("version") != version:
        request._page_cache_missed_slot = (key, version)
        return None, (key, version)
    response = HttpResponse(stored["content"], status=200)
    for name, value in stored["headers"]:
        response[name] = value
    response[HEADER] = "hit"
    return response, (key, version)


NOT_STORED_HEADERS = {HEADER.lower(), "x-request-id", "set-cookie"}


def store(slot, response):
    key, version = slot
    headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED_HEADERS]
    cache.set(key, {"version": version, "content": response.content, "headers": headers}, timeout())


def serve_with_page_cache(serve):
    """Wrap Wagtail's page serving (an `on_serve_page` hook): read and fill the anonymous cache.

    It runs inside Wagtail's view-restriction check. An anonymous visitor only ever sees a
    restricted page's content after typing its password; such visitors never fill the cache
    (log-in and group restrictions send anonymous visitors to a log-in page, a 302). So the
    middleware below never hands out a restricted page either.
    """

    def inner(page, request, args, kwargs):
        if not request_may_use_cache(request):
            return serve(page, request, args, kwargs)
        response, key = cached_response(request)
        if response is not None:
            return response
        response = serve(page, request, args, kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if response_may_be_cached(request, response) and not passed_a_password(request):
            if getattr(request, "_page_cache_early", False):
                request._page_cache_fill_slot = key  # stored by EarlyPageCacheMiddleware, headers complete
            else:
                store(key, response)
            response[HEADER] = "miss"
        return response

    return inner


class AnonymousPageCacheMiddleware:
    """Optional, faster path: hands out cached pages before URL routing and page lookup.

    Put it LAST in MIDDLEWARE (so that every other middleware, CSP and security headers
    included, still processes the cached response). Without it the `on_serve_page` hook
    serves hits too, after Wagtail's routing (a few more queries per hit). Either way only
    the hook fills the cache, with Wagtail pages that passed their view restrictions.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request_may_use_cache(request):
            try:
                response, _key = cached_response(request)
            except Exception:  # an unreachable cache or database is a miss here: the view decides
                logger.warning("Page cache lookup failed", exc_info=True)
                response = None
            if response is not None:
                return response
        return self.get_response(request)


class EarlyPageCacheMiddleware:
    """The fast path: cached pages for visitors with no session cookie, before session, auth,
    messages and everything else. Put it right after SecurityMiddleware (and WhiteNoise).

    Without a session cookie a visitor is anonymous and has no message waiting, so nothing
    below could make their page differ. On a miss, the page goes through the whole stack; when
    the hook found it cacheable, it is stored here with the headers every middleware added
    (CSP, X-Frame-Options, Content-Language, Vary...), so a hit is the same response.
    Visitors with a session cookie (logged in, or a cart of messages) take the normal path.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.personal_cookies = {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGES_COOKIE_NAME", "messages")}

    def __call__(self, request):
        if request.method != "GET" or not self.personal_cookies.isdisjoint(request.COOKIES):
            return self.get_response(request)
        try:
            response, _key = cached_response(request)
        except Exception:  # an unreachable cache or database is a miss here: the view decides
            logger.warning("Page cache lookup failed", exc_info=True)
            return self.get_response(request)
        from home.fast_hits import mark_fill

        if response is not None:
            mark_fill(request)  # the same for everyone: the WSGI layer may keep its final form
            return response
        request._page_cache_early = True
        response = self.get_response(request)
        slot = getattr(request, "_page_cache_fill_slot", None)
        # The hook said the page is the same for everyone; nothing below may have made it personal.
        if slot and response.status_code == 200 and not response.cookies and not response.streaming:
            store(slot, response)
            mark_fill(request)  # the WSGI layer (home/fast_hits.py) keeps the final response too
        return response
