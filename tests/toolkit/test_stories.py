"""Adopters' stories on the sheets, and sheets and index whose query counts stay flat with
feedback and stories (pinned)."""

from html import unescape
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.images.models import Image

from home.page_cache import invalidate_page_cache
from tests.toolkit.test_adoptions import form_data
from toolkit.models import Adoption, NeighbouringCentre, ResourceFeedback

pytestmark = pytest.mark.django_db

SHEET_MAX_QUERIES = 20  # includes the usage counter (an UPDATE in a savepoint)
INDEX_MAX_QUERIES = 15


def photo(title="Atelier CV au Pont"):
    buffer = BytesIO()
    PILImage.new("RGB", (900, 600), "teal").save(buffer, "JPEG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="atelier.jpg"))


def story(resource, number, *, published=True, with_photo=True):
    centre = NeighbouringCentre.objects.create(name=f"Centre voisin {number}", town="Wattrelos")
    return Adoption.objects.create(
        centre=centre,
        resource=resource,
        stage="adopted",
        is_published=True,
        story_changes=f"Changement numéro {number} : les jeunes tiennent la permanence.",
        story_quote=f"Citation {number} : on ne pensait pas y arriver.",
        story_quote_by="Nadia, animatrice",
        story_photo=photo() if with_photo else None,
        story_photo_alt=f"Photo {number} : un atelier au centre" if with_photo else "",
        story_is_published=published,
    )


def test_a_story_shows_on_the_sheet_only_once_published(client, sample_resources):
    cv = sample_resources["cv"]
    draft = story(cv, 1, published=False)
    html = unescape(client.get(cv.url).text)
    assert "Changement numéro 1" not in html and "Citation 1" not in html
    draft.story_is_published = True
    draft.save()  # refreshes the anonymous page cache
    html = unescape(client.get(cv.url).text)
    assert "Ce qu’ils en ont fait" in html
    assert "Changement numéro 1 : les jeunes tiennent la permanence." in html
    assert "<blockquote><p>Citation 1 : on ne pensait pas y arriver.</p></blockquote>" in html
    assert "<figcaption>Nadia, animatrice</figcaption>" in html
    assert 'alt="Photo 1 : un atelier au centre"' in html
    assert 'width="640" height="426"' in html  # a rendition, never the uploaded original


def test_method_cards_show_their_stories_too_and_the_pdf_carries_them(client, sample_resources):
    method = sample_resources["method"]
    story(method, 2)
    assert "Changement numéro 2" in unescape(client.get(method.url).text)
    from tests.toolkit.test_pages import pdf_text

    text = pdf_text(client.get(method.url + "pdf/"))
    assert "Changement numéro 2" in text and "Citation 2" in text


def test_staff_cannot_publish_an_empty_story_or_a_photo_without_description(client, sample_resources, staff_a):
    centre = NeighbouringCentre.objects.create(name="Centre social du Pont", town="Wattrelos")
    adoption = Adoption.objects.create(centre=centre, resource=sample_resources["cv"])
    client.force_login(staff_a)
    url = f"/admin/boite-a-outils/adoptions/edit/{adoption.pk}/"
    image = photo()
    response = client.post(
        url,
        form_data(centre, sample_resources["cv"], story_is_published="on", story_photo=image.pk, story_photo_alt=""),
    )
    assert response.status_code == 200
    html = unescape(response.text)
    assert "Écrivez ce que le centre a changé avant de publier le récit." in html
    assert "Décrivez la photo pour les personnes qui ne peuvent pas la voir." in html
    adoption.refresh_from_db()
    assert not adoption.story_is_published and adoption.story_photo is None
    response = client.post(
        url,
        form_data(
            centre,
            sample_resources["cv"],
            story_changes="Une permanence CV chaque mardi.",
            story_photo=image.pk,
            story_photo_alt="Deux personnes devant un ordinateur",
            story_is_published="on",
        ),
    )
    assert response.status_code == 302, response.content[:3000]
    assert "Une permanence CV chaque mardi." in unescape(client.get(sample_resources["cv"].url).text)


def _measure(client, url):
    client.get(url)  # makes the photos' renditions once, as the first visitor after an upload does
    invalidate_page_cache()  # a real render, not the page cache
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), unescape(response.text)


def _add_echoes(resource, first, count):
    for number in range(first, first + count):
        story(resource, number)
        ResourceFeedback.objects.create(
            resource=resource,
            centre_name=f"Centre avis {number}",
            verdict="useful",
            comment=f"Commentaire {number}",
            status=ResourceFeedback.Status.PUBLISHED,
        )


@pytest.mark.parametrize("key", ["cv", "method"])
def test_sheet_query_count_is_flat_with_feedback_and_stories(client, sample_resources, key):
    page = sample_resources[key]
    client.get(page.url)  # warm the site and content type caches
    _add_echoes(page, 1, 1)
    small, html = _measure(client, page.url)
    assert "Commentaire 1" in html and "Changement numéro 1" in html
    _add_echoes(page, 2, 8)
    large, html = _measure(client, page.url)
    assert "Commentaire 9" in html and "Changement numéro 9" in html and 'alt="Photo 9' in html
    assert large == small, (small, large)
    assert small <= SHEET_MAX_QUERIES, small


def test_index_query_count_is_flat_with_feedback_and_stories(client, sample_resources):
    client.get("/boite-a-outils/")
    _add_echoes(sample_resources["cv"], 1, 1)
    small, html = _measure(client, "/boite-a-outils/")
    assert "Utile à 1 centre · 1 récit d’adoption" in html
    for key in ("method", "promeneur"):
        _add_echoes(sample_resources[key], 10 if key == "method" else 20, 6)
    _add_echoes(sample_resources["cv"], 30, 3)
    large, html = _measure(client, "/boite-a-outils/")
    assert "Utile à 4 centres · 4 récits d’adoption" in html
    assert "Utile à 6 centres · 6 récits d’adoption" in html
    assert large == small, (small, large)
    assert small <= INDEX_MAX_QUERIES, small


def test_unpublished_feedback_and_stories_are_not_counted_on_the_index(client, sample_resources):
    story(sample_resources["cv"], 1, published=False)
    ResourceFeedback.objects.create(resource=sample_resources["cv"], centre_name="Pont", verdict="useful")
    html = unescape(client.get("/boite-a-outils/").text)
    assert "Utile à" not in html and "récit d’adoption" not in html
