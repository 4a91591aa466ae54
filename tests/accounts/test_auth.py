"""Sign-up, log-in (username or email), wrong password, rate limit, log-out, password change and reset."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from tests.conftest import PASSWORD, make_user

User = get_user_model()
NEW_PASSWORD = "un-tout-nouveau-secret-77"


def signup(client, **data):
    payload = {"username": "nadia", "display_name": "Nadia", "email": "", "password1": PASSWORD, "password2": PASSWORD}
    payload.update(data)
    return client.post("/compte/signup/", payload)


def test_signup_page_is_french_and_says_email_is_optional(client, db):
    response = client.get("/compte/signup/")
    assert response.status_code == 200
    html = response.text
    assert "Créer un compte" in html
    assert "Adresse e-mail (facultatif)" in html
    assert 'autocomplete="username"' in html and 'autocomplete="new-password"' in html
    assert '<html lang="fr">' in html  # rendered inside the site's layout


def test_signup_without_email_logs_the_person_in(client, db):
    response = signup(client)
    assert response.status_code == 302
    user = User.objects.get(username="nadia")
    assert user.email == ""
    assert user.display_name == "Nadia"
    assert not user.must_change_password
    assert not EmailAddress.objects.filter(user=user).exists()
    assert response["Location"] == "/compte/?bienvenue=1"
    welcome = client.get(response["Location"])
    assert welcome.context["user"] == user
    assert "Notez votre identifiant" in welcome.text
    assert "nadia" in welcome.text


def test_signup_with_email_stores_it_lowercased(client, db):
    signup(client, email="Nadia@Example.org")
    user = User.objects.get(username="nadia")
    assert user.email == "nadia@example.org"
    assert EmailAddress.objects.get(user=user).email == "nadia@example.org"


def test_signup_with_a_duplicate_email_is_refused(client, db):
    make_user("deja-la", email="samia@example.org")
    response = signup(client, email="SAMIA@example.org")
    assert response.status_code == 200
    assert "Un autre compte utilise déjà cette adresse e-mail" in response.text
    assert not User.objects.filter(username="nadia").exists()


def test_signup_with_a_taken_username_is_refused(client, resident):
    response = signup(client, username="HABITANTE")
    assert response.status_code == 200
    assert not User.objects.filter(display_name="Nadia").exists()
    assert 'aria-invalid="true"' in response.text


def test_login_page_is_french_with_labels_and_help_for_people_without_email(client, db):
    html = client.get("/compte/login/").text
    assert "Se connecter" in html
    assert '<label for="id_login">Identifiant ou adresse e-mail</label>' in html
    assert 'autocomplete="current-password"' in html
    assert "à l’accueil de votre centre social" in html or "accueil de votre centre social" in html


def test_login_by_username(client, resident):
    response = client.post("/compte/login/", {"login": "habitante", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/compte/").context["user"] == resident


def test_login_by_email(client, db):
    user = make_user("karima", email="karima@example.org")
    response = client.post("/compte/login/", {"login": "Karima@Example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/compte/").context["user"] == user


def test_wrong_password_gives_a_clear_french_message(client, resident):
    response = client.post("/compte/login/", {"login": "habitante", "password": "pas-le-bon"})
    assert response.status_code == 200
    assert "Identifiant ou mot de passe incorrect" in response.text
    assert 'role="alert"' in response.text
    assert not response.wsgi_request.user.is_authenticated


def test_sixth_failed_login_is_refused_with_a_french_message_even_with_the_right_password(client, resident):
    for _attempt in range(5):
        response = client.post("/compte/login/", {"login": "habitante", "password": "pas-le-bon"})
        assert "Identifiant ou mot de passe incorrect" in response.text
    response = client.post("/compte/login/", {"login": "habitante", "password": PASSWORD})
    assert response.status_code == 200
    assert "Trop d’essais ratés" in response.text
    assert "5 minutes" in response.text
    assert "_auth_user_id" not in client.session


def test_logout_asks_then_logs_out(client, resident):
    client.force_login(resident)
    response = client.get("/compte/logout/")
    assert "Se déconnecter" in response.text
    client.post("/compte/logout/")
    assert "_auth_user_id" not in client.session


def test_change_password(client, resident):
    client.force_login(resident)
    response = client.get("/compte/password/change/")
    assert "Changer mon mot de passe" in response.text
    response = client.post(
        "/compte/password/change/", {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.check_password(NEW_PASSWORD)


def test_change_password_with_a_wrong_current_password_is_refused_in_french(client, resident):
    client.force_login(resident)
    response = client.post(
        "/compte/password/change/", {"oldpassword": "faux", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 200
    assert "Ce n’est pas votre mot de passe actuel" in response.text


def test_password_reset_by_email_sends_a_working_link(client, db):
    user = make_user("lea", email="lea@example.org")
    page = client.get("/compte/password/reset/").text
    assert "Votre compte n’a pas d’adresse e-mail" in page
    response = client.post("/compte/password/reset/", {"email": "lea@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("[Centres sociaux connectés] ")
    assert "Centres sociaux connectés" in mail.outbox[0].body
    link = re.search(r"https?://[^\s]+/compte/password/reset/key/[^\s]+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else path
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


@pytest.mark.parametrize("path", ["/compte/login/", "/compte/signup/", "/compte/password/reset/"])
def test_account_pages_have_no_english_left(client, db, path):
    html = client.get(path).text
    for english in ("Sign In", "Sign Up", "Password Reset", "Forgot your password", "Username", "Remember Me"):
        assert english not in html


def test_login_by_username_ignores_capitals_and_spaces_added_by_phone_keyboards(client, resident):
    response = client.post("/compte/login/", {"login": " Habitante ", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(resident.pk)


def test_a_workshop_sharing_one_address_is_not_blocked_by_a_few_typos(client, resident, db):
    # Six people at the centre each mistype once (same IP address): nobody is locked out.
    for index in range(6):
        make_user(f"atelier-{index}")
        response = client.post("/compte/login/", {"login": f"atelier-{index}", "password": "faute"})
        assert "Identifiant ou mot de passe incorrect" in response.text
    response = client.post("/compte/login/", {"login": "habitante", "password": PASSWORD})
    assert response.status_code == 302


def test_many_attempts_from_one_address_are_refused_in_french(client, db):
    for index in range(30):
        client.post("/compte/login/", {"login": f"inconnu-{index}", "password": "faute"})
    response = client.post("/compte/login/", {"login": "inconnu-x", "password": "faute"})
    assert response.status_code == 429
    assert "Trop de tentatives" in response.text
    assert '<html lang="fr">' in response.text
