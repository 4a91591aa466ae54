"""JSON Resume imports that cannot blow up, and that always fit the editor (issue 9, point 3)."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from cv_builder.models import CV
from cv_builder.sections import MAX_ENTRIES

from .helpers import section_post, section_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_of(resident):
    client = Client(raise_request_exception=False)
    client.force_login(resident)
    return client


def upload(client, content):
    if not isinstance(content, bytes):
        content = json.dumps(content).encode()
    return client.post(
        reverse("cv_builder:import"), {"file": SimpleUploadedFile("cv.json", content, "application/json")}
    )


def refused(client, content, message):
    response = upload(client, content)
    assert response.status_code == 400, response.status_code
    text = response.content.decode()
    assert "Rien n’a été importé" in text or "Nothing" not in text
    assert message in text, text[text.find("errorlist") : text.find("errorlist") + 600]
    assert not CV.objects.exists()
    return text


def test_3000_deep_nesting_is_refused_without_recursion_error(client_of):
    refused(
        client_of, b'{"basics": {"x": ' + b"[" * 3000 + b"]" * 3000 + b"}}", "imbrique ses parties trop profondément"
    )


def test_a_5000_digit_number_is_refused(client_of):
    refused(client_of, b'{"basics": {"x": ' + b"9" * 5000 + b"}}", "un nombre trop long")


@pytest.mark.parametrize("constant", [b"NaN", b"Infinity", b"-Infinity", b"1e999"])
def test_nan_and_infinity_are_refused(client_of, constant):
    refused(client_of, b'{"basics": {"x": ' + constant + b"}}", "un nombre trop long ou qui n’en est pas un")


@pytest.mark.parametrize("text", ["a\\u0000b", "\\ud800", "x\\udfffy"])
def test_nul_and_lone_surrogates_are_refused_naming_the_entry(client_of, text):
    body = ('{"basics": {}, "work": [{"name": "ok"}, {"position": "' + text + '"}]}').encode()
    refused(client_of, body, "Expérience n° 2 : l’intitulé du poste contient un caractère de contrôle invisible")


def test_a_template_given_as_an_object_imports_with_the_default_look(client_of, resident):
    document = {"basics": {"name": "Samia"}, "meta": {"cvBuilder": {"template": {"x": 1}, "title": ["no"]}}}
    response = upload(client_of, document)
    assert response.status_code == 302
    cv = CV.objects.get(owner=resident)
    assert cv.template == "classic" and cv.title == "CV importé"


def test_a_bad_end_date_names_the_section_and_entry(client_of):
    work = [{"name": "A", "startDate": "2019"}, {"name": "B"}, {"name": "C", "endDate": "2024-13"}]
    refused(client_of, {"basics": {}, "work": work}, "Expérience n° 3 : la date de fin n’est pas une date")


def test_a_text_instead_of_a_list_names_the_section(client_of):
    refused(client_of, {"basics": {}, "skills": "Rigueur"}, "Compétence : cette rubrique devrait être une liste.")


def test_a_number_where_a_text_is_expected_names_the_field(client_of):
    refused(
        client_of,
        {"basics": {}, "education": [{"institution": 42}]},
        "Formation n° 1 : l’établissement n’est pas un texte",
    )


def test_more_entries_than_the_editor_holds_are_refused(client_of):
    work = [{"name": f"Employeur {i}"} for i in range(MAX_ENTRIES + 1)]
    refused(client_of, {"basics": {}, "work": work}, "Expérience : trop d’entrées (31, 30 au plus dans l’éditeur).")


def test_a_field_longer_than_its_editor_field_is_refused(client_of):
    refused(
        client_of,
        {"basics": {}, "work": [{"name": "A", "summary": "x" * 2001}]},
        "Expérience n° 1 : la description a trop de caractères (2001, 2000 au plus dans l’éditeur).",
    )


def test_an_email_the_editor_would_refuse_is_refused(client_of):
    refused(
        client_of,
        {"basics": {"email": "pas une adresse"}},
        "Identité : l’adresse e-mail n’est pas une adresse e-mail valide",
    )


def test_an_import_at_the_limits_is_accepted_and_the_editor_saves_it_unchanged(client_of, resident):
    """What the import accepts, the editor can save: every entry of the longest experience list round-trips."""
    work = [
        {
            "position": "P" * 200,
            "name": "N" * 200,
            "location": "L" * 100,
            "summary": "S" * 2000,
            "startDate": "2019-03",
            "endDate": "2020",
            "highlights": ["h" * 100] * 5,
        }
        for _ in range(MAX_ENTRIES)
    ]
    document = {"basics": {"name": "N" * 100, "summary": "s" * 1000}, "work": work}
    assert upload(client_of, document).status_code == 302
    cv = CV.objects.get(owner=resident)
    entries = [
        {
            "position": e["position"],
            "name": e["name"],
            "location": e["location"],
            "summary": e["summary"],
            "start": e["startDate"],
            "end": e["endDate"],
            "extra": json.dumps({"highlights": e["highlights"]}),
        }
        for e in cv.data["work"]
    ]
    response = client_of.post(
        section_url(cv, "experience"), section_post(cv.version, entries=entries, initial=len(entries))
    )
    assert response.status_code == 302
    cv.refresh_from_db()
    assert cv.data["work"] == work
