"""The fastest path of the anonymous page cache: cached pages answered before Django's handler.

`CachedPageApp` wraps the WSGI application (config/wsgi.py). For a GET with no session or
messages cookie, it reads the page with one Redis round trip (MGET of the cache version and the
page) and answers with bytes and headers stored whole: no request object, no middleware, no
signals, no database. Anything else goes to Django, unchanged.

What is stored is the *final* response of a miss that went through the whole stack (security
headers, CSP, Content-Language, WhiteNoise, request id...), and only when the page cache itself
decided the page is the same for every anonymous visitor (`EarlyPageCacheMiddleware` stores it
and flags the request, see home/page_cache.py). The key is made of the raw request fields that
Django reads to build the URL and the scheme (scheme, X-Forwarded-Proto, Host, path, query), so a
hit can only be the answer to a request Django already answered 200 for: a host it refused, a
path it redirected, a request it refused as hostile never filled a slot. The request id is fresh
on every hit (the balancer's one kept, as RequestIdMiddleware does).

Pages marked with `keep_off_fast_path(request)` (a toolkit sheet counts its views in a
middleware) are not stored here: their hits go through Django and the slower cache layers.

Only with the Redis cache: with the local-memory cache the version also lives in the database
(see page_cache), and the normal layers serve the hits.
"""

import hashlib
import logging
import os
import pickle
import threading
import time
import uuid

from django.core.cache import cache
from django.http.cookie import parse_cookie

from home import page_cache
from home.request_log import ACCEPTED
from home.request_log import HEADER as REQUEST_ID_HEADER

logger = logging.getLogger(__name__)
access_logger = logging.getLogger("home.requests")
ENVIRON_SLOT = "csc.fast_hits.slot"
ENVIRON_FILL = "csc.fast_hits.fill"
ENVIRON_OFF = "csc.fast_hits.off"
KEY_PREFIX = "page-fast"
DROPPED = {"x-request-id", "x-page-cache", "set-cookie"}


def keep_off_fast_path(request):
    """This response must go through the middleware on every hit (e.g. it is counted)."""
    request.environ[ENVIRON_OFF] = True


def mark_fill(request):
    """Called by the page cache when it stores a page: the outer layer may store it too."""
    if ENVIRON_SLOT in request.environ:
        request.environ[ENVIRON_FILL] = True


def redis_location():
    """The (first, writable) Redis server of the default cache, or None when the cache is not Redis."""
    from django.conf import settings

    config = settings.CACHES.get("default", {})
    if not config.get("BACKEND", "").endswith("RedisCache"):
        return None
    location = config.get("LOCATION")
    if isinstance(location, (list, tuple)):
        location = location[0]
    return location.split(",")[0].strip() if location else None


class VersionWatch:
    """This process's copy of the cache version, dropped the moment Redis says it changed.

    One connection per process asks Redis to track the version key (`CLIENT TRACKING ... BCAST
    PREFIX`, Redis 6 or later) and to push every change of it (a publish through any app server,
    an expiry, a flush) to itself, subscribed to `__redis__:invalidate`. Before each use the pushes
    already arrived are read without waiting (one poll of the socket): a hit then needs no round
    trip at all. If that connection breaks, the copy is dropped and the watch starts again.
    """

    CHANNEL = "__redis__:invalidate"

    def __init__(self, location, version_key):
        import redis

        self.version_key = version_key
        self.client = redis.Redis.from_url(location, protocol=2, single_connection_client=True, socket_timeout=2)
        client_id = self.client.client_id()
        self.client.execute_command("CLIENT", "TRACKING", "ON", "REDIRECT", client_id, "BCAST", "PREFIX", version_key)
        self.connection = self.client.connection
        self.connection.send_command("SUBSCRIBE", self.CHANNEL)
        self.connection.read_response()  # the subscription's confirmation
        self.version = None
        self.pid = os.getpid()

    def current(self):
        """The version known to be current, or None (then read it from Redis and call `learn`)."""
        while self.connection.can_read(timeout=0):
            self.connection.read_response()  # any push names the version key: it changed
            self.version = None
        return self.version

    def learn(self, version):
        # Read after the poll above: a change made after this read pushes a message, seen next time.
        self.version = version

    def close(self):
        self.client.close()


def raw_key(environ):
    address = "|".join(
        (
            environ.get("wsgi.url_scheme", ""),
            environ.get("HTTP_X_FORWARDED_PROTO", ""),
            environ.get("HTTP_HOST", ""),
            environ.get("SERVER_NAME", ""),
            environ.get("SERVER_PORT", ""),
            environ.get("SCRIPT_NAME", ""),
            environ.get("PATH_INFO", ""),
            environ.get("QUERY_STRING", ""),
        )
    )
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    return cache.make_key(f"{KEY_PREFIX}:{page_cache.time_bucket()}:{digest}")


class CachedPageApp:
    def __init__(self, application):
        self.application = application
        from django.conf import settings

        self.personal_cookies = {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGES_COOKIE_NAME", "messages")}
        self.enabled = getattr(settings, "PAGE_CACHE_FAST_PATH", True)
        self.version_key = cache.make_key(page_cache.VERSION_KEY)
        self.max_entries = getattr(settings, "PAGE_CACHE_FAST_ENTRIES", 200)
        self.lock = threading.Lock()  # gthread workers: one reader of the watch's socket at a time
        self.location = self.watch = None
        self.pages = {}  # key -> (version, headers, body): this process's copies of shared pages

    def _watch(self, location):
        if self.watch is not None and (self.watch.pid != os.getpid() or location != self.location):
            self.watch = None  # a forked worker, or other settings (tests): start again
        if self.watch is None:
            self.pages.clear()
            try:
                self.watch, self.location = VersionWatch(location, self.version_key), location
            except Exception:  # an old Redis or none: ask Redis on every request (still one round trip)
                logger.warning("No Redis tracking for the page cache version", exc_info=True)
                return None
        return self.watch

    def _lookup(self, key):
        """(version, stored page or None), with no round trip when this process already has both."""
        location = redis_location()
        with self.lock:
            watch = self._watch(location)
            try:
                version = watch.current() if watch else None
            except Exception:
                logger.warning("Page cache version watch lost; starting again", exc_info=True)
                watch.close()
                self.watch = watch = version = None
            local = self.pages.get(key)
            if version is not None and local is not None and local[0] == version:
                return version, local
            client = cache._cache.get_client(key)
            if version is None:
                version, stored = client.mget([self.version_key, key])
                if watch is not None and version is not None:
                    watch.learn(version)
            else:
                stored = client.get(key)
            page = pickle.loads(stored) if stored is not None else None  # noqa: S301 (written by _miss)
            if page is not None and version is not None and page[0] == version:
                if len(self.pages) >= self.max_entries:
                    self.pages.clear()
                self.pages[key] = page
            return version, page

    def _has_personal_cookie(self, environ):
        cookies = environ.get("HTTP_COOKIE")
        return bool(cookies) and not self.personal_cookies.isdisjoint(parse_cookie(cookies))

    def __call__(self, environ, start_response):
        if not self.enabled or environ.get("REQUEST_METHOD") != "GET" or self._has_personal_cookie(environ):
            return self.application(environ, start_response)
        if redis_location() is None:
            return self.application(environ, start_response)
        started = time.perf_counter()
        try:
            key = raw_key(environ)
            version, page = self._lookup(key)
        except Exception:  # an unreachable cache: Django decides (and says so in its own log)
            logger.warning("Fast page cache lookup failed", exc_info=True)
            return self.application(environ, start_response)
        if page is not None and version is not None and page[0] == version:
            return self._hit(environ, start_response, page[1], page[2], started)
        environ[ENVIRON_SLOT] = (key, version)
        return self._miss(environ, start_response)

    def _hit(self, environ, start_response, headers, body, started):
        given = environ.get("HTTP_X_REQUEST_ID", "")
        request_id = given if ACCEPTED.match(given) else uuid.uuid4().hex
        start_response("200 OK", [*headers, (REQUEST_ID_HEADER, request_id), (page_cache.HEADER, "hit")])
        if access_logger.isEnabledFor(logging.INFO):
            access_logger.info(
                "GET %s 200",
                environ.get("PATH_INFO", ""),
                extra={"status": 200, "ms": round((time.perf_counter() - started) * 1000, 1), "request_id": request_id},
            )
        return [body]

    def _miss(self, environ, start_response):
        seen = {}

        def capture(status, headers, exc_info=None):
            seen["status"], seen["headers"] = status, headers
            return start_response(status, headers, exc_info)

        result = self.application(environ, capture)
        if not environ.get(ENVIRON_FILL) or environ.get(ENVIRON_OFF) or not seen.get("status", "").startswith("200"):
            return result
        key, version = environ[ENVIRON_SLOT]
        if version is None or any(name.lower() == "set-cookie" for name, _value in seen["headers"]):
            return result  # no version yet (the next miss stores), or a cookie was set after all: personal
        headers = [(name, value) for name, value in seen["headers"] if name.lower() not in DROPPED]
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        page = (version, headers, body)
        try:
            cache._cache.get_client(key, write=True).set(
                key, pickle.dumps(page, pickle.HIGHEST_PROTOCOL), ex=page_cache.timeout()
            )
            with self.lock:
                self.pages[key] = page
        except Exception:
            logger.warning("Fast page cache store failed", exc_info=True)
        return [body]
