"""No cross-centre listings in the admin: every admin URL that lists or searches, as staff of centre A.

Centre B owns an image, a document and a draft page whose titles contain a marker; staff of A
must never see the marker, while they do see their own centre's items. Reports are for superusers.
"""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from toolkit.models import Adoption, NeighbouringCentre

pytestmark = pytest.mark.django_db
OTHER = "SECRETB"
OWN = "OWNA"


@pytest.fixture
def items(centre_a, centre_b, toolkit_resource):
    other_image = Image.objects.create(
        title=f"{OTHER} photo", file=get_test_image_file(), collection=centre_b.collection
    )
    own_image = Image.objects.create(title=f"{OWN} photo", file=get_test_image_file(), collection=centre_a.collection)
    other_doc = Document.objects.create(
        title=f"{OTHER} doc", file=ContentFile(b"b", name="b.txt"), collection=centre_b.collection
    )
    own_doc = Document.objects.create(
        title=f"{OWN} doc", file=ContentFile(b"a", name="a.txt"), collection=centre_a.collection
    )
    other_draft = centre_b.add_child(instance=Page(title=f"{OTHER} brouillon", slug="brouillon-b", live=False))
    own_draft = centre_a.add_child(instance=Page(title=f"{OWN} brouillon", slug="brouillon-a", live=False))
    network_b = NeighbouringCentre.objects.create(
        name="L'Écho", town="Roubaix", in_network=True, network_centre=centre_b
    )
    other_adoption = Adoption.objects.create(centre=network_b, resource=toolkit_resource)
    return {
        "other_image": other_image,
        "own_image": own_image,
        "other_doc": other_doc,
        "own_doc": own_doc,
        "other_draft": other_draft,
        "own_draft": own_draft,
        "other_adoption": other_adoption,
    }


@pytest.fixture
def toolkit_resource(home_page):
    from tests.toolkit.conftest import add_resource
    from toolkit.models import PrototypePage, ToolkitIndexPage

    index = home_page.add_child(instance=ToolkitIndexPage(title="Boîte à outils", slug="boite-a-outils"))
    return add_resource(index, PrototypePage, title="CV accompagné")


LISTING_URLS = [
    "/admin/api/main/images/",
    "/admin/api/main/images/?search=photo",
    "/admin/api/main/documents/",
    "/admin/api/main/documents/?search=doc",
    "/admin/api/main/pages/?search=brouillon",
    "/admin/choose-page/search/?q=brouillon",
    "/admin/images/",
    "/admin/images/?q=photo",
    "/admin/images/chooser/",
    "/admin/images/chooser/results/?q=photo",
    "/admin/documents/",
    "/admin/documents/?q=doc",
    "/admin/documents/chooser/",
    "/admin/documents/chooser/results/?q=doc",
    "/admin/pages/search/?q=brouillon",
]


@pytest.mark.parametrize("url", LISTING_URLS)
def test_listings_and_searches_show_only_what_the_user_may_use(client, staff_a, items, url):
    client.force_login(staff_a)
    response = client.get(url)
    assert response.status_code == 200, url
    assert OTHER not in response.content.decode(), url


def test_own_items_are_listed(client, staff_a, items, centre_a):
    client.force_login(staff_a)
    assert f"{OWN} photo" in client.get("/admin/api/main/images/").content.decode()
    assert f"{OWN} doc" in client.get("/admin/api/main/documents/").content.decode()
    assert f"{OWN} brouillon" in client.get("/admin/choose-page/search/?q=brouillon").content.decode()
    assert f"{OWN} brouillon" in client.get(f"/admin/choose-page/{centre_a.pk}/").content.decode()


def test_page_chooser_browse_hides_other_centres_drafts_but_not_live_pages(client, staff_a, items, centre_b):
    live = centre_b.add_child(instance=Page(title="Page publique de B", slug="publique"))
    client.force_login(staff_a)
    page = client.get(f"/admin/choose-page/{centre_b.pk}/").content.decode()
    assert OTHER not in page and live.title in page  # anyone may link to a live page


def test_detail_endpoints_of_other_centres_are_404(client, staff_a, items):
    client.force_login(staff_a)
    assert client.get(f"/admin/api/main/images/{items['other_image'].pk}/").status_code == 404
    assert client.get(f"/admin/api/main/documents/{items['other_doc'].pk}/").status_code == 404
    assert client.get(f"/admin/api/main/images/{items['own_image'].pk}/").status_code == 200


@pytest.mark.parametrize("kind", ["image", "doc"])
def test_other_centres_files_cannot_be_edited_deleted_or_traced(client, staff_a, items, kind):
    obj = items[f"other_{kind}"]
    urls = (
        [f"/admin/images/{obj.pk}/", f"/admin/images/{obj.pk}/delete/", f"/admin/images/usage/{obj.pk}/"]
        if kind == "image"
        else [
            f"/admin/documents/edit/{obj.pk}/",
            f"/admin/documents/delete/{obj.pk}/",
            f"/admin/documents/usage/{obj.pk}/",
        ]
    )
    client.force_login(staff_a)
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert OTHER not in response.content.decode()
    assert client.post(urls[1]).status_code in (302, 403, 404)
    assert type(obj).objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("kind", ["image", "doc"])
def test_staff_may_delete_their_own_centres_files(client, staff_a, items, kind):
    obj = items[f"own_{kind}"]
    url = f"/admin/images/{obj.pk}/delete/" if kind == "image" else f"/admin/documents/delete/{obj.pk}/"
    client.force_login(staff_a)
    assert client.post(url).status_code == 302
    assert not type(obj).objects.filter(pk=obj.pk).exists()


REPORT_URLS = [
    "/admin/reports/site-history/",
    "/admin/reports/page-types-usage/",
    "/admin/reports/aging-pages/",
    "/admin/reports/locked/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
]


@pytest.mark.parametrize("url", REPORT_URLS)
def test_site_wide_reports_are_for_the_network_admin(client, staff_a, superuser, items, url):
    client.force_login(staff_a)
    response = client.get(url)
    assert response.status_code == 403 and OTHER not in response.content.decode()
    client.force_login(superuser)
    assert client.get(url).status_code == 200


def test_reports_menu_is_hidden_from_centre_staff(client, staff_a, superuser, centre_a):
    client.force_login(staff_a)
    assert "/admin/reports/" not in client.get("/admin/").content.decode()
    client.force_login(superuser)
    assert "/admin/reports/" in client.get("/admin/").content.decode()


def test_toolkit_history_and_usage_follow_the_edit_rule(client, staff_a, staff_b, items):
    adoption = items["other_adoption"]
    base = "/admin/boite-a-outils/adoptions"
    client.force_login(staff_a)
    for view in ("edit", "history", "usage"):
        assert client.get(f"{base}/{view}/{adoption.pk}/").status_code == 404, view
    client.force_login(staff_b)
    for view in ("edit", "history", "usage"):
        assert client.get(f"{base}/{view}/{adoption.pk}/").status_code == 200, view


def test_toolkit_centre_history_and_usage_follow_the_edit_rule(client, staff_a, staff_b, items):
    centre = items["other_adoption"].centre
    base = "/admin/boite-a-outils/centres"
    client.force_login(staff_a)
    for view in ("edit", "history", "usage"):
        assert client.get(f"{base}/{view}/{centre.pk}/").status_code == 404, view
    client.force_login(staff_b)
    assert client.get(f"{base}/history/{centre.pk}/").status_code == 200


def test_dev_media_route_never_serves_private_files(client, settings, tmp_path):
    import importlib

    from django.urls import clear_url_caches

    import config.urls

    settings.DEBUG = True
    settings.MEDIA_ROOT = str(tmp_path)
    for folder in ("cv/photos", "documents", "original_images"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "f.jpg").write_bytes(b"data")
    try:
        importlib.reload(config.urls)
        clear_url_caches()
        assert client.get("/media/original_images/f.jpg").status_code == 200
        assert client.get("/media/cv/photos/f.jpg").status_code == 404
        assert client.get("/media/documents/f.jpg").status_code == 404
        assert client.get("/media/original_images/../cv/photos/f.jpg").status_code == 404
    finally:
        settings.DEBUG = False
        importlib.reload(config.urls)
        clear_url_caches()
