"""Every section the document holds is editable through its step, shown in the preview, on the share page and
in the three PDF templates; any entry can be hidden on this CV without being lost."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cv_builder.models import CV, ShareLink

from .helpers import section_post, section_url
from .test_pdf import pdf_of, text_of

pytestmark = pytest.mark.django_db

# slug, main-form fields, one entry as typed, what the document holds afterwards, text printed on the CV
CASES = [
    (
        "benevolat",
        None,
        {"position": "Bénévole", "organization": "Restos du cœur", "start": "09/2019", "end": "", "summary": "Repas"},
        {
            "volunteer": [
                {"position": "Bénévole", "organization": "Restos du cœur", "startDate": "2019-09", "summary": "Repas"}
            ]
        },
        ["BÉNÉVOLAT", "Restos du cœur", "depuis 09/2019"],
    ),
    (
        "certificats",
        None,
        {"name": "CACES R489 cat. 3", "issuer": "AFPA", "date": "03/2022"},
        {"certificates": [{"name": "CACES R489 cat. 3", "issuer": "AFPA", "date": "2022-03"}]},
        ["CERTIFICATS ET HABILITATIONS", "CACES R489 cat. 3", "AFPA", "03/2022"],
    ),
    (
        "projets",
        None,
        {"name": "Fête de quartier", "description": "Buvette", "start": "2023", "end": "2023", "url": ""},
        {"projects": [{"name": "Fête de quartier", "description": "Buvette", "startDate": "2023", "endDate": "2023"}]},
        ["PROJETS", "Fête de quartier", "Buvette"],
    ),
    (
        "distinctions",
        None,
        {"title": "1er prix du concours de pâtisserie", "awarder": "Ville de Roubaix", "date": "2021", "summary": ""},
        {"awards": [{"title": "1er prix du concours de pâtisserie", "awarder": "Ville de Roubaix", "date": "2021"}]},
        ["PRIX ET DISTINCTIONS", "1er prix du concours de pâtisserie", "Ville de Roubaix"],
    ),
    (
        "publications",
        None,
        {
            "name": "Mon métier d'aide à domicile",
            "publisher": "La Voix du Nord",
            "release_date": "05/2020",
            "url": "",
            "summary": "",
        },
        {
            "publications": [
                {"name": "Mon métier d'aide à domicile", "publisher": "La Voix du Nord", "releaseDate": "2020-05"}
            ]
        },
        ["PUBLICATIONS", "Mon métier d'aide à domicile", "La Voix du Nord"],
    ),
    (
        "references",
        {"on_request": "on"},
        {"name": "Mme Durand, cheffe d'équipe", "reference": "06 98 76 54 32"},
        {"references": [{"name": "Mme Durand, cheffe d'équipe", "reference": "06 98 76 54 32"}]},
        ["RÉFÉRENCES", "Mme Durand, cheffe d'équipe", "Références disponibles sur demande."],
    ),
    (
        "profils",
        {"url": "https://samia-benali.fr"},
        {"network": "LinkedIn", "username": "", "url": "https://www.linkedin.com/in/samia-benali"},
        {
            "basics": {
                "url": "https://samia-benali.fr",
                "profiles": [{"network": "LinkedIn", "url": "https://www.linkedin.com/in/samia-benali"}],
            }
        },
        ["EN LIGNE", "https://samia-benali.fr", "https://www.linkedin.com/in/samia-benali"],
    ),
]


def squeeze(text):
    return "".join(text.split())


def contains(expected, document):
    if isinstance(expected, dict):
        return all(key in document and contains(value, document[key]) for key, value in expected.items())
    return expected == document


@pytest.mark.parametrize(("slug", "main", "entry", "stored", "printed"), CASES, ids=[case[0] for case in CASES])
def test_new_section_is_saved_shown_shared_and_printed(
    owner_client, client, resident, slug, main, entry, stored, printed
):
    cv = CV.objects.create(owner=resident, data={"basics": {"name": "Samia Benali"}})
    page = owner_client.get(section_url(cv, slug))
    assert page.status_code == 200 and "Masquer sur ce CV" in page.content.decode()
    response = owner_client.post(section_url(cv, slug), section_post(cv.version, main=main, entries=[entry]))
    assert response.status_code == 302, response.content.decode()[:2000]
    cv.refresh_from_db()
    assert contains(stored, cv.data), cv.data
    assert cv.data["basics"]["name"] == "Samia Benali"  # the rest of the CV is untouched

    # Back in the form as typed (dates as people write them).
    form = owner_client.get(section_url(cv, slug)).content.decode()
    for value in entry.values():
        if value and value != "on":
            assert f'value="{value}"' in form.replace("&#x27;", "'") or value in form.replace("&#x27;", "'"), value

    preview = squeeze(
        owner_client.get(reverse("cv_builder:preview", args=[cv.pk])).content.decode().replace("&#x27;", "'")
    )
    link = ShareLink.objects.create(cv=cv, expires_at=timezone.now() + timedelta(days=7))
    shared = squeeze(
        client.get(reverse("cv_builder:shared", args=[link.token])).content.decode().replace("&#x27;", "'")
    )
    for snippet in printed[1:]:
        assert squeeze(snippet) in preview, snippet
        assert squeeze(snippet) in shared, snippet
    for template in ("classic", "modern", "compact"):
        text = squeeze(text_of(pdf_of(owner_client, cv, template)))
        for snippet in printed:
            assert squeeze(snippet) in text, (template, snippet)


@pytest.mark.parametrize(("slug", "main", "entry", "stored", "printed"), CASES, ids=[case[0] for case in CASES])
def test_an_entry_hidden_on_this_cv_stays_saved_but_is_not_printed(
    owner_client, resident, slug, main, entry, stored, printed
):
    cv = CV.objects.create(owner=resident, data={"basics": {"name": "Samia Benali"}})
    main = {key: value for key, value in (main or {}).items() if key != "on_request"} or None
    owner_client.post(section_url(cv, slug), section_post(cv.version, main=main, entries=[{**entry, "hide": "on"}]))
    cv.refresh_from_db()
    assert "checked" in owner_client.get(section_url(cv, slug)).content.decode().split('name="entries-0-hide"')[1][:120]
    entry_text = squeeze(printed[2] if slug == "profils" else printed[1])
    for template in ("classic", "modern", "compact"):
        assert entry_text not in squeeze(text_of(pdf_of(owner_client, cv, template))), template
    assert entry_text not in squeeze(owner_client.get(reverse("cv_builder:preview", args=[cv.pk])).content.decode())

    # Unticking shows it again: it was never lost.
    owner_client.post(section_url(cv, slug), section_post(cv.version, main=main, entries=[entry], initial=1))
    cv.refresh_from_db()
    assert entry_text in squeeze(text_of(pdf_of(owner_client, cv, "classic")))


def test_hiding_an_experience_keeps_it_in_the_json_export(owner_client, cv):
    work = cv.data["work"]
    entries = [{"position": item["position"], "name": item.get("name", ""), "start": "2020"} for item in work]
    entries[1]["hide"] = "on"
    owner_client.post(section_url(cv, "experience"), section_post(cv.version, entries=entries, initial=2))
    exported = owner_client.get(reverse("cv_builder:json", args=[cv.pk])).json()
    assert [item["position"] for item in exported["work"]] == ["Employée de ménage", "Caissière"]
    assert exported["work"][1]["hidden"] is True
    assert "Caissière" not in text_of(pdf_of(owner_client, cv))


def test_a_bad_web_address_is_refused_in_french_and_nothing_is_lost(owner_client, cv):
    before = cv.data
    response = owner_client.post(
        section_url(cv, "profils"),
        section_post(cv.version, main={"url": "pas une adresse"}, entries=[{"network": "LinkedIn", "url": "x y"}]),
    )
    assert response.status_code == 400
    assert "Saisissez une URL valide" in response.content.decode()
    cv.refresh_from_db()
    assert cv.data == before


def test_optional_steps_are_listed_apart_and_not_counted_as_missing(owner_client, cv):
    page = owner_client.get(reverse("cv_builder:detail", args=[cv.pk])).content.decode()
    assert "Autres rubriques (facultatives)" in page
    for slug in ("benevolat", "certificats", "projets", "distinctions", "publications", "references", "profils"):
        assert section_url(cv, slug) in page
    assert "sur 8" in owner_client.get(section_url(cv, "identite")).content.decode()
