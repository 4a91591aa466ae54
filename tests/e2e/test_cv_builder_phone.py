"""A jobseeker fills a CV section on a phone: autosave (htmx) saves while typing, the preview follows."""

import pytest
from playwright.sync_api import expect

from cv_builder.models import CV
from tests.conftest import PASSWORD
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_fill_a_section_on_a_phone_with_autosave(page, live_server, resident, home_page):
    log_in(page, live_server, resident.username, PASSWORD)
    page.goto(f"{live_server.url}/mon-cv/")
    page.get_by_role("button", name="Créer mon CV").click()
    page.wait_for_url("**/identite/")
    cv = CV.objects.get(owner=resident)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_label("Prénom et nom").fill("Zoé Lefèvre")
    page.get_by_label("Téléphone").fill("06 11 22 33 44")
    # No click on "Enregistrer": autosave fires after one second without typing.
    page.wait_for_selector("#cv-save-status .cv-status-ok", timeout=10_000)
    assert "Enregistré à" in page.inner_text("#cv-save-status")
    cv.refresh_from_db()
    assert cv.data["basics"]["name"] == "Zoé Lefèvre" and cv.version >= 2
    assert page.get_attribute("#cv-version", "value") == str(cv.version)
    assert "Zoé Lefèvre" in page.inner_text("#cv-preview")

    # Typing more after an autosave keeps working (the version follows), then the plain button moves on.
    page.get_by_label("Ville").fill("Roubaix")
    expect(page.locator("#cv-preview")).to_contain_text("Roubaix", timeout=10_000)
    page.get_by_role("button", name="Enregistrer et passer à l'étape suivante").click()
    page.wait_for_url("**/emploi-recherche/")
    cv.refresh_from_db()
    assert cv.data["basics"]["location"]["city"] == "Roubaix"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_add_experience_and_reorder_without_javascript(browser, live_server, resident, home_page):
    context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    try:
        cv = CV.objects.create(owner=resident, data={"basics": {"name": "Zoé"}})
        log_in(page, live_server, resident.username, PASSWORD)
        page.goto(f"{live_server.url}/mon-cv/{cv.pk}/experience/")
        page.get_by_label("Poste occupé").fill("Vendeuse")
        page.get_by_label("Début").fill("2020")
        page.get_by_role("button", name="Enregistrer et ajouter une ligne").click()
        page.locator("#id_entries-1-position").fill("Caissière")
        page.locator("#id_entries-1-start").fill("2024-13")
        page.get_by_role("button", name="Enregistrer", exact=True).click()
        assert "Le mois 13 n'existe pas" in page.inner_text("main")
        page.locator("#id_entries-1-start").fill("03/2022")
        page.get_by_role("button", name="Enregistrer", exact=True).click()
        page.get_by_role("button", name="Monter (Expérience 2)").click()
        cv.refresh_from_db()
        assert [item["position"] for item in cv.data["work"]] == ["Caissière", "Vendeuse"]
        assert cv.data["work"][0]["startDate"] == "2022-03"
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()
