"""One person, one ballot: an account and a code in one session never support more than N proposals."""

import time

from django.test import Client

from participation.ballots import CODE_IDLE_SECONDS, SESSION_CODES_KEY
from participation.models import Ballot, Support, VotingCode, WorkshopPage

from .conftest import make_proposal, make_workshop


def code_url(workshop):
    return f"/participer/atelier/{workshop.pk}/code/"


def support(client, workshop, proposal):
    return client.post(f"/participer/atelier/{workshop.pk}/soutenir/{proposal.pk}/")


def both_workshop(centre, n=3):
    workshop = make_workshop(centre, "voting", voters=WorkshopPage.Voters.BOTH, max_supports=n)
    return workshop, [make_proposal(workshop, title=f"Idée {i}") for i in range(6)]


def test_account_then_code_in_one_session_cannot_exceed_n(client, centre_a, resident):
    workshop, proposals = both_workshop(centre_a)
    client.force_login(resident)
    for proposal in proposals[:3]:
        assert support(client, workshop, proposal).status_code == 302
    [code] = VotingCode.create_batch(workshop, 1)
    response = client.post(code_url(workshop), {"code": code}, follow=True)
    assert "Votre code est maintenant lié à votre compte" in response.text
    for proposal in proposals[3:]:
        assert support(client, workshop, proposal).status_code == 409
    assert Support.objects.count() == 3
    assert Ballot.objects.get().code.lookup == code[:4]
    # The card in someone else's hands shares the same ballot: still 3 at most.
    other = Client()
    other.post(code_url(workshop), {"code": code})
    assert support(other, workshop, proposals[5]).status_code == 409
    assert Support.objects.count() == 3


def test_code_then_log_in_on_the_same_device_is_one_ballot(client, centre_a, resident):
    workshop, proposals = both_workshop(centre_a)
    [code] = VotingCode.create_batch(workshop, 1)
    client.post(code_url(workshop), {"code": code})
    for proposal in proposals[:2]:
        support(client, workshop, proposal)
    client.post("/compte/login/", {"login": resident.username, "password": "un-mot-de-passe-solide-42"})
    assert "_auth_user_id" in client.session
    # The code joined the account at log-in: the account has the code's two supports, and one more to give.
    assert not client.session.get(SESSION_CODES_KEY)
    assert support(client, workshop, proposals[2]).status_code == 302
    for proposal in proposals[3:]:
        assert support(client, workshop, proposal).status_code == 409
    assert Support.objects.count() == 3 and Ballot.objects.count() == 1


def test_both_voted_the_person_chooses_once_and_the_total_stays_n(client, centre_a, resident):
    workshop, proposals = both_workshop(centre_a)
    [code] = VotingCode.create_batch(workshop, 1)
    card = Client()
    card.post(code_url(workshop), {"code": code})
    support(card, workshop, proposals[0])
    client.force_login(resident)
    support(client, workshop, proposals[1])
    support(client, workshop, proposals[2])
    response = client.post(code_url(workshop), {"code": code})
    assert response.status_code == 302 and response["Location"].endswith("/code/choisir/")
    # Until the choice, only the code votes in this session: still one ballot at a time.
    page = client.get(response["Location"])
    assert "Une personne, un bulletin" in page.text and "Idée 0" in page.text and "Idée 1" in page.text
    assert client.post(response["Location"], {}).status_code == 400
    assert client.post(response["Location"], {"keep": "account"}).status_code == 302
    assert set(Support.objects.values_list("proposal__title", flat=True)) == {"Idée 1", "Idée 2"}
    ballot = Ballot.objects.get()
    assert ballot.user == resident and ballot.code.lookup == code[:4]
    assert support(client, workshop, proposals[3]).status_code == 302
    assert support(client, workshop, proposals[4]).status_code == 409
    # The choice was made once: the code is the account's ballot now, another account cannot take it.
    assert Support.objects.count() == 3


def test_a_code_tied_to_one_account_is_refused_to_another(client, centre_a, resident, other_resident):
    workshop, proposals = both_workshop(centre_a)
    [code] = VotingCode.create_batch(workshop, 1)
    client.force_login(resident)
    client.post(code_url(workshop), {"code": code})
    second = Client()
    second.force_login(other_resident)
    response = second.post(code_url(workshop), {"code": code})
    assert response.status_code == 403
    assert "déjà lié à un autre compte" in response.text


def test_logging_out_and_finishing_forget_the_code(client, centre_a, other_resident):
    workshop, proposals = both_workshop(centre_a)
    [code] = VotingCode.create_batch(workshop, 1)
    client.post(code_url(workshop), {"code": code})
    page = client.get(workshop.url).text
    assert "J’ai fini de voter" in page and f"{CODE_IDLE_SECONDS // 60} minutes" in page
    response = client.post(f"/participer/atelier/{workshop.pk}/code/oublier/", follow=True)
    assert "Cet appareil a oublié votre code" in response.text
    assert support(client, workshop, proposals[0]).status_code == 403
    # Log-out forgets it too (the next person at the centre's computer cannot vote with it).
    client.post(code_url(workshop), {"code": code})
    client.force_login(other_resident)  # a staff member helping, say; then logs out
    client.post("/compte/logout/")
    assert not client.session.get(SESSION_CODES_KEY)
    assert support(client, workshop, proposals[0]).status_code == 403


def test_the_session_forgets_an_idle_code(client, centre_a, time_machine):
    workshop, proposals = both_workshop(centre_a)
    [code] = VotingCode.create_batch(workshop, 1)
    time_machine.move_to(time.time(), tick=False)
    client.post(code_url(workshop), {"code": code})
    time_machine.shift(CODE_IDLE_SECONDS - 30)
    assert support(client, workshop, proposals[0]).status_code == 302  # in use: the idle time starts again
    time_machine.shift(CODE_IDLE_SECONDS - 30)
    assert support(client, workshop, proposals[1]).status_code == 302
    time_machine.shift(CODE_IDLE_SECONDS + 1)
    assert support(client, workshop, proposals[2]).status_code == 403
    assert Support.objects.count() == 2
