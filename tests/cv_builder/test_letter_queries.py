"""Query counts of the letter pages do not grow with the data (letters, CVs, history, CV entries), and letters are
in the personal-data export and erasure."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.personal_data import erase_all, export_all
from cv_builder.models import CV, CoverLetter

from .letter_helpers import step_post, step_url

pytestmark = pytest.mark.django_db

LIST_QUERIES = 10  # the same as without letters, plus one prefetch query for every CV's letters
EDITOR_QUERIES = 7
DETAIL_QUERIES = 8  # with the centres its CV is shared with, in one query


def make_letters(owner, cvs, letters):
    for index in range(cvs):
        cv = CV.objects.create(owner=owner, title=f"CV {index}")
        for number in range(letters):
            CoverLetter.objects.create(owner=owner, cv=cv, title=f"Lettre {index}-{number}")


def list_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("cv_builder:list"))
    return len(queries), response.content.decode().count("/mon-cv/lettres/")


def test_the_letters_list_costs_the_same_whatever_the_number(owner_client, resident):
    make_letters(resident, 1, 1)
    owner_client.get(reverse("cv_builder:list"))  # warm-up: the site settings row is created on first use
    few, shown = list_queries(owner_client)
    assert shown == 1 and few <= LIST_QUERIES
    make_letters(resident, 7, 4)
    many, shown = list_queries(owner_client)
    assert shown == 29 and many == few


@pytest.mark.parametrize("size", [1, 25])
def test_the_letter_editor_costs_the_same_whatever_the_cv_and_history(
    owner_client, cv, letter, django_assert_max_num_queries, size
):
    cv.data["work"] = [{"position": f"Poste {index}", "name": "Ets"} for index in range(size)]
    cv.data["skills"] = [{"name": f"Qualité {index}"} for index in range(size)]
    cv.save()
    for index in range(size):
        CoverLetter.objects.create(owner=cv.owner, cv=cv, title=f"Autre {index}")
        letter.refresh_from_db()
        owner_client.post(step_url(letter, "motivation"), step_post(letter.version, why=f"Version {index}"))
    owner_client.get(step_url(letter, "atouts"))
    with django_assert_max_num_queries(EDITOR_QUERIES):
        response = owner_client.get(step_url(letter, "atouts"))
    # Every experience of the CV, and the one picked earlier that the CV no longer has (kept, not lost).
    assert response.content.decode().count('name="main-work"') == size + 1
    with django_assert_max_num_queries(DETAIL_QUERIES):
        owner_client.get(reverse("cv_builder:letter", args=[letter.pk]))


def test_letters_are_in_the_personal_data_export_and_erasure(cv, letter, resident, other_resident):
    other_cv = CV.objects.create(owner=other_resident)
    other = CoverLetter.objects.create(owner=other_resident, cv=other_cv, title="Pas à moi")
    exported = json.loads(json.dumps(export_all(resident)))["cover_letters"]
    assert [item["title"] for item in exported] == ["Lettre Façade"]
    assert exported[0]["content"]["company"] == "Propreté Façade" and exported[0]["cv"] == "Mon CV"
    assert exported[0]["text"]["subject"].startswith("Objet : candidature au poste d'agente d'entretien")
    erase_all(resident)
    assert not CoverLetter.objects.filter(owner=resident).exists()
    assert not CoverLetter.history.filter(owner_id=resident.pk).exists()
    assert CoverLetter.objects.filter(pk=other.pk).exists() and CoverLetter.history.filter(id=other.pk).exists()


def test_erasing_a_cv_erases_its_letters_and_their_history(owner_client, cv, letter):
    owner_client.post(reverse("cv_builder:delete", args=[cv.pk]))
    owner_client.post(reverse("cv_builder:erase", args=[cv.pk]), {"confirm": "erase"})
    assert not CoverLetter.objects.exists() and not CoverLetter.history.exists()


def test_letters_are_countable_by_date_owner_and_centre(cv, letter, centre_a, centre_b):
    from cv_builder.models import CentreShare

    CentreShare.objects.create(cv=cv, centre=centre_a, shared_by=cv.owner)
    assert list(CoverLetter.objects.shared_with(centre_a)) == [letter]
    assert not CoverLetter.objects.shared_with(centre_b).exists()
    assert CoverLetter.objects.filter(owner=cv.owner, created_at__date=letter.created_at.date()).count() == 1
