"""Feedback on a sheet: a public form (no account), refused spam, moderation before anything shows."""

from html import unescape

import pytest

from toolkit.models import PrototypePage, ResourceFeedback

pytestmark = pytest.mark.django_db


def valid_data(**overrides):
    data = {
        "centre_name": "Centre social du Pont",
        "contact": "nadia@example.org",
        "verdict": "useful",
        "comment": "Nous l'avons lancée en deux semaines avec la Mission locale.",
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def sheet(sample_resources):
    return sample_resources["cv"]


def feedback_url(page):
    return page.url + "avis/"


def test_the_sheet_links_to_the_feedback_form(client, sheet):
    html = unescape(client.get(sheet.url).text)
    assert f'href="{feedback_url(sheet)}"' in html
    assert "Donner votre avis sur cette ressource" in html
    assert "Aucun avis publié pour l’instant." in html


def test_form_shows_without_an_account(client, sheet):
    response = client.get(feedback_url(sheet))
    assert response.status_code == 200
    html = unescape(response.text)
    assert "Votre avis sur « Plateforme de CV en ligne »" in html
    assert "Cette ressource a-t-elle été utile à votre centre ?" in html
    assert "Quelque chose sur cette fiche est périmé ou faux" in html
    assert "no-cache" in response["Cache-Control"]  # the form's CSRF token is this visitor's


def test_feedback_is_saved_for_moderation_and_not_shown(client, sheet):
    client.get(sheet.url)  # fills the anonymous page cache
    response = client.post(feedback_url(sheet), valid_data())
    assert response.status_code == 303
    assert response["Location"] == sheet.url + "avis/merci/"
    thanks = client.get(response["Location"])
    assert "Votre avis a bien été reçu." in unescape(thanks.text)
    feedback = ResourceFeedback.objects.get()
    assert (feedback.resource_id, feedback.status, feedback.verdict) == (sheet.pk, "new", "useful")
    assert feedback.contact == "nadia@example.org"
    html = unescape(client.get(sheet.url).text)
    assert "Mission locale" not in html
    assert "Aucun avis publié pour l’instant." in html


def test_published_feedback_shows_on_the_sheet_without_the_contact_or_the_report(client, sheet):
    client.get(sheet.url)  # cached before publication: publishing must refresh it
    client.post(
        feedback_url(sheet),
        valid_data(reports_outdated="on", outdated_what="Le numéro de la Mission locale a changé."),
    )
    client.post(feedback_url(sheet), valid_data(centre_name="Centre des Trois Ponts", verdict="not_useful", comment=""))
    ResourceFeedback.objects.update(status=ResourceFeedback.Status.PUBLISHED)
    for feedback in ResourceFeedback.objects.all():  # through save(), as the admin does
        feedback.save()
    html = unescape(client.get(sheet.url).text)
    assert "Ce qu’en disent les centres" in html
    assert "1 centre l’a trouvée utile, 1 non." in html
    assert "Nous l'avons lancée en deux semaines avec la Mission locale." in html
    assert "Centre social du Pont" in html
    assert "nadia@example.org" not in html
    assert "Le numéro de la Mission locale a changé." not in html


def test_private_feedback_never_shows(client, sheet):
    client.post(feedback_url(sheet), valid_data())
    feedback = ResourceFeedback.objects.get()
    feedback.status = ResourceFeedback.Status.PRIVATE
    feedback.save()
    assert "Mission locale" not in client.get(sheet.url).text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"centre_name": ""}, "Indiquez le nom de votre centre."),
        ({"verdict": "", "comment": ""}, "le formulaire est vide"),
        ({"reports_outdated": "on", "outdated_what": ""}, "Dites ce qui est périmé ou faux"),
        ({"comment": "x" * 2500}, "Votre commentaire est trop long"),
        ({"verdict": "génial"}, "Sélectionnez un choix valide"),
    ],
)
def test_bad_input_gets_a_french_message_and_keeps_what_was_typed(client, sheet, data, message):
    response = client.post(feedback_url(sheet), valid_data(**data))
    assert response.status_code == 400
    html = unescape(response.text)
    assert message in html
    assert "Le formulaire contient des erreurs" in html
    if data.get("centre_name", None) != "":
        assert 'value="Centre social du Pont"' in html
    assert not ResourceFeedback.objects.exists()


def test_honeypot_filled_is_refused(client, sheet):
    response = client.post(feedback_url(sheet), valid_data(website="http://spam.example"))
    assert response.status_code == 400
    assert "le champ « Laissez ce champ vide » doit rester vide" in unescape(response.text)
    assert not ResourceFeedback.objects.exists()


def test_too_many_from_one_connection_are_refused_even_with_rotated_forwarded_for(client, sheet, settings):
    settings.TOOLKIT_FEEDBACK_RATE_LIMIT = (2, 3600)
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for number in range(2):
        response = client.post(
            feedback_url(sheet), valid_data(centre_name=f"Centre {number}"), HTTP_X_FORWARDED_FOR="203.0.113.5"
        )
        assert response.status_code == 303
    # The same visitor behind the proxy, with a forged first entry: still the same address.
    refused = client.post(
        feedback_url(sheet), valid_data(centre_name="Centre de trop"), HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.5"
    )
    assert refused.status_code == 429
    html = unescape(refused.text)
    assert "Trop de demandes ont été envoyées depuis cette connexion" in html
    assert 'value="Centre de trop"' in html  # nothing typed is lost
    assert ResourceFeedback.objects.count() == 2
    other = client.post(feedback_url(sheet), valid_data(), HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert other.status_code == 303


def test_join_and_feedback_limits_are_counted_apart(client, sample_resources, sheet, settings):
    settings.TOOLKIT_FEEDBACK_RATE_LIMIT = (1, 3600)
    assert client.post(feedback_url(sheet), valid_data()).status_code == 303
    assert client.post(feedback_url(sheet), valid_data()).status_code == 429
    join = {
        "centre_name": "Centre social du Pont",
        "town": "Wattrelos",
        "contact_name": "Nadia",
        "phone": "03 20 11 22 33",
    }
    assert client.post("/boite-a-outils/rejoindre/", join).status_code == 303


def test_no_feedback_on_a_draft_or_unknown_sheet(client, make_resource):
    draft = make_resource(PrototypePage, title="Brouillon", live=False)
    assert client.get(f"/boite-a-outils/{draft.slug}/avis/").status_code == 404
    assert client.post(f"/boite-a-outils/{draft.slug}/avis/", valid_data()).status_code == 404
    assert client.get("/boite-a-outils/nulle-part/avis/").status_code == 404
    assert not ResourceFeedback.objects.exists()


def test_every_resource_type_takes_feedback(client, sample_resources, learning_path, settings):
    settings.TOOLKIT_FEEDBACK_RATE_LIMIT = (10, 3600)
    for page in [*sample_resources.values(), learning_path]:
        assert client.post(feedback_url(page), valid_data()).status_code == 303, page.title
    assert ResourceFeedback.objects.count() == len(sample_resources) + 1
