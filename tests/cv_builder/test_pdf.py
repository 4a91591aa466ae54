"""PDF export: real bytes parsed back with pypdf."""

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from cv_builder.demo import demo_data
from cv_builder.models import CV

pytestmark = pytest.mark.django_db


def pdf_of(client, cv, template=None):
    url = reverse("cv_builder:pdf", args=[cv.pk]) + (f"?modele={template}" if template else "")
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def text_of(reader):
    return "\n".join(page.extract_text() for page in reader.pages)


def has_image(reader):
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject")
        if xobjects:
            for ref in xobjects.get_object().values():
                if ref.get_object().get("/Subtype") == "/Image":
                    return True
    return False


def jpeg_bytes(size=(300, 400), color=(200, 120, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="JPEG")
    return buffer.getvalue()


@pytest.fixture
def demo_cv(resident):
    return CV.objects.create(owner=resident, title="Démo", data=demo_data())


@pytest.mark.parametrize("template", ["classic", "modern", "compact"])
def test_pdf_has_name_accents_every_section_and_fits_two_pages(owner_client, demo_cv, template):
    reader = pdf_of(owner_client, demo_cv, template)
    assert 1 <= len(reader.pages) <= 2
    # Compare without whitespace: narrow columns wrap lines anywhere (even after a hyphen).
    text = "".join(text_of(reader).split())
    assert "FrançoiseLefèvre-Benoît" in text
    for accent in ("é", "è", "ç", "œ"):
        assert accent in text
    data = demo_data()
    expected = [
        data["basics"]["label"],
        "06 00 00 00 00",
        "Tourcoing",
        *[item["position"] for item in data["work"]],
        *[item["studyType"] for item in data["education"]],
        *[item["name"] for item in data["skills"]],
        *[item["language"] for item in data["languages"]],
        *[item["name"] for item in data["interests"]],
        "Permis : B",
        "09/2021 – aujourd'hui",  # an ongoing job, not "09/2021" alone nor "en cours"
    ]
    for snippet in expected:
        assert "".join(snippet.split()) in text, snippet
    assert not has_image(reader)


def test_pdf_embeds_the_photo_when_set(owner_client, demo_cv):
    demo_cv.photo.save("photo.jpg", ContentFile(jpeg_bytes()), save=True)
    for template in ("classic", "modern", "compact"):
        assert has_image(pdf_of(owner_client, demo_cv, template)), template


def test_pdf_uses_the_cv_template_by_default_and_ignores_unknown(owner_client, demo_cv):
    reader = pdf_of(owner_client, demo_cv, "<script>")
    assert "Françoise" in text_of(reader)
    response = owner_client.get(reverse("cv_builder:pdf", args=[demo_cv.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="francoise-lefevre-benoit.pdf"'


def test_empty_cv_still_renders(owner_client, resident):
    cv = CV.objects.create(owner=resident)
    assert len(pdf_of(owner_client, cv).pages) == 1
