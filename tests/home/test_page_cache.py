from django.contrib.messages import get_messages
from django.db import connection
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from home import page_cache
from home.models import StandardPage
from tests.conftest import PASSWORD
from tests.home.conftest import paragraph


def get(client, url="/"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries)


def test_second_anonymous_request_is_served_from_the_cache(client, centre_a):
    first, first_queries = get(client)
    assert first["X-Page-Cache"] == "miss"
    second, second_queries = get(client)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second_queries < first_queries
    # Headers Django adds after the view are still there.
    assert "Content-Security-Policy" in second


def test_cache_is_keyed_by_path_and_query_string(client, centre_a):
    get(client, "/")
    response, _ = get(client, "/?utm=1")
    assert response["X-Page-Cache"] == "miss"
    response, _ = get(client, "/belencontre/")
    assert response["X-Page-Cache"] == "miss"
    assert "Centre social Belencontre" in response.text


def test_publishing_a_page_shows_at_once(client, centre_a):
    get(client, "/belencontre/")
    assert get(client, "/belencontre/")[0]["X-Page-Cache"] == "hit"
    centre_a.title = "Centre social Belencontre rénové"
    centre_a.save_revision().publish()
    response, _ = get(client, "/belencontre/")
    assert response["X-Page-Cache"] == "miss"
    assert "Centre social Belencontre rénové" in response.text
    # The home page lists the centre too: its cached copy is stale as well.
    assert "Centre social Belencontre rénové" in get(client, "/")[0].text


def test_unpublishing_moving_and_deleting_invalidate(client, centre_a, centre_b):
    page = centre_a.add_child(instance=StandardPage(title="Horaires d'été", slug="ete", body=paragraph("Juillet.")))
    get(client, "/belencontre/")
    assert get(client, "/belencontre/")[0]["X-Page-Cache"] == "hit"
    page.unpublish()
    assert get(client, "/belencontre/")[0]["X-Page-Cache"] == "miss"
    assert client.get("/belencontre/ete/").status_code == 404
    get(client, "/echo/")
    page.save_revision().publish()
    page.move(centre_b, pos="last-child")
    response, _ = get(client, "/echo/")
    assert response["X-Page-Cache"] == "miss" and escape("Horaires d'été") in response.text
    get(client, "/echo/")
    page.delete()
    response, _ = get(client, "/echo/")
    assert response["X-Page-Cache"] == "miss" and escape("Horaires d'été") not in response.text


def test_network_settings_change_invalidates(client, home_page):
    from home.models import NetworkSettings

    get(client)
    settings = NetworkSettings.for_site(home_page.get_site())
    settings.name = "Réseau renommé"
    settings.save()
    response, _ = get(client)
    assert "Réseau renommé" in response.text


def test_logged_in_user_never_gets_a_cached_page(client, centre_a, resident):
    get(client)
    assert get(client)[0]["X-Page-Cache"] == "hit"
    assert client.login(username=resident.username, password=PASSWORD)
    response, _ = get(client)
    assert "X-Page-Cache" not in response
    assert "Se déconnecter" in response.text
    # Nor does their page go into the cache for others.
    client.logout()
    response, _ = get(client)
    assert response["X-Page-Cache"] == "hit"
    assert "Se déconnecter" not in response.text
    assert "Se connecter" in response.text


def test_a_waiting_message_is_shown_not_cached(client, centre_a, resident):
    get(client)
    client.login(username=resident.username, password=PASSWORD)
    client.post("/compte/logout/")  # leaves a "you have signed out" message for the next page
    response = client.get("/")
    assert response.get("X-Page-Cache") != "hit"
    assert 'class="messages"' in response.text
    response = client.get("/")
    assert 'class="messages"' not in response.text


def anonymous_request():
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def test_responses_with_csrf_token_cookies_or_messages_are_not_stored(db):
    request = anonymous_request()
    assert page_cache.request_may_use_cache(request)
    assert page_cache.response_may_be_cached(request, TemplateResponse(request, "404.html").render())

    with_token = anonymous_request()
    get_token(with_token)  # a page with a POST form
    assert not page_cache.response_may_be_cached(with_token, TemplateResponse(with_token, "404.html").render())

    with_cookie = anonymous_request()
    response = TemplateResponse(with_cookie, "404.html").render()
    response.set_cookie("choice", "1")
    assert not page_cache.response_may_be_cached(with_cookie, response)

    with_message = anonymous_request()
    with_message._messages.add(20, "Bonjour")
    assert not page_cache.request_may_use_cache(with_message)
    assert len(get_messages(with_message)) == 1

    not_ok = anonymous_request()
    assert not page_cache.response_may_be_cached(not_ok, TemplateResponse(not_ok, "404.html", status=404).render())

    private = anonymous_request()
    response = TemplateResponse(private, "404.html").render()
    response["Cache-Control"] = "private"
    assert not page_cache.response_may_be_cached(private, response)

    posted = RequestFactory().post("/")
    assert not page_cache.request_may_use_cache(posted)


def test_version_changes_on_invalidate(db):
    before = page_cache.page_cache_version()
    page_cache.invalidate_page_cache()
    assert page_cache.page_cache_version() != before


MIDDLEWARE = "home.page_cache.AnonymousPageCacheMiddleware"


def test_middleware_serves_hits_before_routing_with_all_headers(client, settings, centre_a, resident):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, MIDDLEWARE]
    _first, first_queries = get(client, "/belencontre/")
    response, queries = get(client, "/belencontre/")
    assert response["X-Page-Cache"] == "hit"
    assert queries < first_queries - 2  # no site lookup, no page routing
    assert "Content-Security-Policy" in response and response["X-Frame-Options"]
    # Publishing shows at once through the middleware too.
    centre_a.title = "Belencontre, nouveau titre"
    centre_a.save_revision().publish()
    assert "Belencontre, nouveau titre" in get(client, "/belencontre/")[0].text
    # Logged-in users pass through.
    client.login(username=resident.username, password=PASSWORD)
    response, _ = get(client, "/belencontre/")
    assert "X-Page-Cache" not in response and "Se déconnecter" in response.text


def test_pages_with_a_view_restriction_are_never_cached(client, settings, centre_a):
    from wagtail.models import PageViewRestriction

    settings.MIDDLEWARE = [*settings.MIDDLEWARE, MIDDLEWARE]
    private = centre_a.add_child(instance=StandardPage(title="Réservé", slug="reserve", body=paragraph("Secret.")))
    get(client, "/belencontre/reserve/")
    assert get(client, "/belencontre/reserve/")[0]["X-Page-Cache"] == "hit"
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="mot-de-passe"
    )
    for _ in range(2):
        response = client.get("/belencontre/reserve/")
        assert response.get("X-Page-Cache") is None
        assert "Secret." not in response.text
    # A visitor who types the password sees the page, which is not stored for the others.
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{private.pk}/",
        {"password": "mot-de-passe", "return_url": "/belencontre/reserve/"},
    )
    for _ in range(2):
        response = client.get("/belencontre/reserve/")
        assert "Secret." in response.text and response.get("X-Page-Cache") is None
    other = Client()
    response = other.get("/belencontre/reserve/")
    assert "Secret." not in response.text and response.get("X-Page-Cache") is None


def test_cached_pages_follow_the_clock(client, centre_a):
    from datetime import timedelta
    from unittest import mock

    from django.utils import timezone

    now = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=now):
        get(client)
        assert get(client)[0]["X-Page-Cache"] == "hit"
    with mock.patch("django.utils.timezone.now", return_value=now + timedelta(minutes=2)):
        assert get(client)[0]["X-Page-Cache"] == "miss"
