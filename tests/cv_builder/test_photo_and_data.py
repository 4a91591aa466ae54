"""Photo upload (limits), personal data export/erase, demo content, query counts."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from PIL import Image

from accounts.consent import Task
from accounts.personal_data import erase_all, export_all
from cv_builder.models import CV, CentreShare
from tests.consent_helpers import give_consent

from .helpers import section_url

pytestmark = pytest.mark.django_db


def png_file(size=(800, 1000), name="moi.png"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_photo_upload_is_resized_served_privately_and_removable(owner_client, cv, other_resident):
    response = owner_client.post(reverse("cv_builder:photo", args=[cv.pk]), {"photo": png_file()})
    assert response.status_code == 302
    cv.refresh_from_db()
    assert cv.photo.name.startswith("cv/photos/") and cv.photo.name.endswith(".jpg")
    with cv.photo.open("rb") as handle, Image.open(handle) as image:
        assert image.format == "JPEG" and max(image.size) <= 800
    served = owner_client.get(reverse("cv_builder:photo", args=[cv.pk]))
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    other = Client()
    other.force_login(other_resident)
    assert other.get(reverse("cv_builder:photo", args=[cv.pk])).status_code == 404
    assert reverse("cv_builder:photo", args=[cv.pk]) in owner_client.get(section_url(cv, "identite")).content.decode()
    old_name = cv.photo.name
    owner_client.post(reverse("cv_builder:photo", args=[cv.pk]), {"remove": "on"})
    cv.refresh_from_db()
    assert not cv.photo and not cv.photo.storage.exists(old_name)


def test_thirty_megabyte_photo_is_refused_and_nothing_lost(owner_client, cv):
    owner_client.post(reverse("cv_builder:photo", args=[cv.pk]), {"photo": png_file(size=(50, 50))})
    cv.refresh_from_db()
    kept = cv.photo.name
    huge = SimpleUploadedFile("grosse.jpg", b"\xff\xd8\xff" + b"0" * (30 * 1024 * 1024), content_type="image/jpeg")
    response = owner_client.post(reverse("cv_builder:photo", args=[cv.pk]), {"photo": huge})
    assert response.status_code == 400
    assert "Cette image est trop lourde (20 Mo au plus)" in response.content.decode()
    cv.refresh_from_db()
    assert cv.photo.name == kept and cv.data["basics"]["name"] == "Samia Benaïssa"


def test_non_image_photo_is_refused(owner_client, cv):
    fake = SimpleUploadedFile("cv.pdf", b"%PDF-1.4 not a picture", content_type="image/jpeg")
    response = owner_client.post(reverse("cv_builder:photo", args=[cv.pk]), {"photo": fake})
    assert response.status_code == 400
    assert "Ce fichier n’est pas une image acceptée par le site" in response.content.decode()
    cv.refresh_from_db()
    assert not cv.photo


def test_photo_upload_does_not_overwrite_a_concurrent_section_save(owner_client, cv):
    # The photo view saves only the photo column: text saved meanwhile by another tab stays.
    CV.objects.filter(pk=cv.pk).update(data={**cv.data, "interests": [{"name": "Saved elsewhere"}]})
    owner_client.post(reverse("cv_builder:photo", args=[cv.pk]), {"photo": png_file(size=(40, 40))})
    assert CV.objects.get(pk=cv.pk).data["interests"] == [{"name": "Saved elsewhere"}]


def test_personal_data_export_and_erase(cv, resident, other_resident, centre_a):
    CentreShare.objects.create(cv=cv, centre=centre_a)
    other = CV.objects.create(owner=other_resident)
    exported = json.loads(json.dumps(export_all(resident)))["cv_builder"]
    assert exported[0]["resume"]["basics"]["name"] == "Samia Benaïssa"
    erase_all(resident)
    assert not CV.objects.filter(owner=resident).exists()
    assert not CV.history.filter(owner_id=resident.pk).exists()
    assert CV.objects.filter(pk=other.pk).exists()


def test_demo_seed_is_idempotent_and_prints_login(centre_a):
    from cv_builder import demo

    lines = demo.seed(None)
    assert any("demo-cv" in line and demo.PASSWORD in line for line in lines)
    cv = CV.objects.get(owner__username="demo-cv")
    assert cv.centre_shares.get().centre == centre_a
    counts = (CV.objects.count(), CV.history.count(), CentreShare.objects.count())
    demo.seed(None)
    assert (CV.objects.count(), CV.history.count(), CentreShare.objects.count()) == counts


def test_seed_demo_command_runs(home_page, settings):
    from io import StringIO

    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "demo-cv" in out.getvalue()


# Session, user, the page's own rows, then the base template (site, settings, staff check, user bar).
# The same bound holds at both data sizes (one query less when sessions are cached in Redis).
LIST_QUERIES = 10  # with the letters of every CV, in one prefetch query
EDITOR_QUERIES = 7
STAFF_EDITOR_QUERIES = 11


def make_cvs(owner, count):
    for index in range(count):
        CV.objects.create(owner=owner, title=f"CV {index}")


@pytest.mark.parametrize("count", [1, 12])
def test_cv_list_query_count_is_constant(owner_client, resident, django_assert_max_num_queries, count):
    make_cvs(resident, count)
    owner_client.get(reverse("cv_builder:list"))  # warm-up: the site settings row is created on first use
    with django_assert_max_num_queries(LIST_QUERIES):
        response = owner_client.get(reverse("cv_builder:list"))
    assert response.content.decode().count("Ouvrir") == count


@pytest.mark.parametrize("entries", [1, 25])
def test_editor_query_count_is_constant(owner_client, cv, django_assert_max_num_queries, entries):
    cv.data["work"] = [{"position": f"Poste {index}", "startDate": "2020"} for index in range(entries)]
    cv.save()
    owner_client.get(section_url(cv, "experience"))
    with django_assert_max_num_queries(EDITOR_QUERIES):
        owner_client.get(section_url(cv, "experience"))


@pytest.mark.parametrize("shares", [1, 6])
def test_staff_editor_query_count_is_constant(
    client, cv, staff_a, centre_a, centre_b, django_assert_max_num_queries, shares, home_page
):
    from tests.conftest import make_centre

    for index in range(shares - 1):
        CentreShare.objects.create(cv=cv, centre=make_centre(home_page, f"c{index}", f"C{index}", f"C{index}"))
    CentreShare.objects.create(cv=cv, centre=centre_a, shared_by=cv.owner)  # the staff's own centre comes last
    give_consent(cv.owner, centre_a, Task.CV_HELP)
    client.force_login(staff_a)
    client.get(section_url(cv, "experience"))
    with django_assert_max_num_queries(STAFF_EDITOR_QUERIES):
        assert client.get(section_url(cv, "experience")).status_code == 200
