"""Assisted account creation at the desk, the printed card, forced password change, desk resets."""

import re
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from accounts import desk
from accounts.consent import Task
from tests.conftest import PASSWORD, make_user
from tests.consent_helpers import give_consent

User = get_user_model()
NEW_PASSWORD = "mon-secret-a-moi-2026"


def create(client, **data):
    payload = {"display_name": "Samia Benali", "email": "", "username": ""}
    payload.update(data)
    return client.post("/compte/accueil/nouveau/", payload)


def card_password(html):
    return re.search(r'id="card-password">([^<]+)<', html).group(1)


@pytest.fixture
def staff_client(client, staff_a):
    client.force_login(staff_a)
    return client


def test_anonymous_is_sent_to_log_in(client, db):
    for path in ("/compte/accueil/", "/compte/accueil/nouveau/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/compte/login/?next=")
    assert create(client).status_code == 302
    assert not User.objects.filter(display_name="Samia Benali").exists()


def test_residents_are_refused_in_french(client, resident, other_resident):
    client.force_login(resident)
    assert client.get("/compte/accueil/").status_code == 403
    response = create(client)
    assert response.status_code == 403
    assert "Accès refusé" in response.text
    assert not User.objects.filter(display_name="Samia Benali").exists()
    response = client.post(f"/compte/accueil/compte/{other_resident.pk}/nouveau-mot-de-passe/")
    assert response.status_code == 403
    other_resident.refresh_from_db()
    assert other_resident.check_password(PASSWORD)


def test_staff_creates_an_account_and_gets_a_printable_card(staff_client, staff_a, centre_a):
    centre_a.phone = "03 20 00 00 00"
    centre_a.save()
    page = staff_client.get("/compte/accueil/nouveau/")
    assert page.status_code == 200
    assert "Créer un compte pour une personne" in page.text
    response = create(staff_client, centre=centre_a.pk)
    assert response.status_code == 302
    user = User.objects.get(display_name="Samia Benali")
    assert response["Location"] == f"/compte/accueil/carte/{user.pk}/"
    assert re.fullmatch(r"samia-benali-[2-9]{2}", user.username)
    assert user.must_change_password
    assert user.created_by == staff_a
    assert user.email == ""

    card = staff_client.get(response["Location"])
    assert card.status_code == 200
    assert "no-store" in card["Cache-Control"]
    html = card.text
    password = card_password(html)
    assert re.fullmatch(r"[a-z]+-[a-z]+-[2-9]{2}", password)
    assert user.username in html
    assert "Vous devrez changer ce mot de passe" in html
    assert "http://testserver/compte/login/" in html
    assert "03 20 00 00 00" in html
    user.refresh_from_db()
    assert user.check_password(password)
    assert password not in user.password  # only the hash is stored


def test_staff_can_choose_the_username_and_give_an_email(staff_client):
    response = create(staff_client, username="samia.b", email="Samia@Example.org")
    assert response.status_code == 302
    user = User.objects.get(username="samia.b")
    assert user.email == "samia@example.org"


def test_desk_form_errors_are_french_and_keep_nothing(staff_client, resident):
    response = create(staff_client, display_name="", username="HABITANTE")
    assert response.status_code == 400
    assert "Champ requis" in response.text
    assert "Cet identifiant est déjà pris" in response.text
    assert User.objects.count() == 2  # staff_a and resident


def test_card_password_cannot_be_read_again_after_done(staff_client):
    location = create(staff_client)["Location"]
    password = card_password(staff_client.get(location).text)
    response = staff_client.post(location + "terminer/")
    assert response.status_code == 302
    again = staff_client.get(location)
    assert again.status_code == 404
    assert password not in again.text
    assert "n’est plus disponible" in again.text


def test_card_password_expires_after_a_few_minutes(staff_client):
    location = create(staff_client)["Location"]
    with mock.patch("accounts.desk.time.time", return_value=desk.time.time() + desk.CARD_LIFETIME_SECONDS + 1):
        response = staff_client.get(location)
    assert response.status_code == 404
    assert 'id="card-password"' not in response.text
    # The expired password is gone from the stored session too.
    assert staff_client.session[desk.SESSION_KEY] == {}


def test_card_is_not_shown_to_another_staff_member(staff_client, staff_b):
    location = create(staff_client)["Location"]
    other = Client()
    other.force_login(staff_b)
    response = other.get(location)
    assert response.status_code == 404
    assert "card-password" not in response.text


def test_new_user_must_change_password_at_first_login_then_the_flag_is_cleared(staff_client):
    location = create(staff_client)["Location"]
    user = User.objects.get(display_name="Samia Benali")
    password = card_password(staff_client.get(location).text)

    resident = Client()
    response = resident.post("/compte/login/", {"login": user.username, "password": password})
    assert response.status_code == 302
    assert response["Location"] == "/compte/password/change/"
    # Any other page sends them back to the change page.
    for path in ("/", "/compte/", "/compte/mes-donnees/telecharger/"):
        response = resident.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == "/compte/password/change/"
    page = resident.get("/compte/password/change/")
    assert page.status_code == 200
    assert "Votre mot de passe est provisoire" in page.text

    response = resident.post(
        "/compte/password/change/", {"oldpassword": password, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.must_change_password
    assert user.check_password(NEW_PASSWORD)
    assert resident.get("/compte/").status_code == 200


def test_password_reset_by_email_also_clears_the_flag(client, db):
    user = make_user("lina", email="lina@example.org", must_change_password=True)
    from allauth.account.adapter import get_adapter

    get_adapter().set_password(user, NEW_PASSWORD)
    user.refresh_from_db()
    assert not user.must_change_password


def test_staff_resets_a_residents_password_to_a_new_card(staff_client, resident, centre_a):
    give_consent(resident, centre_a, Task.PASSWORD_RESET)
    page = staff_client.get("/compte/accueil/", {"q": "HABITANTE"})
    assert "habitante" in page.text
    assert "Créer un nouveau mot de passe et imprimer la carte" in page.text
    response = staff_client.post(f"/compte/accueil/compte/{resident.pk}/nouveau-mot-de-passe/")
    assert response.status_code == 302
    password = card_password(staff_client.get(response["Location"]).text)
    resident.refresh_from_db()
    assert resident.check_password(password)
    assert not resident.check_password(PASSWORD)
    assert resident.must_change_password


def test_reset_is_a_post_only_action(staff_client, resident):
    assert staff_client.get(f"/compte/accueil/compte/{resident.pk}/nouveau-mot-de-passe/").status_code == 405


def test_staff_cannot_reset_a_team_account(staff_client, staff_b, superuser):
    page = staff_client.get("/compte/accueil/", {"q": "staff-b"})
    assert "compte d’équipe" in page.text
    for target in (staff_b, superuser):
        response = staff_client.post(f"/compte/accueil/compte/{target.pk}/nouveau-mot-de-passe/")
        assert response.status_code == 403
        target.refresh_from_db()
        assert target.check_password(PASSWORD)


def test_finding_an_account_needs_the_exact_username(staff_client, resident):
    page = staff_client.get("/compte/accueil/", {"q": "habit"})
    assert "Aucun compte actif" in page.text
    assert f"/compte/accueil/compte/{resident.pk}/" not in page.text


def test_superuser_can_use_the_desk(client, superuser, centre_a):
    client.force_login(superuser)
    assert client.get("/compte/accueil/").status_code == 200
    assert create(client, centre=centre_a.pk).status_code == 302


def test_desk_page_query_count_does_not_grow(staff_client, staff_a, django_assert_max_num_queries):
    def make(count, start):
        for index in range(start, start + count):
            make_user(f"personne-{index}", created_by=staff_a, must_change_password=True)

    make(2, 0)
    staff_client.get("/compte/accueil/")  # first visit creates the site settings and the admin profile
    with django_assert_max_num_queries(12) as small:
        assert staff_client.get("/compte/accueil/").status_code == 200
    make(30, 2)
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        response = staff_client.get("/compte/accueil/")
    assert "personne-31" in response.text
    assert len(large.captured_queries) == len(small.captured_queries)


def test_wagtail_admin_menu_shows_the_desk_to_staff_only(client, staff_a, centre_a):
    client.force_login(staff_a)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "/compte/accueil/" in response.text


def test_a_username_taken_meanwhile_gives_a_french_error_not_a_500(staff_client, resident):
    with mock.patch("accounts.desk.suggest_username", return_value="habitante"):
        response = create(staff_client)
    assert response.status_code == 400
    assert "pris à l’instant" in response.text
    assert not User.objects.filter(display_name="Samia Benali").exists()


def test_a_superuser_chooses_the_centre_printed_on_a_reset_card(client, superuser, resident, centre_a, centre_b):
    centre_b.phone = "03 20 99 99 99"
    centre_b.save()
    give_consent(resident, centre_a, Task.PASSWORD_RESET)
    give_consent(resident, centre_b, Task.PASSWORD_RESET)
    client.force_login(superuser)
    page = client.get("/compte/accueil/", {"q": "habitante"})
    assert 'name="centre"' in page.text
    response = client.post(f"/compte/accueil/compte/{resident.pk}/nouveau-mot-de-passe/", {"centre": centre_b.pk})
    assert "03 20 99 99 99" in client.get(response["Location"]).text
