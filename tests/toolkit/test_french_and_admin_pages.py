"""Everything a visitor reads is French; every page type can be created in the Wagtail admin."""

import re
from html import unescape
from pathlib import Path

import pytest

from toolkit.models import GuidePage, KezakoPage, LearningPathPage, MethodCardPage, PrototypePage

pytestmark = pytest.mark.django_db

CATALOGUE = Path(__file__).resolve().parents[2] / "toolkit" / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def english_sources():
    text = CATALOGUE.read_text(encoding="utf-8")
    sources = set(re.findall(r'^msgid "(.+)"$', text, flags=re.M))
    # Only sentences long enough not to be French too (e.g. "Contact", "Guide", "Type").
    return {unescape(source.replace('\\"', '"')) for source in sources if len(source) > 12 and "%" not in source}


def test_public_pages_show_no_english_source_string(client, sample_resources, learning_path):
    sources = english_sources()
    assert len(sources) > 100
    urls = ["/boite-a-outils/", "/boite-a-outils/?theme=inconnu", "/boite-a-outils/rejoindre/"]
    urls += [page.url for page in sample_resources.values()] + [learning_path.url]
    for url in urls:
        html = unescape(client.get(url).text)
        leftovers = [source for source in sources if source in html]
        assert not leftovers, (url, leftovers)
    response = client.post("/boite-a-outils/rejoindre/", {"email": "x"})
    html = unescape(response.text)
    assert not [source for source in sources if source in html]


@pytest.mark.parametrize("model", [PrototypePage, MethodCardPage, KezakoPage, GuidePage, LearningPathPage])
def test_every_page_type_can_be_added_in_the_admin(client, superuser, toolkit_index, model):
    client.force_login(superuser)
    url = f"/admin/pages/add/toolkit/{model._meta.model_name}/{toolkit_index.pk}/"
    response = client.get(url)
    assert response.status_code == 200


def test_editor_creates_a_prototype_through_the_admin(client, superuser, toolkit_index, themes):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    client.force_login(superuser)
    url = f"/admin/pages/add/toolkit/prototypepage/{toolkit_index.pk}/"
    data = nested_form_data(
        {
            "title": "Prototype créé dans l'admin",
            "slug": "prototype-admin",
            "summary": "Créé par une éditrice.",
            "need": rich_text("<p>Un besoin.</p>"),
            "origin_workshop": "",
            "status": "idea",
            "stopped_reason": "",
            "partners": "",
            "people_needed": "",
            "equipment_needed": "",
            "money_needed": "",
            "time_needed": "",
            "steps": streamfield([("step", {"title": "Première étape", "text": rich_text("<p>Faire.</p>")})]),
            "results": rich_text(""),
            "limits": rich_text(""),
            "licence": "Creative Commons BY-SA 4.0",
            "files": streamfield([]),
            "contact_name": "",
            "contact_email": "",
            "contact_phone": "",
            "action-publish": "publish",
        }
    )
    data["themes"] = [themes["emploi-insertion"].pk]
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = PrototypePage.objects.get(slug="prototype-admin")
    assert page.live and list(page.themes.all()) == [themes["emploi-insertion"]]
    assert page.steps[0].value["title"] == "Première étape"
    client.logout()
    listing = unescape(client.get("/boite-a-outils/?theme=emploi-insertion").text)
    assert listing.count("Prototype créé dans l'admin") == 1
