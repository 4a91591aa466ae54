"""On a 360×740 phone: the save status stays in view while editing the end of a long step, and a replaced
photo shows at once (its address changes with the photo); a photo too big for the server is made smaller
in the browser first."""

import io
import os

import pytest
from PIL import Image
from playwright.sync_api import expect

from cv_builder.models import CV
from tests.conftest import PASSWORD
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()


def in_viewport(page, selector):
    box = page.locator(selector).bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_status_bar_stays_in_view_while_editing_the_last_field_of_a_long_step(phone, live_server, resident, home_page):
    work = [
        {"position": f"Poste {n}", "name": "Entreprise", "startDate": "2020", "summary": "Texte. " * 40}
        for n in range(1, 4)
    ]
    cv = CV.objects.create(owner=resident, data={"basics": {"name": "Zoé"}, "work": work})
    log_in(phone, live_server, resident.username, PASSWORD)
    phone.goto(f"{live_server.url}/mon-cv/{cv.pk}/experience/")
    assert phone.evaluate("document.documentElement.scrollHeight") > 3 * PHONE["height"]  # a long step
    last = phone.locator("#id_entries-2-summary")
    last.scroll_into_view_if_needed()
    last.fill("Mise en rayon, inventaire.")
    assert phone.evaluate("window.scrollY") > 1000  # far below the top of the form
    expect(phone.locator("#cv-save-status")).to_contain_text("Pas encore enregistré")
    assert in_viewport(phone, "#cv-save-status")
    expect(phone.locator("#cv-save-status")).to_contain_text("Enregistré à", timeout=10_000)
    assert in_viewport(phone, "#cv-save-status")
    cv.refresh_from_db()
    assert cv.data["work"][2]["summary"] == "Mise en rayon, inventaire."
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def picture(path, color, size=(300, 400)):
    Image.new("RGB", size, color).save(path, format="JPEG")
    return path


def shown_color(page, selector):
    """The colour of the middle pixel of the picture the browser shows."""
    page.wait_for_function("(selector) => document.querySelector(selector).complete", arg=selector)
    return page.evaluate(
        """(selector) => {
            const img = document.querySelector(selector);
            const canvas = document.createElement('canvas');
            canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
            const context = canvas.getContext('2d');
            context.drawImage(img, 0, 0);
            return Array.from(context.getImageData(canvas.width / 2, canvas.height / 2, 1, 1).data.slice(0, 3));
        }""",
        selector,
    )


def upload(page, path):
    page.locator("input[name=photo]").set_input_files(str(path))
    page.get_by_role("button", name="Enregistrer la photo").click()
    page.wait_for_load_state()


def test_a_replaced_photo_shows_at_once(phone, live_server, resident, home_page, tmp_path):
    cv = CV.objects.create(owner=resident, data={"basics": {"name": "Zoé"}})
    log_in(phone, live_server, resident.username, PASSWORD)
    phone.goto(f"{live_server.url}/mon-cv/{cv.pk}/identite/")
    upload(phone, picture(tmp_path / "red.jpg", (220, 20, 20)))
    expect(phone.get_by_text("La photo est enregistrée")).to_be_visible()
    first_src = phone.get_attribute("#cv-preview img.cv-photo", "src")
    red = shown_color(phone, "#cv-preview img.cv-photo")
    assert red[0] > 150 and red[2] < 100

    upload(phone, picture(tmp_path / "blue.jpg", (20, 20, 220)))
    second_src = phone.get_attribute("#cv-preview img.cv-photo", "src")
    assert second_src != first_src
    for selector in ("#cv-preview img.cv-photo", "img[alt='Votre photo actuelle']"):
        blue = shown_color(phone, selector)
        assert blue[2] > 150 and blue[0] < 100, (selector, blue)


def test_a_photo_over_the_server_limit_is_made_smaller_in_the_browser(
    phone, live_server, resident, home_page, tmp_path
):
    from cv_builder.forms import MAX_PHOTO_BYTES

    path = tmp_path / "big.png"
    Image.frombytes("RGB", (3000, 3000), os.urandom(3000 * 3000 * 3)).save(path, format="PNG")
    assert path.stat().st_size > MAX_PHOTO_BYTES
    cv = CV.objects.create(owner=resident, data={"basics": {"name": "Zoé"}})
    log_in(phone, live_server, resident.username, PASSWORD)
    phone.goto(f"{live_server.url}/mon-cv/{cv.pk}/identite/")
    phone.locator("input[name=photo]").set_input_files(str(path))
    expect(phone.locator(".cv-photo-note")).to_contain_text("réduite")
    phone.get_by_role("button", name="Enregistrer la photo").click()
    expect(phone.get_by_text("La photo est enregistrée")).to_be_visible()
    cv.refresh_from_db()
    with cv.photo.open("rb") as handle:
        assert max(Image.open(io.BytesIO(handle.read())).size) <= 800
