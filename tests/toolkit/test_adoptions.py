"""Adoptions: only staff record them, in the admin; sheets list only published ones; overview and CSV."""

import csv
import io
from html import unescape

import pytest
from django.core.cache import cache

from home.page_cache import page_cache_version
from toolkit.models import Adoption, NeighbouringCentre

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/boite-a-outils/adoptions/new/"


def edit_url(adoption):
    return f"/admin/boite-a-outils/adoptions/edit/{adoption.pk}/"


@pytest.fixture
def neighbour(db):
    return NeighbouringCentre.objects.create(name="Centre social du Pont", town="Wattrelos")


@pytest.fixture
def network_b(centre_b):
    return NeighbouringCentre.objects.create(
        name="Centre social l'Écho", town="Roubaix", in_network=True, network_centre=centre_b
    )


def form_data(centre, resource, **overrides):
    data = {
        "centre": centre.pk,
        "resource": resource.pk,
        "stage": "workshop",
        "abandon_reason": "",
        "started_on": "2026-09-01",
        "stage_changed_on": "2026-10-15",
        "adapted": "Ateliers le samedi matin.",
        "feedback": "Les habitants ont aimé.",
    }
    data.update(overrides)
    return data


def test_anonymous_and_residents_cannot_record_adoptions(client, neighbour, sample_resources, resident):
    data = form_data(neighbour, sample_resources["cv"])
    response = client.post(ADD_URL, data)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(resident)
    response = client.post(ADD_URL, data)
    assert response.status_code in (302, 403)
    assert client.get("/admin/boite-a-outils/adoptions/").status_code in (302, 403)
    assert not Adoption.objects.exists()


def test_centre_staff_records_an_adoption_in_the_admin(client, neighbour, sample_resources, staff_a):
    client.force_login(staff_a)
    assert client.get(ADD_URL).status_code == 200
    response = client.post(ADD_URL, form_data(neighbour, sample_resources["cv"]))
    assert response.status_code == 302, unescape(response.text)[:3000]
    adoption = Adoption.objects.get()
    assert adoption.stage == "workshop" and not adoption.is_published
    assert adoption.history.get().history_user == staff_a
    # ... and updates it.
    response = client.post(edit_url(adoption), form_data(neighbour, sample_resources["cv"], stage="testing"))
    assert response.status_code == 302
    adoption.refresh_from_db()
    assert adoption.stage == "testing"
    assert adoption.history.count() == 2


def test_abandoned_needs_a_reason(client, neighbour, sample_resources, staff_a):
    client.force_login(staff_a)
    response = client.post(ADD_URL, form_data(neighbour, sample_resources["cv"], stage="abandoned"))
    assert response.status_code == 200
    assert "Indiquez pourquoi le centre a abandonné." in unescape(response.text)
    assert not Adoption.objects.exists()


def test_only_prototypes_and_method_cards_can_be_adopted(client, neighbour, sample_resources, staff_a):
    client.force_login(staff_a)
    response = client.post(ADD_URL, form_data(neighbour, sample_resources["kezako"]))
    assert response.status_code == 200
    assert not Adoption.objects.exists()
    response = client.post(ADD_URL, form_data(neighbour, sample_resources["method"]))
    assert response.status_code == 302


def test_a_network_centres_adoptions_belong_to_its_staff(
    client, network_b, neighbour, sample_resources, staff_a, staff_b
):
    adoption = Adoption.objects.create(centre=network_b, resource=sample_resources["cv"])
    client.force_login(staff_a)
    # Staff of another centre can neither see it in the list, edit it, nor create one for that centre.
    assert client.get(edit_url(adoption)).status_code == 404
    response = client.post(edit_url(adoption), form_data(network_b, sample_resources["cv"], stage="adopted"))
    assert response.status_code == 404
    listing = unescape(client.get("/admin/boite-a-outils/adoptions/").text)
    assert "Centre social l'Écho" not in listing
    response = client.post(ADD_URL, form_data(network_b, sample_resources["method"]))
    assert response.status_code == 200
    assert Adoption.objects.count() == 1
    adoption.refresh_from_db()
    assert adoption.stage == "discovered"
    # Its own staff can.
    client.force_login(staff_b)
    response = client.post(edit_url(adoption), form_data(network_b, sample_resources["cv"], stage="adopted"))
    assert response.status_code == 302
    adoption.refresh_from_db()
    assert adoption.stage == "adopted"


def test_superuser_manages_every_adoption(client, network_b, sample_resources, superuser):
    adoption = Adoption.objects.create(centre=network_b, resource=sample_resources["cv"])
    client.force_login(superuser)
    response = client.post(edit_url(adoption), form_data(network_b, sample_resources["cv"], stage="adopted"))
    assert response.status_code == 302


def test_sheet_lists_only_published_adoptions(client, neighbour, network_b, sample_resources):
    cv = sample_resources["cv"]
    Adoption.objects.create(centre=neighbour, resource=cv, stage="adopted", is_published=True)
    Adoption.objects.create(centre=network_b, resource=cv, stage="testing", is_published=False)
    html = unescape(client.get(cv.url).text)
    assert "Centre social du Pont" in html and "Adopté" in html
    assert "Centre social l'Écho" not in html
    # And not on another prototype's sheet.
    assert "Centre social du Pont" not in unescape(client.get(sample_resources["promeneur"].url).text)


def test_publishing_an_adoption_invalidates_the_page_cache(neighbour, sample_resources):
    cache.clear()
    before = page_cache_version()
    adoption = Adoption.objects.create(centre=neighbour, resource=sample_resources["cv"])
    adoption.is_published = True
    adoption.save()
    assert page_cache_version() > before


@pytest.fixture
def many_adoptions(sample_resources, neighbour, network_b):
    other = NeighbouringCentre.objects.create(name="Centre Voisin", town="Lys-lez-Lannoy")
    cv, promeneur, method = sample_resources["cv"], sample_resources["promeneur"], sample_resources["method"]
    rows = [
        (neighbour, cv, "adopted", ""),
        (network_b, cv, "testing", ""),
        (other, cv, "abandoned", "Pas assez de bénévoles"),
        (neighbour, promeneur, "discovered", ""),
        (other, promeneur, "discovered", ""),
        (neighbour, method, "workshop", ""),
        (other, method, "abandoned", "Trop long"),
    ]
    return [
        Adoption.objects.create(centre=c, resource=r, stage=s, abandon_reason=why, is_published=(s == "adopted"))
        for c, r, s, why in rows
    ]


def test_overview_counts_match_the_records(client, many_adoptions, staff_a, sample_resources):
    client.force_login(staff_a)
    response = client.get("/admin/boite-a-outils/suivi/")
    assert response.status_code == 200
    html = unescape(response.text)
    overview = response.context["overview"]
    assert overview["overall"] == {
        stage: Adoption.objects.filter(stage=stage).count() for stage in Adoption.Stage.values
    }
    assert overview["overall"] == {"discovered": 2, "workshop": 1, "testing": 1, "adopted": 1, "abandoned": 2}
    assert overview["total"] == 7 and overview["centres"] == 3
    # "Centre Voisin" abandoned two resources: one centre at that stage.
    assert overview["centres_at"] == {"discovered": 2, "workshop": 1, "testing": 1, "adopted": 1, "abandoned": 1}
    assert overview["centres_at"]["abandoned"] == (
        Adoption.objects.filter(stage="abandoned").values("centre").distinct().count()
    )
    rows = {row["title"]: row["counts"] for row in overview["rows"]}
    assert rows["Plateforme de CV en ligne"] == {
        "discovered": 0,
        "workshop": 0,
        "testing": 1,
        "adopted": 1,
        "abandoned": 1,
    }
    assert rows["Promeneur du Net"]["discovered"] == 2
    # The table and the accessible chart say the same.
    assert (
        '<th scope="row">Plateforme de CV en ligne</th><td>0</td><td>0</td><td>1</td><td>1</td><td>1</td><td>3</td>'
        in html
    )
    assert 'role="img"' in html and "Découvert : 2 ; Atelier organisé : 1" in html and "Abandonné : 1" in html
    assert "7 adoptions enregistrées, par 3 centres." in html
    assert "<td>2</td><td>1</td><td>1</td><td>1</td><td>1</td><td>3</td>" in html  # different centres row


def test_overview_and_csv_are_for_staff_only(client, many_adoptions, resident):
    for url in ["/admin/boite-a-outils/suivi/", "/admin/boite-a-outils/suivi/adoptions.csv"]:
        assert client.get(url).status_code == 302
    client.force_login(resident)
    for url in ["/admin/boite-a-outils/suivi/", "/admin/boite-a-outils/suivi/adoptions.csv"]:
        assert client.get(url).status_code in (302, 403)


def test_csv_matches_the_records(client, many_adoptions, staff_a):
    client.force_login(staff_a)
    response = client.get("/admin/boite-a-outils/suivi/adoptions.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:6] == ["Centre", "Ville", "Centre du réseau", "Ressource", "Type", "Étape"]
    assert len(body) == Adoption.objects.count() == 7
    by_key = {(row[0], row[3]): row for row in body}
    abandoned = by_key[("Centre Voisin", "Plateforme de CV en ligne")]
    assert abandoned[5] == "Abandonné" and abandoned[6] == "Pas assez de bénévoles"
    assert by_key[("Centre social l'Écho", "Plateforme de CV en ligne")][2] == "oui"
    assert by_key[("Centre social du Pont", "Le photolangage")][4] == "Fiche méthode"
    assert by_key[("Centre social du Pont", "Plateforme de CV en ligne")][11] == "oui"
    assert sum(1 for row in body if row[5] == "Découvert") == 2


def test_admin_menu_shows_the_toolkit_to_staff(client, staff_a):
    client.force_login(staff_a)
    html = unescape(client.get("/admin/").text)
    assert "Boîte à outils" in html
    assert "/admin/boite-a-outils/suivi/" in html


def test_dashboard_panel_and_admin_screens_render(client, many_adoptions, superuser, staff_a):
    from toolkit.models import JoinRequest

    JoinRequest.objects.create(centre_name="Centre A", town="Hem", contact_name="A", phone="1")
    JoinRequest.objects.create(centre_name="Centre B", town="Hem", contact_name="B", phone="2", status="done")
    client.force_login(staff_a)
    home = unescape(client.get("/admin/").text)
    assert "Boîte à outils : adoptions" in home and "Découvert : 2" in home
    assert "1 nouvelle demande pour rejoindre la démarche" in home
    for url in [
        "/admin/boite-a-outils/adoptions/",
        "/admin/boite-a-outils/adoptions/new/",
        "/admin/boite-a-outils/centres/",
        "/admin/boite-a-outils/centres/new/",
        "/admin/boite-a-outils/demandes/",
    ]:
        assert client.get(url).status_code == 200, url
    # Snippets are for editors with the model permissions (here the superuser).
    assert client.get("/admin/snippets/toolkit/theme/").status_code in (302, 403)
    client.force_login(superuser)
    for url in ["/admin/snippets/toolkit/theme/", "/admin/snippets/toolkit/audience/"]:
        assert client.get(url).status_code == 200, url


def test_staff_add_a_neighbouring_centre(client, staff_a):
    client.force_login(staff_a)
    response = client.post(
        "/admin/boite-a-outils/centres/new/",
        {
            "name": "Centre social des Oliviers",
            "town": "Hem",
            "contact_name": "",
            "email": "",
            "phone": "",
            "notes": "",
        },
    )
    assert response.status_code == 302
    centre = NeighbouringCentre.objects.get()
    assert centre.name == "Centre social des Oliviers" and not centre.in_network
    assert centre.history.get().history_user == staff_a


def test_a_network_centres_record_cannot_be_taken_over(client, network_b, centre_a, centre_b, staff_a, staff_b):
    client.force_login(staff_a)
    url = f"/admin/boite-a-outils/centres/edit/{network_b.pk}/"
    data = {"name": "Repris", "town": "Roubaix", "in_network": "", "network_centre": "", "notes": ""}
    # Unlinking the Écho's record (to then edit its adoptions) is refused.
    assert client.get(url).status_code == 404
    assert client.post(url, data).status_code == 404
    network_b.refresh_from_db()
    assert network_b.network_centre_id == centre_b.pk and network_b.name == "Centre social l'Écho"
    # Linking a new record to someone else's centre is refused; to one's own centre is allowed.
    new = "/admin/boite-a-outils/centres/new/"
    response = client.post(new, {**data, "name": "Faux Écho", "in_network": "on", "network_centre": centre_b.pk})
    assert response.status_code == 200
    assert not NeighbouringCentre.objects.filter(name="Faux Écho").exists()
    response = client.post(new, {**data, "name": "Belencontre", "in_network": "on", "network_centre": centre_a.pk})
    assert response.status_code == 302
    client.force_login(staff_b)
    assert client.get(url).status_code == 200


def test_adoption_list_query_count_does_not_grow(client, staff_a, sample_resources, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(staff_a)
    url = "/admin/boite-a-outils/adoptions/"

    def measure():
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    for number in range(2):
        centre = NeighbouringCentre.objects.create(name=f"Petit {number}", town="Hem")
        Adoption.objects.create(centre=centre, resource=sample_resources["cv"])
    small = measure()
    for number in range(15):
        centre = NeighbouringCentre.objects.create(name=f"Grand {number}", town="Hem")
        Adoption.objects.create(centre=centre, resource=sample_resources["method"])
    assert measure() == small
