"""Every toolkit page type renders, links its print styles and downloads as a PDF."""

import io
from html import unescape

import pytest
from pypdf import PdfReader

from toolkit.models import PrototypePage, ToolkitIndexPage

pytestmark = pytest.mark.django_db


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_index_lives_at_boite_a_outils_under_home(client, toolkit_index):
    response = client.get("/boite-a-outils/")
    assert response.status_code == 200
    assert "Trouver une ressource" in response.text
    assert ToolkitIndexPage.parent_page_types == ["home.HomePage"]


@pytest.mark.parametrize("key", ["cv", "method", "kezako", "guide"])
def test_each_resource_type_renders_with_print_styles(client, sample_resources, key):
    page = sample_resources[key]
    response = client.get(page.url)
    assert response.status_code == 200
    html = unescape(response.text)
    assert f"<h1>{page.title}</h1>" in html
    assert "/static/css/toolkit.css" in html
    assert 'href="/static/css/print.css" media="print"' in html
    assert "Télécharger en PDF" in html


def test_stylesheet_has_print_rules_for_sheets():
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/toolkit.css"), encoding="utf-8").read()
    print_part = css[css.index("@media print") :]
    assert ".toolkit-actions" in print_part and "display: none" in print_part
    assert ".toolkit-step" in print_part and "break-inside: avoid" in print_part


def test_prototype_sheet_shows_every_part(client, sample_resources, centre_a):
    page = sample_resources["cv"]
    page.origin_workshop = "Atelier emploi de janvier"
    page.origin_centre = centre_a
    page.partners = "Pôle emploi, Mission locale"
    page.people_needed = "Un animateur numérique"
    page.equipment_needed = "Six ordinateurs"
    page.money_needed = "Aucun budget"
    page.time_needed = "Deux demi-journées par semaine"
    page.results = "<p>120 CV créés.</p>"
    page.limits = "<p>Demande un accompagnement.</p>"
    page.contact_name = "Équipe projet"
    page.contact_email = "projet@example.org"
    page.save()
    html = unescape(client.get(page.url).text)
    for text in [
        "Le besoin",
        "Atelier emploi de janvier",
        "Centre social Belencontre",
        "En service",
        "Pôle emploi, Mission locale",
        "Six ordinateurs",
        "Deux demi-journées par semaine",
        "Réunir les demandeurs d",
        "120 CV créés.",
        "Demande un accompagnement.",
        "Creative Commons BY-SA 4.0",
        "projet@example.org",
        "Centres qui l'ont adopté",
    ]:
        assert text in html, text


def test_stopped_prototype_needs_a_reason(toolkit_index):
    from django.core.exceptions import ValidationError

    page = PrototypePage(title="Arrêté", slug="arrete", summary="x", need="<p>x</p>", status="stopped")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "stopped_reason" in error.value.message_dict


def test_method_card_shows_its_facts(client, sample_resources):
    html = unescape(client.get(sample_resources["method"].url).text)
    for text in ["Objectif", "Découvrir", "1 h 30", "6 à 15 personnes", "Débutant"]:
        assert text in html, text


def test_kezako_credits_the_young_people(client, sample_resources):
    html = unescape(client.get(sample_resources["kezako"].url).text)
    assert "Réalisé par" in html and "Les jeunes du centre" in html


def test_learning_path_lists_resources_in_order(client, learning_path, sample_resources):
    html = unescape(client.get(learning_path.url).text)
    assert html.index("Le photolangage") < html.index("Plateforme de CV en ligne")
    assert "Étape method" in html


def test_learning_path_hides_unpublished_resources(client, learning_path, sample_resources):
    sample_resources["cv"].unpublish()
    html = unescape(client.get(learning_path.url).text)
    assert "Plateforme de CV en ligne" not in html


def test_prototype_pdf_parses_back_with_title_and_steps(client, sample_resources):
    page = sample_resources["cv"]
    response = client.get(page.url + "pdf/")
    assert response.status_code == 200
    assert f'filename="{page.slug}.pdf"' in response["Content-Disposition"]
    text = pdf_text(response)
    assert "Plateforme de CV en ligne" in text
    assert "Réunir les demandeurs d'emploi" in text
    assert "Créer les comptes" in text
    assert "Comment la mettre en place" in text


@pytest.mark.parametrize("key", ["method", "kezako", "guide"])
def test_every_sheet_downloads_as_pdf(client, sample_resources, key):
    page = sample_resources[key]
    text = pdf_text(client.get(page.url + "pdf/"))
    assert page.title in text


def test_learning_path_pdf(client, learning_path):
    text = pdf_text(client.get(learning_path.url + "pdf/"))
    assert "Lancer un premier atelier collaboratif" in text and "Le photolangage" in text


def test_draft_sheet_is_not_public(client, make_resource):
    page = make_resource(PrototypePage, title="Brouillon", live=False)
    assert client.get(f"/boite-a-outils/{page.slug}/").status_code == 404
    assert client.get(f"/boite-a-outils/{page.slug}/pdf/").status_code == 404


def _image():
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    buffer = BytesIO()
    PILImage.new("RGB", (320, 200), "orange").save(buffer, "PNG")
    return Image.objects.create(title="Écran de connexion", file=ImageFile(buffer, name="ecran.png"))


def _document(name, content=b"ID3 audio"):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    return Document.objects.create(title=name, file=ContentFile(content, name=name))


def test_kezako_with_pictures_audio_and_transcript(client, make_resource):
    from toolkit.models import KezakoPage

    image = _image()
    audio = _document("explication.mp3")
    page = make_resource(
        KezakoPage,
        title="Protéger ses données",
        credits="Le groupe jeunes du Virolois",
        media=audio,
        media_transcript="Bonjour, aujourd'hui on parle des mots de passe.",
        steps=[
            {
                "type": "step",
                "value": {
                    "title": "Ouvrir les réglages",
                    "text": "<p>Touchez la roue.</p>",
                    "image": image.pk,
                    "image_alt": "La roue des réglages en haut de l'écran",
                },
            }
        ],
    )
    html = unescape(client.get(page.url).text)
    assert 'alt="La roue des réglages en haut de l\'écran"' in html
    assert "<audio controls" in html and audio.url in html
    assert "Lire la transcription" in html and "on parle des mots de passe" in html
    text = pdf_text(client.get(page.url + "pdf/"))
    assert "Ouvrir les réglages" in text and "Le groupe jeunes du Virolois" in text


def test_prototype_files_are_listed_for_download(client, make_resource):
    document = _document("guide-installation.pdf", b"%PDF-1.4 demo")
    page = make_resource(
        PrototypePage,
        title="Avec fichiers",
        files=[{"type": "file", "value": {"document": document.pk, "title": "Guide d'installation"}}],
    )
    html = unescape(client.get(page.url).text)
    assert "Fichiers à télécharger" in html
    assert f'href="{document.url}">Guide d\'installation</a>' in html
