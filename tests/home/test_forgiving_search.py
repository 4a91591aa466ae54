"""Issue 13: a search that forgives, one test per case, run on SQLite and on PostgreSQL alike.

French stems on both databases, typos ("Bellencontre", "belen", "phalempin"), the centre's name on each
result, and a no-result page that lists the centres and the open workshops and suggests a spelling.
"""

import pytest
from django.db import connection

from home.models import NewsIndexPage, NewsPage
from home.search import suggest
from home.search_backend import stemmed_query, stems
from tests.conftest import make_centre
from tests.home.conftest import paragraph


@pytest.fixture
def network(home_page, centre_a, centre_b):
    phalempins = make_centre(home_page, "phalempins", "Centre social des Phalempins", "PHA", "Tourcoing")
    for centre in (centre_a, centre_b):
        news = centre.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
        news.add_child(instance=NewsPage(title="Un atelier cuisine", slug="atelier-cuisine", body=paragraph("Venez.")))
    centre_a.body = paragraph("Les horaires d'ouverture de l'accueil changent en décembre.")
    centre_a.save_revision().publish()
    return {"belencontre": centre_a, "echo": centre_b, "phalempins": phalempins}


def listed(response):
    """The titles of the results, in order."""
    text = response.text
    if '<ol class="search-results"' not in text:
        return []
    block = text[
        text.index('<ol class="search-results"') : text.index("</ol>", text.index('<ol class="search-results"'))
    ]
    return [part.split("</a>")[0].split(">")[-1] for part in block.split("<li>")[1:]]


@pytest.mark.parametrize("words", ["horaire", "horaires", "Horaire d'ouverture"])
def test_singular_and_plural_find_the_same_page(client, network, words):
    assert listed(client.get("/recherche/", {"q": words})) == ["Centre social Belencontre"]


@pytest.mark.parametrize("typed", ["Bellencontre", "belen", "belencontr", "phalempin", "Phalempins"])
def test_typos_and_beginnings_of_centre_names_find_the_centre(client, network, typed):
    response = client.get("/recherche/", {"q": typed})
    expected = "Centre social des Phalempins" if typed.lower().startswith("phal") else "Centre social Belencontre"
    titles = listed(response)
    assert titles and titles[0] == expected, (connection.vendor, titles)


def test_each_result_names_its_centre(client, network):
    response = client.get("/recherche/", {"q": "atelier"})
    text = response.text
    assert listed(response).count("Un atelier cuisine") == 2
    assert "Actualité · Centre social Belencontre" in text and "Actualité · Centre social l&#x27;Écho" in text


def test_nothing_found_lists_centres_open_workshops_and_a_spelling(client, network):
    from tests.participation.conftest import make_workshop

    make_workshop(network["echo"], "voting", title="Le square Destombes")
    response = client.get("/recherche/", {"q": "zzzqqq"})
    assert response.status_code == 200 and listed(response) == []
    text = response.text
    assert "Aucun résultat" in text
    section = text[text.index('id="all-centres-title"') :]
    for title in ("Centre social Belencontre", "Centre social des Phalempins", "Centre social l&#x27;Écho"):
        assert title in section
    assert "Ateliers collaboratifs ouverts en ce moment" in text and "Le square Destombes" in text
    # A spelling is suggested when a word is close to a known one but gives nothing as typed.
    assert suggest("ludotheque zzzqqq", ["belencontre", "ludothèque"]) == "ludothèque zzzqqq"
    assert suggest("belen", ["belencontre"]) == "belencontre"
    assert suggest("zzzqqq", ["belencontre"]) is None


def test_a_corrected_search_says_what_it_searched(client, network):
    text = client.get("/recherche/", {"q": "Bellencontre"}).text
    if connection.vendor == "sqlite":  # PostgreSQL finds it by trigrams, with no correction to announce
        assert "Aucun résultat pour « Bellencontre » : 1 résultat pour « belencontre »" in text


def test_stems_are_added_to_the_index_and_replace_the_query_words():
    assert stems("Les horaires d'ouverture") == "le horair ouvertur"
    assert stemmed_query("horaire") == stemmed_query("horaires") == "horair"


def test_search_query_count_does_not_grow_with_results(client, network):
    from django.db import connection as db
    from django.test.utils import CaptureQueriesContext

    index = network["belencontre"].get_children().type(NewsIndexPage).first()

    def queries():
        with CaptureQueriesContext(db) as captured:
            response = client.get("/recherche/", {"q": "atelier"})
        return len(captured), len(listed(response))

    queries()  # warm the per-site caches (menus, settings)
    few, shown = queries()
    assert shown == 2
    for n in range(12):
        index.add_child(instance=NewsPage(title=f"Atelier {n}", slug=f"atelier-{n}"))
    assert queries() == (few, 10)
