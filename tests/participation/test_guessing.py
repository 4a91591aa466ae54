"""Voting-code guessing: a room sharing one address is never locked out, a botnet gets a bounded budget."""

import time

import pytest
from django.conf import settings
from django.test import Client

from participation import guessing
from participation.models import VotingCode
from participation.models.codes import ALPHABET

from .conftest import make_proposal


def code_url(workshop):
    return f"/participer/atelier/{workshop.pk}/code/"


def wrong_code(i, avoid=""):
    """A well-formed code that is not valid (distinct lookups, so only the workshop and address count)."""
    n = len(ALPHABET)
    lookup = "".join(ALPHABET[(i // n**k) % n] for k in range(4))
    code = lookup + "ACDEFG"
    return code if code[:4] != avoid[:4] else "YYYY" + "ACDEFG"


def let_time_pass(frozen, seconds):
    """The local-memory cache expires keys by the (frozen) clock; Redis by its own: wait for real then."""
    frozen.shift(seconds)
    if "redis" in settings.CACHES["default"]["BACKEND"].lower():
        time.sleep(seconds)


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(time.time(), tick=False)
    return time_machine


def test_eleven_addresses_times_ten_wrong_codes_do_not_stop_a_valid_code(voting_workshop, frozen):
    [code] = VotingCode.create_batch(voting_workshop, 1)
    for address in range(11):
        client = Client(REMOTE_ADDR=f"192.0.2.{address}")
        for attempt in range(10):
            response = client.post(code_url(voting_workshop), {"code": wrong_code(address * 10 + attempt, code)})
            assert response.status_code == 400
    # The whole room behind one public address too: 10 wrong codes from it, then a valid one.
    room = Client(REMOTE_ADDR="192.0.2.200")
    for attempt in range(10):
        room.post(code_url(voting_workshop), {"code": wrong_code(500 + attempt, code)})
    assert room.post(code_url(voting_workshop), {"code": code}).status_code == 302


def test_the_error_says_how_many_tries_are_left_in_plain_french(client, voting_workshop, frozen):
    [code] = VotingCode.create_batch(voting_workshop, 1)
    typo = code[:4] + ("A" if code[4] != "A" else "C") + code[5:]
    response = client.post(code_url(voting_workshop), {"code": typo})
    assert response.status_code == 400
    assert "Il vous reste 4 essais avant de devoir attendre." in response.text
    for _ in range(4):
        response = client.post(code_url(voting_workshop), {"code": typo})
    assert "Le prochain essai devra attendre un peu." in response.text
    # Past the free tries on this card: one try every 10 minutes for codes starting like it, not a lock-out.
    assert client.post(code_url(voting_workshop), {"code": code}).status_code == 302


def test_a_botnet_with_rotating_addresses_gets_a_slow_bounded_budget(voting_workshop, frozen):
    [code] = VotingCode.create_batch(voting_workshop, 1)
    checked = 0
    for i in range(guessing.WORKSHOP_FREE + 25):
        client = Client(REMOTE_ADDR=f"10.{i // 250}.{i % 250}.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{i % 250}")
        status = client.post(code_url(voting_workshop), {"code": wrong_code(i, code)}).status_code
        checked += status == 400
    # The free budget, then one check per interval: the other 24 were not even checked.
    assert checked == guessing.WORKSHOP_FREE + 1
    response = Client(REMOTE_ADDR="10.250.0.1").post(code_url(voting_workshop), {"code": code})
    assert response.status_code == 429
    assert "Attendez 5 secondes, puis réessayez." in response.text
    assert response["Retry-After"] == "5"
    # A delay, not a lock-out: a few seconds later the valid code gets through.
    let_time_pass(frozen, guessing.WORKSHOP_INTERVAL + 1)
    assert Client(REMOTE_ADDR="10.250.0.1").post(code_url(voting_workshop), {"code": code}).status_code == 302


def test_rotating_forwarded_for_does_not_escape_the_address_limit_without_a_proxy(voting_workshop, frozen):
    [code] = VotingCode.create_batch(voting_workshop, 1)
    statuses = []
    for i in range(guessing.ADDRESS_FREE + 5):
        client = Client(REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}")
        statuses.append(client.post(code_url(voting_workshop), {"code": wrong_code(i, code)}).status_code)
    assert statuses.count(400) == guessing.ADDRESS_FREE + 1 and statuses.count(429) == 4


def test_a_valid_code_after_the_budget_still_votes(voting_workshop, frozen):
    [code] = VotingCode.create_batch(voting_workshop, 1)
    proposal = make_proposal(voting_workshop)
    client = Client()
    assert client.post(code_url(voting_workshop), {"code": code}).status_code == 302
    assert client.post(f"/participer/atelier/{voting_workshop.pk}/soutenir/{proposal.pk}/").status_code == 302
