"""The index filters: each facet, combinations, text search, pagination, bad input, query count."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.page_cache import invalidate_page_cache
from toolkit.models import GuidePage, KezakoPage, MethodCardPage, PrototypePage

from .conftest import add_resource

pytestmark = pytest.mark.django_db


def titles(response):
    assert response.status_code == 200
    return set(re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', unescape(response.text)))


ALL = {
    "Plateforme de CV en ligne",
    "Promeneur du Net",
    "Le photolangage",
    "Créer une adresse e-mail",
    "Guide de l'animateur",
}


def test_unfiltered_lists_every_live_resource(client, sample_resources, make_resource):
    make_resource(PrototypePage, title="Brouillon caché", live=False)
    assert titles(client.get("/boite-a-outils/")) == ALL
    assert "5 ressources" in client.get("/boite-a-outils/").text


@pytest.mark.parametrize(
    "query, expected",
    [
        ("theme=emploi-insertion", {"Plateforme de CV en ligne"}),
        ("theme=education-parentalite", {"Promeneur du Net"}),
        ("theme=pouvoir-d-agir", {"Le photolangage"}),
        ("theme=accueil-e-administration", {"Créer une adresse e-mail"}),
        ("theme=outils-d-animation", {"Guide de l'animateur"}),
        ("type=prototype", {"Plateforme de CV en ligne", "Promeneur du Net"}),
        ("type=methode", {"Le photolangage"}),
        ("type=kezako", {"Créer une adresse e-mail"}),
        ("type=guide", {"Guide de l'animateur"}),
        ("audience=habitants", {"Plateforme de CV en ligne", "Créer une adresse e-mail"}),
        ("audience=jeunes", {"Promeneur du Net"}),
        ("status=running", {"Plateforme de CV en ligne"}),
        ("status=testing", {"Promeneur du Net"}),
        ("status=idea", set()),
    ],
)
def test_each_facet(client, sample_resources, query, expected):
    assert titles(client.get(f"/boite-a-outils/?{query}")) == expected


@pytest.mark.parametrize(
    "query, expected",
    [
        ("type=prototype&audience=habitants", {"Plateforme de CV en ligne"}),
        ("type=kezako&audience=habitants", {"Créer une adresse e-mail"}),
        ("theme=emploi-insertion&type=methode", set()),
        ("theme=emploi-insertion&status=running&audience=habitants&type=prototype", {"Plateforme de CV en ligne"}),
        ("audience=habitants&status=testing", set()),
        ("q=Promeneur&type=prototype", {"Promeneur du Net"}),
        ("q=Promeneur&type=kezako", set()),
    ],
)
def test_facets_combine(client, sample_resources, query, expected):
    assert titles(client.get(f"/boite-a-outils/?{query}")) == expected


def test_resource_with_two_themes_appears_once(client, sample_resources, make_resource, themes):
    make_resource(PrototypePage, title="Double thème", themes=[themes["emploi-insertion"], themes["pouvoir-d-agir"]])
    response = client.get("/boite-a-outils/?theme=emploi-insertion")
    assert titles(response) == {"Plateforme de CV en ligne", "Double thème"}
    assert unescape(response.text).count(">Double thème<") == 1


def test_filters_are_kept_in_the_form_and_the_address(client, sample_resources):
    html = client.get("/boite-a-outils/?theme=emploi-insertion&type=prototype&q=CV").text
    assert '<option value="emploi-insertion" selected>' in html
    assert '<option value="prototype" selected>' in html
    assert 'value="CV"' in html
    assert 'method="get"' in html


def test_text_search_finds_words_in_the_body(client, sample_resources):
    # "demandeurs" only appears in a step of the CV prototype.
    assert titles(client.get("/boite-a-outils/?q=demandeurs")) == {"Plateforme de CV en ligne"}
    assert titles(client.get("/boite-a-outils/?q=adresse")) == {"Créer une adresse e-mail"}
    assert titles(client.get("/boite-a-outils/?q=zzzintrouvable")) == set()


def test_search_stays_inside_the_toolkit(client, sample_resources, centre_a):
    # The centre page title contains "Belencontre": not a toolkit resource.
    assert titles(client.get("/boite-a-outils/?q=Belencontre")) == set()


@pytest.mark.parametrize(
    "query, message",
    [
        ("theme=inconnu", "Le thème « inconnu » n'existe pas"),
        ("audience=martiens", "Le public « martiens » n'existe pas"),
        ("type=video", "Le type « video » n'existe pas"),
        ("status=perdu", "L'état « perdu » n'existe pas"),
    ],
)
def test_unknown_facet_values_are_ignored_with_a_message(client, sample_resources, query, message):
    response = client.get(f"/boite-a-outils/?{query}")
    assert response.status_code == 200
    assert message in unescape(response.text)
    assert titles(response) == ALL


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999", "1.5", "%00", "9" * 40])
def test_malformed_page_numbers_do_not_fail(client, sample_resources, page):
    response = client.get(f"/boite-a-outils/?page={page}")
    if page == "%00":  # a NUL byte is refused site-wide by home.input_guard, with a French page
        assert response.status_code == 400 and "caractère de contrôle invisible" in response.text
        return
    assert response.status_code == 200
    assert len(titles(response)) >= 1


def test_odd_parameters_do_not_fail(client, sample_resources):
    for query in ["theme=&type=&q=", "q=" + "x" * 5000, "theme=%3Cscript%3E", "q=%22%27%28", "q=AND OR NOT"]:
        response = client.get(f"/boite-a-outils/?{query}")
        assert response.status_code == 200, query
        assert "<script>" not in response.text.split("<main", 1)[1]


def test_pagination_keeps_filters(client, toolkit_index, themes):
    for number in range(15):
        add_resource(toolkit_index, GuidePage, title=f"Guide {number:02d}", themes=[themes["outils-d-animation"]])
    first = client.get("/boite-a-outils/?theme=outils-d-animation")
    assert len(titles(first)) == 12
    assert "Page 1 sur 2" in first.text
    assert 'href="?theme=outils-d-animation&amp;page=2#resultats"' in first.text
    second = client.get("/boite-a-outils/?theme=outils-d-animation&page=2")
    assert len(titles(second)) == 3
    assert titles(first).isdisjoint(titles(second))


def _count_queries(client, url):
    invalidate_page_cache()  # measure a real render, not the anonymous page cache
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), len(titles(response))


FILTERED_URLS = [
    "/boite-a-outils/",
    "/boite-a-outils/?theme=emploi-insertion&audience=habitants",
    "/boite-a-outils/?type=prototype&status=running",
    "/boite-a-outils/?q=atelier&theme=emploi-insertion",
]


def _add_batch(index, themes, audiences, size, start):
    classes = [PrototypePage, MethodCardPage, KezakoPage, GuidePage]
    for number in range(start, start + size):
        add_resource(
            index,
            classes[number % 4],
            title=f"Atelier ressource {number}",
            themes=[themes["emploi-insertion"], themes["pouvoir-d-agir"]],
            audiences=[audiences["habitants"], audiences["jeunes"]],
            **({"status": "running"} if number % 4 == 0 else {}),
        )


@pytest.mark.parametrize("url", FILTERED_URLS)
def test_query_count_does_not_grow_with_the_resources(client, toolkit_index, themes, audiences, url):
    _add_batch(toolkit_index, themes, audiences, 4, 0)
    client.get(url)  # warm the content type and site caches
    small, shown_small = _count_queries(client, url)
    _add_batch(toolkit_index, themes, audiences, 40, 100)
    large, shown_large = _count_queries(client, url)
    assert shown_large > shown_small
    assert large == small, (small, large)
    assert small <= 16


def test_very_broad_search_is_capped_with_a_message(client, toolkit_index, themes, audiences, monkeypatch):
    from toolkit import listing

    monkeypatch.setattr(listing, "SEARCH_MAX_RESULTS", 5)
    _add_batch(toolkit_index, themes, audiences, 8, 0)
    response = client.get("/boite-a-outils/?q=atelier")
    assert "5 ressources" in response.text
    assert "Seuls les 5 résultats les plus pertinents sont affichés" in unescape(response.text)


def test_filtering_lands_on_the_results_heading_which_gives_the_count(client, sample_resources):
    html = unescape(client.get("/boite-a-outils/").text)
    assert '<form method="get" action="/boite-a-outils/#resultats"' in html
    filtered = unescape(client.get("/boite-a-outils/?theme=emploi-insertion").text)
    assert '<h2 id="resultats" tabindex="-1">1 ressource trouvée</h2>' in filtered
    assert '<section aria-labelledby="resultats"' in filtered
    nothing = unescape(client.get("/boite-a-outils/?q=zzzzzz").text)
    assert '<h2 id="resultats" tabindex="-1">0 ressource trouvée</h2>' in nothing
    # A warning about an ignored filter sits under that heading, where the visitor lands.
    warned = unescape(client.get("/boite-a-outils/?theme=nope").text)
    assert warned.index('id="resultats"') < warned.index("Le thème « nope » n")
