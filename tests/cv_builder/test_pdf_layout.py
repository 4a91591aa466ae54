"""PDFs a recruiter takes seriously: long addresses wrap inside their column, no placeholder, no near-empty
last page, dates as people write them, tagged PDF/UA in reading order. Real PDF bytes parsed back with pypdf."""

import copy
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from pypdf import PdfReader

from cv_builder.demo import demo_data
from cv_builder.models import CV

from .test_pdf import jpeg_bytes, pdf_of, text_of

pytestmark = pytest.mark.django_db

TEMPLATES = ["classic", "modern", "compact"]
LONG_EMAIL = "mohamedabdelkaderbenyoucef1987@hotmail.fr"
MM = 72 / 25.4


def chunks(page):
    """(text, x, y, font size) of each piece of text drawn on the page, in PDF points."""
    found = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            x = tm[4] * cm[0] + cm[4]
            y = tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x, y, size * abs(cm[0])))

    page.extract_text(visitor_text=visit)
    return found


def squeeze(text):
    return "".join(text.split())


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_long_email_is_printed_whole_inside_its_column(owner_client, resident, template):
    data = {"basics": {"name": "Mohamed Benyoucef", "email": LONG_EMAIL, "phone": "06 12 34 56 78"}}
    cv = CV.objects.create(owner=resident, data=data, template=template)
    reader = pdf_of(owner_client, cv, template)
    assert LONG_EMAIL in squeeze(text_of(reader))
    page = reader.pages[0]
    width = float(page.mediabox.width)
    # The right edge of the column the address sits in: the blue sidebar in Modern, the page margin elsewhere.
    right_edge = 62 * MM if template == "modern" else width - 12 * MM
    pieces = [(text, x, size) for text, x, _y, size in chunks(page) if text in LONG_EMAIL or "@" in text]
    assert "".join(text for text, _x, _size in pieces).endswith("hotmail.fr")
    for text, x, size in pieces:
        # DejaVu Sans averages under 0.55 em a lowercase letter: the piece ends before the column does.
        assert 0 <= x and x + 0.5 * size * len(text) <= right_edge, (text, x)
    if template == "modern":
        assert len(pieces) >= 2  # it wrapped, instead of running white-on-white past the sidebar


def test_modern_sidebar_is_painted_on_every_page_full_height(owner_client, resident):
    data = demo_data()
    data["work"] = data["work"] * 4
    cv = CV.objects.create(owner=resident, data=data, template="modern")
    response = owner_client.get(reverse("cv_builder:pdf", args=[cv.pk]))
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) >= 2
    for number, page in enumerate(reader.pages, start=1):
        # The sidebar is the page's own background (a gradient pattern), filling a rectangle from the
        # top edge to the bottom edge of every page, not a cell only as tall as the sidebar's content.
        content = page.get_contents().get_data().decode("latin-1")
        match = re.search(r"/Pattern cs\s+/(\w+) scn\s+0 0 ([\d.]+) ([\d.]+) re", content)
        assert match, f"no full-page sidebar on page {number}"
        width, height = (float(value) * 0.75 for value in match.group(2, 3))  # CSS px to PDF points
        assert abs(width - float(page.mediabox.width)) < 1 and abs(height - float(page.mediabox.height)) < 1
        assert f"/{match[1]}" in page["/Resources"]["/Pattern"]


@pytest.mark.parametrize("template", TEMPLATES)
def test_an_empty_cv_prints_no_placeholder(owner_client, resident, template):
    cv = CV.objects.create(owner=resident, title="Mon CV", data={"basics": {}}, template=template)
    reader = pdf_of(owner_client, cv, template)
    text = text_of(reader)
    assert len(reader.pages) == 1
    for placeholder in ("Votre nom", "Your name", "None"):
        assert placeholder not in text
    assert reader.metadata.title == "Mon CV"


def fifteen_jobs():
    data = demo_data()
    base = data["work"][0]
    data["work"] = [
        {**copy.deepcopy(base), "position": f"Agente de propreté, mission {n}", "startDate": f"{2000 + n}-01"}
        for n in range(1, 16)
    ]
    for item in data["work"]:
        item.pop("ongoing", None)
        item["endDate"] = item["startDate"][:4] + "-12"
    return data


@pytest.mark.parametrize("template", TEMPLATES)
def test_fifteen_experiences_leave_no_near_empty_last_page(owner_client, resident, template):
    cv = CV.objects.create(owner=resident, data=fifteen_jobs(), template=template)
    reader = pdf_of(owner_client, cv, template)
    text = squeeze(text_of(reader))
    for n in range(1, 16):
        assert squeeze(f"mission {n}") in text
    for number, page in enumerate(reader.pages, start=1):
        lines = [line for line in page.extract_text().splitlines() if line.strip()]
        assert len(lines) >= 5, f"page {number} of {len(reader.pages)} holds {len(lines)} lines"


def test_a_layout_leaving_a_few_lines_alone_on_the_last_page_is_tightened(owner_client, resident):
    from cv_builder.pdf import text_lines
    from cv_builder.views.common import pdf_context
    from home.pdf import render_document

    data = fifteen_jobs()
    data["interests"] = [{"name": f"Loisir numéro {n}"} for n in range(10)]
    cv = CV.objects.create(owner=resident, data=data, template="classic")
    plain = render_document("cv_builder/pdf/classic.html", {**pdf_context(cv), "fit": ""})
    assert text_lines(plain.pages[-1]) < 5  # the case of the issue: a last page with a few lines
    reader = pdf_of(owner_client, cv)
    assert len(reader.pages) < len(plain.pages)
    for page in reader.pages:
        assert len([line for line in page.extract_text().splitlines() if line.strip()]) >= 5
    assert "Loisirnuméro9" in squeeze(text_of(reader))


def test_the_cv_page_says_when_the_cv_is_past_two_pages(owner_client, resident):
    data = fifteen_jobs()
    for item in data["work"]:
        item["summary"] = " ".join([item["summary"]] * 3)
    cv = CV.objects.create(owner=resident, data=data, template="classic")
    url = reverse("cv_builder:length", args=[cv.pk])
    assert url in owner_client.get(reverse("cv_builder:detail", args=[cv.pk])).content.decode()
    fragment = owner_client.get(url, headers={"HX-Request": "true"}).content.decode()
    pages = len(pdf_of(owner_client, cv).pages)
    assert pages > 2
    assert f"Votre CV fait {pages} pages" in fragment and "Masquer sur ce CV" in fragment
    page = owner_client.get(url)  # without JavaScript: a page of its own
    assert page.status_code == 200 and "<h1>" in page.content.decode()

    short = CV.objects.create(owner=resident, data={"basics": {"name": "Ana"}})
    fragment = owner_client.get(reverse("cv_builder:length", args=[short.pk]), headers={"HX-Request": "true"})
    assert "Votre CV fait 1 page " in fragment.content.decode() and "raccourcir" not in fragment.content.decode()


def test_length_of_someone_elses_cv_is_not_found(client, other_resident, cv):
    client.force_login(other_resident)
    assert client.get(reverse("cv_builder:length", args=[cv.pk])).status_code == 404


@pytest.mark.parametrize("template", TEMPLATES)
def test_dates_print_the_way_people_write_them(owner_client, resident, template):
    data = {
        "basics": {"name": "Ana"},
        "work": [
            {"position": "Vendeuse", "startDate": "2019-09"},  # current job, no end date (JSON Resume)
            {"position": "Caissière", "startDate": "2017-03", "ongoing": True},
            {"position": "Serveuse", "startDate": "2018", "endDate": "2018"},
        ],
        "education": [{"studyType": "CAP Cuisine", "startDate": "2016"}],
    }
    cv = CV.objects.create(owner=resident, data=data, template=template)
    text = squeeze(text_of(pdf_of(owner_client, cv, template)))
    assert squeeze("depuis 09/2019") in text
    assert squeeze("03/2017 – aujourd'hui") in text
    assert "2018–2018" not in text and "2018" in text
    assert "depuis2016" not in text  # a diploma's lone year is not "since"


def struct_tags(reader):
    """The tag names of the PDF's structure tree, depth first (the reading order)."""
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, dict):
            if "/S" in node:
                found.append((str(node["/S"]), node))
            kids = node.get("/K")
            if kids is not None:
                for kid in kids if isinstance(kids, list) else [kids]:
                    walk(kid)

    walk(root)
    return found


@pytest.mark.parametrize("template", TEMPLATES)
def test_pdf_is_tagged_pdf_ua_in_french_with_a_title_and_reading_order(owner_client, resident, template):
    cv = CV.objects.create(owner=resident, data=demo_data(), template=template)
    cv.photo.save("photo.jpg", ContentFile(jpeg_bytes()), save=True)
    reader = pdf_of(owner_client, cv, template)
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "fr"
    assert catalog["/MarkInfo"]["/Marked"] in (True, "true")
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] in (True, "true")
    assert reader.metadata.title == "CV – Françoise Lefèvre-Benoît"
    assert b"pdfuaid:part" in catalog["/Metadata"].get_object().get_data()
    tags = struct_tags(reader)
    names = [name for name, _node in tags]
    assert names.count("/H1") == 1 and names.index("/H1") < names.index("/H2")
    figures = [node for name, node in tags if name == "/Figure"]
    assert figures and all(str(node.get("/Alt", "")).startswith("Photo de") for node in figures)
    assert "/Table" not in names  # layout is CSS, not tables a screen reader would announce
    # Reading order follows what the eye sees: name, then the job sought, experience before training.
    text = squeeze(text_of(reader))
    order = ["Françoise", "Agented'entretien", "EXPÉRIENCE", "Agentedepropreté", "FORMATION"]
    positions = [text.find(word) for word in order]
    assert -1 not in positions and positions == sorted(positions), dict(zip(order, positions, strict=True))
