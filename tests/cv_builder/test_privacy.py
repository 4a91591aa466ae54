"""Only the owner, and staff of a centre the owner shared the CV with, reach a CV. Everyone else: 404."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cv_builder.models import CV, CentreShare, ShareLink

from .helpers import section_post, section_url

pytestmark = pytest.mark.django_db


def cv_urls(cv, history_id, link_id, share_id):
    """(method, url) of every URL that shows or changes a CV."""
    urls = [
        ("get", reverse("cv_builder:detail", args=[cv.pk])),
        ("get", section_url(cv, "identite")),
        ("get", section_url(cv, "experience")),
        ("post", section_url(cv, "emploi-recherche")),
        ("get", reverse("cv_builder:preview", args=[cv.pk])),
        ("get", reverse("cv_builder:pdf", args=[cv.pk])),
        ("get", reverse("cv_builder:json", args=[cv.pk])),
        ("get", reverse("cv_builder:photo", args=[cv.pk])),
        ("post", reverse("cv_builder:photo", args=[cv.pk])),
        ("get", reverse("cv_builder:history", args=[cv.pk])),
        ("get", reverse("cv_builder:history_version", args=[cv.pk, history_id])),
        ("post", reverse("cv_builder:history_restore", args=[cv.pk, history_id])),
    ]
    return urls + owner_only_urls(cv, link_id, share_id)


def owner_only_urls(cv, link_id, share_id):
    return [
        ("get", reverse("cv_builder:share", args=[cv.pk])),
        ("post", reverse("cv_builder:share", args=[cv.pk])),
        ("post", reverse("cv_builder:link_revoke", args=[cv.pk, link_id])),
        ("post", reverse("cv_builder:centre_unshare", args=[cv.pk, share_id])),
        ("get", reverse("cv_builder:delete", args=[cv.pk])),
        ("post", reverse("cv_builder:delete", args=[cv.pk])),
        ("post", reverse("cv_builder:copy", args=[cv.pk])),
        ("post", reverse("cv_builder:settings", args=[cv.pk])),
    ]


@pytest.fixture
def setup(cv, centre_a):
    share = CentreShare.objects.create(cv=cv, centre=centre_a, shared_by=cv.owner)  # the owner's own share: view
    link = ShareLink.objects.create(cv=cv, expires_at=timezone.now() + timedelta(days=3))
    history_id = cv.history.first().history_id
    return cv, history_id, link.pk, share.pk


def assert_all_404(client, urls, cv):
    before = CV.objects.get(pk=cv.pk)
    for method, url in urls:
        data = section_post(before.version, main={"label": "Pirate", "summary": ""}) if method == "post" else None
        response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
        assert response.status_code == 404, (method, url, response.status_code)
    after = CV.objects.get(pk=cv.pk)
    assert after.data == before.data and after.version == before.version and after.deleted_at is None
    assert CV.objects.count() == 1
    assert after.share_links.get().revoked_at is None and after.centre_shares.count() == 1


def test_other_user_gets_404_everywhere(client, setup, other_resident):
    cv, *ids = setup
    client.force_login(other_resident)
    assert_all_404(client, cv_urls(cv, *ids), cv)


def test_anonymous_gets_404_everywhere(client, setup):
    cv, *ids = setup
    assert_all_404(client, cv_urls(cv, *ids), cv)


def test_staff_of_another_centre_gets_404_everywhere(client, setup, staff_b):
    cv, *ids = setup
    client.force_login(staff_b)
    assert_all_404(client, cv_urls(cv, *ids), cv)


def test_staff_of_shared_centre_views_but_cannot_manage_sharing(client, setup, staff_a):
    cv, history_id, link_id, share_id = setup
    client.force_login(staff_a)
    for url in [
        reverse("cv_builder:detail", args=[cv.pk]),
        reverse("cv_builder:json", args=[cv.pk]),
        reverse("cv_builder:history", args=[cv.pk]),
        section_url(cv, "experience"),
    ]:
        assert client.get(url).status_code == 200, url
    assert_all_404(client, owner_only_urls(cv, link_id, share_id), cv)


def test_owner_reaches_everything(owner_client, setup):
    cv, *_ids = setup
    for url in [
        reverse("cv_builder:detail", args=[cv.pk]),
        reverse("cv_builder:share", args=[cv.pk]),
        reverse("cv_builder:history", args=[cv.pk]),
        reverse("cv_builder:pdf", args=[cv.pk]),
    ]:
        assert owner_client.get(url).status_code == 200, url


def test_staff_loses_access_when_owner_stops_sharing(client, owner_client, setup, staff_a):
    cv, _history_id, _link_id, share_id = setup
    response = owner_client.post(reverse("cv_builder:centre_unshare", args=[cv.pk, share_id]))
    assert response.status_code == 302
    client.force_login(staff_a)
    assert client.get(reverse("cv_builder:detail", args=[cv.pk])).status_code == 404


def test_cv_in_bin_is_hidden_even_from_owner_editor(owner_client, cv):
    cv.deleted_at = timezone.now()
    cv.save()
    assert owner_client.get(reverse("cv_builder:detail", args=[cv.pk])).status_code == 404
    assert owner_client.get(reverse("cv_builder:pdf", args=[cv.pk])).status_code == 404


def test_list_needs_login_and_shows_only_mine(client, cv, other_resident):
    assert client.get(reverse("cv_builder:list")).status_code == 302
    client.force_login(other_resident)
    response = client.get(reverse("cv_builder:list"))
    assert response.status_code == 200
    assert reverse("cv_builder:detail", args=[cv.pk]) not in response.content.decode()
    client.force_login(cv.owner)
    assert reverse("cv_builder:detail", args=[cv.pk]) in client.get(reverse("cv_builder:list")).content.decode()
