import io
from html import unescape

import pytest
from wagtail.models import Page, Site

from home import demo as home_demo
from toolkit import demo
from toolkit.models import (
    Adoption,
    KezakoPage,
    LearningPathPage,
    MethodCardPage,
    NeighbouringCentre,
    PrototypePage,
    ResourceFeedback,
    Theme,
    ToolkitIndexPage,
)


@pytest.fixture
def seeded(db):
    Site.objects.all().delete()
    for page in Page.get_first_root_node().get_children():
        page.delete()
    home_demo.seed(io.StringIO())
    return demo.seed(io.StringIO())


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Theme,
            ToolkitIndexPage,
            PrototypePage,
            MethodCardPage,
            KezakoPage,
            LearningPathPage,
            NeighbouringCentre,
            Adoption,
            ResourceFeedback,
        )
    } | {"pages": Page.objects.count(), "revisions": sum(p.revisions.count() for p in Page.objects.all())}


def test_demo_content_is_complete_and_idempotent(seeded, client):
    assert any("/boite-a-outils/" in line for line in seeded)
    first = counts()
    assert first["Theme"] == 5
    assert first["ToolkitIndexPage"] == 1 and first["PrototypePage"] == 4
    assert first["MethodCardPage"] == 3 and first["KezakoPage"] == 2 and first["LearningPathPage"] == 1
    assert NeighbouringCentre.objects.filter(is_example=True).count() == first["NeighbouringCentre"] >= 3
    assert Adoption.objects.filter(is_example=True).count() == first["Adoption"] > 0
    demo.seed(io.StringIO())
    assert counts() == first

    index = ToolkitIndexPage.objects.get()
    assert index.url == "/boite-a-outils/"
    html = unescape(client.get("/boite-a-outils/").text)
    for title in [
        "Plateforme d'édition numérique de CV",
        "Le Kezako numérique",
        "L'application « Promeneur du Net »",
        "Réseau multi-acteurs pour l'orientation des jeunes",
    ]:
        assert title in html
    path = unescape(client.get("/boite-a-outils/lancer-un-premier-atelier-collaboratif/").text)
    assert "Le photolangage pour lancer un atelier" in path
    sheet = unescape(client.get("/boite-a-outils/plateforme-cv-en-ligne/").text)
    assert "Centre social du Pont (exemple)" in sheet
    assert "Une permanence CV chaque mardi matin" in sheet  # an example story
    assert "Mis en place en trois semaines." in sheet  # example feedback, published
    assert Adoption.objects.filter(story_is_published=True).count() == 2
    assert first["ResourceFeedback"] == 3
    assert client.get("/boite-a-outils/plateforme-cv-en-ligne/pdf/").status_code == 200
