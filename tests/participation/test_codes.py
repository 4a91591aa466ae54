"""Voting codes: hashes only, revocation, used-up codes, rate limit, the printable sheet."""

import io
import re

from django.db import connection
from pypdf import PdfReader

from home.templatetags.french_dates import jour
from participation.models import VotingCode
from participation.models.codes import ALPHABET, format_code


def code_url(workshop):
    return f"/participer/atelier/{workshop.pk}/code/"


def test_only_salted_hashes_are_stored(voting_workshop):
    codes = VotingCode.create_batch(voting_workshop, 20)
    assert len(set(codes)) == 20
    assert all(len(code) == 10 and set(code) <= set(ALPHABET) for code in codes)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM participation_votingcode")
        dump = repr(cursor.fetchall())
    for code in codes:
        assert code not in dump
        assert code[4:] not in dump
    salts = set(VotingCode.objects.values_list("salt", flat=True))
    assert len(salts) == 20
    # Same secret part, different salts: different digests.
    assert len(set(VotingCode.objects.values_list("digest", flat=True))) == 20


def test_code_accepts_lowercase_and_dashes_and_fills_from_qr(client, voting_workshop, proposals):
    [code] = VotingCode.create_batch(voting_workshop, 1)
    response = client.get(code_url(voting_workshop), {"code": format_code(code)})
    assert response.status_code == 200
    assert f'value="{format_code(code)}"' in response.text
    response = client.post(code_url(voting_workshop), {"code": format_code(code).lower()}, follow=True)
    assert "Votre code est accepté." in response.text
    assert "Soutenir" in response.text


def test_wrong_code_and_revoked_code_are_refused(client, staff_a, voting_workshop, proposals):
    [code] = VotingCode.create_batch(voting_workshop, 1)
    wrong = code[:4] + ("A" if code[4] != "A" else "C") + code[5:]
    response = client.post(code_url(voting_workshop), {"code": wrong})
    assert response.status_code == 400
    assert "Ce code n’est pas valable pour cet atelier" in response.text
    response = client.post(code_url(voting_workshop), {"code": "pas un code"})
    assert response.status_code == 400
    # A code in use is revoked by staff: the holder can no longer support.
    client.post(code_url(voting_workshop), {"code": code})
    staff = client.__class__()
    staff.force_login(staff_a)
    response = staff.post(f"/admin/participation/atelier/{voting_workshop.pk}/codes/revoquer/", {"code": code[:4]})
    assert response.status_code == 302
    response = client.post(f"/participer/atelier/{voting_workshop.pk}/soutenir/{proposals[0].pk}/")
    assert response.status_code == 403
    response = client.post(code_url(voting_workshop), {"code": code})
    assert response.status_code == 403
    assert "Ce code de vote a été révoqué." in response.text


def test_used_up_code_says_so_and_cannot_support_more(client, voting_workshop, proposals):
    [code] = VotingCode.create_batch(voting_workshop, 1)
    client.post(code_url(voting_workshop), {"code": code})
    for proposal in proposals[:3]:
        client.post(f"/participer/atelier/{voting_workshop.pk}/soutenir/{proposal.pk}/")
    other_phone = client.__class__()
    response = other_phone.post(code_url(voting_workshop), {"code": code}, follow=True)
    assert "Ce code a déjà servi pour tous ses soutiens." in response.text
    response = other_phone.post(f"/participer/atelier/{voting_workshop.pk}/soutenir/{proposals[4].pk}/")
    assert response.status_code == 409


# Guessing limits: tests/participation/test_guessing.py


def test_pdf_sheet_parses_back_with_the_right_codes(client, staff_a, voting_workshop):
    client.force_login(staff_a)
    response = client.post(f"/admin/participation/atelier/{voting_workshop.pk}/codes/", {"count": 7, "batch": "Marché"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    printed = re.findall(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}\b", text)
    assert len(printed) == 7
    assert VotingCode.objects.filter(workshop=voting_workshop, batch="Marché").count() == 7
    # Each printed code works (and only hashes were stored).
    for shown in printed:
        assert VotingCode.find(voting_workshop, shown) is not None
    # The short address to type, and the closing date, are on the cards.
    flat = text.replace("\n", " ")
    assert flat.count("testserver/vote/") == 7
    closing = jour(voting_workshop.voting_end)
    assert flat.count(closing) == 7


def test_staff_of_another_centre_cannot_create_codes(client, staff_b, voting_workshop):
    client.force_login(staff_b)
    response = client.post(f"/admin/participation/atelier/{voting_workshop.pk}/codes/", {"count": 5})
    assert response.status_code == 403
    assert not VotingCode.objects.exists()


def test_revoke_a_whole_batch(client, staff_a, voting_workshop):
    VotingCode.create_batch(voting_workshop, 3, batch="Lot 1")
    VotingCode.create_batch(voting_workshop, 2, batch="Lot 2")
    client.force_login(staff_a)
    client.post(f"/admin/participation/atelier/{voting_workshop.pk}/codes/revoquer-lot/", {"batch": "Lot 1"})
    assert VotingCode.objects.filter(revoked_at__isnull=False).count() == 3


def test_codes_are_refused_outside_the_voting_phase(client, centre_a):
    from .conftest import make_workshop

    for phase in ("proposals", "results"):
        workshop = make_workshop(centre_a, phase)
        [code] = VotingCode.create_batch(workshop, 1)
        response = client.post(code_url(workshop), {"code": code})
        assert response.status_code == 409
        assert "Le vote n’est pas ouvert dans cet atelier en ce moment." in response.text
