"""A neighbouring centre's journey on a phone with JavaScript turned off: filter, read, join."""

import pytest

from tests.toolkit.conftest import audiences, make_resource, sample_resources, themes, toolkit_index  # noqa: F401
from toolkit.models import JoinRequest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone_without_js(browser):
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.usefixtures("sample_resources")
def test_filter_read_and_join_on_a_phone_without_javascript(phone_without_js, live_server):
    page = phone_without_js
    page.goto(live_server.url + "/boite-a-outils/")
    assert page.locator("h2#results-title").inner_text() == "5 ressources"
    page.select_option("#f-theme", label="Emploi et insertion")
    page.select_option("#f-type", label="Prototype")
    page.get_by_role("button", name="Afficher les résultats").click()
    page.wait_for_url("**/boite-a-outils/?*")
    assert "theme=emploi-insertion" in page.url and "type=prototype" in page.url
    assert page.locator("h2#results-title").inner_text() == "1 ressource"
    assert page.locator(".toolkit-card h3").all_inner_texts() == ["Plateforme de CV en ligne"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # The filtered address can be shared: opening it again gives the same list.
    shared = page.url
    page.goto(shared)
    assert page.locator(".toolkit-card h3").all_inner_texts() == ["Plateforme de CV en ligne"]

    page.get_by_role("link", name="Plateforme de CV en ligne").click()
    assert page.locator("h1").inner_text() == "Plateforme de CV en ligne"
    assert page.get_by_role("link", name="Télécharger en PDF").get_attribute("href").endswith("/pdf/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # Printing keeps the sheet and drops the site's header, buttons and the join invitation.
    page.emulate_media(media="print")
    assert page.locator(".toolkit-steps").is_visible()
    for hidden in [".site-header", ".toolkit-actions", ".toolkit-join-cta", ".site-footer"]:
        assert page.locator(hidden).is_hidden(), hidden
    page.emulate_media(media="screen")

    page.get_by_role("link", name="Rejoindre la démarche").click()
    page.get_by_label("Nom de votre centre").fill("Centre social du Pont")
    page.get_by_label("Ville").fill("Wattrelos")
    page.get_by_label("Votre nom").fill("Nadia Exemple")
    page.get_by_label("Téléphone").fill("03 20 11 22 33")
    page.get_by_label("Plateforme de CV en ligne").check()
    page.get_by_role("button", name="Envoyer ma demande").click()
    assert page.locator("h1").inner_text() == "Merci, votre demande a bien été reçue"
    request = JoinRequest.objects.get()
    assert request.centre_name == "Centre social du Pont"
    assert [page.title for page in request.wanted.all()] == ["Plateforme de CV en ligne"]


@pytest.mark.usefixtures("sample_resources")
def test_join_form_errors_are_announced_and_kept(phone_without_js, live_server):
    page = phone_without_js
    page.goto(live_server.url + "/boite-a-outils/rejoindre/")
    page.get_by_label("Nom de votre centre").fill("Centre social du Pont")
    page.get_by_label("Adresse e-mail").fill("pas-une-adresse")
    page.get_by_role("button", name="Envoyer ma demande").click()
    assert "Le formulaire contient des erreurs" in page.locator("[role=alert]").first.inner_text()
    email = page.get_by_label("Adresse e-mail")
    assert email.get_attribute("aria-invalid") == "true"
    assert "id_email_error" in email.get_attribute("aria-describedby")
    assert page.get_by_label("Nom de votre centre").input_value() == "Centre social du Pont"
    assert not JoinRequest.objects.exists()
