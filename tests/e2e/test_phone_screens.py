"""Issue 13 in a real browser, at 360x740 and 320 px: results, the support limit, sign-up, search."""

from datetime import date

import pytest

from tests.conftest import PASSWORD
from tests.e2e.conftest import log_in
from tests.participation.conftest import confirmed_sheet, make_proposal, make_workshop
from tests.participation.test_results import add_supports, set_phase

pytestmark = pytest.mark.e2e

PHONES = {"360x740": (360, 740), "320x640": (320, 640)}


@pytest.fixture(params=list(PHONES))
def phone(request, browser):
    width, height = PHONES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
    page = context.new_page()
    page.width = width
    yield page
    context.close()


def fits(page):
    """Nothing sticks out sideways: the page is no wider than the screen."""
    return page.evaluate("document.documentElement.scrollWidth") <= page.width


def test_results_are_a_readable_list_with_shared_ranks(phone, live_server, centre_a):
    workshop = make_workshop(centre_a, "voting")
    first, second, third = (make_proposal(workshop, title=t) for t in ("Un potager", "Des bancs", "Une fresque"))
    add_supports(workshop, first, 4)
    add_supports(workshop, second, 2)
    add_supports(workshop, third, 3)
    confirmed_sheet(workshop, date(2026, 3, 14), {second: 1})  # 2 + 1 = 3, tied with the fresque
    set_phase(workshop, "results")
    phone.goto(f"{live_server.url}/participer/atelier/{workshop.pk}/resultats/")
    items = phone.locator(".results-list > li")
    assert items.count() == 3
    assert items.nth(0).inner_text().split()[:3] == ["1er", "Un", "potager"]
    second_card = items.filter(has_text="Des bancs")
    assert "2e ex æquo" in second_card.inner_text() and "3 soutiens" in second_card.inner_text()
    assert "2 en ligne · 1 sur papier" in second_card.inner_text()
    assert "2e ex æquo" in items.filter(has_text="Une fresque").inner_text()
    # The wide table is for large screens; every figure is in the list, nothing off-screen.
    assert not phone.locator(".results-table").is_visible()
    assert fits(phone)
    box = second_card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= phone.width
    # The chart's bars are labelled with the proposals' titles.
    assert phone.locator("svg.bar-chart text", has_text="Un potager").count() == 1


def test_at_the_limit_the_other_cards_say_why(phone, live_server, centre_a, resident):
    workshop = make_workshop(centre_a, "voting", max_supports=1)
    for title in ("Des bancs", "Un potager"):
        make_proposal(workshop, title=title)
    log_in(phone, live_server, resident.username, PASSWORD)
    phone.goto(live_server.url + workshop.url)
    phone.get_by_role("button", name="Soutenir : Des bancs").click()
    phone.get_by_text("Votre soutien à « Des bancs » est compté.").wait_for()
    card = phone.locator(".proposal", has_text="Un potager")
    assert card.get_by_text("Vous avez choisi 1 proposition : retirez-la pour choisir celle-ci.").is_visible()
    link = card.get_by_role("link", name="Soutenir : Un potager (limite atteinte)")
    assert link.is_visible()
    link.click()
    assert phone.url.endswith("#vote-limit")
    assert phone.locator("#vote-limit").is_visible()
    assert fits(phone)
    # The proposal's own page has its support button too.
    phone.get_by_role("link", name="Des bancs").click()
    phone.get_by_role("heading", name="Soutenir cette proposition").wait_for()
    phone.get_by_role("button", name="Retirer mon soutien").click()
    phone.get_by_text("Votre soutien à « Des bancs » est retiré.").wait_for()
    assert phone.get_by_role("button", name="Soutenir").is_visible()
    assert fits(phone)


def test_search_forgives_typos_and_never_ends_in_a_dead_end(phone, live_server, home_page, centre_a, centre_b):
    phone.goto(f"{live_server.url}/recherche/")
    phone.get_by_label("Mots à rechercher").fill("Bellencontre")
    phone.get_by_role("button", name="Rechercher").click()
    phone.locator(".search-results").get_by_role("link", name="Centre social Belencontre").wait_for()
    assert fits(phone)
    phone.get_by_label("Mots à rechercher").fill("zzzqqq")
    phone.get_by_role("button", name="Rechercher").click()
    phone.get_by_role("heading", name="Les centres sociaux").wait_for()
    phone.get_by_role("link", name="Centre social l'Écho").click()
    assert phone.url.endswith("/echo/")
    assert fits(phone)


def test_sign_up_from_propose_an_idea_on_a_phone(phone, live_server, centre_a):
    workshop = make_workshop(centre_a, "proposals")
    phone.goto(live_server.url + workshop.url)
    phone.get_by_role("link", name="Proposer une idée").first.click()
    phone.get_by_text("Pour proposer une idée, connectez-vous.").wait_for()
    assert fits(phone)
    phone.get_by_role("link", name="Créer un compte").last.click()
    phone.get_by_label("Identifiant").fill("Fatima Zahra")
    phone.get_by_label("Mot de passe", exact=True).fill("velo-soleil-42")
    phone.get_by_label("Mot de passe, encore une fois").fill("velo-soleil-42")
    phone.get_by_role("button", name="Créer mon compte").click()
    phone.get_by_text("Vous pouvez choisir « Fatima.Zahra »").wait_for()
    assert fits(phone)
    phone.get_by_label("Identifiant").fill("Fatima.Zahra")
    phone.get_by_label("Mot de passe", exact=True).fill("velo-soleil-42")
    phone.get_by_label("Mot de passe, encore une fois").fill("velo-soleil-42")
    phone.get_by_role("button", name="Créer mon compte").click()
    phone.get_by_text("Notez votre identifiant dans un endroit sûr").wait_for()
    assert phone.url.endswith(f"/participer/atelier/{workshop.pk}/proposer/")
    assert fits(phone)


def test_workshop_page_with_ten_photos_stays_under_500_kb_of_images(page, live_server, centre_a):
    """The page-weight budget at 360 px: every photo loaded (scrolled to the bottom), under 500 KB in all."""
    from tests.participation.test_photo_sizes import with_photo

    workshop = make_workshop(centre_a, "voting")
    proposals = [with_photo(workshop, f"Idée {n}", seed=n) for n in range(10)]
    originals = sum(p.photo.size for p in proposals)
    assert originals > 5_000_000  # the photos as kept weigh megabytes
    received = {}

    def count(response):
        if "/photo/" in response.url:
            received[response.url] = len(response.body())

    page.set_viewport_size({"width": 360, "height": 740})
    page.on("response", count)
    page.goto(live_server.url + workshop.url)
    for _ in range(30):  # scroll to the end so that every lazily loaded photo is fetched
        page.mouse.wheel(0, 700)
        page.wait_for_timeout(100)
    page.wait_for_load_state("networkidle")
    assert len(received) == 10
    assert all("taille=vignette" in url for url in received)
    assert sum(received.values()) < 500_000, sum(received.values())


def test_compact_logged_in_header_and_breadcrumb_off_the_edge(phone, live_server, centre_a, resident):
    log_in(phone, live_server, resident.username, PASSWORD)
    phone.goto(live_server.url + centre_a.url)
    header = phone.locator(".site-header").bounding_box()
    assert header["height"] <= 150, header  # was 228 px of a 640 px screen at 320 px
    crumb = phone.locator(".breadcrumb li").first.bounding_box()
    assert crumb["x"] >= 12, crumb  # the breadcrumb no longer touches the screen's edge
    assert fits(phone)
