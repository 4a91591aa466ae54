"""The site's one breadcrumb and its main menu, read from the page tree, through real requests."""

import re
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from cv_builder.models import CV
from home.models import NewsIndexPage, NewsPage
from tests.factories import WorkshopIndexPageFactory, WorkshopPageFactory
from toolkit.models import GuidePage, ToolkitIndexPage

pytestmark = pytest.mark.django_db


def crumbs(response):
    """[(title, href or None for the current page)] of the page's breadcrumb."""
    html = response.content.decode()
    nav = re.search(r'<nav class="breadcrumb" aria-label="Vous êtes ici">(.*?)</nav>', html, re.S)
    assert nav, "no breadcrumb"
    items = []
    for item in re.findall(r"<li[^>]*>(.*?)</li>", nav.group(1), re.S):
        link = re.match(r'<a href="([^"]*)">(.*)</a>', item.strip(), re.S)
        items.append((unescape(link.group(2)), link.group(1)) if link else (unescape(item.strip()), None))
    assert html.count('aria-current="page"') >= 1 and items[-1][1] is None
    return items


def menu(response):
    nav = re.search(r'<nav class="site-nav"[^>]*>(.*?)</nav>', response.content.decode(), re.S).group(1)
    return [(unescape(text), href) for href, text in re.findall(r'<a href="([^"]*)">(.*?)</a>', nav)]


def test_a_news_article_shows_home_centre_and_list_then_itself(client, centre_a):
    index = centre_a.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
    article = index.add_child(instance=NewsPage(title="Repair café", slug="repair-cafe"))
    assert crumbs(client.get(article.url)) == [
        ("Accueil", "/"),
        (centre_a.title, centre_a.url),
        ("Actualités", index.url),
        ("Repair café", None),
    ]


def test_a_workshop_page_starts_from_home_like_every_page(client, centre_a):
    index = WorkshopIndexPageFactory(parent=centre_a, title="Ateliers collaboratifs")
    workshop = WorkshopPageFactory(parent=index, title="Le square")
    assert crumbs(client.get(workshop.url)) == [
        ("Accueil", "/"),
        (centre_a.title, centre_a.url),
        ("Ateliers collaboratifs", index.url),
        ("Le square", None),
    ]


def test_toolkit_pages_lead_back_through_the_toolkit(client, home_page):
    index = home_page.add_child(instance=ToolkitIndexPage(title="Boîte à outils", slug="boite-a-outils"))
    guide = index.add_child(instance=GuidePage(title="Animer un atelier", slug="animer", summary="En bref."))
    assert crumbs(client.get(index.url)) == [("Accueil", "/"), ("Boîte à outils", None)]
    assert crumbs(client.get(guide.url)) == [
        ("Accueil", "/"),
        ("Boîte à outils", index.url),
        ("Animer un atelier", None),
    ]
    feedback = client.get(guide.url + guide.reverse_subpage("feedback_form"))
    assert crumbs(feedback) == [
        ("Accueil", "/"),
        ("Boîte à outils", index.url),
        ("Animer un atelier", guide.url),
        ("Votre avis", None),
    ]


def test_cv_builder_pages_use_the_same_breadcrumb(client, resident):
    cv = CV.objects.create(owner=resident, title="Mon CV de cariste", data={})
    client.force_login(resident)
    my_cvs = reverse("cv_builder:list")
    assert crumbs(client.get(my_cvs)) == [("Accueil", "/"), ("Mes CV", None)]
    assert crumbs(client.get(reverse("cv_builder:detail", args=[cv.pk]))) == [
        ("Accueil", "/"),
        ("Mes CV", my_cvs),
        ("Mon CV de cariste", None),
    ]
    assert crumbs(client.get(reverse("cv_builder:history", args=[cv.pk]))) == [
        ("Accueil", "/"),
        ("Mes CV", my_cvs),
        ("Mon CV de cariste", reverse("cv_builder:detail", args=[cv.pk])),
        ("Historique", None),
    ]


def test_no_template_writes_its_own_breadcrumb():
    root = Path(settings.BASE_DIR)
    templates = [*root.glob("templates/**/*.html"), *root.glob("*/templates/**/*.html")]
    assert root / "templates/includes/breadcrumb.html" in templates
    own = [path for path in templates if 'class="breadcrumb"' in path.read_text()]
    assert own == [root / "templates/includes/breadcrumb.html"]


def test_the_menu_lists_the_home_pages_children_ticked_in_menus(client, home_page, centre_a):
    toolkit = home_page.add_child(instance=ToolkitIndexPage(title="Boîte à outils", slug="boite-a-outils"))
    links = menu(client.get("/"))
    assert ("Boîte à outils", "/boite-a-outils/") in links  # a toolkit index is in the menu when created
    assert ("Participer", reverse("participation:open_workshops")) in links
    assert not any(text == centre_a.title for text, _href in links)  # centres are not ticked

    centre_a.show_in_menus = True
    centre_a.save_revision().publish()
    toolkit.title = "Outils pour les centres"
    toolkit.show_in_menus = True
    toolkit.save_revision().publish()
    links = menu(client.get("/"))
    assert (centre_a.title, centre_a.url) in links and ("Outils pour les centres", "/boite-a-outils/") in links

    toolkit.show_in_menus = False
    toolkit.save_revision().publish()
    assert not any(href == "/boite-a-outils/" for _text, href in menu(client.get(reverse("search"))))


def test_the_header_hard_codes_no_address():
    base = (Path(settings.BASE_DIR) / "templates" / "base.html").read_text()
    assert not re.search(r'href="/', base)


def test_publishing_an_article_does_not_make_the_menu_read_again(client, centre_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    index = centre_a.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
    client.get(reverse("search"))
    with CaptureQueriesContext(connection) as before:
        client.get(reverse("search"))
    index.add_child(instance=NewsPage(title="Nouvelle", slug="nouvelle")).save_revision().publish()
    with CaptureQueriesContext(connection) as after:
        client.get(reverse("search"))
    assert len(after) == len(before)
