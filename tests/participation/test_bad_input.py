"""Bad input gets a clear French message and a 4xx, never a 500; nothing typed is lost."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from participation.models import Proposal

from .conftest import make_workshop


@pytest.fixture
def proposals_workshop(centre_a):
    return make_workshop(centre_a, "proposals")


def submit(client, workshop, **data):
    return client.post(f"/participer/atelier/{workshop.pk}/proposer/", data)


def png_bytes(size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, "PNG")
    return buffer.getvalue()


def test_anonymous_is_sent_to_log_in(client, proposals_workshop):
    response = client.get(f"/participer/atelier/{proposals_workshop.pk}/proposer/")
    assert response.status_code == 302 and "/compte/login/" in response["Location"]


def test_empty_title(client, resident, proposals_workshop):
    client.force_login(resident)
    response = submit(client, proposals_workshop, title="   ", description="Une belle idée")
    assert response.status_code == 400
    assert "Donnez un titre à votre idée." in response.text
    assert "Une belle idée" in response.text  # nothing typed is lost
    assert 'aria-invalid="true"' in response.text
    assert not Proposal.objects.exists()


def test_oversized_title_and_description(client, resident, proposals_workshop):
    client.force_login(resident)
    response = submit(client, proposals_workshop, title="x" * 121, description="y" * 2001)
    assert response.status_code == 400
    assert "au plus 120 caractères" in response.text
    assert "au plus 2000 caractères" in response.text
    assert not Proposal.objects.exists()


def test_non_image_upload(client, resident, proposals_workshop):
    client.force_login(resident)
    fake = SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not an image at all", content_type="image/jpeg")
    response = submit(client, proposals_workshop, title="Un banc", description="Au square", photo=fake)
    assert response.status_code == 400
    assert "Ce fichier n’est pas une image acceptée par le site." in response.text
    assert not Proposal.objects.exists()


def test_real_photo_is_accepted(client, resident, proposals_workshop):
    client.force_login(resident)
    photo = SimpleUploadedFile("banc.png", png_bytes(), content_type="image/png")
    response = submit(
        client, proposals_workshop, title="Un banc", description="Au square", photo=photo, photo_alt="Un banc"
    )
    assert response.status_code == 302
    assert Proposal.objects.get().photo.name.endswith(".jpg")  # re-encoded, metadata dropped


def test_a_40_mb_image_is_refused_with_a_clear_message(client, resident, proposals_workshop):
    client.force_login(resident)
    big = SimpleUploadedFile("enorme.png", png_bytes() + b"\0" * (40 * 1024 * 1024), content_type="image/png")
    response = submit(client, proposals_workshop, title="Un banc", description="Au square", photo=big)
    assert response.status_code == 413
    assert "trop lourd" in response.text
    assert not Proposal.objects.exists()


def test_a_9_mb_image_is_refused_by_the_form_keeping_the_text(client, resident, proposals_workshop):
    client.force_login(resident)
    big = SimpleUploadedFile("grosse.png", png_bytes() + b"\0" * (9 * 1024 * 1024), content_type="image/png")
    response = submit(client, proposals_workshop, title="Un banc", description="Au square", photo=big)
    assert response.status_code == 400
    assert "Cette image est trop lourde (8 Mo au plus)." in response.text
    assert "Au square" in response.text


def test_unknown_workshop_and_proposal_are_404(client, resident):
    client.force_login(resident)
    assert client.get("/participer/atelier/999999/proposer/").status_code == 404
    assert client.post("/participer/atelier/999999/soutenir/1/").status_code == 404
    assert client.get("/participer/proposition/XXX-2026-0001/").status_code == 404
    assert client.get("/participer/atelier/999999/resultats/").status_code == 404


def test_unpublished_workshop_is_404(client, resident, centre_a):
    workshop = make_workshop(centre_a, "voting")
    workshop.unpublish()
    assert client.get(f"/participer/atelier/{workshop.pk}/code/").status_code == 404
    client.force_login(resident)
    assert client.get(f"/participer/atelier/{workshop.pk}/proposer/").status_code == 404


def test_code_field_too_long_or_empty(client, voting_workshop):
    response = client.post(f"/participer/atelier/{voting_workshop.pk}/code/", {"code": "A" * 500})
    assert response.status_code == 400
    response = client.post(f"/participer/atelier/{voting_workshop.pk}/code/", {})
    assert response.status_code == 400
    assert "Champ requis." in response.text


def test_admin_bad_inputs(client, staff_a, voting_workshop):
    client.force_login(staff_a)
    response = client.post(f"/admin/participation/atelier/{voting_workshop.pk}/codes/", {"count": 100000})
    assert response.status_code == 302
    response = client.post(
        f"/admin/participation/atelier/{voting_workshop.pk}/bulletins-papier/", {"session_date": "pas une date"}
    )
    assert response.status_code == 400
    assert (
        client.get(f"/admin/participation/atelier/{voting_workshop.pk}/bulletins-papier/?session=xx").status_code == 200
    )
    assert client.get("/admin/participation/proposition/999999/").status_code == 404
