"""The 409 page shows only the fields that differ, both values of each, with both choices at the top."""

import pytest

from .helpers import section_post, section_url

pytestmark = pytest.mark.django_db


def test_conflict_page_lists_only_the_differing_fields_with_choices_first(owner_client, cv):
    stale = cv.version
    identity = {
        "name": "Samia Benaïssa",
        "phone": "06 12 34 56 78",
        "email": "samia@example.fr",
        "address": "12 rue des Lilas",
        "postal_code": "59100",
        "city": "Roubaix",
    }
    other_tab = section_post(stale, main={**identity, "phone": "07 00 00 00 01"})
    assert owner_client.post(section_url(cv, "identite"), other_tab).status_code == 302
    mine = section_post(stale, main={**identity, "city": "Tourcoing"})
    response = owner_client.post(section_url(cv, "identite"), mine)
    assert response.status_code == 409
    page = response.content.decode()
    rows = page.split('<li class="cv-diff-row">')[1:]
    assert len(rows) == 2 and "2 champs diffèrent" in page
    phone = next(row for row in rows if "Téléphone" in row)
    assert "06 12 34 56 78" in phone and "07 00 00 00 01" in phone
    town = next(row for row in rows if "Ville" in row)
    assert "Tourcoing" in town and "Roubaix" in town
    assert "12 rue des Lilas" not in "".join(rows)  # unchanged: not repeated
    assert page.index("Garder ma version") < page.index('<ul class="cv-diff">')
    assert page.index("Garder la version enregistrée") < page.index('<ul class="cv-diff">')
    assert 'name="main-city" value="Tourcoing"' in page  # "keep mine" re-sends what was typed


def test_conflict_on_entries_names_the_entry_and_field(owner_client, cv):
    stale = cv.version
    entries = [
        {"position": "Employée de ménage", "name": "Propreté Façade", "start": "03/2021", "end": "en cours"},
        {"position": "Caissière", "name": "Supérette du Pile", "start": "2018", "end": "12/2020"},
    ]
    changed = [dict(entries[0]), {**entries[1], "name": "Supérette du Centre"}]
    owner_client.post(section_url(cv, "experience"), section_post(stale, entries=changed, initial=2))
    mine = [{**entries[0], "summary": "Vitres"}, entries[1]]
    response = owner_client.post(section_url(cv, "experience"), section_post(stale, entries=mine, initial=2))
    assert response.status_code == 409
    rows = response.content.decode().split('<li class="cv-diff-row">')[1:]
    labels = sorted(row.split("</h3>")[0].split(">")[-1] for row in rows)
    assert labels == ["Expérience 1 – Ce que vous faisiez", "Expérience 2 – Employeur"]
