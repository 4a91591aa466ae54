"""Who may vote, per workshop: any account, desk-verified residents, voting codes, or verified residents and codes."""

import pytest
from django.test import Client

from accounts.models import ResidentVerification
from participation.models import Support, VotingCode, WorkshopPage

from .conftest import make_proposal, make_workshop

Voters = WorkshopPage.Voters


def support_url(workshop, proposal):
    return f"/participer/atelier/{workshop.pk}/soutenir/{proposal.pk}/"


def verify(user, centre, staff=None):
    return ResidentVerification.objects.create(user=user, centre=centre, verified_by=staff)


def sign_up(client, username):
    response = client.post(
        "/compte/signup/",
        {"username": username, "password1": "un-mot-de-passe-42", "password2": "un-mot-de-passe-42"},
    )
    assert response.status_code == 302, response.content[:300]


def test_a_loop_of_sign_ups_adds_no_vote_to_a_verified_only_workshop(centre_a):
    workshop = make_workshop(centre_a, "voting", voters=Voters.VERIFIED)
    proposal = make_proposal(workshop)
    for i in range(12):
        client = Client(REMOTE_ADDR=f"10.3.0.{i}")
        sign_up(client, f"robot{i}")
        response = client.post(support_url(workshop, proposal))
        assert response.status_code == 403
        assert "vérifiés à l’accueil" in client.get(response.url if response.status_code == 302 else workshop.url).text
    assert Support.objects.count() == 0


def test_a_verified_resident_votes_and_a_withdrawn_verification_stops_the_next_vote(
    client, centre_a, staff_a, resident
):
    workshop = make_workshop(centre_a, "voting", voters=Voters.VERIFIED)
    first, second = make_proposal(workshop, title="Un"), make_proposal(workshop, title="Deux")
    client.force_login(resident)
    assert client.post(support_url(workshop, first)).status_code == 403
    verification = verify(resident, centre_a, staff_a)
    assert client.post(support_url(workshop, first)).status_code == 302
    assert Support.objects.filter(proposal=first).count() == 1
    ResidentVerification.objects.filter(pk=verification.pk).update(withdrawn_at=verification.verified_at)
    assert client.post(support_url(workshop, second)).status_code == 403
    assert Support.objects.count() == 1


def test_codes_only_workshop_refuses_accounts_even_verified(client, centre_a, resident):
    workshop = make_workshop(centre_a, "voting", voters=Voters.CODES)
    proposal = make_proposal(workshop)
    verify(resident, centre_a)
    client.force_login(resident)
    assert client.post(support_url(workshop, proposal)).status_code == 403
    [code] = VotingCode.create_batch(workshop, 1)
    client.post(f"/participer/atelier/{workshop.pk}/code/", {"code": code})
    assert client.post(support_url(workshop, proposal)).status_code == 302
    assert Support.objects.get().ballot.code is not None


@pytest.mark.parametrize("voters", [Voters.VERIFIED_CODES])
def test_verified_and_codes_takes_both_but_not_an_unverified_account(client, centre_a, resident, voters):
    workshop = make_workshop(centre_a, "voting", voters=voters)
    proposal = make_proposal(workshop)
    client.force_login(resident)
    page = client.get(workshop.url).text
    assert "ou les personnes qui ont un code de vote" in page
    assert client.post(support_url(workshop, proposal)).status_code == 403
    # The unverified account may still vote with a printed code: then the code is the ballot.
    [code] = VotingCode.create_batch(workshop, 1)
    client.post(f"/participer/atelier/{workshop.pk}/code/", {"code": code})
    assert client.post(support_url(workshop, proposal)).status_code == 302
    support = Support.objects.get()
    assert support.ballot.code.lookup == code[:4] and support.ballot.user is None
    anonymous = Client()
    other = make_proposal(workshop, title="Autre")
    [second] = VotingCode.create_batch(workshop, 1)
    anonymous.post(f"/participer/atelier/{workshop.pk}/code/", {"code": second})
    assert anonymous.post(support_url(workshop, other)).status_code == 302


def test_any_account_workshop_still_takes_new_accounts(client, centre_a, resident):
    workshop = make_workshop(centre_a, "voting", voters=Voters.ACCOUNTS)
    proposal = make_proposal(workshop)
    client.force_login(resident)
    assert client.post(support_url(workshop, proposal)).status_code == 302
