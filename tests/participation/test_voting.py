"""Supporting proposals: limits, withdrawing, voting codes limited to their workshop, htmx and no-JS."""

import pytest

from participation.models import Proposal, Support, VotingCode

from .conftest import make_proposal, make_workshop


def support_url(workshop, proposal):
    return f"/participer/atelier/{workshop.pk}/soutenir/{proposal.pk}/"


def withdraw_url(workshop, proposal):
    return f"/participer/atelier/{workshop.pk}/retirer/{proposal.pk}/"


def test_the_n_plus_one_support_is_refused_with_a_message(client, resident, voting_workshop, proposals):
    client.force_login(resident)
    for proposal in proposals[:3]:
        assert client.post(support_url(voting_workshop, proposal)).status_code == 302
    response = client.post(support_url(voting_workshop, proposals[3]))
    assert response.status_code == 409
    assert "Vous ne pouvez soutenir que 3 propositions" in response.text
    assert Support.objects.count() == 3


def test_withdraw_then_support_again(client, resident, voting_workshop, proposals):
    client.force_login(resident)
    for proposal in proposals[:3]:
        client.post(support_url(voting_workshop, proposal))
    response = client.post(withdraw_url(voting_workshop, proposals[0]), follow=True)
    assert "Votre soutien à « Idée 1 » est retiré." in response.text
    assert client.post(support_url(voting_workshop, proposals[3])).status_code == 302
    assert set(Support.objects.values_list("proposal_id", flat=True)) == {p.pk for p in proposals[1:4]}


def test_double_click_counts_once(client, resident, voting_workshop, proposals):
    client.force_login(resident)
    client.post(support_url(voting_workshop, proposals[0]))
    response = client.post(support_url(voting_workshop, proposals[0]))
    assert response.status_code == 409
    assert "Vous soutenez déjà cette proposition." in response.text
    assert Support.objects.count() == 1


def test_without_javascript_the_page_shows_the_state_after_redirect(client, resident, voting_workshop, proposals):
    client.force_login(resident)
    response = client.post(support_url(voting_workshop, proposals[0]), follow=True)
    assert response.status_code == 200
    assert "Votre soutien à « Idée 1 » est compté." in response.text
    assert "Retirer mon soutien" in response.text
    assert "Vous pouvez encore soutenir 2 propositions." in response.text


def test_with_htmx_only_the_vote_zone_comes_back(client, resident, voting_workshop, proposals):
    client.force_login(resident)
    response = client.post(support_url(voting_workshop, proposals[0]), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="vote-zone">')
    assert "<html" not in response.text
    assert "Votre soutien à « Idée 1 » est compté." in response.text
    assert "Retirer mon soutien" in response.text


def test_anonymous_cannot_vote_and_is_told_how(client, voting_workshop, proposals):
    response = client.post(support_url(voting_workshop, proposals[0]))
    assert response.status_code == 403
    assert "Connectez-vous ou saisissez votre code de vote" in response.text
    assert not Support.objects.exists()


def test_code_gives_n_supports_only_in_its_workshop(client, centre_a, voting_workshop, proposals):
    other = make_workshop(centre_a, "voting")
    other_proposal = make_proposal(other, title="Ailleurs")
    [code] = VotingCode.create_batch(voting_workshop, 1)
    # The code is unknown in the other workshop.
    response = client.post(f"/participer/atelier/{other.pk}/code/", {"code": code})
    assert response.status_code == 400
    assert "Ce code n’est pas valable pour cet atelier" in response.text
    response = client.post(f"/participer/atelier/{voting_workshop.pk}/code/", {"code": code.lower()})
    assert response.status_code == 302
    # A voter with a code in workshop 1 is nobody in workshop 2.
    assert client.post(support_url(other, other_proposal)).status_code == 403
    for proposal in proposals[:3]:
        assert client.post(support_url(voting_workshop, proposal)).status_code == 302
    response = client.post(support_url(voting_workshop, proposals[3]))
    assert response.status_code == 409
    assert Support.objects.filter(ballot__code__isnull=False).count() == 3
    # Withdraw, then support again with the same code.
    client.post(withdraw_url(voting_workshop, proposals[0]))
    assert client.post(support_url(voting_workshop, proposals[3])).status_code == 302


def test_accounts_only_workshop_refuses_codes(client, centre_a, resident):
    workshop = make_workshop(centre_a, "voting", voters="accounts")
    assert client.get(f"/participer/atelier/{workshop.pk}/code/").status_code == 404


def test_codes_only_workshop_refuses_accounts(client, centre_a, resident):
    workshop = make_workshop(centre_a, "voting", voters="codes")
    proposal = make_proposal(workshop)
    client.force_login(resident)
    response = client.post(support_url(workshop, proposal))
    assert response.status_code == 403
    assert "Vous ne pouvez pas voter dans cet atelier." in response.text


@pytest.mark.parametrize("status", [Proposal.Status.PENDING, Proposal.Status.REJECTED])
def test_unpublished_proposals_cannot_be_supported(client, resident, voting_workshop, status):
    proposal = make_proposal(voting_workshop, status=status)
    client.force_login(resident)
    response = client.post(support_url(voting_workshop, proposal))
    assert response.status_code == 404
    assert not Support.objects.exists()


def test_proposal_of_another_workshop_is_a_404(client, resident, centre_a, voting_workshop, proposals):
    other = make_workshop(centre_a, "voting")
    foreign = make_proposal(other, title="Ailleurs")
    client.force_login(resident)
    response = client.post(support_url(voting_workshop, foreign))
    assert response.status_code == 404
    assert "Cette proposition est introuvable dans cet atelier." in response.text
    assert client.post(f"/participer/atelier/{voting_workshop.pk}/soutenir/999999/").status_code == 404


def test_support_needs_post(client, resident, voting_workshop, proposals):
    client.force_login(resident)
    assert client.get(support_url(voting_workshop, proposals[0])).status_code == 405
