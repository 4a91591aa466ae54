"""Per-centre permissions, through real admin requests."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.centre_groups import group_name_for
from home.models import CentrePage, StandardPage
from tests.conftest import PASSWORD
from tests.home.conftest import paragraph


def standard_page_form(title, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": extra.pop("slug", "a-propos"),
            "intro": rich_text("<p>Présentation.</p>"),
            "body": streamfield([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


@pytest.fixture
def page_a(centre_a):
    return centre_a.add_child(instance=StandardPage(title="À propos A", slug="a-propos", body=paragraph("A.")))


@pytest.fixture
def page_b(centre_b):
    return centre_b.add_child(instance=StandardPage(title="À propos B", slug="a-propos", body=paragraph("B.")))


@pytest.fixture
def client_a(client, staff_a):
    assert client.login(username=staff_a.username, password=PASSWORD)
    return client


def test_anonymous_visitor_is_sent_to_log_in(client, home_page):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_resident_without_rights_cannot_enter_the_admin(client, resident, home_page):
    client.login(username=resident.username, password=PASSWORD)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_staff_of_a_edits_and_publishes_in_a(client_a, page_a):
    assert client_a.get(f"/admin/pages/{page_a.pk}/edit/").status_code == 200
    response = client_a.post(
        f"/admin/pages/{page_a.pk}/edit/", standard_page_form("Qui sommes-nous", **{"action-publish": "publish"})
    )
    assert response.status_code == 302, response.content[:2000]
    page_a.refresh_from_db()
    assert page_a.title == "Qui sommes-nous" and page_a.live and not page_a.has_unpublished_changes
    assert "Qui sommes-nous" in client_a.get("/belencontre/a-propos/").text


def test_staff_of_a_adds_a_page_in_a(client_a, centre_a):
    url = f"/admin/pages/add/home/standardpage/{centre_a.pk}/"
    assert client_a.get(url).status_code == 200
    response = client_a.post(url, standard_page_form("Nos services", slug="services", **{"action-publish": "1"}))
    assert response.status_code == 302
    assert StandardPage.objects.child_of(centre_a).get(slug="services").live


def refused(response):
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_staff_of_a_is_refused_on_b(client_a, page_b, centre_b):
    assert refused(client_a.get(f"/admin/pages/{page_b.pk}/edit/"))
    response = client_a.post(
        f"/admin/pages/{page_b.pk}/edit/", standard_page_form("Piraté", **{"action-publish": "publish"})
    )
    assert refused(response)
    page_b.refresh_from_db()
    assert page_b.title == "À propos B" and page_b.latest_revision is None
    add_url = f"/admin/pages/add/home/standardpage/{centre_b.pk}/"
    assert refused(client_a.get(add_url))
    assert refused(client_a.post(add_url, standard_page_form("Intrus", slug="intrus", **{"action-publish": "1"})))
    assert not StandardPage.objects.filter(slug="intrus").exists()
    # Nor the centre page itself, nor the network home page.
    assert refused(client_a.get(f"/admin/pages/{centre_b.pk}/edit/"))
    assert refused(client_a.get(f"/admin/pages/{centre_b.get_parent().pk}/edit/"))
    # The refusal is said, as an error message on the admin home page.
    response = client_a.get(f"/admin/pages/{page_b.pk}/edit/", follow=True)
    assert response.redirect_chain == [("/admin/", 302)]
    assert '<li class="error">' in response.text


def test_image_chooser_shows_only_the_own_collection(client_a, centre_a, centre_b):
    centre_a.refresh_from_db()
    centre_b.refresh_from_db()
    Image.objects.create(title="Photo de Belencontre", file=get_test_image_file(), collection=centre_a.collection)
    Image.objects.create(title="Photo de l'Echo", file=get_test_image_file(), collection=centre_b.collection)
    response = client_a.get("/admin/images/chooser/")
    assert response.status_code == 200
    assert "Photo de Belencontre" in response.text
    assert "Photo de l" not in response.text.replace("Photo de Belencontre", "")
    # Not by searching either.
    response = client_a.get("/admin/images/chooser/results/", {"q": "Echo"})
    assert "Photo de l" not in response.text


def test_new_centre_created_in_the_admin_gets_its_group(client, superuser, home_page):
    client.login(username=superuser.username, password=PASSWORD)
    data = nested_form_data(
        {
            "title": "Centre social des Hauts-Champs",
            "slug": "hauts-champs",
            "code": "HCH",
            "town": "Roubaix",
            "intro": "Nouveau centre.",
            "accessibility": rich_text(""),
            "body": streamfield([]),
            "opening_hours": inline_formset([]),
            "team_members": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "1",
        }
    )
    response = client.post(f"/admin/pages/add/home/centrepage/{home_page.pk}/", data)
    assert response.status_code == 302, response.content[:3000]
    centre = CentrePage.objects.get(slug="hauts-champs")
    group = Group.objects.get(name=group_name_for(centre))
    assert GroupPagePermission.objects.filter(group=group, page=centre).count() == 3
    assert centre.collection is not None
    assert GroupCollectionPermission.objects.filter(group=group, collection=centre.collection).count() == 6
    assert group.permissions.filter(codename="access_admin").exists()


def snapshot():
    return (
        sorted(Group.objects.values_list("name", flat=True)),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
    )


def test_sync_centre_groups_is_idempotent_and_repairs(centre_a, centre_b, staff_a):
    call_command("sync_centre_groups", stdout=None)
    before = snapshot()
    call_command("sync_centre_groups")
    assert snapshot() == before
    # A right removed by mistake comes back, without duplicates.
    group = Group.objects.get(name=group_name_for(centre_a))
    GroupPagePermission.objects.filter(group=group, permission__codename="publish_page").delete()
    call_command("sync_centre_groups")
    assert snapshot() == before


def test_renamed_centre_keeps_its_group(centre_a, staff_a):
    group = staff_a.groups.get()
    centre_a.title = "Centre social Belencontre (nouveau nom)"
    centre_a.save()
    call_command("sync_centre_groups")
    assert Group.objects.filter(name__startswith="Équipe").count() == 1
    assert GroupPagePermission.objects.filter(group=group, page=centre_a).count() == 3
