"""Media on the local disk and on an S3-compatible bucket: public files public, private ones never.

Every test runs twice (filesystem, then moto's local S3 server). On S3 the bucket itself is asked
anonymously, the way a stranger with a guessed or leaked URL would.
"""

import io
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from cv_builder.models import CV

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def png_upload(name="moi.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (400, 500), (10, 120, 200)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def anonymous_fetch(url):
    """(status, body) of a plain GET with no credentials at all."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def is_s3(storage):
    return hasattr(storage, "name_from_url")


def unsigned(url):
    return urlsplit(url)._replace(query="").geturl()


@pytest.fixture
def cv_with_photo(media_storage, client, resident):
    cv = CV.objects.create(owner=resident, title="Mon CV", data={"basics": {"name": "Samia Benaïssa"}})
    client.force_login(resident)
    assert client.post(reverse("cv_builder:photo", args=[cv.pk]), {"photo": png_upload()}).status_code == 302
    cv.refresh_from_db()
    return cv


def test_cv_photo_is_served_to_its_owner_only(media_storage, cv_with_photo, client, other_resident):
    cv = cv_with_photo
    assert media_storage.exists(cv.photo.name) and cv.photo.name.startswith("cv/photos/")
    served = client.get(reverse("cv_builder:photo", args=[cv.pk]))
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    body = b"".join(served.streaming_content)
    with media_storage.open(cv.photo.name, "rb") as stored:
        assert body == stored.read() and body.startswith(b"\xff\xd8")
    other = Client()
    other.force_login(other_resident)
    assert other.get(reverse("cv_builder:photo", args=[cv.pk])).status_code == 404
    assert Client().get(reverse("cv_builder:photo", args=[cv.pk])).status_code in (302, 404)


def test_cv_photo_has_no_public_url(media_storage, cv_with_photo):
    url = cv_with_photo.photo.url
    if is_s3(media_storage):
        assert anonymous_fetch(unsigned(url))[0] == 403  # the object itself grants nobody
        query = parse_qs(urlsplit(url).query)
        assert int(query["X-Amz-Expires"][0]) <= 300  # the app's own URL for it is short-lived
        status, body = anonymous_fetch(url)
        assert status == 200 and body.startswith(b"\xff\xd8")
        grants = media_storage.connection.meta.client.get_object_acl(
            Bucket=media_storage.bucket_name, Key=cv_with_photo.photo.name
        )["Grants"]
        assert all("AllUsers" not in str(grant["Grantee"]) for grant in grants)
    else:
        # On disk the app never serves /media/ itself; the nginx block of docs/operators.md denies cv/ and documents/.
        assert Client().get(url).status_code == 404


def test_cv_pdf_embeds_the_photo_read_from_storage(media_storage, cv_with_photo, client):
    response = client.get(reverse("cv_builder:pdf", args=[cv_with_photo.pk]))
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    assert any(page.images for page in reader.pages)


def test_public_image_has_a_plain_public_url(media_storage):
    from wagtail.images.models import Image as WagtailImage

    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), (200, 40, 40)).save(buffer, format="PNG")
    image = WagtailImage.objects.create(title="Façade", file=ContentFile(buffer.getvalue(), name="facade.png"))
    rendition = image.get_rendition("width-60")
    for url in (image.file.url, rendition.url):
        if is_s3(media_storage):
            assert "X-Amz-" not in url  # plain URL: cacheable, shareable
            status, body = anonymous_fetch(url)
            assert status == 200 and body.startswith(b"\x89PNG")
        else:
            assert url.startswith("/media/")


def test_proposal_photo_path_is_public(media_storage):
    name = media_storage.save("participation/propositions/2026/12/abc.jpg", ContentFile(b"\xff\xd8photo"))
    if is_s3(media_storage):
        assert anonymous_fetch(media_storage.url(name)) == (200, b"\xff\xd8photo")


@pytest.fixture
def document(media_storage):
    from wagtail.documents.models import Document

    return Document.objects.create(title="Compte rendu", file=ContentFile(b"%PDF-1.4 compte rendu", name="cr.pdf"))


def test_document_goes_through_the_permission_checked_view(media_storage, document):
    response = Client().get(document.url)
    if is_s3(media_storage):
        assert response.status_code == 302  # Wagtail checked the collection, then signs a short-lived URL
        assert "X-Amz-Signature" in response["Location"]
        assert anonymous_fetch(response["Location"]) == (200, b"%PDF-1.4 compte rendu")
        assert anonymous_fetch(unsigned(response["Location"]))[0] == 403
    else:
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.4 compte rendu"


def test_document_in_a_restricted_collection_is_refused_before_any_url(media_storage, document):
    from wagtail.models import Collection, CollectionViewRestriction

    staff_only = Collection.get_first_root_node().add_child(name="Équipe")
    CollectionViewRestriction.objects.create(collection=staff_only, restriction_type="login")
    document.collection = staff_only
    document.save()
    response = Client().get(document.url)
    assert response.status_code == 302 and "X-Amz" not in response["Location"]
    assert "/compte/" in response["Location"] or "login" in response["Location"]


def test_two_uploads_with_the_same_name_do_not_overwrite(media_storage):
    first = media_storage.save("documents/cr.pdf", ContentFile(b"un"))
    second = media_storage.save("documents/cr.pdf", ContentFile(b"deux"))
    assert first != second
    with media_storage.open(first) as handle:
        assert handle.read() == b"un"


def test_bucket_settings_come_from_the_environment():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 60,
        "AWS_STORAGE_BUCKET_NAME": "csc-media",
        "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:18799",
        "AWS_S3_CUSTOM_DOMAIN": "media.example.org",
        "AWS_ACCESS_KEY_ID": "k",
        "AWS_SECRET_ACCESS_KEY": "s",
    }
    code = (
        "import django; django.setup();"
        "from django.core.files.storage import storages as s; d = s['default'];"
        "print(type(d).__name__, d.bucket_name, d.endpoint_url, d.url('images/a.png'), d.url('cv/photos/b.jpg'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    kind, bucket, endpoint, public, private = result.stdout.split()
    assert (kind, bucket, endpoint) == ("MediaStorage", "csc-media", "http://127.0.0.1:18799")
    assert public == "https://media.example.org/images/a.png"
    assert private.startswith("http://127.0.0.1:18799/") and "X-Amz-Signature" in private
