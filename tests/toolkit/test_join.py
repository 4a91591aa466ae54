"""'Rejoindre la démarche': the public join form, its spam protection and what it (does not) publish."""

from html import unescape

import pytest
from django.core.cache import cache

from toolkit.models import Adoption, JoinRequest, NeighbouringCentre

pytestmark = pytest.mark.django_db

URL = "/boite-a-outils/rejoindre/"


@pytest.fixture(autouse=True)
def clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


def valid_data(sample_resources, **overrides):
    data = {
        "centre_name": "Centre social du Pont",
        "town": "Wattrelos",
        "contact_name": "Nadia Exemple",
        "email": "nadia@example.org",
        "phone": "",
        "wanted": [sample_resources["cv"].pk, sample_resources["method"].pk],
        "message": "Nous aimerions essayer la plateforme CV.",
        "website": "",
    }
    data.update(overrides)
    return data


def test_form_renders_without_account_with_labels(client, sample_resources):
    response = client.get(URL)
    assert response.status_code == 200
    html = unescape(response.text)
    assert "Rejoindre la démarche" in html
    for label in ["Nom de votre centre", "Ville", "Votre nom", "Adresse e-mail", "Téléphone"]:
        assert label in html
    # Only prototypes and method cards can be chosen.
    assert "Plateforme de CV en ligne" in html and "Le photolangage" in html
    assert f'value="{sample_resources["kezako"].pk}"' not in html
    assert 'class="toolkit-honeypot" aria-hidden="true"' in html


def test_valid_request_is_stored_and_confirmed(client, sample_resources):
    response = client.post(URL, valid_data(sample_resources))
    assert response.status_code == 303
    assert response["Location"] == "/boite-a-outils/rejoindre/merci/"
    request = JoinRequest.objects.get()
    assert request.centre_name == "Centre social du Pont"
    assert request.status == JoinRequest.Status.NEW
    assert set(request.wanted.all()) == {
        sample_resources["cv"].toolkitresourcepage_ptr,
        sample_resources["method"].toolkitresourcepage_ptr,
    }
    thanks = client.get(response["Location"])
    html = unescape(thanks.text)
    assert "Merci, votre demande a bien été reçue" in html
    assert f"Votre demande porte le numéro {request.pk}." in html
    assert "no-store" in thanks["Cache-Control"] and "private" in thanks["Cache-Control"]
    # The number is shown once; another visit of the page does not show it again.
    assert "Votre demande porte le numéro" not in unescape(client.get(response["Location"]).text)


def test_nothing_is_published_without_staff(client, sample_resources):
    client.post(URL, valid_data(sample_resources))
    assert not NeighbouringCentre.objects.exists()
    assert not Adoption.objects.exists()
    sheet = unescape(client.get(sample_resources["cv"].url).text)
    assert "Centre social du Pont" not in sheet
    assert "Aucun centre n'est encore indiqué" in sheet


def test_phone_alone_is_enough(client, sample_resources):
    response = client.post(URL, valid_data(sample_resources, email="", phone="03 20 11 22 33"))
    assert response.status_code == 303
    assert JoinRequest.objects.get().phone == "03 20 11 22 33"


@pytest.mark.parametrize(
    "field, message",
    [
        ("centre_name", "Indiquez le nom de votre centre."),
        ("town", "Indiquez la ville de votre centre."),
        ("contact_name", "Indiquez le nom de la personne à contacter."),
    ],
)
def test_missing_fields_are_refused_clearly(client, sample_resources, field, message):
    response = client.post(URL, valid_data(sample_resources, **{field: ""}))
    assert response.status_code == 400
    html = unescape(response.text)
    assert message in html
    assert "Le formulaire contient des erreurs" in html
    assert f'aria-describedby="id_{field}_error"' in html or f"id_{field}_error" in html
    assert 'aria-invalid="true"' in html
    # What was typed is kept.
    assert "Nous aimerions essayer la plateforme CV." in html
    assert not JoinRequest.objects.exists()


def test_no_way_to_answer_is_refused(client, sample_resources):
    response = client.post(URL, valid_data(sample_resources, email="", phone=""))
    assert response.status_code == 400
    assert "Indiquez une adresse e-mail ou un numéro de téléphone" in unescape(response.text)
    assert not JoinRequest.objects.exists()


def test_invalid_email_is_refused(client, sample_resources):
    response = client.post(URL, valid_data(sample_resources, email="nadia@"))
    assert response.status_code == 400
    assert "Cette adresse e-mail n'est pas valide" in unescape(response.text)
    assert not JoinRequest.objects.exists()


def test_unknown_or_draft_resource_cannot_be_chosen(client, sample_resources):
    response = client.post(URL, valid_data(sample_resources, wanted=[sample_resources["kezako"].pk]))
    assert response.status_code == 400
    assert not JoinRequest.objects.exists()


def test_honeypot_filled_is_refused(client, sample_resources):
    response = client.post(URL, valid_data(sample_resources, website="http://spam.example"))
    assert response.status_code == 400
    assert "le champ « Laissez ce champ vide » doit rester vide" in unescape(response.text)
    assert not JoinRequest.objects.exists()


def test_too_many_requests_from_one_address_are_refused(client, sample_resources, settings):
    settings.TOOLKIT_JOIN_RATE_LIMIT = (3, 3600)
    for number in range(3):
        response = client.post(URL, valid_data(sample_resources, centre_name=f"Centre {number}"))
        assert response.status_code == 303
    response = client.post(URL, valid_data(sample_resources, centre_name="Centre de trop"))
    assert response.status_code == 429
    html = unescape(response.text)
    assert "Trop de demandes ont été envoyées depuis cette connexion" in html
    assert "Centre de trop" in html  # nothing typed is lost
    assert JoinRequest.objects.count() == 3
    # Another address is not affected.
    other = client.post(URL, valid_data(sample_resources, centre_name="Voisin"), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 303


def test_join_requests_are_not_public(client, sample_resources, resident):
    client.post(URL, valid_data(sample_resources))
    request = JoinRequest.objects.get()
    assert client.get("/admin/boite-a-outils/demandes/").status_code == 302
    client.force_login(resident)
    assert client.get("/admin/boite-a-outils/demandes/").status_code in (302, 403)
    assert client.get(f"/admin/boite-a-outils/demandes/edit/{request.pk}/").status_code in (302, 403)


def test_staff_review_and_follow_up_requests_in_the_admin(client, sample_resources, staff_a):
    client.post(URL, valid_data(sample_resources))
    request = JoinRequest.objects.get()
    client.force_login(staff_a)
    listing = client.get("/admin/boite-a-outils/demandes/")
    assert listing.status_code == 200
    assert "Centre social du Pont" in unescape(listing.text)
    edit_url = f"/admin/boite-a-outils/demandes/edit/{request.pk}/"
    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, {"status": "contacted", "staff_notes": "Appelée le lundi."})
    assert response.status_code == 302, response.content[:2000]
    request.refresh_from_db()
    assert request.status == "contacted"
    assert request.centre_name == "Centre social du Pont"  # read-only fields unchanged
    assert request.history.count() == 2


def test_behind_a_trusted_proxy_the_forwarded_address_is_limited(client, sample_resources, settings):
    settings.TOOLKIT_JOIN_RATE_LIMIT = (1, 3600)
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    first = client.post(URL, valid_data(sample_resources), HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.5")
    assert first.status_code == 303
    # Same proxy (REMOTE_ADDR), another visitor: allowed.
    other = client.post(URL, valid_data(sample_resources), HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert other.status_code == 303
    # The first visitor again, even with a forged first entry: refused.
    again = client.post(URL, valid_data(sample_resources), HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.5")
    assert again.status_code == 429


def checked_ids(html):
    import re

    return {int(value) for value in re.findall(r'<input type="checkbox" name="wanted" value="(\d+)"[^>]*checked', html)}


@pytest.mark.parametrize("key", ["cv", "method"])
def test_join_from_a_sheet_preselects_that_resource(client, sample_resources, key):
    resource = sample_resources[key]
    sheet = unescape(client.get(resource.url).text)
    link = f'href="{URL}?ressource={resource.pk}"'
    assert link in sheet
    response = client.get(f"{URL}?ressource={resource.pk}")
    assert response.status_code == 200
    html = unescape(response.text)
    assert checked_ids(html) == {resource.pk}
    summary = html.split('id="chosen-resources"', 1)[1].split("</div>", 1)[0]
    assert "Vous avez choisi cette ressource :" in summary and resource.title in summary


def test_unknown_or_unadoptable_preselection_is_ignored(client, sample_resources):
    for query in ["ressource=999999", "ressource=abc", f"ressource={sample_resources['kezako'].pk}", "ressource="]:
        response = client.get(f"{URL}?{query}")
        assert response.status_code == 200, query
        assert checked_ids(response.text) == set(), query
        assert 'id="chosen-resources"' not in response.text


def test_the_request_lists_the_chosen_resources_after_errors_and_on_the_thanks_page(client, sample_resources):
    cv, method = sample_resources["cv"], sample_resources["method"]
    response = client.post(URL, valid_data(sample_resources, centre_name=""))
    assert response.status_code == 400
    html = unescape(response.text)
    assert checked_ids(html) == {cv.pk, method.pk}
    assert "Vous avez choisi ces ressources :" in html
    response = client.post(URL, valid_data(sample_resources), follow=True)
    html = unescape(response.text)
    assert "Vous avez demandé :" in html
    assert html.index("Le photolangage") < html.index("Plateforme de CV en ligne")
    assert sorted(JoinRequest.objects.get().wanted.values_list("pk", flat=True)) == sorted([cv.pk, method.pk])
