"""A slug typed by hand with accents is refused on its field, in French, with the address to use;
the form comes back with all that was typed. Through Wagtail's real add and edit views."""

from html import unescape

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import NewsIndexPage, NewsPage, StandardPage
from tests import page_forms

SLUG_ERROR = (
    "L'adresse de la page ne peut contenir que des lettres sans accent, des chiffres et des tirets : "
    "essayez « repair-cafe-du-samedi »."
)


def news_form(**fields):
    return page_forms.news_form(**{"intro": "Venez réparer vos grille-pain.", **fields})


def test_news_create_refuses_an_accented_slug_and_keeps_what_was_typed(client, centre_a, staff_a):
    news_index = centre_a.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
    client.force_login(staff_a)
    url = f"/admin/pages/add/home/newspage/{news_index.pk}/"
    response = client.post(url, news_form(slug="repair-café-du-samedi"))
    assert response.status_code == 200
    assert not NewsPage.objects.exists()
    text = unescape(response.content.decode())
    assert SLUG_ERROR in text
    # The error is the slug field's own (shown next to it), not only a page-wide message.
    assert response.context["form"].errors["slug"] == [SLUG_ERROR]
    # Nothing else is lost: the title, the intro and the typed slug come back in the form.
    assert 'value="Repair café du samedi"' in text and "Venez réparer vos grille-pain." in text
    assert 'value="repair-café-du-samedi"' in text
    # With the suggested address, it is published.
    assert client.post(url, news_form(slug="repair-cafe-du-samedi")).status_code == 302
    assert NewsPage.objects.get().url.endswith("/actualites/repair-cafe-du-samedi/")


def test_news_edit_refuses_an_accented_slug(client, centre_a, staff_a):
    news_index = centre_a.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
    article = news_index.add_child(
        instance=NewsPage(title="Repair café du samedi", slug="repair-cafe", date="2026-12-05")
    )
    client.force_login(staff_a)
    response = client.post(f"/admin/pages/{article.pk}/edit/", news_form(slug="repair-café-du-samedi"))
    assert response.status_code == 200
    assert SLUG_ERROR in unescape(response.content.decode())
    article.refresh_from_db()
    assert article.slug == "repair-cafe" and article.live


def test_standard_page_create_refuses_an_accented_slug(client, centre_a, staff_a):
    client.force_login(staff_a)
    url = f"/admin/pages/add/home/standardpage/{centre_a.pk}/"
    data = {"title": "À propos", "slug": "à-propos", "intro": rich_text("Qui sommes-nous"), "body": streamfield([])}
    response = client.post(url, nested_form_data({**data, "action-publish": "publish"}))
    assert response.status_code == 200
    assert not StandardPage.objects.filter(title="À propos").exists()
    text = unescape(response.content.decode())
    assert "essayez « a-propos »" in text and 'value="À propos"' in text
    data["slug"] = "a-propos"
    assert client.post(url, nested_form_data({**data, "action-publish": "publish"})).status_code == 302
    assert StandardPage.objects.get(title="À propos").slug == "a-propos"


def test_an_address_with_nothing_to_keep_gets_the_message_without_suggestion(client, centre_a, staff_a):
    client.force_login(staff_a)
    url = f"/admin/pages/add/home/standardpage/{centre_a.pk}/"
    data = {"title": "Page", "slug": "«»", "intro": rich_text(""), "body": streamfield([])}
    response = client.post(url, nested_form_data({**data, "action-publish": "publish"}))
    assert response.status_code == 200
    text = unescape(response.content.decode())
    assert "L'adresse de la page ne peut contenir que des lettres sans accent" in text
    assert "essayez" not in text
