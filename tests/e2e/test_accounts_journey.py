"""Sign-up, log-out and log-in on a 360 px phone; the desk card and the forced password change."""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.conftest import PASSWORD
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e
User = get_user_model()


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_resident_signs_up_without_email_then_logs_in_on_a_phone(page, live_server, home_page):
    page.goto(f"{live_server.url}/compte/signup/")
    assert page.locator("h1").inner_text() == "Créer un compte"
    assert no_horizontal_scroll(page)
    page.get_by_label("Identifiant", exact=True).fill("amina59")
    page.get_by_label("Votre prénom ou surnom (facultatif)").fill("Amina")
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_label("Mot de passe, encore une fois").fill(PASSWORD)
    page.get_by_role("button", name="Créer mon compte").click()
    page.wait_for_load_state()
    assert User.objects.get(username="amina59").display_name == "Amina"

    page.goto(f"{live_server.url}/compte/logout/")
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()

    log_in(page, live_server, "amina59", "pas-le-bon")
    assert "Identifiant ou mot de passe incorrect" in page.locator("[role=alert]").inner_text()
    assert no_horizontal_scroll(page)
    log_in(page, live_server, "amina59", PASSWORD)
    page.goto(f"{live_server.url}/compte/")
    assert page.locator("h1").inner_text() == "Mon compte"
    assert "amina59" in page.locator("main").inner_text()
    assert no_horizontal_scroll(page)


def test_staff_prints_a_card_and_the_resident_changes_the_password(browser, page, live_server, staff_a):
    log_in(page, live_server, "staff-a", PASSWORD)
    page.goto(f"{live_server.url}/compte/accueil/nouveau/")
    page.get_by_label("Prénom ou nom que la personne veut afficher").fill("Yasmine")
    page.get_by_role("button", name="Créer le compte").click()
    page.wait_for_url(re.compile(r".*/compte/accueil/carte/\d+/$"))
    assert no_horizontal_scroll(page)
    username = page.locator("#card-username").inner_text()
    password = page.locator("#card-password").inner_text()
    assert username.startswith("yasmine-")
    # Printing shows the card only: no site header, no buttons.
    page.emulate_media(media="print")
    assert page.locator(".login-card").is_visible()
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_role("button", name="Carte imprimée : masquer le mot de passe").is_visible()
    page.emulate_media(media="screen")

    phone = browser.new_context(viewport={"width": 360, "height": 800}, locale="fr-FR").new_page()
    log_in(phone, live_server, username, password)
    phone.wait_for_url("**/compte/password/change/")
    assert "provisoire" in phone.locator("main").inner_text()
    # Right after logging in with the card's password: one field, the card's password is not asked again.
    assert phone.get_by_label("Mot de passe actuel").count() == 0
    phone.get_by_label("Nouveau mot de passe", exact=True).fill("mon-propre-secret-31")
    phone.get_by_role("button", name="Enregistrer mon nouveau mot de passe").click()
    phone.wait_for_url("**/compte/")
    assert not User.objects.get(username=username).must_change_password
    phone.context.close()


@pytest.mark.parametrize("path", ["/compte/login/", "/compte/signup/", "/compte/password/reset/"])
def test_account_pages_fit_a_320px_screen(page, live_server, home_page, path):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(f"{live_server.url}{path}")
    assert no_horizontal_scroll(page)
    box = page.locator("main button[type=submit]").first.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
