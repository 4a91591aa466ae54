"""Version history and restore; the bin (30 days), restore from it, and the purge command."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from cv_builder.models import CV

from .helpers import section_post, section_url

pytestmark = pytest.mark.django_db


def test_history_lists_versions_and_restore_makes_a_new_version(owner_client, cv):
    original_label = cv.data["basics"]["label"]
    for label in ("Cuisinier", "Plongeur"):
        cv.refresh_from_db()
        owner_client.post(section_url(cv, "emploi-recherche"), section_post(cv.version, main={"label": label}))
        # A pause of more than ten minutes between the two: two editing sessions, two versions.
        cv.history.update(history_date=F("history_date") - timedelta(minutes=11))
    cv.refresh_from_db()
    assert cv.data["basics"]["label"] == "Plongeur" and cv.version == 3
    records = list(cv.history.order_by("history_date"))
    assert len(records) == 3
    page = owner_client.get(reverse("cv_builder:history", args=[cv.pk])).content.decode()
    assert "Versions précédentes" in page and "Samia" in page  # the author's name
    first = records[0]
    version_page = owner_client.get(reverse("cv_builder:history_version", args=[cv.pk, first.history_id]))
    assert original_label.replace("'", "&#x27;") in version_page.content.decode()

    response = owner_client.post(
        reverse("cv_builder:history_restore", args=[cv.pk, first.history_id]), {"scope": "all"}
    )
    assert response.status_code == 302
    cv.refresh_from_db()
    assert cv.data["basics"]["label"] == original_label
    assert cv.version == 4
    assert cv.history.count() == 4  # the restore is itself a new version, nothing erased
    assert cv.history.order_by("-history_date").first().history_change_reason.startswith("Restauration")


def test_restore_an_unknown_or_foreign_version_is_404(owner_client, cv, other_resident):
    other = CV.objects.create(owner=other_resident)
    foreign = other.history.first().history_id
    assert owner_client.post(reverse("cv_builder:history_restore", args=[cv.pk, foreign])).status_code == 404
    assert owner_client.post(reverse("cv_builder:history_restore", args=[cv.pk, 999999])).status_code == 404


def test_delete_goes_to_bin_and_can_be_restored(owner_client, cv):
    response = owner_client.post(reverse("cv_builder:delete", args=[cv.pk]))
    assert response.status_code == 302
    cv.refresh_from_db()
    assert cv.deleted_at is not None
    assert (
        reverse("cv_builder:detail", args=[cv.pk]) not in owner_client.get(reverse("cv_builder:list")).content.decode()
    )
    bin_page = owner_client.get(reverse("cv_builder:bin")).content.decode()
    assert "Mon CV" in bin_page and "Effacé le" in bin_page
    owner_client.post(reverse("cv_builder:restore", args=[cv.pk]))
    cv.refresh_from_db()
    assert cv.deleted_at is None and cv.data["basics"]["name"] == "Samia Benaïssa"


def test_other_users_cannot_restore_or_erase_from_my_bin(client, cv, other_resident):
    cv.deleted_at = timezone.now()
    cv.save()
    client.force_login(other_resident)
    assert client.post(reverse("cv_builder:restore", args=[cv.pk])).status_code == 404
    assert client.post(reverse("cv_builder:erase", args=[cv.pk])).status_code == 404
    assert CV.objects.filter(pk=cv.pk, deleted_at__isnull=False).exists()


def test_purge_command_erases_cvs_older_than_30_days_only(resident):
    now = timezone.now()
    old = CV.objects.create(owner=resident, title="vieux", deleted_at=now - timedelta(days=31))
    old.photo.save("p.jpg", ContentFile(b"fake"), save=True)
    photo_name = old.photo.name
    recent = CV.objects.create(owner=resident, title="récent", deleted_at=now - timedelta(days=29))
    alive = CV.objects.create(owner=resident, title="vivant")
    out = StringIO()
    call_command("purge_cv_bin", "--dry-run", stdout=out)
    assert "1 CV à effacer" in out.getvalue() and CV.objects.filter(pk=old.pk).exists()
    call_command("purge_cv_bin", stdout=out)
    assert not CV.objects.filter(pk=old.pk).exists()
    assert not CV.history.filter(id=old.pk).exists()  # history erased too
    assert not default_storage.exists(photo_name)
    assert set(CV.objects.values_list("pk", flat=True)) == {recent.pk, alive.pk}


def test_copy_makes_an_independent_cv(owner_client, cv, resident):
    response = owner_client.post(reverse("cv_builder:copy", args=[cv.pk]))
    copy = CV.objects.exclude(pk=cv.pk).get(owner=resident)
    assert response["Location"] == reverse("cv_builder:detail", args=[copy.pk])
    assert copy.data == cv.data and copy.title == "Copie de Mon CV"
