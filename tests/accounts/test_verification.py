"""Desk verification: staff of a centre verify a resident seen in person; history; withdrawal; Mon compte."""

import json

from accounts.consent import Action, JournalEntry, Task
from accounts.models import ResidentVerification
from tests.consent_helpers import give_consent


def verify_url(user):
    return f"/compte/accueil/compte/{user.pk}/verifier/"


def withdraw_url(user):
    return f"/compte/accueil/compte/{user.pk}/retirer-verification/"


def test_staff_verify_a_resident_at_the_desk_and_the_resident_sees_it(client, staff_a, centre_a, resident):
    give_consent(resident, centre_a, Task.VERIFICATION)
    client.force_login(staff_a)
    desk = client.get("/compte/accueil/", {"q": resident.username}).text
    assert "Vérifier ce compte" in desk
    # Without the box "seen in person" ticked, nothing is saved, and the message says why.
    response = client.post(verify_url(resident), {"centre": centre_a.pk, "document": "identity_card"})
    assert response.status_code == 400
    assert "Cochez la case" in response.text
    assert not ResidentVerification.objects.exists()
    response = client.post(verify_url(resident), {"centre": centre_a.pk, "document": "identity_card", "confirm": "on"})
    assert response.status_code == 302
    verification = ResidentVerification.objects.get()
    assert (verification.user, verification.centre, verification.verified_by) == (resident, centre_a, staff_a)
    assert verification.document == "identity_card" and verification.withdrawn_at is None
    assert "Vérifié à Centre social Belencontre" in client.get("/compte/accueil/", {"q": resident.username}).text
    client.force_login(resident)
    page = client.get("/compte/").text
    assert "Votre compte a été vérifié à Centre social Belencontre" in page
    assert "Carte d’identité" in page
    assert JournalEntry.objects.filter(person=resident, centre=centre_a, action=Action.VERIFIED).exists()


def test_withdraw_keeps_the_history_and_only_the_verifying_centre_may_withdraw(
    client, staff_a, staff_b, centre_a, resident
):
    give_consent(resident, centre_a, Task.VERIFICATION)
    client.force_login(staff_a)
    client.post(verify_url(resident), {"centre": centre_a.pk, "confirm": "on"})
    # Staff of another centre may verify others, but not withdraw Belencontre's verification.
    client.force_login(staff_b)
    assert client.post(withdraw_url(resident), {"reason": "erreur"}).status_code == 403
    assert ResidentVerification.objects.get().withdrawn_at is None
    client.force_login(staff_a)
    assert client.post(withdraw_url(resident), {"reason": "Deux comptes"}).status_code == 302
    row = ResidentVerification.objects.get()
    assert row.withdrawn_at is not None and row.withdrawn_by == staff_a and row.withdrawal_reason == "Deux comptes"
    # Verified again later: a new row, the old one stays in the history.
    client.post(verify_url(resident), {"centre": centre_a.pk, "confirm": "on"})
    assert ResidentVerification.objects.filter(user=resident).count() == 2
    assert ResidentVerification.objects.filter(user=resident, withdrawn_at__isnull=True).count() == 1
    page = client.get(verify_url(resident)).text
    assert "Retirée le" in page
    client.force_login(resident)
    assert "Retirée le" in client.get("/compte/").text
    assert JournalEntry.objects.filter(person=resident, action=Action.VERIFICATION_WITHDRAWN).count() == 1


def test_residents_and_visitors_cannot_verify_anyone(client, resident, other_resident, centre_a):
    response = client.post(verify_url(other_resident), {"centre": centre_a.pk, "confirm": "on"})
    assert response.status_code == 302 and "/compte/login/" in response["Location"]
    client.force_login(resident)
    for url in (verify_url(other_resident), verify_url(resident)):
        assert client.post(url, {"centre": centre_a.pk, "confirm": "on"}).status_code == 403
    assert client.post(withdraw_url(other_resident)).status_code == 403
    assert not ResidentVerification.objects.exists()


def test_staff_cannot_verify_themselves_nor_for_a_centre_not_theirs(client, staff_a, centre_a, centre_b, resident):
    give_consent(resident, centre_a, Task.VERIFICATION)
    give_consent(resident, centre_b, Task.VERIFICATION)
    client.force_login(staff_a)
    assert client.post(verify_url(staff_a), {"confirm": "on"}).status_code == 403
    response = client.post(verify_url(resident), {"centre": centre_b.pk, "confirm": "on"})
    assert response.status_code == 400
    assert not ResidentVerification.objects.exists()


def test_the_personal_data_export_lists_the_verifications(client, staff_a, centre_a, resident):
    give_consent(resident, centre_a, Task.VERIFICATION)
    client.force_login(staff_a)
    client.post(verify_url(resident), {"centre": centre_a.pk, "document": "proof_of_address", "confirm": "on"})
    client.force_login(resident)
    data = json.loads(client.get("/compte/mes-donnees/telecharger/").content)
    [row] = data["apps"]["desk_verification"]
    assert row["centre"] == "Centre social Belencontre" and row["document"] == "Justificatif de domicile"
    assert "staff-a" not in json.dumps(data["apps"]["desk_verification"])


def test_without_a_verification_consent_to_their_centre_staff_cannot_verify(
    client, staff_a, centre_a, centre_b, resident
):
    # A consent to another centre, or to this centre for another task, is not enough.
    give_consent(resident, centre_b, Task.VERIFICATION)
    give_consent(resident, centre_a, Task.CV_HELP)
    client.force_login(staff_a)
    page = client.get(verify_url(resident))
    assert page.status_code == 403 and "Enregistrer un consentement" in page.text
    response = client.post(verify_url(resident), {"centre": centre_a.pk, "confirm": "on"})
    assert response.status_code == 403
    assert not ResidentVerification.objects.exists()
    assert not JournalEntry.objects.filter(action=Action.VERIFIED).exists()
