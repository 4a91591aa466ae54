"""Server-made PDF sheets: numbered steps fully visible, never split across pages, and the site's
real address in every page's footer. Pages are read back with pypdf and looked at as images."""

import pytest
from wagtail.models import Site

from home.page_cache import invalidate_page_cache
from tests.toolkit.pdf_helpers import (
    dark_discs,
    has_pdftoppm,
    left_column_numbers,
    light_pixels_in_centre,
    page_images,
    page_texts,
    reader,
)
from toolkit.models import KezakoPage, MethodCardPage, PrototypePage

pytestmark = pytest.mark.django_db

STEPS = 12
TEMPLATES = [PrototypePage, MethodCardPage, KezakoPage]


def long_steps(count=STEPS):
    detail = "Prévoir une salle calme, deux animateurs et du café. " * 4
    return [
        {"type": "step", "value": {"title": f"Étape {n} : {word}", "text": f"<p>{detail}Fin de l'étape {n}.</p>"}}
        for n, word in zip(range(1, count + 1), "abcdefghijklmnopqrstuvwxyz", strict=False)
    ]


@pytest.fixture
def sheets(make_resource):
    return {cls: make_resource(cls, title=f"Fiche {cls.__name__}", steps=long_steps()) for cls in TEMPLATES}


@pytest.fixture
def default_wagtail_site(home_page, settings):
    """As after installing: Wagtail's site is still `localhost`, the real address is in the setting."""
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    settings.WAGTAILADMIN_BASE_URL = "https://centres.example.org"
    invalidate_page_cache()


@pytest.mark.parametrize("cls", TEMPLATES, ids=lambda cls: cls.__name__)
def test_every_step_number_is_in_the_pdf_in_order(client, sheets, cls):
    pdf = reader(client.get(sheets[cls].url + "pdf/"))
    assert len(pdf.pages) >= 2  # long enough to test page breaks
    numbers = [number for page in pdf.pages for number in left_column_numbers(page)]
    assert numbers == list(range(1, STEPS + 1))


@pytest.mark.parametrize("cls", TEMPLATES, ids=lambda cls: cls.__name__)
def test_a_step_is_never_split_across_pages(client, sheets, cls):
    texts = page_texts(client.get(sheets[cls].url + "pdf/"))
    for number in range(1, STEPS + 1):
        title = f"Étape {number} :"
        end = f"Fin de l'étape {number}."
        pages_with_title = [index for index, text in enumerate(texts) if title in text]
        pages_with_end = [index for index, text in enumerate(texts) if end in text]
        assert len(pages_with_title) == 1 and pages_with_title == pages_with_end, (number, pages_with_title)


@pytest.mark.usefixtures("default_wagtail_site")
def test_footer_gives_the_sites_address_from_the_setting_on_every_page(client, sheets):
    page = sheets[PrototypePage]
    texts = page_texts(client.get(page.url + "pdf/", HTTP_HOST="localhost"))
    expected = f"Version en ligne : https://centres.example.org/boite-a-outils/{page.slug}/"
    assert all(expected in text for text in texts), texts
    assert not any("localhost" in text or "testserver" in text for text in texts)


def test_footer_gives_the_wagtail_sites_own_address_once_set(client, sheets, home_page, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://ignored.example.org"
    Site.objects.filter(is_default_site=True).update(hostname="centres-sociaux.example.fr", port=443)
    page = sheets[MethodCardPage]
    texts = page_texts(client.get(page.url + "pdf/", HTTP_HOST="centres-sociaux.example.fr", secure=True))
    expected = f"Version en ligne : https://centres-sociaux.example.fr/boite-a-outils/{page.slug}/"
    assert all(expected in text for text in texts), texts


@pytest.mark.skipif(not has_pdftoppm(), reason="pdftoppm (poppler-utils) is needed to look at the pages")
@pytest.mark.parametrize("cls", TEMPLATES, ids=lambda cls: cls.__name__)
def test_each_number_is_drawn_inside_its_circle(client, sheets, cls):
    """Looks at every page: each step circle has its (white) number in its middle, not cut off."""
    response = client.get(sheets[cls].url + "pdf/")
    circles = 0
    for image in page_images(response.content, cls.__name__.lower()):
        for box in dark_discs(image):
            circles += 1
            assert light_pixels_in_centre(image, box) >= 8, box
    assert circles == STEPS
