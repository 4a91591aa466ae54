"""Wagtail's user screens work with our user model: no email needed, display name editable."""

from django.contrib.auth import get_user_model

User = get_user_model()


def test_superuser_edits_a_resident_in_wagtail_admin(client, superuser, resident):
    client.force_login(superuser)
    url = f"/admin/users/edit/{resident.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="display_name"' in page.text
    response = client.post(
        url,
        {
            "username": "habitante",
            "email": "",
            "first_name": "",
            "last_name": "",
            "display_name": "Samia la voisine",
            "must_change_password": "on",
            "is_active": "on",
            "password1": "",
            "password2": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    resident.refresh_from_db()
    assert resident.display_name == "Samia la voisine"
    assert resident.must_change_password


def test_superuser_creates_a_user_without_email_in_wagtail_admin(client, superuser):
    client.force_login(superuser)
    assert 'name="display_name"' in client.get("/admin/users/new/").text
    response = client.post(
        "/admin/users/new/",
        {
            "username": "nouvelle",
            "email": "",
            "first_name": "Nora",
            "last_name": "",
            "display_name": "Nora",
            "password1": "un-mot-de-passe-solide-42",
            "password2": "un-mot-de-passe-solide-42",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(username="nouvelle").display_name == "Nora"


def test_wagtail_admin_refuses_a_duplicate_email(client, superuser, resident):
    User.objects.create_user("autre", email="pris@example.org", password="x-y-z-12345")
    client.force_login(superuser)
    response = client.post(
        f"/admin/users/edit/{resident.pk}/",
        {"username": "habitante", "email": "Pris@example.org", "is_active": "on", "password1": "", "password2": ""},
    )
    assert response.status_code == 200
    resident.refresh_from_db()
    assert resident.email == ""


def test_deleting_a_user_in_wagtail_admin_calls_the_erasers(client, superuser, resident, data_handler):
    client.force_login(superuser)
    url = f"/admin/users/delete/{resident.pk}/"
    assert client.get(url).status_code == 200
    assert data_handler["erase"] == []  # the confirmation page erases nothing
    response = client.post(url)
    assert response.status_code == 302
    assert data_handler["erase"] == [resident.pk]
    assert not User.objects.filter(pk=resident.pk).exists()


def test_wagtail_user_list_shows_display_names(client, superuser, resident):
    client.force_login(superuser)
    response = client.get("/admin/users/")
    assert response.status_code == 200
    assert "Samia" in response.text
    assert resident.get_full_name() == "Samia"
