"""Letter PDFs (one page, French letter layout, tagged like the CVs) and the Word / OpenDocument exports of CVs and
letters, parsed back with pypdf, python-docx and odfpy: text, accents and structure."""

import io
import unicodedata

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from odf import teletype, text
from odf.namespaces import TEXTNS
from odf.opendocument import load
from pypdf import PdfReader

from cv_builder.demo import demo_data
from cv_builder.letters.phrases import CLOSINGS, french_date
from cv_builder.models import CV, CoverLetter

from .test_pdf_layout import struct_tags

pytestmark = pytest.mark.django_db
TEMPLATES = ["classic", "modern", "compact"]


def squeeze(value):
    """Without whitespace, composed (pypdf may give an accent as a letter plus a combining mark)."""
    return unicodedata.normalize("NFC", "".join(value.split()))


def download(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return response.content


@pytest.mark.parametrize("template", TEMPLATES)
def test_letter_pdf_is_one_tagged_page_in_the_french_letter_order(owner_client, letter, template):
    content = download(owner_client, reverse("cv_builder:letter_pdf", args=[letter.pk]) + f"?modele={template}",
                       "application/pdf")  # fmt: skip
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == 1
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "fr" and catalog["/MarkInfo"]["/Marked"] in (True, "true")
    assert reader.metadata.title == "Lettre de motivation – Samia Benaïssa"
    assert b"pdfuaid:part" in catalog["/Metadata"].get_object().get_data()
    names = [name for name, _node in struct_tags(reader)]
    assert names.count("/H1") == 1 and "/L" in names and "/Table" not in names
    page = squeeze(reader.pages[0].extract_text()).casefold()  # Modern sets the name and subject in capitals
    # Sender, recipient, place and date, subject, body, closing, signature: in this order on the page.
    order = [
        "SamiaBenaïssa", "12ruedesLilas", "PropretéFaçade", squeeze(f"Roubaix, le {french_date(timezone.localdate())}"),
        squeeze("Objet : candidature au poste d'agente d'entretien (référence 184XKQP)"), "Madame,Monsieur,",
        squeeze("vue sur France Travail"), squeeze("mes atouts : Rigueur, Travail en équipe"),
        squeeze(CLOSINGS["distinguees"]),
    ]  # fmt: skip
    positions = [page.find(part.casefold()) for part in order]
    assert -1 not in positions and positions == sorted(positions), dict(zip(order, positions, strict=True))
    assert page.rfind("samiabenaïssa") > positions[-1]  # the signature, after the closing


def test_a_long_letter_still_fits_one_page(owner_client, letter):
    letter.data.update(
        why="\n".join(["Une phrase assez longue sur ma motivation, pour remplir la page. " * 4] * 4)[:1200],
        bring="Ce que j'apporte, raconté avec mes mots et assez longuement. " * 15,
        wishes="Je peux travailler tôt le matin et le samedi, et me déplacer. " * 9,
    )
    letter.save()
    content = download(owner_client, reverse("cv_builder:letter_pdf", args=[letter.pk]), "application/pdf")
    assert len(PdfReader(io.BytesIO(content)).pages) == 1


def test_letter_pdf_unknown_family_falls_back_to_the_letters_own(owner_client, letter):
    content = download(owner_client, reverse("cv_builder:letter_pdf", args=[letter.pk]) + "?modele=../x",
                       "application/pdf")  # fmt: skip
    assert "PropretéFaçade" in squeeze(PdfReader(io.BytesIO(content)).pages[0].extract_text())


def test_letter_docx_has_styles_a_heading_a_list_and_the_accents(owner_client, letter):
    content = download(owner_client, reverse("cv_builder:letter_docx", args=[letter.pk]),
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.document")  # fmt: skip
    document = Document(io.BytesIO(content))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert document.core_properties.title == "Lettre de motivation – Samia Benaïssa"
    assert document.core_properties.language == "fr-FR"
    assert paragraphs[0] == ("Normal", "Samia Benaïssa")
    headings = [value for style, value in paragraphs if style == "Heading 1"]
    assert headings == ["Objet : candidature au poste d'agente d'entretien (référence 184XKQP)"]
    bullets = [value for style, value in paragraphs if style == "List Bullet"]
    assert bullets == [
        "mon expérience d'employée de ménage chez Propreté Façade",
        "mes atouts : Rigueur, Travail en équipe",
    ]
    texts = [value for _style, value in paragraphs]
    assert "Madame, Monsieur," in texts and CLOSINGS["distinguees"] in texts and texts[-1] == "Samia Benaïssa"
    recipient = next(p for p in document.paragraphs if p.text == "Propreté Façade")
    assert recipient.alignment == 2  # right-aligned, as a French letter sets the recipient
    assert texts.index("Propreté Façade") < texts.index("Madame, Monsieur,")


def test_letter_odt_has_headings_lists_styles_and_the_accents(owner_client, letter):
    content = download(owner_client, reverse("cv_builder:letter_odt", args=[letter.pk]),
                       "application/vnd.oasis.opendocument.text")  # fmt: skip
    assert content[:2] == b"PK"
    document = load(io.BytesIO(content))
    headings = document.getElementsByType(text.H)
    assert [teletype.extractText(h) for h in headings] == [
        "Objet : candidature au poste d'agente d'entretien (référence 184XKQP)"
    ]
    assert headings[0].getAttrNS(TEXTNS, "outline-level") == "1"
    lists = document.getElementsByType(text.List)
    assert len(lists) == 1
    items = [teletype.extractText(item) for item in lists[0].getElementsByType(text.ListItem)]
    assert items == [
        "mon expérience d'employée de ménage chez Propreté Façade",
        "mes atouts : Rigueur, Travail en équipe",
    ]
    paragraphs = [teletype.extractText(p) for p in document.getElementsByType(text.P)]
    assert "Samia Benaïssa" in paragraphs and CLOSINGS["distinguees"] in paragraphs
    style_names = {s.getAttribute("name") for s in document.styles.childNodes if s.qname[1] == "style"}
    assert {"Heading_20_1", "Recipient", "Signature", "List_20_Bullet"} <= style_names
    meta = teletype.extractText(document.meta)
    assert "Lettre de motivation – Samia Benaïssa" in meta and "fr-FR" in meta


@pytest.fixture
def demo_cv(resident):
    return CV.objects.create(owner=resident, title="Démo", data=demo_data())


def test_cv_docx_has_the_cvs_structure(owner_client, demo_cv):
    content = download(owner_client, reverse("cv_builder:docx", args=[demo_cv.pk]),
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.document")  # fmt: skip
    document = Document(io.BytesIO(content))
    by_style = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    data = demo_data()
    assert by_style["Title"] == ["Françoise Lefèvre-Benoît"]
    assert by_style["Heading 1"][:2] == ["Expérience", "Formations et diplômes"]
    assert "Compétences" in by_style["Heading 1"] and "Langues" in by_style["Heading 1"]
    assert by_style["Heading 2"][0].startswith(data["work"][0]["position"])
    assert {skill["name"] for skill in data["skills"]} <= {item.split(" (")[0] for item in by_style["List Bullet"]}
    assert all(accent in "".join(p.text for p in document.paragraphs) for accent in "éèçœ")
    assert document.core_properties.title == "CV – Françoise Lefèvre-Benoît"


def test_cv_odt_has_the_cvs_structure(owner_client, demo_cv):
    content = download(owner_client, reverse("cv_builder:odt", args=[demo_cv.pk]),
                       "application/vnd.oasis.opendocument.text")  # fmt: skip
    document = load(io.BytesIO(content))
    level_one = [teletype.extractText(h) for h in document.getElementsByType(text.H)
                 if h.getAttrNS(TEXTNS, "outline-level") == "1"]  # fmt: skip
    assert level_one[:2] == ["Expérience", "Formations et diplômes"]
    data = demo_data()
    items = [teletype.extractText(item) for item in document.getElementsByType(text.ListItem)]
    assert any(item.startswith(data["languages"][0]["language"]) for item in items)
    paragraphs = [teletype.extractText(p) for p in document.getElementsByType(text.P)]
    assert paragraphs[0] == "Françoise Lefèvre-Benoît"


def test_a_hidden_entry_is_left_out_of_the_office_files(owner_client, cv):
    cv.data["work"][1]["hidden"] = True
    cv.save()
    docx_text = "\n".join(p.text for p in Document(io.BytesIO(owner_client.get(
        reverse("cv_builder:docx", args=[cv.pk])).content)).paragraphs)  # fmt: skip
    assert "Propreté Façade" in docx_text and "Supérette du Pile" not in docx_text
    odt_text = teletype.extractText(
        load(io.BytesIO(owner_client.get(reverse("cv_builder:odt", args=[cv.pk])).content)).text
    )
    assert "Propreté Façade" in odt_text and "Supérette du Pile" not in odt_text


def test_an_empty_letter_still_exports(owner_client, resident):
    cv = CV.objects.create(owner=resident, data={"basics": {}})
    letter = CoverLetter.objects.create(owner=resident, cv=cv)
    for name in ("letter_pdf", "letter_docx", "letter_odt"):
        assert owner_client.get(reverse(f"cv_builder:{name}", args=[letter.pk])).status_code == 200
