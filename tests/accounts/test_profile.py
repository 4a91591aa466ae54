"""'Mon compte': profile edit, JSON export of personal data, account deletion."""

import json

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from tests.conftest import PASSWORD, make_user

User = get_user_model()


def test_profile_needs_login(client, db):
    response = client.get("/compte/")
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")


def test_profile_page_is_french(client, resident):
    client.force_login(resident)
    html = client.get("/compte/").text
    assert "Mon compte" in html
    assert "Télécharger mes données" in html
    assert "Supprimer mon compte" in html
    assert "/compte/accueil/" not in html  # residents do not see the desk


def test_profile_shows_the_desk_link_to_staff(client, staff_a):
    client.force_login(staff_a)
    assert "/compte/accueil/" in client.get("/compte/").text


def test_profile_edit_changes_display_name_and_email(client, resident):
    client.force_login(resident)
    response = client.post("/compte/", {"display_name": "Samia B.", "email": "Samia@Example.org"})
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.display_name == "Samia B."
    assert resident.email == "samia@example.org"
    assert list(EmailAddress.objects.filter(user=resident).values_list("email", flat=True)) == ["samia@example.org"]
    # The new address works for logging in.
    client.logout()
    assert client.post("/compte/login/", {"login": "samia@example.org", "password": PASSWORD}).status_code == 302


def test_profile_email_can_be_removed(client, db):
    user = make_user("lea", email="lea@example.org")
    EmailAddress.objects.create(user=user, email="lea@example.org", primary=True)
    client.force_login(user)
    client.post("/compte/", {"display_name": "Léa", "email": ""})
    user.refresh_from_db()
    assert user.email == ""
    assert not EmailAddress.objects.filter(user=user).exists()


def test_profile_refuses_an_email_used_by_another_account(client, resident):
    make_user("autre", email="pris@example.org")
    client.force_login(resident)
    response = client.post("/compte/", {"display_name": "Samia", "email": "PRIS@example.org"})
    assert response.status_code == 200
    assert "Un autre compte utilise déjà cette adresse e-mail" in response.text
    resident.refresh_from_db()
    assert resident.email == ""


def test_email_management_page_of_allauth_leads_to_the_profile(client, resident):
    client.force_login(resident)
    response = client.get("/compte/email/")
    assert response.status_code == 302
    assert response["Location"] == "/compte/"


def test_json_export_contains_the_account_and_every_registered_app(client, resident, data_handler):
    client.force_login(resident)
    response = client.get("/compte/mes-donnees/telecharger/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["username"] == "habitante"
    assert data["account"]["display_name"] == "Samia"
    assert data["account"]["email"] == ""
    assert data["account"]["created_at_desk"] is False
    assert "password" not in data["account"]
    assert resident.password not in response.content.decode()  # not even the hash
    assert data["apps"]["test_app"] == {"notes": ["note de habitante"]}
    assert data_handler["export"] == [resident.pk]


def test_json_export_is_only_ones_own(client, resident, other_resident, data_handler):
    client.force_login(other_resident)
    data = json.loads(client.get("/compte/mes-donnees/telecharger/").content)
    assert data["account"]["username"] == "voisin"
    assert data_handler["export"] == [other_resident.pk]


def test_delete_with_a_wrong_password_is_refused(client, resident, data_handler):
    client.force_login(resident)
    assert "Supprimer mon compte" in client.get("/compte/supprimer/").text
    response = client.post("/compte/supprimer/", {"password": "pas-le-bon"})
    assert response.status_code == 400
    assert "Ce mot de passe n’est pas le bon" in response.text
    assert User.objects.filter(pk=resident.pk).exists()
    assert data_handler["erase"] == []


def test_delete_with_the_right_password_erases_everything_and_logs_out(client, resident, data_handler):
    pk = resident.pk
    client.force_login(resident)
    response = client.post("/compte/supprimer/", {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not User.objects.filter(pk=pk).exists()
    assert data_handler["erase"] == [pk]
    assert "_auth_user_id" not in client.session


def test_desk_created_accounts_keep_working_when_the_staff_member_leaves(client, staff_a, resident):
    resident.created_by = staff_a
    resident.save()
    client.force_login(staff_a)
    client.post("/compte/supprimer/", {"password": PASSWORD})
    resident.refresh_from_db()
    assert resident.created_by is None


def test_export_lists_the_team_groups_of_staff(client, staff_a):
    client.force_login(staff_a)
    data = json.loads(client.get("/compte/mes-donnees/telecharger/").content)
    assert len(data["account"]["groups"]) == 1


def test_a_deletion_blocked_by_protected_data_changes_nothing(client, resident):
    from django.db.models import ProtectedError

    from accounts import personal_data

    erased = []

    def erase_then_fail(user):
        erased.append(user.pk)
        user.display_name = "effacé"
        user.save()
        raise ProtectedError("protected", set())

    personal_data.register("blocking_app", erase=erase_then_fail)
    try:
        client.force_login(resident)
        response = client.post("/compte/supprimer/", {"password": PASSWORD})
    finally:
        personal_data._handlers.pop("blocking_app", None)
    assert response.status_code == 409
    assert "n’a pas pu être supprimé" in response.text
    assert erased == [resident.pk]
    resident.refresh_from_db()
    assert resident.display_name == "Samia"  # rolled back
