"""Cached anonymous pages answered before Django's handler (home/fast_hits.py), on a real Redis."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.page_cache import invalidate_page_cache

pytestmark = pytest.mark.django_db
VOLATILE = {"X-Page-Cache", "X-Request-ID"}


def stable(headers):
    return {name: value for name, value in headers.items() if name not in VOLATILE}


def test_a_hit_is_the_final_response_of_the_miss_without_django_nor_database(fast_app, centre_a):
    status, miss_headers, miss_body = fast_app("/belencontre/")
    assert status == 200 and miss_headers["X-Page-Cache"] == "miss"
    assert fast_app.django_calls == ["/belencontre/"]
    with CaptureQueriesContext(connection) as queries:
        status, hit_headers, hit_body = fast_app("/belencontre/")
    assert status == 200 and hit_headers["X-Page-Cache"] == "hit"
    assert fast_app.django_calls == ["/belencontre/"]  # Django's handler did not run
    assert len(queries) == 0
    assert hit_body == miss_body and "Belencontre" in hit_body.decode()
    # Every header the middleware added (CSP, security headers, language) is there, the same.
    assert stable(hit_headers) == stable(miss_headers)
    for name in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Content-Language"):
        assert name in hit_headers
    assert hit_headers["X-Request-ID"] != miss_headers["X-Request-ID"]
    assert fast_app("/belencontre/", x_request_id="balancer-id-1234")[1]["X-Request-ID"] == "balancer-id-1234"


def test_a_publish_is_seen_at_once(fast_app, centre_a):
    fast_app("/belencontre/")
    assert fast_app("/belencontre/")[1]["X-Page-Cache"] == "hit"
    centre_a.title = "Belencontre rénové"
    centre_a.save_revision().publish()  # the page cache is invalidated on publish
    status, headers, body = fast_app("/belencontre/")
    assert headers["X-Page-Cache"] == "miss" and "Belencontre rénové" in body.decode()
    invalidate_page_cache()
    assert fast_app("/belencontre/")[1]["X-Page-Cache"] == "miss"


def test_a_session_cookie_or_a_message_always_goes_through_django(fast_app, centre_a):
    fast_app("/belencontre/")
    fast_app("/belencontre/")
    calls = len(fast_app.django_calls)
    for cookie in ("sessionid=abc", "messages=xyz", "csrftoken=1; sessionid=abc"):
        status, headers, _body = fast_app("/belencontre/", cookie=cookie)
        assert status == 200
    assert len(fast_app.django_calls) == calls + 3
    # A cookie that is neither (a CSRF token kept from a form) does not make the page personal.
    assert fast_app("/belencontre/", cookie="csrftoken=1")[1]["X-Page-Cache"] == "hit"


def test_posts_and_refused_hosts_are_never_answered_from_the_fast_path(fast_app, centre_a, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    fast_app("/belencontre/")
    assert fast_app("/belencontre/", method="POST")[1].get("X-Page-Cache") != "hit"
    for _ in range(2):
        status, headers, _body = fast_app("/belencontre/", host="evil.example")
        assert status == 400 and headers.get("X-Page-Cache") != "hit"


def test_an_unreachable_cache_is_a_miss_not_an_error(fast_app, centre_a, monkeypatch):
    from home import fast_hits

    def broken(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(fast_hits.CachedPageApp, "_lookup", broken)
    status, _headers, body = fast_app("/belencontre/")
    assert status == 200 and "Belencontre" in body.decode()


def test_a_hit_needs_no_round_trip_and_a_change_made_elsewhere_is_seen_at_once(fast_app, centre_a, monkeypatch):
    from django.core.cache import cache

    fast_app("/belencontre/")
    assert fast_app("/belencontre/")[1]["X-Page-Cache"] == "hit"  # read from Redis once, kept here

    def no_round_trip(*args, **kwargs):
        raise AssertionError("a hit asked Redis")

    with monkeypatch.context() as patched:
        patched.setattr(type(cache._cache), "get_client", no_round_trip)
        for _ in range(3):
            assert fast_app("/belencontre/")[1]["X-Page-Cache"] == "hit"
    # Another app server publishes: its own Redis connection bumps the version; Redis pushes the change.
    import redis

    from home.fast_hits import redis_location

    redis.Redis.from_url(redis_location()).incr(cache.make_key("page-cache-version"))
    assert fast_app("/belencontre/")[1]["X-Page-Cache"] == "miss"
    assert fast_app("/belencontre/")[1]["X-Page-Cache"] == "hit"
