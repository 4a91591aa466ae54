"""Cached pages for visitors without a session cookie are served before the session and auth layers."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
VOLATILE = {"x-page-cache", "x-request-id"}


def headers_of(response):
    return {name.lower(): value for name, value in response.items() if name.lower() not in VOLATILE}


def test_a_hit_is_the_same_response_as_the_miss_with_every_header(centre_a):
    client = Client()
    miss = client.get("/belencontre/")
    hit = client.get("/belencontre/")
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert hit.content == miss.content
    assert headers_of(hit) == headers_of(miss)
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language", "X-Content-Type-Options"):
        assert header in hit
    assert hit["X-Request-ID"] != miss["X-Request-ID"]  # the id is per request, never cached


def test_a_hit_without_session_cookie_costs_at_most_the_cache_version(centre_a, django_assert_max_num_queries):
    client = Client()
    client.get("/belencontre/")
    # No session read, no user loaded: only the cache version (a query only with the local-memory cache).
    with django_assert_max_num_queries(1):
        assert client.get("/belencontre/")["X-Page-Cache"] == "hit"


def test_visitors_with_a_session_never_get_the_early_path_and_logged_in_ones_no_cache(centre_a, resident):
    Client().get("/belencontre/")
    client = Client()
    client.force_login(resident)
    response = client.get("/belencontre/")
    assert "X-Page-Cache" not in response and "Se déconnecter" in response.text


def test_a_message_waiting_in_a_cookie_is_shown_not_a_cached_page(centre_a, resident):
    Client().get("/belencontre/")
    client = Client()
    client.force_login(resident)
    client.post("/compte/logout/")  # "you are logged out" waits for the next page
    response = client.get("/belencontre/")
    assert response.get("X-Page-Cache") != "hit"
