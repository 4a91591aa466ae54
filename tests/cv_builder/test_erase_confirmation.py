"""Erasing a CV for good from the bin asks first, saying what will be lost."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from cv_builder.models import CV, CentreShare, ShareLink

from .test_pdf import jpeg_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def binned(cv, centre_a):
    cv.photo.save("photo.jpg", ContentFile(jpeg_bytes()), save=False)
    cv.deleted_at = timezone.now()
    cv.save()
    ShareLink.objects.create(cv=cv, expires_at=timezone.now() + timedelta(days=7))
    CentreShare.objects.create(cv=cv, centre=centre_a)
    return cv


def test_erase_in_the_bin_is_a_link_to_a_confirmation_apart_from_restore(owner_client, binned):
    page = owner_client.get(reverse("cv_builder:bin")).content.decode()
    erase_url = reverse("cv_builder:erase", args=[binned.pk])
    assert f'action="{erase_url}"' not in page  # no one-tap erase form in the bin
    assert f'href="{erase_url}"' in page
    assert page.index("Restaurer") < page.index("cv-danger-zone")


def test_confirmation_page_says_what_will_be_lost_and_erases_only_when_confirmed(owner_client, binned, centre_a):
    url = reverse("cv_builder:erase", args=[binned.pk])
    versions = binned.history.count()
    page = owner_client.get(url)
    text = page.content.decode()
    assert page.status_code == 200
    assert "Effacer « Mon CV » pour de bon" in text
    assert f"son historique ({versions} versions)" in text
    assert "sa photo" in text and "1 lien de partage" in text and centre_a.title in text
    assert "Non, restaurer ce CV" in text

    # A POST without the confirmation (an old form, a double tap elsewhere) erases nothing.
    assert owner_client.post(url).status_code == 400
    assert CV.objects.filter(pk=binned.pk).exists()

    photo_name = binned.photo.name
    response = owner_client.post(url, {"confirm": "erase"})
    assert response.status_code == 302
    assert not CV.objects.filter(pk=binned.pk).exists()
    assert not CV.history.filter(id=binned.pk).exists()
    assert not binned.photo.storage.exists(photo_name)


def test_confirmation_page_of_someone_elses_cv_is_not_found(client, binned, other_resident):
    client.force_login(other_resident)
    assert client.get(reverse("cv_builder:erase", args=[binned.pk])).status_code == 404
    assert client.post(reverse("cv_builder:erase", args=[binned.pk]), {"confirm": "erase"}).status_code == 404
    assert CV.objects.filter(pk=binned.pk).exists()
