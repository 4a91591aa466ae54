import pytest

from home.models import NewsIndexPage
from tests.home.conftest import add_events, add_news

pytestmark = pytest.mark.e2e


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_phone_visitor_goes_from_home_to_a_centre_then_a_news_article(page, live_server, centre_a, centre_b):
    from home.models import EventIndexPage, OpeningHours

    centre_a.phone = "03 20 11 22 33"
    centre_a.street_address = "12 rue de la Démo"
    centre_a.opening_hours.add(OpeningHours(weekday=2, opens="09:00", closes="12:00"))
    centre_a.save()
    index = centre_a.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
    add_news(index, 2, prefix="Nouvelle")
    add_events(centre_a.add_child(instance=EventIndexPage(title="Agenda", slug="agenda")), 1)

    page.goto(live_server.url + "/")
    assert no_horizontal_scroll(page)
    page.get_by_role("link", name="Centre social Belencontre").first.click()
    page.wait_for_url("**/belencontre/")
    assert page.locator("h1").inner_text() == "Centre social Belencontre"
    assert page.get_by_role("link", name="03 20 11 22 33").get_attribute("href") == "tel:0320112233"
    assert "Mardi" in page.locator(".opening-hours").inner_text()
    assert no_horizontal_scroll(page)

    page.get_by_role("link", name="Nouvelle 0").click()
    page.wait_for_url("**/belencontre/actualites/nouvelle-0/")
    assert page.locator("h1").inner_text() == "Nouvelle 0"
    assert no_horizontal_scroll(page)
    # The breadcrumb leads back to the centre.
    breadcrumb = page.get_by_role("navigation", name="Vous êtes ici")
    breadcrumb.get_by_role("link", name="Centre social Belencontre").click()
    page.wait_for_url("**/belencontre/")


def test_links_and_buttons_are_big_enough_to_touch(page, live_server, centre_a):
    page.goto(live_server.url + "/belencontre/")
    small = page.evaluate(
        """() => [...document.querySelectorAll('.site-nav a, .breadcrumb a, .card h3 a, .button')]
              .filter(el => el.getBoundingClientRect().height < 44)
              .map(el => el.textContent.trim())"""
    )
    assert small == []


def test_narrowest_phone_has_no_horizontal_scroll(browser, live_server, centre_a):
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="fr-FR")
    page = context.new_page()
    for url in ("/", "/belencontre/", "/recherche/?q=centre"):
        page.goto(live_server.url + url)
        assert no_horizontal_scroll(page), url
    context.close()
