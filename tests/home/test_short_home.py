"""Issue 13: a home page a phone can scroll through (three of each, then "voir tout"),
centre cards with a small picture and the neighbourhood, and network lists of every centre's items."""

import io
import re

from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from home.models import CentrePage, EventIndexPage, NewsIndexPage
from tests.conftest import make_centre
from tests.home.conftest import add_events, add_news
from tests.home.test_pages import count_queries
from tests.image_files import png_bytes


def network_lists(home_page):
    news = home_page.add_child(instance=NewsIndexPage(title="Actualités du réseau", slug="actualites"))
    agenda = home_page.add_child(instance=EventIndexPage(title="Agenda du réseau", slug="agenda"))
    return news, agenda


def centre_lists(centre):
    news = centre.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
    agenda = centre.add_child(instance=EventIndexPage(title="Agenda", slug="agenda"))
    return news, agenda


def give_photo(centre, size=(1600, 1200)):
    image = get_image_model().objects.create(
        title=f"Façade {centre.title}", file=ImageFile(io.BytesIO(png_bytes(size)), name=f"{centre.slug}.png")
    )
    centre.photo, centre.photo_alt = image, "La façade du centre, rue de la Démo"
    centre.save_revision().publish()
    return image


def test_the_home_shows_three_news_and_three_events_then_links_to_every_centres_lists(
    client, home_page, centre_a, centre_b
):
    network_news, network_agenda = network_lists(home_page)
    news_a, agenda_a = centre_lists(centre_a)
    news_b, agenda_b = centre_lists(centre_b)
    add_news(news_a, 4, prefix="Belencontre")
    add_news(news_b, 4, prefix="Echo")
    add_events(agenda_a, 4, prefix="Sortie")
    add_events(agenda_b, 4, prefix="Fete")

    html = client.get("/").text
    latest, upcoming = html.split('id="news-title"')[1].split('id="events-title"')
    assert latest.count('class="card"') == 3 and upcoming.count('class="card"') == 3
    assert '<a href="/actualites/">Voir toutes les actualités</a>' in latest
    assert '<a href="/agenda/">Voir tous les rendez-vous</a>' in upcoming

    everything = client.get("/actualites/").text
    assert everything.count('class="card"') == 8  # both centres' news, not only the network's own
    assert "Belencontre 0" in everything and "Echo 0" in everything
    assert "· Centre social l'Écho" in everything.replace("&#x27;", "'")
    agenda = client.get("/agenda/").text
    assert agenda.count('class="card"') == 8 and "· Centre social Belencontre" in agenda


def test_a_centres_own_list_keeps_only_its_items_and_does_not_repeat_its_name(client, home_page, centre_a, centre_b):
    network_lists(home_page)
    news_a, agenda_a = centre_lists(centre_a)
    news_b, _ = centre_lists(centre_b)
    add_news(news_a, 2, prefix="Belencontre")
    add_news(news_b, 2, prefix="Echo")
    html = client.get("/belencontre/actualites/").text
    assert "Belencontre 0" in html and "Echo 0" not in html
    assert "· Centre social Belencontre" not in html


def test_without_a_network_list_the_home_has_no_dead_see_all_link(client, home_page, centre_a):
    news_a, agenda_a = centre_lists(centre_a)
    add_news(news_a, 5)
    add_events(agenda_a, 5)
    html = client.get("/").text
    assert "Voir toutes les actualités" not in html and "Voir tous les rendez-vous" not in html


def test_centre_cards_show_the_neighbourhood_and_a_small_lazy_picture_never_the_original(
    client, home_page, centre_a, centre_b
):
    centre_a.neighbourhood = "Belencontre"
    centre_a.save_revision().publish()
    original = give_photo(centre_a)

    html = client.get("/").text
    cards = re.findall(r'<li class="card centre-card">.*?</li>', html, re.S)
    assert len(cards) == 2
    card_a = next(card for card in cards if "Centre social Belencontre" in card)
    card_b = next(card for card in cards if "l&#x27;Écho" in card)
    assert "Belencontre, Tourcoing" in card_a
    assert '<p class="meta">Roubaix</p>' in card_b  # no neighbourhood: the town alone
    assert "<img" not in card_b  # no photo: no empty frame

    img = re.search(r"<img [^>]*>", card_a).group(0)
    assert 'loading="lazy"' in img and 'width="96"' in img and 'height="72"' in img
    assert 'alt=""' in img  # decorative here: the centre's name is the link beside it
    src = re.search(r'src="([^"]+)"', img).group(1)
    assert src != original.file.url and "fill-192x144" in src and src.endswith(".webp")
    rendition = original.renditions.get()
    assert (rendition.width, rendition.height) == (192, 144)


def test_the_home_query_count_does_not_grow_with_centres_and_their_photos(client, home_page, centre_a):
    client.get("/")
    give_photo(centre_a)
    client.get("/")  # the first view makes the rendition
    with_one = count_queries(client, "/")
    for n in range(3):
        give_photo(make_centre(home_page, f"centre-{n}", f"Centre social numéro {n}", f"CS{n}"))
    client.get("/")
    assert count_queries(client, "/") == with_one


def test_the_neighbourhood_is_a_field_staff_fill_in_the_admin(client, superuser, centre_a):
    client.force_login(superuser)
    html = client.get(f"/admin/pages/{centre_a.pk}/edit/").text
    assert 'name="neighbourhood"' in html and "Belencontre, Tourcoing" in html
    assert CentrePage._meta.get_field("neighbourhood").blank


def test_the_centre_page_offers_its_photo_in_two_sizes_never_the_original(client, home_page, centre_a):
    original = give_photo(centre_a, size=(2400, 1800))
    html = client.get("/belencontre/").text
    img = re.search(r'<figure class="centre-photo"><img [^>]*>', html).group(0)
    assert 'alt="La façade du centre, rue de la Démo"' in img
    assert "width-480.format-webp.webp 480w" in img and "width-960.format-webp.webp 960w" in img
    assert 'sizes="(max-width: 68rem) 100vw, 66rem"' in img and original.file.url not in html
