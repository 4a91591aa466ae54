"""A JSON Resume using every section and field of the official v1.0.0 schema: imported, shown in every step,
saved again step by step without a change, exported: valid against the official schema, nothing lost."""

import json
from pathlib import Path

import jsonschema
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cv_builder.models import CV
from cv_builder.resume import SCHEMA_PATH
from cv_builder.sections import SECTIONS

from .helpers import section_url

pytestmark = pytest.mark.django_db

HERE = Path(__file__).parent
OFFICIAL_SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
COMPLETE = (HERE / "data" / "complete-resume.json").read_bytes()


def validate(document):
    validator = jsonschema.Draft4Validator(OFFICIAL_SCHEMA, format_checker=jsonschema.FormatChecker())
    return [error.message for error in validator.iter_errors(document)]


def meaningful(value):
    """The document without empty values (`"image": ""`, `"url": ""`): the editor does not keep blanks."""
    if isinstance(value, dict):
        return {key: meaningful(item) for key, item in value.items() if item not in ("", [], {}, None)}
    if isinstance(value, list):
        return [meaningful(item) for item in value]
    return value


def as_post(section, data, version):
    """What the browser sends when the person presses "Save" on a step without changing anything."""
    form, formset = section.build(data)
    post = {"version": str(version), "action": ""}
    forms = ([form] if form else []) + (list(formset.initial_forms) if formset else [])
    if formset:
        post.update({f"entries-{key}": value for key, value in formset.management_form.initial.items()})
        post["entries-TOTAL_FORMS"] = str(len(formset.initial_forms))
    for bound in forms:
        for name in bound.fields:
            value = bound[name].value()
            if value in (None, False, "", []):
                continue
            key = bound.add_prefix(name)
            post[key] = "on" if value is True else value
    return post


def test_every_section_of_the_schema_is_imported_shown_kept_and_exported_valid(owner_client, resident):
    document = json.loads(COMPLETE)
    assert validate(document) == []
    assert set(document) == set(OFFICIAL_SCHEMA["properties"])  # the sample uses every top-level section
    upload = SimpleUploadedFile("cv.json", COMPLETE, content_type="application/json")
    assert owner_client.post(reverse("cv_builder:import"), {"file": upload}).status_code == 302
    cv = CV.objects.get(owner=resident)
    imported = dict(cv.data)

    # Every section is visible somewhere in the editor, and printed in the preview.
    preview = owner_client.get(reverse("cv_builder:preview", args=[cv.pk])).content.decode().replace("&#x27;", "'")
    for snippet in (
        "Restos du cœur",
        "CACES R489",
        "Réaménagement de l'entrepôt",
        "Prix de la sécurité",
        "Le métier de cariste",
        "M. Martin, chef d'équipe",
        "https://www.linkedin.com/in/aicha-lefebvre",
        "https://aicha-lefebvre.example.fr",
        "depuis 02/09/2019",  # a current job: no end date
    ):
        assert snippet in preview, snippet
    assert "2018 – 2018" not in preview

    # Pressing "Save" on every step without touching anything loses nothing, not even keys without a field.
    for section in SECTIONS:
        cv.refresh_from_db()
        response = owner_client.post(section_url(cv, section.slug), as_post(section, cv.data, cv.version))
        assert response.status_code == 302, (section.slug, response.content.decode()[:3000])
    cv.refresh_from_db()
    assert json.dumps(meaningful(cv.data), indent=1, sort_keys=True) == json.dumps(
        meaningful(imported), indent=1, sort_keys=True
    )

    exported = owner_client.get(reverse("cv_builder:json", args=[cv.pk])).json()
    assert validate(exported) == []
    for key in OFFICIAL_SCHEMA["properties"]:
        if key not in ("$schema", "meta"):
            assert meaningful(exported[key]) == meaningful(document[key]), key
