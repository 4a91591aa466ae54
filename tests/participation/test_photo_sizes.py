"""Issue 13: proposal photos at a visitor's size (thumbnail in lists, medium on the page), never the original."""

import io
import os

from django.core.files.base import ContentFile
from PIL import Image

from participation.models import Proposal

from .conftest import make_proposal, make_workshop


def big_photo(seed=0, size=(1600, 1200)):
    """A real 1600x1200 JPEG full of detail (noise compresses badly): the kind of photo a phone sends."""
    noise = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    noise.save(buffer, format="JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name=f"photo-{seed}.jpg")


def with_photo(workshop, title, seed=0):
    proposal = make_proposal(workshop, title=title, photo_alt="Le square")
    proposal.photo.save(f"photo-{seed}.jpg", big_photo(seed))
    return Proposal.objects.get(pk=proposal.pk)


def test_visitors_get_a_thumbnail_or_a_medium_size_never_the_original(client, centre_a):
    workshop = make_workshop(centre_a, "voting")
    proposal = with_photo(workshop, "Des bancs")
    original = proposal.photo.size
    url = f"/participer/proposition/{proposal.reference}/photo/"
    sizes = {}
    for size, box in (("vignette", (480, 360)), ("moyenne", (960, 720)), ("", (960, 720)), ("originale", (960, 720))):
        response = client.get(url, {"taille": size} if size else {})
        assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
        data = b"".join(response.streaming_content)
        with Image.open(io.BytesIO(data)) as image:
            assert image.size == box
        sizes[size] = len(data)
        assert len(data) < original / 3
    assert sizes["vignette"] < sizes["moyenne"]
    # Lists show the thumbnail, lazily loaded; the proposal's page a medium size with a thumbnail for phones.
    page = client.get(workshop.url).text
    assert f'src="{url}?taille=vignette"' in page and 'loading="lazy"' in page
    detail = client.get(f"/participer/proposition/{proposal.reference}/").text
    assert f'src="{url}?taille=moyenne"' in detail and f"{url}?taille=vignette 480w" in detail
    assert f'src="{url}"' not in page + detail


def test_a_private_workshop_photo_size_stays_private(client, centre_a):
    workshop = make_workshop(centre_a, "voting")
    proposal = with_photo(workshop, "Des bancs")
    Proposal.objects.filter(pk=proposal.pk).update(status=Proposal.Status.PENDING)
    assert client.get(f"/participer/proposition/{proposal.reference}/photo/", {"taille": "vignette"}).status_code == 404
