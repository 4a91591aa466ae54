"""The one image check (home/images.py) on its three paths: CV photos, proposal photos, Wagtail's library."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

from cv_builder.models import CV
from participation.models import Proposal
from tests.image_files import jpeg_with_gps, png_bomb, png_bytes, truncated_png
from tests.participation.conftest import make_workshop

pytestmark = pytest.mark.django_db


def upload(name, content, content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def cv(resident):
    return CV.objects.create(owner=resident, title="Mon CV", data={"basics": {"name": "Samia"}})


@pytest.fixture
def proposals_workshop(centre_a):
    return make_workshop(centre_a, "proposals")


def post_cv_photo(client, cv, content, name="moi.png"):
    return client.post(reverse("cv_builder:photo", args=[cv.pk]), {"photo": upload(name, content)})


def post_proposal(client, workshop, content, name="photo.png"):
    data = {"title": "Un banc", "description": "Au square", "photo": upload(name, content), "photo_alt": "Un banc"}
    return client.post(f"/participer/atelier/{workshop.pk}/proposer/", data)


def test_a_20_kb_png_of_12000_by_12000_pixels_is_refused_as_a_cv_photo(client, resident, cv):
    bomb = png_bomb(12000, 12000)
    assert len(bomb) < 30_000
    client.force_login(resident)
    response = post_cv_photo(client, cv, bomb)
    assert response.status_code == 400
    assert "Cette image a trop de pixels (12000 × 12000, 40 millions au plus)" in response.text
    cv.refresh_from_db()
    assert not cv.photo and cv.version == 1


def test_a_400_megapixel_png_is_refused_at_the_header(client, resident, cv):
    client.force_login(resident)
    response = post_cv_photo(client, cv, png_bomb(20000, 20000))
    assert response.status_code == 400
    assert "Cette image a trop de pixels" in response.text and "40 millions au plus" in response.text
    cv.refresh_from_db()
    assert not cv.photo


def test_a_144_megapixel_png_is_refused_as_a_proposal_photo(client, resident, proposals_workshop):
    client.force_login(resident)
    response = post_proposal(client, proposals_workshop, png_bomb(12000, 12000))
    assert response.status_code == 400
    assert "Cette image a trop de pixels (12000 × 12000" in response.text
    assert "Un banc" in response.text  # what was typed is kept in the form
    assert not Proposal.objects.exists()


def test_a_truncated_png_is_refused_with_a_plain_message_on_each_path(client, resident, cv, proposals_workshop):
    client.force_login(resident)
    response = post_cv_photo(client, cv, truncated_png())
    assert response.status_code == 400
    assert "Cette image est abîmée ou incomplète" in response.text
    response = post_proposal(client, proposals_workshop, truncated_png())
    assert response.status_code == 400
    assert "Cette image est abîmée ou incomplète" in response.text
    assert not Proposal.objects.exists()


def test_a_proposal_photo_is_re_encoded_smaller_upright_and_without_its_gps_position(
    client, resident, proposals_workshop
):
    client.force_login(resident)
    response = post_proposal(client, proposals_workshop, jpeg_with_gps((2400, 1800)), name="square.jpg")
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    with proposal.photo.open("rb") as handle, Image.open(handle) as image:
        assert image.format == "JPEG"
        assert image.size == (1200, 1600)  # turned upright (EXIF orientation 6), then fitted in 1600 px
        exif = image.getexif()
        assert not exif.get_ifd(0x8825) and 0x010F not in exif and 0x0112 not in exif


def test_a_cv_photo_loses_its_metadata(client, resident, cv):
    client.force_login(resident)
    assert post_cv_photo(client, cv, jpeg_with_gps((900, 600)), name="moi.jpg").status_code == 302
    cv.refresh_from_db()
    with cv.photo.open("rb") as handle, Image.open(handle) as image:
        assert image.size == (533, 800)  # upright (600 × 900), then fitted in 600 × 800
        assert not image.getexif().get_ifd(0x8825)


@pytest.mark.parametrize(
    ("name", "build", "accepted"),
    [
        ("anim.gif", lambda: png_to("GIF"), True),
        ("photo.webp", lambda: png_to("WEBP"), True),
        ("image.bmp", lambda: png_to("BMP"), False),
        ("image.tiff", lambda: png_to("TIFF"), False),
    ],
)
def test_proposal_photo_formats_follow_the_allow_list(client, resident, proposals_workshop, name, build, accepted):
    client.force_login(resident)
    response = post_proposal(client, proposals_workshop, build(), name=name)
    assert (response.status_code == 302) is accepted
    if not accepted:
        assert "Ce fichier n’est pas une image acceptée par le site" in response.text
    assert Proposal.objects.exists() is accepted


def png_to(image_format):
    buffer = io.BytesIO()
    Image.open(io.BytesIO(png_bytes())).save(buffer, image_format)
    return buffer.getvalue()


# --- Wagtail's image library -------------------------------------------------------------------------
def add_to_library(client, content, name="photo.png"):
    return client.post(reverse("wagtailimages:add"), {"title": "Photo", "file": upload(name, content)})


def test_a_truncated_png_in_the_image_library_gets_a_french_error_not_a_500(client, superuser):
    client.force_login(superuser)
    response = add_to_library(client, truncated_png())
    assert response.status_code == 200  # the form again, with its error
    assert "Cette image est abîmée ou incomplète" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_the_image_library_has_the_same_pixel_limit(client, superuser, settings):
    client.force_login(superuser)
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    response = add_to_library(client, png_bomb(12000, 12000))
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    response = add_to_library(client, png_bytes((640, 480)))
    assert response.status_code == 302
    assert get_image_model().objects.get().width == 640
