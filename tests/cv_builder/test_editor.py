"""Editing each section through real POSTs, reordering, removing, dates, limits, autosave and conflicts."""

import pytest
from django.urls import reverse

from cv_builder.models import CV

from .helpers import section_post, section_url

pytestmark = pytest.mark.django_db


def reload(cv):
    return CV.objects.get(pk=cv.pk)


def test_create_cv_then_fill_identity(owner_client, resident):
    response = owner_client.post(reverse("cv_builder:create"), {"title": "CV vente", "template": "modern"})
    cv = CV.objects.get(owner=resident)
    assert response.status_code == 302 and response["Location"] == section_url(cv, "identite")
    page = owner_client.get(section_url(cv, "identite")).content.decode()
    assert "Identité et contact" in page and "Prénom et nom" in page and "Enregistrer" in page
    data = section_post(
        cv.version,
        main={
            "name": "Zoé Lefèvre",
            "phone": "06 11 22 33 44",
            "email": "",
            "address": "",
            "postal_code": "59100",
            "city": "Roubaix",
        },
    )
    response = owner_client.post(section_url(cv, "identite"), data)
    assert response.status_code == 302
    cv = reload(cv)
    assert cv.version == 2
    assert cv.data["basics"]["name"] == "Zoé Lefèvre"
    assert cv.data["basics"]["location"] == {"postalCode": "59100", "city": "Roubaix"}
    assert "email" not in cv.data["basics"]


def test_job_section(owner_client, cv):
    data = section_post(cv.version, main={"label": "Vendeuse", "summary": "Souriante et sérieuse."}, action="next")
    response = owner_client.post(section_url(cv, "emploi-recherche"), data)
    assert response["Location"] == section_url(cv, "experience")
    basics = reload(cv).data["basics"]
    assert basics["label"] == "Vendeuse" and basics["summary"] == "Souriante et sérieuse."
    assert basics["name"] == "Samia Benaïssa"  # other fields of basics kept


def test_experience_add_dates_and_ongoing(owner_client, cv):
    entries = [
        {
            "position": "Vendeuse",
            "name": "Boulangerie Paul",
            "location": "Lille",
            "start": "03/2022",
            "end": "en cours",
            "summary": "",
        },
        {"position": "Caissière", "name": "Auchan", "location": "", "start": "2019", "end": "2021-06", "summary": ""},
        {"position": "", "name": "", "location": "", "start": "", "end": "", "summary": ""},
    ]
    response = owner_client.post(section_url(cv, "experience"), section_post(cv.version, entries=entries))
    assert response.status_code == 302
    work = reload(cv).data["work"]
    assert work == [
        {
            "position": "Vendeuse",
            "name": "Boulangerie Paul",
            "location": "Lille",
            "startDate": "2022-03",
            "ongoing": True,
        },
        {"position": "Caissière", "name": "Auchan", "startDate": "2019", "endDate": "2021-06"},
    ]
    page = owner_client.get(section_url(cv, "experience")).content.decode()
    assert 'value="en cours"' in page and 'value="03/2022"' in page  # back as typed, not 2022-03
    assert "03/2022 – aujourd&#x27;hui" in page  # the preview


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-13", "Le mois 13 n&#x27;existe pas"),
        ("13/2024", "Le mois 13 n&#x27;existe pas"),
        ("hier", "Écrivez une année (2024)"),
        ("1850", "L&#x27;année 1850 semble fausse"),
    ],
)
def test_bad_dates_are_refused_with_a_clear_message(owner_client, cv, value, message):
    before = reload(cv)
    entries = [{"position": "Vendeuse", "start": value, "end": ""}]
    response = owner_client.post(section_url(cv, "experience"), section_post(cv.version, entries=entries))
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Rien n'a été enregistré pour l'instant" in page
    assert f'value="{value}"' in page  # what was typed is still there
    after = reload(cv)
    assert after.data == before.data and after.version == before.version


def test_start_date_cannot_be_ongoing(owner_client, cv):
    entries = [{"position": "Vendeuse", "start": "en cours"}]
    response = owner_client.post(section_url(cv, "experience"), section_post(cv.version, entries=entries))
    assert response.status_code == 400
    assert "Une date de début ne peut pas être « en cours »" in response.content.decode()


def test_over_long_field_is_refused(owner_client, cv):
    data = section_post(cv.version, main={"label": "x" * 201, "summary": ""})
    response = owner_client.post(section_url(cv, "emploi-recherche"), data)
    assert response.status_code == 400
    assert "au plus 200 caractères" in response.content.decode()
    assert reload(cv).data["basics"]["label"] == "Agente d'entretien polyvalente"


def test_education_section(owner_client, cv):
    entries = [
        {
            "study_type": "Titre professionnel ADVF",
            "institution": "AFPA",
            "area": "",
            "start": "2023",
            "end": "en cours",
        }
    ]
    owner_client.post(section_url(cv, "formation"), section_post(cv.version, entries=entries))
    assert reload(cv).data["education"] == [
        {"studyType": "Titre professionnel ADVF", "institution": "AFPA", "startDate": "2023", "ongoing": True}
    ]


def test_skills_suggestions_and_free_entries(owner_client, cv):
    data = section_post(cv.version, entries=[{"name": "Rigueur"}, {"name": "Soudure"}])
    data["main-suggested"] = ["Ponctualité", "Rigueur"]
    owner_client.post(section_url(cv, "competences"), data)
    assert reload(cv).data["skills"] == [{"name": "Rigueur"}, {"name": "Soudure"}, {"name": "Ponctualité"}]
    page = owner_client.get(section_url(cv, "competences")).content.decode()
    assert '<datalist id="cv-skill-suggestions">' in page and "Travail en équipe" in page


def test_languages_mother_tongue_first(owner_client, cv):
    data = section_post(
        cv.version,
        main={"mother_tongue": "Arabe, Français"},
        entries=[{"language": "Anglais", "fluency": "B1 – intermédiaire"}, {"language": "Turc", "fluency": ""}],
    )
    owner_client.post(section_url(cv, "langues"), data)
    assert reload(cv).data["languages"] == [
        {"language": "Arabe", "fluency": "Langue maternelle"},
        {"language": "Français", "fluency": "Langue maternelle"},
        {"language": "Anglais", "fluency": "B1 – intermédiaire"},
        {"language": "Turc"},
    ]
    page = owner_client.get(section_url(cv, "langues")).content.decode()
    assert 'value="Arabe, Français"' in page


def test_language_level_in_other_words_is_kept_and_too_long_refused(owner_client, resident):
    cv = CV.objects.create(
        owner=resident, data={"basics": {}, "languages": [{"language": "Wolof", "fluency": "Fluent"}]}
    )
    page = owner_client.get(section_url(cv, "langues")).content.decode()
    assert '<option value="Fluent" selected>Fluent</option>' in page
    data = section_post(cv.version, main={"mother_tongue": ""}, entries=[{"language": "Wolof", "fluency": "Fluent"}])
    data["entries-0-language"] = "Wolof (Sénégal)"
    assert owner_client.post(section_url(cv, "langues"), data).status_code == 302
    cv.refresh_from_db()
    assert cv.data["languages"] == [{"language": "Wolof (Sénégal)", "fluency": "Fluent"}]
    too_long = section_post(cv.version, main={"mother_tongue": ""}, entries=[{"language": "A", "fluency": "x" * 101}])
    assert owner_client.post(section_url(cv, "langues"), too_long).status_code == 400


def test_mobility_section(owner_client, cv):
    data = section_post(cv.version, main={"licences": ["B", "C"], "vehicle": "", "mobility": "Lille et Roubaix"})
    owner_client.post(section_url(cv, "mobilite"), data)
    basics = reload(cv).data["basics"]
    assert (
        basics["drivingLicences"] == ["B", "C"] and "vehicle" not in basics and basics["mobility"] == "Lille et Roubaix"
    )


def test_interests_section(owner_client, cv):
    owner_client.post(section_url(cv, "centres-interet"), section_post(cv.version, entries=[{"name": "Pêche"}]))
    assert reload(cv).data["interests"] == [{"name": "Pêche"}]


def test_move_up_down_and_remove(owner_client, cv):
    entries = [{"name": "Un"}, {"name": "Deux"}, {"name": "Trois"}, {"name": ""}]
    owner_client.post(section_url(cv, "centres-interet"), section_post(cv.version, entries=entries))
    cv = reload(cv)
    response = owner_client.post(
        section_url(cv, "centres-interet"), section_post(cv.version, entries=entries, action="up:2", initial=3)
    )
    assert response["Location"].endswith("#entrees")
    cv = reload(cv)
    assert [e["name"] for e in cv.data["interests"]] == ["Un", "Trois", "Deux"]
    entries = [{"name": "Un"}, {"name": "Trois"}, {"name": "Deux"}, {"name": ""}]
    owner_client.post(section_url(cv, "centres-interet"), section_post(cv.version, entries=entries, action="down:0"))
    cv = reload(cv)
    assert [e["name"] for e in cv.data["interests"]] == ["Trois", "Un", "Deux"]
    entries = [{"name": "Trois"}, {"name": "Un"}, {"name": "Deux"}, {"name": ""}]
    owner_client.post(section_url(cv, "centres-interet"), section_post(cv.version, entries=entries, action="remove:1"))
    assert [e["name"] for e in reload(cv).data["interests"]] == ["Trois", "Deux"]


def test_reorder_buttons_rendered_for_existing_entries(owner_client, cv):
    page = owner_client.get(section_url(cv, "experience")).content.decode()
    assert 'value="down:0"' in page and 'value="up:1"' in page and 'value="remove:1"' in page
    assert 'value="up:0"' not in page and 'value="down:1"' not in page


def test_conflict_between_two_stale_forms_shows_both_versions(owner_client, cv):
    stale = cv.version
    first = section_post(stale, main={"label": "Cuisinière", "summary": "Version de l'onglet 1."})
    assert owner_client.post(section_url(cv, "emploi-recherche"), first).status_code == 302
    second = section_post(stale, main={"label": "Serveuse", "summary": "Version de l'onglet 2."})
    response = owner_client.post(section_url(cv, "emploi-recherche"), second)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Deux versions de ce CV" in page
    assert "Serveuse" in page and "Version de l&#x27;onglet 2." in page  # mine, not lost
    assert "Cuisinière" in page and "Version de l&#x27;onglet 1." in page  # the saved one
    cv = reload(cv)
    assert cv.data["basics"]["label"] == "Cuisinière" and cv.version == stale + 1
    # "Keep my version" re-posts what I typed with the current version.
    assert f'name="version" value="{cv.version}"' in page
    assert 'name="main-label" value="Serveuse"' in page
    keep_mine = section_post(cv.version, main={"label": "Serveuse", "summary": "Version de l'onglet 2."})
    assert owner_client.post(section_url(cv, "emploi-recherche"), keep_mine).status_code == 302
    assert reload(cv).data["basics"]["label"] == "Serveuse"


def test_conflict_on_a_list_section_keeps_the_typed_entries(owner_client, cv):
    stale = cv.version
    owner_client.post(section_url(cv, "centres-interet"), section_post(stale, entries=[{"name": "Tennis"}]))
    response = owner_client.post(section_url(cv, "centres-interet"), section_post(stale, entries=[{"name": "Judo"}]))
    assert response.status_code == 409
    page = response.content.decode()
    assert "Judo" in page and "Tennis" in page
    assert 'name="entries-0-name" value="Judo"' in page


def test_resending_identical_content_is_not_a_conflict(owner_client, cv):
    data = section_post(cv.version, main={"label": "Vendeuse", "summary": ""})
    owner_client.post(section_url(cv, "emploi-recherche"), data)
    assert owner_client.post(section_url(cv, "emploi-recherche"), data).status_code == 302
    assert reload(cv).version == 2


def test_htmx_autosave_returns_status_new_version_and_preview(owner_client, cv):
    data = section_post(cv.version, main={"label": "Aide-soignante", "summary": ""})
    response = owner_client.post(section_url(cv, "emploi-recherche"), data, headers={"HX-Request": "true"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Enregistré à" in page
    assert f'name="version" value="{cv.version + 1}" id="cv-version" hx-swap-oob="true"' in page
    assert 'id="cv-preview" hx-swap-oob="true"' in page and "Aide-soignante" in page
    assert reload(cv).version == cv.version + 1


def test_htmx_autosave_conflict_and_invalid_tell_the_user(owner_client, cv):
    stale = section_post(cv.version - 1 if cv.version > 1 else 99, main={"label": "X", "summary": ""})
    response = owner_client.post(section_url(cv, "emploi-recherche"), stale, headers={"HX-Request": "true"})
    assert "modifié ailleurs" in response.content.decode()
    bad = section_post(cv.version, entries=[{"position": "A", "start": "2024-13"}])
    response = owner_client.post(section_url(cv, "experience"), bad, headers={"HX-Request": "true"})
    assert "Pas encore enregistré" in response.content.decode()
    assert reload(cv).version == cv.version


def test_editor_page_has_autosave_and_plain_save(owner_client, cv):
    page = owner_client.get(section_url(cv, "experience")).content.decode()
    assert 'hx-post="' in page and 'hx-trigger="input delay:1s"' in page
    assert '<form method="post" action="' in page and ">Enregistrer</button>" in page
    assert f'name="version" value="{cv.version}"' in page
    assert 'id="cv-preview"' in page


def test_progress_shows_done_sections(owner_client, resident):
    cv = CV.objects.create(owner=resident, data={"basics": {"name": "Léa", "phone": "0600000000"}})
    page = owner_client.get(reverse("cv_builder:detail", args=[cv.pk])).content.decode()
    assert page.count("(fait)") == 1 and page.count("(à compléter)") == 7


def test_unknown_section_is_404(owner_client, cv):
    assert owner_client.get(section_url(cv, "inconnue")).status_code == 404


def test_staff_edit_is_recorded_with_author(client, shared_cv, staff_a):
    client.force_login(staff_a)
    data = section_post(shared_cv.version, main={"label": "Magasinière", "summary": ""})
    assert client.post(section_url(shared_cv, "emploi-recherche"), data).status_code == 302
    record = shared_cv.history.order_by("-history_date").first()
    assert record.history_user == staff_a and record.data["basics"]["label"] == "Magasinière"
    page = client.get(reverse("cv_builder:history", args=[shared_cv.pk])).content.decode()
    assert "Équipe A" in page


def test_editing_keeps_other_json_resume_keys_of_an_entry(owner_client, resident):
    import html
    import re

    work = [
        {"position": "Vendeuse", "startDate": "2020", "highlights": ["Meilleure vendeuse 2021"], "url": "https://a.fr"},
        {"position": "Caissière", "startDate": "2018"},
    ]
    cv = CV.objects.create(owner=resident, data={"basics": {"name": "Léa", "image": "x.jpg"}, "work": work})
    page = owner_client.get(section_url(cv, "experience")).content.decode()
    extra = html.unescape(re.search(r'name="entries-0-extra" value="([^"]*)"', page).group(1))
    entries = [
        {"position": "Vendeuse conseil", "start": "2020", "extra": extra},
        {"position": "Caissière", "start": "2018", "extra": ""},
    ]
    owner_client.post(section_url(cv, "experience"), section_post(cv.version, entries=entries, action="down:0"))
    cv.refresh_from_db()
    assert cv.data["work"][1] == {
        "position": "Vendeuse conseil",
        "startDate": "2020",
        "highlights": ["Meilleure vendeuse 2021"],
        "url": "https://a.fr",
    }
    owner_client.post(section_url(cv, "identite"), section_post(cv.version, main={"name": "Léa M.", "phone": "06"}))
    cv.refresh_from_db()
    assert cv.data["basics"]["image"] == "x.jpg"  # keys the forms do not show are kept


def test_damaged_extra_field_is_refused_without_500(owner_client, cv):
    entries = [{"position": "Vendeuse", "start": "2020", "extra": "{not json"}]
    response = owner_client.post(section_url(cv, "experience"), section_post(cv.version, entries=entries))
    assert response.status_code == 400
    assert "Cette ligne est abîmée : rechargez la page." in response.content.decode()


def test_skill_suggestions_leave_out_skills_already_listed(owner_client, cv):
    page = owner_client.get(section_url(cv, "competences")).content.decode()
    assert 'value="Ponctualité"' in page
    assert 'name="main-suggested" value="Rigueur"' not in page  # already in the CV


def test_imported_full_dates_and_unknown_licences_survive_editing(owner_client, resident):
    data = {
        "basics": {"name": "Léa", "drivingLicences": ["B96", "B"]},
        "work": [{"position": "Vendeuse", "startDate": "2014-06-29"}],
    }
    cv = CV.objects.create(owner=resident, data=data)
    page = owner_client.get(section_url(cv, "mobilite")).content.decode()
    assert 'value="B96"' in page and "checked" in page
    post = section_post(cv.version, main={"licences": ["B96", "B"], "mobility": ""})
    assert owner_client.post(section_url(cv, "mobilite"), post).status_code == 302
    cv.refresh_from_db()
    assert cv.data["basics"]["drivingLicences"] == ["B96", "B"]
    post = section_post(cv.version, entries=[{"position": "Vendeuse", "start": "2014-06-29"}])
    assert owner_client.post(section_url(cv, "experience"), post).status_code == 302
    post = section_post(cv.version, entries=[{"position": "Vendeuse", "start": "2014-06-32"}])
    assert owner_client.post(section_url(cv, "experience"), post).status_code == 400


@pytest.mark.parametrize(
    "data",
    [
        {"version": "1"},  # no management form
        {"version": "x", "entries-TOTAL_FORMS": "1", "entries-INITIAL_FORMS": "0"},
        {"version": "1", "entries-TOTAL_FORMS": "1000", "entries-INITIAL_FORMS": "0"},
        {"version": "1", "entries-TOTAL_FORMS": "1", "entries-INITIAL_FORMS": "0", "action": "up:abc"},
        {"version": "1", "entries-TOTAL_FORMS": "1", "entries-INITIAL_FORMS": "0", "action": "remove:99"},
    ],
)
def test_malformed_posts_never_500_and_lose_nothing(owner_client, cv, data):
    before = reload(cv).data
    response = owner_client.post(section_url(cv, "experience"), data)
    assert response.status_code in (302, 400, 409)
    after = reload(cv).data
    assert after.get("work") in (before["work"], None) and after["basics"] == before["basics"]


def test_stale_form_of_another_section_merges_without_conflict(owner_client, cv):
    stale = cv.version
    # Tab 1 changes the experience; tab 2, opened before, saves the interests: no overlap, both kept.
    tab1 = section_post(stale, entries=[{"position": "Magasinier", "start": "2023"}])
    assert owner_client.post(section_url(cv, "experience"), tab1).status_code == 302
    tab2 = section_post(stale, entries=[{"name": "Vélo"}])
    assert owner_client.post(section_url(cv, "centres-interet"), tab2).status_code == 302
    cv = reload(cv)
    assert cv.data["work"] == [{"position": "Magasinier", "startDate": "2023"}]
    assert cv.data["interests"] == [{"name": "Vélo"}]
    assert cv.version == stale + 2
    # Same for two parts of "basics": the job sought vs. the identity.
    job = section_post(cv.version, main={"label": "Cariste", "summary": ""})
    identity = section_post(
        cv.version,
        main={"name": "Samia B.", "phone": "06 12 34 56 78", "email": "", "address": "", "postal_code": "", "city": ""},
    )
    assert owner_client.post(section_url(cv, "emploi-recherche"), job).status_code == 302
    assert owner_client.post(section_url(cv, "identite"), identity).status_code == 302
    basics = reload(cv).data["basics"]
    assert basics["label"] == "Cariste" and basics["name"] == "Samia B."
    # But a stale form of the same section still gets the 409 page.
    again = section_post(stale, entries=[{"position": "Soudeur", "start": "2020"}])
    assert owner_client.post(section_url(cv, "experience"), again).status_code == 409
