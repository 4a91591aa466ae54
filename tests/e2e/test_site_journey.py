import pytest

pytestmark = pytest.mark.e2e


def test_visitor_reaches_a_centre_from_the_home_page_on_a_phone(page, live_server, centre_a, centre_b):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("link", name="Centre social Belencontre").click()
    page.wait_for_url("**/belencontre/")
    assert page.locator("h1").inner_text() == "Centre social Belencontre"
    # Nothing overflows a 360 px wide screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_skip_link_is_the_first_focusable_element(page, live_server, home_page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Aller au contenu"
