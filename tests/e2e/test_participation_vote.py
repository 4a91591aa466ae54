"""Supporting a proposal on a phone, with htmx (no reload) and without JavaScript (plain forms)."""

import pytest

from participation.models import Support
from tests.conftest import PASSWORD
from tests.e2e.conftest import log_in
from tests.participation.conftest import make_proposal, make_workshop

pytestmark = pytest.mark.e2e


@pytest.fixture
def voting(centre_a):
    workshop = make_workshop(centre_a, "voting", max_supports=2)
    proposals = [make_proposal(workshop, title=t) for t in ("Des bancs", "Un potager", "Une fresque")]
    return workshop, proposals


def test_support_on_a_phone_with_htmx(page, live_server, resident, voting):
    workshop, proposals = voting
    log_in(page, live_server, resident.username, PASSWORD)
    page.goto(live_server.url + workshop.url)
    page.evaluate("window.__marker = 'no reload'")
    page.get_by_role("button", name="Soutenir : Des bancs").click()
    page.get_by_text("Votre soutien à « Des bancs » est compté.").wait_for()
    assert page.evaluate("window.__marker") == "no reload"  # the page was not reloaded
    page.get_by_role("button", name="Soutenir : Un potager").click()
    page.get_by_text("Votre soutien à « Un potager » est compté.").wait_for()
    # Limit reached: no more support buttons, withdraw buttons instead.
    assert page.get_by_role("button", name="Soutenir : Une fresque").count() == 0
    page.get_by_role("button", name="Retirer mon soutien : Des bancs").click()
    page.get_by_text("Votre soutien à « Des bancs » est retiré.").wait_for()
    assert set(Support.objects.values_list("proposal__title", flat=True)) == {"Un potager"}
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_support_on_a_phone_without_javascript_with_a_code(browser, live_server, voting):
    from participation.models import VotingCode

    workshop, proposals = voting
    [code] = VotingCode.create_batch(workshop, 1)
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    try:
        # As if the QR code on the card had been scanned.
        page.goto(f"{live_server.url}/participer/atelier/{workshop.pk}/code/?code={code}")
        assert page.get_by_label("Votre code de vote").input_value() == code
        page.get_by_role("button", name="Utiliser ce code").click()
        page.get_by_text("Votre code est accepté.").wait_for()
        page.get_by_role("button", name="Soutenir : Une fresque").click()
        page.get_by_text("Votre soutien à « Une fresque » est compté.").wait_for()
        assert page.get_by_role("button", name="Retirer mon soutien : Une fresque").is_visible()
        assert Support.objects.filter(ballot__code__isnull=False).count() == 1
    finally:
        context.close()
