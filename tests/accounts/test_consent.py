"""Consent at the desk: recorded, confirmed by the person, on a receipt, withdrawn, expiring; the journal."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts import consent as api
from accounts.consent import Action, Method, Task
from tests.conftest import PASSWORD
from tests.consent_helpers import give_consent
from tests.worker import database_tasks, run_worker  # noqa: F401 (a fixture)

User = get_user_model()
NEW_URL = "/compte/accueil/consentement/nouveau/"
NEW_PASSWORD = "mon-secret-a-moi-2026"


def reset_url(person):
    return f"/compte/accueil/compte/{person.pk}/nouveau-mot-de-passe/"


def confirm_data(centre, tasks=("password_reset",), days=30, **extra):
    return {"account": "habitante", "step": "confirm", "centre": centre.pk, "tasks": list(tasks), "days": days, **extra}


@pytest.fixture
def staff_client(client, staff_a):
    client.force_login(staff_a)
    return client


# --- the API, with a controlled clock ---------------------------------------------------------------


def test_consent_expires_on_its_own(resident, centre_a, centre_b, staff_a):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        give_consent(resident, centre_a, Task.PASSWORD_RESET, Task.CV_HELP, days=30, by=staff_a)
        assert api.has_consent(resident, centre_a, Task.CV_HELP)
        assert not api.has_consent(resident, centre_b, Task.CV_HELP)
        assert not api.has_consent(resident, centre_a, Task.PROPOSAL)
        assert list(api.centres_with_consent(resident, Task.PASSWORD_RESET)) == [centre_a]
    with time_machine.travel(start + timedelta(days=29, hours=23), tick=False):
        assert api.has_consent(resident, centre_a, Task.CV_HELP)
    with time_machine.travel(start + timedelta(days=30), tick=False):
        assert not api.has_consent(resident, centre_a, Task.CV_HELP)
        assert not api.centres_with_consent(resident, Task.PASSWORD_RESET).exists()
    # The `at` argument answers for any moment, whatever the clock says.
    assert api.has_consent(resident, centre_a, Task.CV_HELP, at=start + timedelta(days=1))
    assert not api.has_consent(resident, centre_a, Task.CV_HELP, at=start - timedelta(seconds=1))


def test_withdrawal_ends_a_consent_from_that_moment(resident, centre_a):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        consent = give_consent(resident, centre_a, Task.CV_HELP, days=90)
    with time_machine.travel(start + timedelta(days=5), tick=False):
        assert api.withdraw(consent, "test")
        assert not api.withdraw(consent, "twice")  # already withdrawn: nothing changes
        assert not api.has_consent(resident, centre_a, Task.CV_HELP)
    assert api.has_consent(resident, centre_a, Task.CV_HELP, at=start + timedelta(days=4))
    assert not api.has_consent(resident, centre_a, Task.CV_HELP, at=start + timedelta(days=6))


def test_duration_is_capped_at_the_maximum(resident, centre_a):
    consent = api.grant(resident, centre_a, [Task.CV_HELP], days=5000, method=Method.STAFF_ATTESTED, recorded_by=None)
    assert (consent.until - consent.given_at).days == api.MAX_DAYS == 365


# --- recording a consent at the desk ------------------------------------------------------------------


@pytest.mark.usefixtures("database_tasks")
def test_the_person_confirms_with_their_own_password(
    staff_client, resident, centre_a, staff_a, mailoutbox, django_capture_on_commit_callbacks
):
    resident.email = "samia@example.fr"
    resident.save()
    page = staff_client.get(NEW_URL, {"account": "HABITANTE"})
    assert page.status_code == 200 and "habitante" in page.text
    review = staff_client.post(NEW_URL, {**confirm_data(centre_a), "step": "review"})
    assert review.status_code == 200
    assert "Vous autorisez l’équipe de" in review.text and "donner un nouveau mot de passe" in review.text
    wrong = staff_client.post(NEW_URL, confirm_data(centre_a, method="password", password="pas-le-bon"))
    assert wrong.status_code == 400 and "Rien n’a été enregistré" in wrong.text
    assert not api.Consent.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(NEW_URL, confirm_data(centre_a, method="password", password=PASSWORD))
    consent = api.Consent.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/compte/accueil/consentement/{consent.pk}/recu/"
    assert consent.method == Method.PASSWORD and consent.password_reset and not consent.cv_help
    assert consent.recorded_by == staff_a and consent.is_current()
    receipt = staff_client.get(response["Location"])
    assert "Pour retirer votre consentement" in receipt.text and "/compte/aide/" in receipt.text
    entry = api.JournalEntry.objects.get(person=resident)
    assert entry.action == Action.CONSENT_GIVEN and entry.centre == centre_a and entry.actor == staff_a
    assert mailoutbox == []  # sent by the worker, never in the request
    run_worker()
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["samia@example.fr"]
    assert "Centre social Belencontre" in mailoutbox[0].body and "/compte/aide/" in mailoutbox[0].body


def test_too_many_wrong_passwords_lock_this_way_of_confirming(staff_client, resident, centre_a):
    for _attempt in range(5):
        staff_client.post(NEW_URL, confirm_data(centre_a, method="password", password="faux"))
    response = staff_client.post(NEW_URL, confirm_data(centre_a, method="password", password=PASSWORD))
    assert response.status_code == 400 and "Trop de mots de passe faux" in response.text
    assert not api.Consent.objects.exists()


def test_staff_tick_is_recorded_as_such(staff_client, resident, centre_a):
    response = staff_client.post(NEW_URL, confirm_data(centre_a, method="staff_attested"))
    assert response.status_code == 400 and not api.Consent.objects.exists()
    response = staff_client.post(NEW_URL, confirm_data(centre_a, ("cv_help",), method="staff_attested", attest="on"))
    consent = api.Consent.objects.get()
    assert consent.method == Method.STAFF_ATTESTED and consent.cv_help
    assert "a coché" in staff_client.get(response["Location"]).text


def test_receipt_code_starts_the_consent_only_when_typed(staff_client, client, resident, centre_a, staff_a):
    response = staff_client.post(NEW_URL, confirm_data(centre_a, method="receipt_code"))
    consent = api.Consent.objects.get()
    assert consent.is_pending and not consent.is_current()
    receipt = staff_client.get(response["Location"])
    code = re.search(r'id="receipt-code">(\d{6})<', receipt.text).group(1)
    assert staff_client.post(reset_url(resident)).status_code == 403  # not yet
    wrong = staff_client.post(f"/compte/accueil/consentement/{consent.pk}/confirmer/", {"code": "000000"})
    assert wrong.status_code == 400
    consent.refresh_from_db()
    assert consent.is_pending
    ok = staff_client.post(f"/compte/accueil/consentement/{consent.pk}/confirmer/", {"code": code})
    assert ok.status_code == 302
    consent.refresh_from_db()
    assert consent.is_current() and consent.code_hash == ""
    assert "receipt-code" not in staff_client.get(response["Location"]).text  # the code is gone
    assert staff_client.post(reset_url(resident)).status_code == 302


def test_the_person_can_type_the_code_later_in_their_account(staff_client, client, resident, centre_a):
    staff_client.post(NEW_URL, confirm_data(centre_a, ("cv_help",), method="receipt_code"))
    consent = api.Consent.objects.get()
    code = re.search(
        r'id="receipt-code">(\d{6})<', staff_client.get(f"/compte/accueil/consentement/{consent.pk}/recu/").text
    )[1]
    client.force_login(resident)
    page = client.get("/compte/aide/")
    assert "En attente de votre code" in page.text
    assert client.post(f"/compte/aide/consentement/{consent.pk}/confirmer/", {"code": "222222"}).status_code == 400
    assert client.post(f"/compte/aide/consentement/{consent.pk}/confirmer/", {"code": code}).status_code == 302
    assert api.has_consent(resident, centre_a, Task.CV_HELP)


def test_receipt_code_is_too_old_after_two_days(staff_client, resident, centre_a):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        response = staff_client.post(NEW_URL, confirm_data(centre_a, method="receipt_code"))
        code = re.search(r'id="receipt-code">(\d{6})<', staff_client.get(response["Location"]).text)[1]
    consent = api.Consent.objects.get()
    with time_machine.travel(start + timedelta(hours=49), tick=False):
        staff_client.force_login(consent.recorded_by)
        assert (
            staff_client.post(f"/compte/accueil/consentement/{consent.pk}/confirmer/", {"code": code}).status_code
            == 400
        )
    consent.refresh_from_db()
    assert consent.confirmed_at is None


@pytest.mark.parametrize(
    "data",
    [
        {"days": 999},
        {"days": "un an"},
        {"tasks": ["tout"]},
        {"tasks": []},
        {"centre": "y"},
        {"method": "magie"},
    ],
)
def test_bad_consent_input_is_a_400_in_french(staff_client, resident, centre_a, centre_b, data):
    payload = {**confirm_data(centre_a, method="staff_attested", attest="on"), **data}
    response = staff_client.post(NEW_URL, payload)
    assert response.status_code == 400
    assert not api.Consent.objects.exists()


def test_consent_to_another_centre_cannot_be_recorded(staff_client, resident, centre_b):
    response = staff_client.post(NEW_URL, confirm_data(centre_b, method="staff_attested", attest="on"))
    assert response.status_code == 400 and not api.Consent.objects.exists()


def test_no_consent_for_team_accounts_or_unknown_accounts(staff_client, staff_b, superuser, staff_a):
    for account in ("staff-b", superuser.username, "staff-a", "personne-inconnue", ""):
        assert staff_client.get(NEW_URL, {"account": account}).status_code == 404, account


# --- the person's side ----------------------------------------------------------------------------


def test_the_person_sees_consents_and_the_journal_and_withdraws(client, resident, centre_a, staff_a):
    consent = give_consent(resident, centre_a, Task.PASSWORD_RESET, by=staff_a)
    api.record_action(staff_a, resident, centre_a, Action.PASSWORD_RESET)
    client.force_login(resident)
    profile = client.get("/compte/")
    assert "Ce que l’équipe a fait pour vous" in profile.text
    assert "Équipe A (Centre social Belencontre) vous a donné un nouveau premier mot de passe" in profile.text
    page = client.get("/compte/aide/")
    assert "Centre social Belencontre" in page.text and "Retirer" in page.text
    assert client.post(f"/compte/aide/consentement/{consent.pk}/retirer/").status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None and "Mon compte" in consent.withdrawn_how
    assert not api.has_consent(resident, centre_a, Task.PASSWORD_RESET)
    assert "Retiré le" in client.get("/compte/aide/").text


def test_nobody_else_withdraws_or_reads_my_consent(client, resident, other_resident, centre_a):
    consent = give_consent(resident, centre_a, Task.CV_HELP)
    client.force_login(other_resident)
    assert client.post(f"/compte/aide/consentement/{consent.pk}/retirer/").status_code == 404
    assert "Belencontre" not in client.get("/compte/aide/").text
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_withdrawal_at_another_centres_desk(client, resident, centre_a, staff_b):
    consent = give_consent(resident, centre_a, Task.PASSWORD_RESET)
    client.force_login(staff_b)
    page = client.get("/compte/accueil/", {"q": "habitante"})
    assert "1 consentement à un autre centre" in page.text
    assert "Belencontre" not in page.text  # which centre is none of their business
    assert client.get(f"/compte/accueil/consentement/{consent.pk}/recu/").status_code == 404
    assert client.post(f"/compte/accueil/consentement/{consent.pk}/retirer/").status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_at is None
    response = client.post("/compte/accueil/consentements/tout-retirer/", {"account": "habitante"})
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert api.JournalEntry.objects.filter(person=resident, action=Action.CONSENT_WITHDRAWN).exists()


# --- rights follow consent at the desk --------------------------------------------------------------


@pytest.mark.usefixtures("database_tasks")
def test_reset_follows_consent_and_is_journalled(
    staff_client, resident, centre_a, staff_a, mailoutbox, django_capture_on_commit_callbacks
):
    resident.email = "samia@example.fr"
    resident.save()
    assert staff_client.post(reset_url(resident)).status_code == 403
    resident.refresh_from_db()
    assert resident.check_password(PASSWORD)
    give_consent(resident, centre_a, Task.PASSWORD_RESET)
    run_worker()  # the email telling of the consent itself
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert staff_client.post(reset_url(resident), {"centre": centre_a.pk}).status_code == 302
    resident.refresh_from_db()
    assert not resident.check_password(PASSWORD) and resident.must_change_password
    entry = api.JournalEntry.objects.get(person=resident, action=Action.PASSWORD_RESET)
    assert entry.actor == staff_a and entry.centre == centre_a
    run_worker()
    assert [mail.to for mail in mailoutbox] == [["samia@example.fr"]]
    journal = staff_client.get("/compte/accueil/journal/")
    assert journal.status_code == 200 and "habitante" in journal.text


def test_reset_with_a_junk_centre_is_a_400(staff_client, resident, centre_a, centre_b):
    give_consent(resident, centre_a, Task.PASSWORD_RESET)
    for value in ("y", str(centre_b.pk), "-1"):
        assert staff_client.post(reset_url(resident), {"centre": value}).status_code == 400, value
    resident.refresh_from_db()
    assert resident.check_password(PASSWORD)


def test_consent_expiry_over_http(staff_client, resident, centre_a, staff_a):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        give_consent(resident, centre_a, Task.PASSWORD_RESET, days=30)
    with time_machine.travel(start + timedelta(days=29), tick=False):
        staff_client.force_login(staff_a)
        assert "Créer un nouveau mot de passe" in staff_client.get("/compte/accueil/", {"q": "habitante"}).text
    with time_machine.travel(start + timedelta(days=31), tick=False):
        staff_client.force_login(staff_a)
        assert "Créer un nouveau mot de passe" not in staff_client.get("/compte/accueil/", {"q": "habitante"}).text
        assert staff_client.post(reset_url(resident)).status_code == 403
    resident.refresh_from_db()
    assert resident.check_password(PASSWORD)


def test_desk_shows_the_name_only_to_centres_that_know_the_person(client, resident, centre_a, staff_a, staff_b):
    give_consent(resident, centre_a, Task.CV_HELP)
    client.force_login(staff_b)
    page = client.get("/compte/accueil/", {"q": "habitante"})
    assert "habitante" in page.text and "Samia" not in page.text
    assert 'class="people-list"' not in client.get("/compte/accueil/", {"name": "Samia"}).text
    client.force_login(staff_a)
    assert "(Samia)" in client.get("/compte/accueil/", {"q": "habitante"}).text
    found = client.get("/compte/accueil/", {"name": "sami"})
    assert "habitante" in found.text and "(Samia)" in found.text


def test_desk_name_search_finds_accounts_the_centre_created(client, staff_a, staff_b, centre_a):
    client.force_login(staff_a)
    client.post("/compte/accueil/nouveau/", {"display_name": "Nadia Roussel", "email": "", "username": "nadia59"})
    api.end_first_password_consents(User.objects.get(username="nadia59"))  # even after the first password
    assert "nadia59" in client.get("/compte/accueil/", {"name": "Roussel"}).text
    client.force_login(staff_b)
    assert "nadia59" not in client.get("/compte/accueil/", {"name": "Roussel"}).text
    assert "nadia59" not in client.get("/compte/accueil/", {"name": "nadia"}).text


def test_short_name_search_is_a_french_error(staff_client):
    response = staff_client.get("/compte/accueil/", {"name": "a"})
    assert response.status_code == 200 and "au moins 2 caractères" in response.text


# --- accounts created at the desk and first passwords -----------------------------------------------


def test_desk_account_carries_a_first_password_consent_only(client, staff_a, centre_a):
    client.force_login(staff_a)
    client.post("/compte/accueil/nouveau/", {"display_name": "Nadia", "email": "", "username": "nadia59"})
    person = User.objects.get(username="nadia59")
    consent = api.Consent.objects.get(person=person)
    assert consent.method == Method.ACCOUNT_CREATED and consent.centre == centre_a
    assert consent.tasks == [Task.PASSWORD_RESET]
    assert api.JournalEntry.objects.filter(person=person, action=Action.ACCOUNT_CREATED).exists()
    assert client.post(reset_url(person)).status_code == 302  # a lost card can be reprinted
    from allauth.account.adapter import get_adapter

    get_adapter().set_password(person, NEW_PASSWORD)
    assert not api.has_consent(person, centre_a, Task.PASSWORD_RESET)
    assert client.post(reset_url(person)).status_code == 403
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)


def test_first_password_expires_and_works_only_to_choose_a_new_one(client, staff_a):
    staff = client
    staff.force_login(staff_a)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        staff.post("/compte/accueil/nouveau/", {"display_name": "Nadia", "email": "", "username": "nadia59"})
        person = User.objects.get(username="nadia59")
        password = re.search(r'id="card-password">([^<]+)<', staff.get(f"/compte/accueil/carte/{person.pk}/").text)[1]
    assert person.temporary_password_expires_at == start + timedelta(days=7)
    staff.logout()
    with time_machine.travel(start + timedelta(days=6), tick=False):
        response = client.post("/compte/login/", {"login": "nadia59", "password": password})
        assert response.status_code == 302 and response["Location"] == "/compte/password/change/"
        assert client.get("/mon-cv/")["Location"] == "/compte/password/change/"
    with time_machine.travel(start + timedelta(days=7, minutes=1), tick=False):
        # The session opened before the expiry does not outlive it.
        assert client.get("/compte/password/change/")["Location"] == "/compte/login/"
        response = client.post("/compte/login/", {"login": "nadia59", "password": password})
        assert response.status_code == 200 and "a expiré" in response.text
        assert "_auth_user_id" not in client.session


def test_journal_coalesces_repeated_edits(resident, centre_a, staff_a):
    start = timezone.now()
    first = api.record_action(staff_a, resident, centre_a, Action.CV_EDITED, "Mon CV", coalesce=True, now=start)
    again = api.record_action(
        staff_a, resident, centre_a, Action.CV_EDITED, "Mon CV", coalesce=True, now=start + timedelta(minutes=10)
    )
    later = api.record_action(
        staff_a, resident, centre_a, Action.CV_EDITED, "Mon CV", coalesce=True, now=start + timedelta(hours=2)
    )
    assert first.pk == again.pk != later.pk
    again.refresh_from_db()
    assert again.times == 2


def test_help_page_query_count_does_not_grow(client, resident, centre_a, staff_a, django_assert_max_num_queries):
    client.force_login(resident)

    def add(count):
        for _index in range(count):
            give_consent(resident, centre_a, Task.CV_HELP)
            api.record_action(staff_a, resident, centre_a, Action.CV_STARTED, "Mon CV")

    add(2)
    client.get("/compte/aide/")
    with django_assert_max_num_queries(20) as small:
        client.get("/compte/aide/")
    add(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get("/compte/aide/").status_code == 200
    with django_assert_max_num_queries(len(small.captured_queries) + 5):
        assert client.get("/compte/").status_code == 200


def test_team_account_password_untouched(staff_client, staff_b):
    assert staff_client.post(reset_url(staff_b)).status_code == 403
    staff_b.refresh_from_db()
    assert staff_b.check_password(PASSWORD)


def test_data_export_includes_consents_and_journal(client, resident, centre_a, staff_a):
    import json

    give_consent(resident, centre_a, Task.CV_HELP, by=staff_a)
    client.force_login(resident)
    account = json.loads(client.get("/compte/mes-donnees/telecharger/").content)["account"]
    assert account["consents"][0]["centre"] == "Centre social Belencontre"
    assert account["consents"][0]["tasks"] == ["cv_help"]
    assert account["staff_journal"][0]["action"] == "consent_given"
