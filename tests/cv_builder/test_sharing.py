"""Read-only share links (expiry, revocation, noindex) and sharing with a centre's staff."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from accounts.consent import Task
from cv_builder.models import CV, CentreShare, ShareLink
from tests.consent_helpers import give_consent

from .helpers import section_post, section_url

pytestmark = pytest.mark.django_db


def create_link(owner_client, cv, days=7):
    response = owner_client.post(
        reverse("cv_builder:share", args=[cv.pk]), {"action": "link", "days": days, "label": "Conseillère"}
    )
    assert response.status_code == 302
    return cv.share_links.get()


def test_owner_creates_a_link_anyone_can_read_not_indexed(owner_client, client, cv):
    link = create_link(owner_client, cv)
    assert len(link.token) >= 40
    assert link.expires_at - timezone.now() > timedelta(days=6)
    page = owner_client.get(reverse("cv_builder:share", args=[cv.pk])).content.decode()
    assert f"http://testserver/mon-cv/partage/{link.token}/" in page
    response = client.get(reverse("cv_builder:shared", args=[link.token]))  # anonymous visitor
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in body
    assert "Samia Benaïssa" in body
    assert "<form" not in body.split("<main", 1)[1]  # read-only
    pdf = client.get(reverse("cv_builder:shared_pdf", args=[link.token]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_expired_link_shows_a_clear_page_not_the_cv(owner_client, client, cv):
    link = create_link(owner_client, cv, days=7)
    later = timezone.now() + timedelta(days=8)
    with mock.patch("django.utils.timezone.now", return_value=later):
        response = client.get(reverse("cv_builder:shared", args=[link.token]))
        pdf = client.get(reverse("cv_builder:shared_pdf", args=[link.token]))
    assert response.status_code == 410 and pdf.status_code == 410
    body = response.content.decode()
    assert "Ce lien a expiré" in body and "Samia" not in body
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_revoked_link_shows_a_clear_page(owner_client, client, cv):
    link = create_link(owner_client, cv)
    owner_client.post(reverse("cv_builder:link_revoke", args=[cv.pk, link.pk]))
    response = client.get(reverse("cv_builder:shared", args=[link.token]))
    assert response.status_code == 410
    assert "Ce lien a été arrêté" in response.content.decode() and "Samia" not in response.content.decode()


def test_unknown_token_and_deleted_cv(client, cv):
    assert client.get(reverse("cv_builder:shared", args=["nope"])).status_code == 404
    link = ShareLink.objects.create(cv=cv, expires_at=timezone.now() + timedelta(days=1))
    cv.deleted_at = timezone.now()
    cv.save()
    response = client.get(reverse("cv_builder:shared", args=[link.token]))
    assert response.status_code == 410 and "Samia" not in response.content.decode()


def test_shared_photo_only_through_a_valid_link(client, cv):
    link = ShareLink.objects.create(cv=cv, expires_at=timezone.now() + timedelta(days=1))
    assert client.get(reverse("cv_builder:shared_photo", args=[link.token])).status_code == 404  # no photo


def test_owner_shares_with_a_centre_whose_staff_can_edit(owner_client, client, cv, centre_a, staff_a, staff_b):
    response = owner_client.post(reverse("cv_builder:share", args=[cv.pk]), {"action": "centre", "centre": centre_a.pk})
    assert response.status_code == 302
    assert CentreShare.objects.filter(cv=cv, centre=centre_a).exists()
    client.force_login(staff_a)
    page = client.get(reverse("cv_builder:detail", args=[cv.pk])).content.decode()
    assert "Vous aidez Samia" in page
    data = section_post(cv.version, entries=[{"name": "Couture"}])
    # The owner's share lets staff read; changing it needs the owner's consent for help with the CV.
    assert client.post(section_url(cv, "centres-interet"), data).status_code == 404
    assert CV.objects.get(pk=cv.pk).data["interests"] != [{"name": "Couture"}]
    give_consent(cv.owner, centre_a, Task.CV_HELP)
    assert client.post(section_url(cv, "centres-interet"), data).status_code == 302
    assert CV.objects.get(pk=cv.pk).data["interests"] == [{"name": "Couture"}]
    client.force_login(staff_b)
    assert client.get(reverse("cv_builder:detail", args=[cv.pk])).status_code == 404


def test_share_with_unknown_centre_is_refused(owner_client, cv):
    response = owner_client.post(reverse("cv_builder:share", args=[cv.pk]), {"action": "centre", "centre": 999})
    assert response.status_code == 400
    assert not cv.centre_shares.exists()


def test_staff_starts_a_cv_for_an_assisted_account(client, staff_a, centre_a, staff_b):
    person = get_user_model().objects.create_user(
        username="nadia59", password="x-temporaire-1", first_name="Nadia", last_name="Roussel", created_by=staff_a
    )
    give_consent(person, centre_a, Task.CV_HELP)
    client.force_login(staff_a)
    page = client.get(reverse("cv_builder:staff")).content.decode()
    assert "CV accompagnés" in page and "nadia59" in page and "Commencer un CV" in page
    response = client.post(reverse("cv_builder:staff_start"), {"person": person.pk, "centre": centre_a.pk})
    cv = CV.objects.get(owner=person)
    assert response["Location"] == section_url(cv, "identite")
    assert cv.data["basics"]["name"] == "Nadia Roussel"
    assert list(cv.centre_shares.values_list("centre_id", flat=True)) == [centre_a.pk]
    assert cv.history.first().history_user == staff_a
    assert client.get(section_url(cv, "identite")).status_code == 200
    assert "Nadia Roussel" in client.get(reverse("cv_builder:staff")).content.decode()
    # Search by username works too; another centre's staff cannot start a CV for my centre.
    assert "nadia59" in client.get(reverse("cv_builder:staff") + "?q=NADIA59").content.decode()
    client.force_login(staff_b)
    assert (
        client.post(reverse("cv_builder:staff_start"), {"person": person.pk, "centre": centre_a.pk}).status_code == 400
    )
    assert CV.objects.filter(owner=person).count() == 1


def test_staff_page_is_404_for_non_staff(client, resident):
    client.force_login(resident)
    assert client.get(reverse("cv_builder:staff")).status_code == 404
    assert client.post(reverse("cv_builder:staff_start"), {"person": resident.pk}).status_code == 404
    client.logout()
    assert client.get(reverse("cv_builder:staff")).status_code == 404


def test_admin_menu_item_for_staff_only(client, staff_a, superuser):
    client.force_login(staff_a)
    page = client.get("/admin/").content.decode()
    assert "cv-accompagnes" in page and "/mon-cv/accompagnement/" in page
