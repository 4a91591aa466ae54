"""A join request becomes an adoption in one step; booleans read Oui/Non in the lists."""

import re
from html import unescape

from toolkit.models import Adoption, JoinRequest, NeighbouringCentre


def make_request(sample_resources, **extra):
    fields = {"centre_name": "Centre du Pont", "town": "Hem", "contact_name": "Mme A", "phone": "0320000000"}
    fields.update(extra)
    join_request = JoinRequest.objects.create(**fields)
    join_request.wanted.set([sample_resources["cv"], sample_resources["method"]])
    return join_request


def test_record_the_adoption_creates_the_centre_and_the_adoptions(client, sample_resources, superuser):
    join_request = make_request(sample_resources)
    client.force_login(superuser)
    listing = unescape(client.get("/admin/boite-a-outils/demandes/").text)
    url = f"/admin/boite-a-outils/demandes/{join_request.pk}/adoption/"
    assert url in listing and "Enregistrer l’adoption" in listing
    form = unescape(client.get(url).text)
    assert "Créer « Centre du Pont (Hem) » à partir de la demande" in form
    # The resources the centre asked for are ticked already; the others are not.
    checked = set(re.findall(r'<input type="checkbox" name="resources" value="(\d+)"[^>]*checked', form))
    assert checked == {str(sample_resources["cv"].pk), str(sample_resources["method"].pk)}
    response = client.post(
        url,
        {
            "centre": "new",
            "resources": [sample_resources["cv"].pk, sample_resources["method"].pk],
            "stage": "discovered",
            "started_on": "02/12/2026",
        },
    )
    assert response.status_code == 302
    centre = NeighbouringCentre.objects.get()
    assert (centre.name, centre.town, centre.contact_name, centre.phone) == (
        "Centre du Pont",
        "Hem",
        "Mme A",
        "0320000000",
    )
    assert set(Adoption.objects.values_list("resource_id", flat=True)) == {
        sample_resources["cv"].pk,
        sample_resources["method"].pk,
    }
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.DONE
    # A second request from the same centre picks the existing record, and creates nothing twice.
    again = make_request(sample_resources, centre_name="centre du pont")
    form = unescape(client.get(f"/admin/boite-a-outils/demandes/{again.pk}/adoption/").text)
    assert "Utiliser la fiche existante" in form
    client.post(
        f"/admin/boite-a-outils/demandes/{again.pk}/adoption/",
        {
            "centre": str(centre.pk),
            "resources": [sample_resources["cv"].pk],
            "stage": "testing",
            "started_on": "02/12/2026",
        },
    )
    assert NeighbouringCentre.objects.count() == 1 and Adoption.objects.count() == 2
    adoptions = unescape(client.get("/admin/boite-a-outils/adoptions/").text)
    assert "Non" in adoptions and "False" not in adoptions


def test_bad_input_and_outsiders(client, sample_resources, resident, superuser):
    join_request = make_request(sample_resources)
    url = f"/admin/boite-a-outils/demandes/{join_request.pk}/adoption/"
    client.force_login(resident)
    assert client.get(url).status_code in (302, 403)
    client.force_login(superuser)
    response = client.post(url, {"centre": "new", "stage": "discovered", "started_on": "pas une date"})
    assert response.status_code == 400
    assert "Cochez au moins un prototype ou une fiche méthode." in unescape(response.text)
    assert not NeighbouringCentre.objects.exists()
    assert client.get("/admin/boite-a-outils/demandes/999999/adoption/").status_code == 404
