"""History people can use: one version per editing session of a step, paging, restoring one step or the whole
CV, and staff edits signed with the person's own name and centre."""

from datetime import timedelta

import pytest
from django.db.models import F
from django.urls import reverse

from cv_builder.models import CV

from .helpers import section_post, section_url

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def autosave(client, cv, slug, **main):
    cv.refresh_from_db()
    response = client.post(section_url(cv, slug), section_post(cv.version, main=main), headers=HTMX)
    assert response.status_code == 200 and "Enregistré" in response.content.decode()


def pause(cv, minutes=11):
    cv.history.update(history_date=F("history_date") - timedelta(minutes=minutes))


def test_autosaves_of_one_session_of_a_step_make_one_version(owner_client, cv):
    before = cv.history.count()
    for n in range(20):
        autosave(owner_client, cv, "emploi-recherche", label=f"Vendeuse {n}", summary="")
    assert cv.history.count() == before + 1
    latest = cv.history.order_by("-history_date").first()
    cv.refresh_from_db()
    assert latest.data["basics"]["label"] == "Vendeuse 19" and latest.version == cv.version == 21
    # The CV as it was before the session is the next version down, one tap away.
    page = owner_client.get(reverse("cv_builder:history", args=[cv.pk])).content.decode()
    assert page.count('class="cv-history-item"') == before + 1

    autosave(owner_client, cv, "mobilite", mobility="Lille", licences=["B"])  # another step: a new version
    assert cv.history.count() == before + 2
    pause(cv)
    autosave(owner_client, cv, "mobilite", mobility="Lille et Roubaix", licences=["B"])  # after a pause
    assert cv.history.count() == before + 3


def test_a_stale_tab_on_another_step_still_merges_after_sessions_are_grouped(owner_client, cv):
    stale = cv.version
    for n in range(3):
        autosave(owner_client, cv, "emploi-recherche", label=f"Vendeuse {n}", summary="")
    other_tab = section_post(stale, main={"mobility": "Lille", "licences": ["B"]})
    assert owner_client.post(section_url(cv, "mobilite"), other_tab).status_code == 302
    cv.refresh_from_db()
    assert cv.data["basics"]["label"] == "Vendeuse 2" and cv.data["basics"]["mobility"] == "Lille"


def test_history_is_paged_and_its_queries_do_not_grow(owner_client, cv, django_assert_max_num_queries):
    for n in range(60):
        cv.data = {**cv.data, "basics": {**cv.data["basics"], "label": f"Poste {n}"}}
        cv.version += 1
        cv._change_reason = "Emploi recherché et présentation"
        cv.save()
    url = reverse("cv_builder:history", args=[cv.pk])
    owner_client.get(reverse("cv_builder:list"))  # warm the per-site caches (site root paths, menu links)
    with django_assert_max_num_queries(14):
        first = owner_client.get(url).content.decode()
    assert first.count('class="cv-history-item"') == 25
    assert "Versions plus anciennes" in first and "?page=2" in first
    last = owner_client.get(url + "?page=3").content.decode()
    assert last.count('class="cv-history-item"') == 61 - 50
    assert "Versions plus récentes" in last and "Versions plus anciennes" not in last
    assert owner_client.get(url + "?page=abc").status_code == 200  # a bad page number shows page 1


def test_restore_one_step_keeps_later_changes_elsewhere(owner_client, cv):
    work_before = cv.data["work"]
    entries = [{"position": "Plongeur", "start": "2024"}]
    owner_client.post(section_url(cv, "experience"), section_post(cv.version, entries=entries))
    pause(cv)
    cv.refresh_from_db()
    record = cv.history.order_by("-history_date").first()
    assert record.history_change_reason == "Expérience"
    # Later: experience changed again, and phone and job sought too.
    owner_client.post(
        section_url(cv, "experience"), section_post(cv.version, entries=[{"position": "Chef"}], initial=1)
    )
    cv.refresh_from_db()
    owner_client.post(section_url(cv, "emploi-recherche"), section_post(cv.version, main={"label": "Cuisinier"}))
    cv.refresh_from_db()

    version_page = owner_client.get(reverse("cv_builder:history_version", args=[cv.pk, record.history_id]))
    assert "Remettre seulement l'étape « Expérience »" in version_page.content.decode()
    response = owner_client.post(
        reverse("cv_builder:history_restore", args=[cv.pk, record.history_id]), {"scope": "step"}, follow=True
    )
    text = response.content.decode()
    assert "L&#x27;étape « Expérience » est revenue" in text and "Le reste du CV n&#x27;a pas changé" in text
    cv.refresh_from_db()
    assert [item["position"] for item in cv.data["work"]] == ["Plongeur"]
    assert cv.data["basics"]["label"] == "Cuisinier"  # the later change elsewhere is kept
    assert work_before != cv.data["work"]

    response = owner_client.post(
        reverse("cv_builder:history_restore", args=[cv.pk, record.history_id]), {"scope": "all"}, follow=True
    )
    assert "Tout le CV est revenu" in response.content.decode()
    cv.refresh_from_db()
    assert cv.data["basics"]["label"] == "Agente d'entretien polyvalente"


def test_staff_edits_are_signed_with_the_persons_name_and_centre(client, shared_cv, staff_a, centre_a, resident):
    cv = shared_cv
    staff_a.first_name, staff_a.last_name = "Karima", "Diallo"
    staff_a.save()
    client.force_login(staff_a)
    autosave(client, cv, "emploi-recherche", label="Magasinière", summary="")
    page = client.get(reverse("cv_builder:history", args=[cv.pk])).content.decode()
    assert "Par Karima Diallo (Centre social Belencontre)" in page
    assert "Par Équipe A" not in page


def test_someone_elses_history_and_restore_are_not_found(client, cv, other_resident):
    record = cv.history.first()
    client.force_login(other_resident)
    assert client.get(reverse("cv_builder:history", args=[cv.pk])).status_code == 404
    url = reverse("cv_builder:history_restore", args=[cv.pk, record.history_id])
    assert client.post(url, {"scope": "step"}).status_code == 404
    assert CV.objects.get(pk=cv.pk).version == cv.version
