"""A neighbouring centre's journeys on a phone: filter, land on the results, read, join, give feedback."""

import pytest

from tests.toolkit.conftest import audiences, make_resource, sample_resources, themes, toolkit_index  # noqa: F401
from toolkit.models import JoinRequest, ResourceFeedback

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
    assert page.locator("h2#resultats").inner_text() == "5 ressources trouvées"
    page.select_option("#f-theme", label="Emploi et insertion")
    page.select_option("#f-type", label="Prototype")
    page.get_by_role("button", name="Afficher les résultats").click()
    page.wait_for_url("**/boite-a-outils/?*")
    assert "theme=emploi-insertion" in page.url and "type=prototype" in page.url
    assert page.url.endswith("#resultats")
    assert page.locator("h2#resultats").inner_text() == "1 ressource trouvée"
    # Without JavaScript too, the page opens on the results, not on the filters at the top.
    assert page.evaluate("window.scrollY") > 300
    assert_in_view(page, "h2#resultats")
    assert_in_view(page, ".toolkit-card h3")
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
    # Coming from the sheet, that resource is already ticked and listed above the form.
    assert page.get_by_label("Plateforme de CV en ligne").is_checked()
    assert "Plateforme de CV en ligne" in page.locator("#chosen-resources").inner_text()
    page.get_by_label("Nom de votre centre").fill("Centre social du Pont")
    page.get_by_label("Ville").fill("Wattrelos")
    page.get_by_label("Votre nom").fill("Nadia Exemple")
    page.get_by_label("Téléphone").fill("03 20 11 22 33")
    page.get_by_role("button", name="Envoyer ma demande").click()
    assert page.locator("h1").inner_text() == "Merci, votre demande a bien été reçue"
    request = JoinRequest.objects.get()
    assert request.centre_name == "Centre social du Pont"
    assert [page.title for page in request.wanted.all()] == ["Plateforme de CV en ligne"]


def assert_in_view(page, selector):
    box = page.locator(selector).first.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"] - 40, (selector, box)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="fr-FR", is_mobile=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.usefixtures("sample_resources")
def test_filter_read_and_give_feedback_on_a_phone(phone, live_server):
    page = phone
    page.goto(live_server.url + "/boite-a-outils/")
    page.select_option("#f-audience", label="Jeunes")
    page.get_by_role("button", name="Afficher les résultats").click()
    page.wait_for_url("**#resultats")
    heading = page.locator("h2#resultats")
    assert heading.inner_text() == "1 ressource trouvée"
    assert_in_view(page, "h2#resultats")
    # With JavaScript the focus is on the count too, so a screen reader reads it out.
    page.wait_for_function("document.activeElement && document.activeElement.id === 'resultats'")
    assert page.evaluate("document.activeElement.textContent") == "1 ressource trouvée"

    page.get_by_role("link", name="Promeneur du Net").click()
    assert page.locator("h1").inner_text() == "Promeneur du Net"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role("link", name="Donner votre avis sur cette ressource").click()
    assert page.locator("h1").inner_text() == "Votre avis sur « Promeneur du Net »"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # Sent empty: a clear message, nothing saved.
    page.get_by_role("button", name="Envoyer mon avis").click()
    assert "Le formulaire contient des erreurs" in page.locator("[role=alert]").first.inner_text()
    assert not ResourceFeedback.objects.exists()

    page.get_by_label("Nom de votre centre").fill("Centre social du Pont")
    page.get_by_label("Utile", exact=True).check()
    page.get_by_label("Votre commentaire (facultatif)").fill("Les jeunes ont adoré, on continue.")
    page.get_by_label("Quelque chose sur cette fiche est périmé ou faux").check()
    page.get_by_label("Qu’est-ce qui est périmé ou faux ?").fill("Le contact CAF a changé.")
    page.get_by_role("button", name="Envoyer mon avis").click()
    assert page.locator("h1").inner_text() == "Merci pour votre avis"
    assert "Votre avis a bien été reçu." in page.locator("[role=status]").inner_text()
    feedback = ResourceFeedback.objects.get()
    assert (feedback.centre_name, feedback.verdict, feedback.status) == ("Centre social du Pont", "useful", "new")
    assert feedback.reports_outdated and feedback.outdated_what == "Le contact CAF a changé."
    assert feedback.resource.title == "Promeneur du Net"

    # Not on the sheet until the team publishes it.
    page.get_by_role("link", name="Retour à « Promeneur du Net »").click()
    assert "Les jeunes ont adoré" not in page.locator("main").inner_text()


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
