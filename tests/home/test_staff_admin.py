"""The page editor for centre staff: ASCII slugs, no default workflow, Publier first, no autosave
before the first save, the slug clash explained in French, the team guide under "Aide", Wagtail's
reports menu renamed; event pages take an image."""

import json
import re
from html import unescape

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Workflow

from home.models import EventPage, NewsIndexPage, NewsPage
from tests.page_forms import news_form


def sidebar(client):
    html = client.get("/admin/").text
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    return json.dumps(json.loads(props.group(1)), ensure_ascii=False)


def test_staff_publish_news_with_an_ascii_address(client, centre_a, staff_a):
    news_index = centre_a.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
    client.force_login(staff_a)
    url = f"/admin/pages/add/home/newspage/{news_index.pk}/"
    page = client.get(url).text
    # No autosave of a page not saved yet; "Publier" is the main button.
    assert "data-w-autosave-interval-value" not in page
    footer = page[page.index("page-edit-form") :]
    assert footer.index("Publier") < footer.index("Enregistrer le brouillon")
    assert "Soumettre à" not in page and "Moderators approval" not in page
    # The address is made from the title without accents (the slug field slugifies in ASCII; the
    # browser test types a title with "café" and gets "repair-cafe-…").
    assert "data-w-slug-allow-unicode-value" not in page  # rendered only when unicode slugs are allowed
    response = client.post(url, news_form(slug="repair-cafe-du-samedi"))
    assert response.status_code == 302
    article = NewsPage.objects.get()
    assert article.live and article.url.endswith("/actualites/repair-cafe-du-samedi/")
    # Once saved, editing keeps Wagtail's autosave (nothing lost).
    assert "data-w-autosave-interval-value" in client.get(f"/admin/pages/{article.pk}/edit/").text
    # The same address again: a French explanation of the clash, not "Le slug … est déjà utilisé".
    response = client.post(url, news_form(slug="repair-cafe-du-samedi"))
    assert response.status_code == 200 and NewsPage.objects.count() == 1
    text = unescape(response.content.decode())
    assert "Une autre page porte déjà cette adresse" in text and "souvent un brouillon" in text


def test_no_default_workflow(db):
    assert not Workflow.objects.filter(active=True, workflow_pages__isnull=False).exists()


def test_help_opens_the_team_guide_and_reports_are_named_for_the_site(client, staff_a, superuser, resident):
    client.force_login(staff_a)
    menu = sidebar(client)
    assert "Guide de l’équipe" in menu and "/admin/guide/" in menu and "guide.wagtail.org" not in menu
    guide = unescape(client.get("/admin/guide/").text)
    for part in (
        "Publier une actualité",
        "Annoncer un événement",
        "Animer un atelier",
        "Imprimer des codes",
        "Saisir une feuille de dépouillement",
        "Aider une personne à l’accueil",
    ):
        assert part in guide
    client.force_login(superuser)
    menu = sidebar(client)
    assert "Rapports du site" in menu and '"Signalements"' not in menu
    client.force_login(resident)
    assert client.get("/admin/guide/").status_code in (302, 403)


def test_misleading_wagtail_words_are_overridden():
    from django.utils.translation import gettext, override

    with override("fr"):
        assert gettext("Upload") == "Ajouter un fichier"
        assert gettext("Reports") == "Rapports du site"
        assert gettext("Submit to %(workflow_name)s") == "Demander une relecture (%(workflow_name)s)"


def test_event_pages_show_their_image(client, centre_a):
    from wagtail.images.models import Image

    from home.models import EventIndexPage

    image = Image.objects.create(title="Affiche", file=get_test_image_file())
    agenda = centre_a.add_child(instance=EventIndexPage(title="Agenda", slug="agenda"))
    from django.utils import timezone

    start = timezone.now() + timezone.timedelta(days=3)
    event = agenda.add_child(
        instance=EventPage(
            title="Fête du quartier",
            start=start,
            end=start,
            place="Square",
            image=image,
            image_alt="Des enfants autour d'une table",
        )
    )
    page = client.get(event.url).text
    assert 'alt="Des enfants autour d&#x27;une table"' in page or 'alt="Des enfants autour d\'une table"' in page
