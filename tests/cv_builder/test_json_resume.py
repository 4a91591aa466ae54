"""JSON Resume export (validated against the official schema shipped here) and import."""

import hashlib
import json

import jsonschema
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cv_builder.demo import demo_data
from cv_builder.models import CV
from cv_builder.resume import SCHEMA_PATH

pytestmark = pytest.mark.django_db

OFFICIAL_SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
# The one copy of jsonresume/resume-schema v1.0.0 (cv_builder.documents.SCHEMA_URL), which the app and
# these tests check exports against, is pinned: editing it to make an export pass fails here.
OFFICIAL_SCHEMA_SHA256 = "ef4d1b4fa5a6e8776744df93c37ded520d2f40c93ff993edcc6fccdf6856a83d"


def test_the_schema_is_the_official_file():
    assert hashlib.sha256(SCHEMA_PATH.read_bytes()).hexdigest() == OFFICIAL_SCHEMA_SHA256


def export(client, cv):
    response = client.get(reverse("cv_builder:json", args=[cv.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content


def upload(client, content, name="cv.json"):
    file = SimpleUploadedFile(name, content, content_type="application/json")
    return client.post(reverse("cv_builder:import"), {"file": file})


def test_official_schema_file_is_the_v1_schema():
    jsonschema.Draft4Validator.check_schema(OFFICIAL_SCHEMA)
    assert OFFICIAL_SCHEMA["additionalProperties"] is False
    assert set(OFFICIAL_SCHEMA["properties"]) >= {"basics", "work", "education", "skills", "languages", "interests"}


def test_export_validates_against_official_schema(owner_client, resident):
    cv = CV.objects.create(owner=resident, title="Démo", template="compact", data=demo_data())
    document = json.loads(export(owner_client, cv))
    validator = jsonschema.Draft4Validator(OFFICIAL_SCHEMA, format_checker=jsonschema.FormatChecker())
    assert list(validator.iter_errors(document)) == []
    assert document["basics"]["drivingLicences"] == ["B"]  # French extras where the schema allows them
    assert document["work"][0]["ongoing"] is True and "endDate" not in document["work"][0]
    assert document["meta"]["version"] == "v1.0.0"


def test_schema_rejects_a_wrong_date_so_the_test_can_fail():
    validator = jsonschema.Draft4Validator(OFFICIAL_SCHEMA)
    assert list(validator.iter_errors({"work": [{"startDate": "mars 2024"}]}))
    assert list(validator.iter_errors({"drivingLicence": "B"}))  # unknown top-level key


def test_import_of_export_round_trips(owner_client, resident):
    cv = CV.objects.create(owner=resident, title="CV ménage", template="modern", data=demo_data())
    response = upload(owner_client, export(owner_client, cv))
    assert response.status_code == 302
    imported = CV.objects.exclude(pk=cv.pk).get(owner=resident)
    assert imported.data == cv.data
    assert (imported.title, imported.template) == ("CV ménage", "modern")
    assert json.loads(export(owner_client, imported))["basics"] == json.loads(export(owner_client, cv))["basics"]


def test_import_keeps_other_schema_sections(owner_client, resident):
    document = {"basics": {"name": "Ana"}, "volunteer": [{"organization": "Secours populaire"}]}
    assert upload(owner_client, json.dumps(document).encode()).status_code == 302
    cv = CV.objects.get(owner=resident)
    assert cv.data["volunteer"] == [{"organization": "Secours populaire"}] and cv.title == "CV importé"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "n&#x27;est pas du JSON valide (ligne 1"),
        (b"[1, 2]", "n&#x27;est pas un CV JSON Resume"),
        (
            json.dumps({"work": [{"startDate": "2024-13-45"}]}).encode(),
            "Expérience n° 1 : la date de début n’est pas une date",
        ),
        (json.dumps({"permis": "B"}).encode(), "la rubrique « permis » n’existe pas dans un CV JSON Resume"),
        (b"\xff\xfe\x00bad", "UTF-8"),
        (
            json.dumps({"basics": {"name": "x" * 6000}}).encode(),
            "Identité : le nom a trop de caractères (6000, 100 au plus",
        ),
    ],
)
def test_bad_imports_are_refused_with_clear_message_and_nothing_lost(owner_client, resident, content, message):
    kept = CV.objects.create(owner=resident, title="Mon vrai CV", data=demo_data())
    response = upload(owner_client, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert list(CV.objects.filter(owner=resident)) == [kept]
    assert CV.objects.get(pk=kept.pk).data == demo_data()


def test_five_megabyte_json_is_refused(owner_client, resident):
    big = json.dumps({"basics": {"summary": "é" * (5 * 1024 * 1024 // 2)}}).encode()
    assert len(big) >= 5 * 1024 * 1024
    response = upload(owner_client, big)
    assert response.status_code == 400
    assert "Ce fichier est trop gros (1 Mo au plus)" in response.content.decode()
    assert not CV.objects.filter(owner=resident).exists()


def test_import_page_needs_login(client):
    assert client.get(reverse("cv_builder:import")).status_code == 302
