import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from home import sections
from home.models import (
    AccessibilityStatementPage,
    CentrePage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from home.page_cache import invalidate_page_cache
from tests.home.conftest import add_events, add_news, paragraph


def get_uncached(client, url):
    invalidate_page_cache()
    response = client.get(url)
    assert response.status_code == 200
    assert response.get("X-Page-Cache") != "hit"
    return response


def test_every_page_type_renders_in_french(client, centre_a_content, legal_pages, home_page):
    centre = centre_a_content["centre"]
    about = centre.add_child(instance=StandardPage(title="Qui sommes-nous", slug="qui", body=paragraph("Histoire.")))
    news = NewsPage.objects.child_of(centre_a_content["news_index"]).first()
    event = EventPage.objects.child_of(centre_a_content["event_index"]).first()
    pages = [home_page, centre, about, centre_a_content["news_index"], news, centre_a_content["event_index"], event]
    pages += list(legal_pages.values())
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert '<html lang="fr">' in response.text
        assert escape(page.title) in response.text
    # French dates and labels.
    response = client.get(event.url)
    assert "Inscription" in response.text and "Salle 2" in response.text
    statement = client.get(legal_pages["statement"].url).text
    assert "partiellement conforme" in statement
    assert "Défenseur des droits" in statement
    assert "72" in statement


def test_centre_page_shows_address_hours_contact_team_news_and_agenda(client, centre_a_content):
    text = client.get("/belencontre/").text
    assert "12 rue de la Démo, 59200 Tourcoing" in text
    assert 'href="tel:0320112233"' in text
    assert 'href="mailto:accueil@belencontre.example.org"' in text
    # Hours grouped by day, in French, both Monday slots on one line.
    assert "Lundi" in text and "Mercredi" in text and "Mardi" not in text
    assert "9 h à 12 h, 13 h 30 à 17 h 30" in text  # French times (issue 13)
    assert "permanence emploi" in text
    assert "Nadia B." in text and "boucle magnétique" in text
    assert "Nouvelle 0" in text and "Atelier 0" in text
    assert 'href="/belencontre/actualites/"' in text and 'href="/belencontre/agenda/"' in text
    # Breadcrumb back to the home page.
    assert 'aria-label="Vous êtes ici"' in text


def test_home_page_lists_news_and_events_of_all_centres(client, centre_a_content, centre_b):
    index_b = centre_b.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
    add_news(index_b, 1, prefix="Echo")
    agenda_b = centre_b.add_child(instance=EventIndexPage(title="Agenda", slug="agenda"))
    add_events(agenda_b, 1, prefix="Sortie")
    text = client.get("/").text
    assert "Nouvelle 0" in text and "Echo 0" in text
    assert "Atelier 0" in text and "Sortie 0" in text
    # Each card names its centre.
    assert "Centre social l&#x27;Écho" in text or "Centre social l'Écho" in text


def test_past_and_unpublished_items_are_left_out(client, centre_a_content):
    news = NewsPage.objects.get(slug="nouvelle-0")
    news.unpublish()
    event = EventPage.objects.get(slug="atelier-0")
    event.start = event.start.replace(year=event.start.year - 1)
    event.end = event.end.replace(year=event.end.year - 1)
    event.save()
    text = get_uncached(client, "/").text
    assert "Nouvelle 0" not in text and "Atelier 0" not in text
    assert "Nouvelle 1" in text and "Atelier 1" in text


def test_footer_links_the_legal_pages_with_the_compliance_level(client, legal_pages):
    text = client.get("/").text
    assert 'href="/mentions-legales/"' in text
    assert 'href="/donnees-personnelles/"' in text
    assert "Accessibilité : partiellement conforme" in text


def test_page_type_rules_keep_the_tree_right(home_page, centre_a):
    assert NewsIndexPage.can_create_at(centre_a)
    assert EventIndexPage.can_create_at(home_page)
    assert not NewsPage.can_create_at(centre_a)
    assert not EventPage.can_create_at(home_page)
    assert not CentrePage.can_create_at(centre_a)
    assert not HomePage.can_create_at(home_page)
    assert StandardPage.can_create_at(centre_a)
    assert not AccessibilityStatementPage.can_create_at(centre_a)
    centre_a.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
    assert not NewsIndexPage.can_create_at(centre_a)  # one news index per centre
    for model in (StandardPage, NewsIndexPage, NewsPage, EventIndexPage, EventPage, AccessibilityStatementPage):
        assert model.parent_page_types, model


def test_unknown_url_gives_a_french_404(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.text
    assert '<html lang="fr">' in response.text


def test_list_pages_survive_bad_page_numbers(client, centre_a_content):
    for query in ("?page=abc", "?page=99999", "?page=-1", "?page[]=2", "?page=" + "9" * 50):
        assert client.get("/belencontre/actualites/" + query).status_code == 200
        assert client.get("/belencontre/agenda/" + query).status_code == 200


def test_event_end_before_start_is_refused(centre_a_content):
    from django.core.exceptions import ValidationError

    event = EventPage.objects.first()
    event.end = event.start.replace(year=event.start.year - 1)
    with pytest.raises(ValidationError):
        event.full_clean()


def count_queries(client, url):
    """Queries of an uncached anonymous render, not counting the page-cache version read
    (a database read only with a per-process cache; with Redis it is a cache read)."""
    invalidate_page_cache()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200 and response.get("X-Page-Cache") == "miss"
    return len([query for query in queries.captured_queries if "pagecachestate" not in query["sql"]])


@pytest.mark.parametrize("url", ["/", "/belencontre/"])
def test_query_count_does_not_grow_with_news_and_events(client, centre_a_content, centre_b, url, monkeypatch):
    # The home app's own queries, without other apps' sections: within the 15-query budget.
    monkeypatch.setattr(sections, "_sections", {})
    client.get(url)  # warm the per-process caches (site root paths, content types)
    small = count_queries(client, url)
    assert small <= 15
    index_b = centre_b.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
    agenda_b = centre_b.add_child(instance=EventIndexPage(title="Agenda", slug="agenda"))
    add_news(centre_a_content["news_index"], 25, prefix="Plus")
    add_events(centre_a_content["event_index"], 25, prefix="Sortie")
    add_news(index_b, 25, prefix="Echo")
    add_events(agenda_b, 25, prefix="Fete")
    centre = CentrePage.objects.get(pk=centre_a_content["centre"].pk)
    centre.save_revision().publish()
    assert count_queries(client, url) == small


def test_home_query_count_with_every_registered_section_does_not_grow(client, centre_a_content, centre_b):
    client.get("/")
    small = count_queries(client, "/")
    index_b = centre_b.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
    add_news(index_b, 50, prefix="Echo")
    add_events(centre_a_content["event_index"], 50, prefix="Fete")
    assert count_queries(client, "/") == small


def test_home_page_renders_sections_registered_by_other_apps(client, home_page, monkeypatch, settings, tmp_path):
    template = tmp_path / "section_test.html"
    template.write_text("<section><h2>Ateliers ouverts</h2>{{ count }} atelier(s)</section>", encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    monkeypatch.setattr(sections, "_sections", {})
    sections.register_home_section(
        key="test", order=1, template="section_test.html", get_context=lambda request, page: {"count": 3}
    )
    sections.register_home_section(
        key="hidden", order=2, template="section_test.html", get_context=lambda request, page: None
    )
    text = client.get("/").text
    assert text.count("Ateliers ouverts") == 1
    assert "3 atelier(s)" in text


def test_every_block_renders_accessibly(client, centre_a):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Atelier", file=get_test_image_file())
    document = Document.objects.create(title="Programme", file=ContentFile(b"%PDF-1.4", name="programme.pdf"))
    body = [
        {"type": "heading", "value": {"text": "Nos ateliers", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Du <b>lundi</b> au vendredi.</p>"},
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": "Des habitants devant un ordinateur", "decorative": False},
                "caption": "Mardi",
            },
        },
        {"type": "image", "value": {"image": {"image": image.pk, "alt_text": "", "decorative": True}, "caption": ""}},
        {"type": "quote", "value": {"text": "On apprend ensemble.", "author": "Une habitante"}},
        {"type": "call_to_action", "value": {"text": "Voir l'agenda", "page": centre_a.pk, "url": ""}},
        {"type": "document", "value": {"document": document.pk, "title": "Le programme"}},
        {
            "type": "table",
            "value": {
                "data": [["Jour", "Heure"], ["Lundi", "9h"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Horaires",
            },
        },
    ]
    page = centre_a.add_child(instance=StandardPage(title="Ateliers", slug="ateliers-info", body=body))
    text = client.get(page.url).text
    assert '<h2 class="block-heading">Nos ateliers</h2>' in text
    assert "<b>lundi</b>" in text
    assert 'alt="Des habitants devant un ordinateur"' in text and "<figcaption>Mardi</figcaption>" in text
    assert text.count('<figure class="block-image">') == 2 and 'alt=""' in text  # the decorative one
    # A phone takes the 480 px rendition, a wide screen the larger one (this 640 px picture is not enlarged);
    # never the uploaded original.
    assert text.count("width-480.format-webp.webp 480w") == 2 and "width-960.format-webp.webp 640w" in text
    assert image.file.url not in text and text.count('loading="lazy"') >= 2
    assert "<blockquote><p>On apprend ensemble.</p></blockquote>" in text
    assert 'class="button" href="/belencontre/"' in text
    assert "Le programme" in text and "(PDF" in text
    assert '<th scope="col">Jour</th>' in text and "<caption>Horaires</caption>" in text
    assert "w-block" not in text  # no extra wrappers around blocks


def test_old_image_blocks_take_wagtails_image_block_shape():
    from home.stream_migrations import ImageToWagtailImageBlock

    operation = ImageToWagtailImageBlock()
    described = operation.apply({"image": 7, "alt_text": "Le jardin", "caption": "Juin"})
    assert described == {"image": {"image": 7, "alt_text": "Le jardin", "decorative": False}, "caption": "Juin"}
    # The old help text said to leave the alt text empty for a decorative image.
    assert operation.apply({"image": 8, "alt_text": "", "caption": ""})["image"]["decorative"] is True
    assert operation.apply(described) == described  # already migrated: unchanged


@pytest.mark.django_db
def test_an_image_needs_alt_text_or_to_be_marked_decorative():
    from django.core.exceptions import ValidationError
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from home.blocks import BaseStreamBlock

    image = Image.objects.create(title="Atelier", file=get_test_image_file())
    block = BaseStreamBlock()
    value = block.to_python(
        [{"type": "image", "value": {"image": {"image": image.pk, "alt_text": "", "decorative": False}}}]
    )
    with pytest.raises(ValidationError):
        block.clean(value)


@pytest.mark.django_db
def test_the_shared_blocks_have_previews_in_the_block_picker(client, staff_a):
    from django.urls import reverse

    from home.models import StandardPage

    client.force_login(staff_a)
    children = StandardPage._meta.get_field("body").stream_block.child_blocks
    previewable = {name for name, child in children.items() if child.is_previewable}
    assert {"heading", "paragraph", "quote", "call_to_action", "table"} <= previewable
    url = reverse("wagtailadmin_block_preview")
    heading = client.get(url, {"id": children["heading"].definition_prefix})
    assert heading.status_code == 200
    html = heading.text
    assert "Nos ateliers de la semaine" in html and "css/site.css" in html
    table = client.get(url, {"id": children["table"].definition_prefix}).text
    assert "<caption>Horaires d&#x27;ouverture</caption>" in table or "<caption>Horaires d'ouverture</caption>" in table
