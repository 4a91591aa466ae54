"""Fifty people voting at the same second (PostgreSQL: real row locks and constraints)."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.test import Client

from participation.models import Support

from .conftest import make_proposal, make_workshop

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL for real concurrency"),
]

THREADS = 50


def run_together(work):
    barrier = threading.Barrier(THREADS)
    results = [None] * THREADS

    def target(index):
        try:
            barrier.wait()
            results[index] = work(index)
        except Exception as exc:  # noqa: BLE001 - recorded and asserted below
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.mark.django_db(transaction=True)
def test_same_voter_fifty_times_at_once(centre_a, resident):
    workshop = make_workshop(centre_a, "voting", max_supports=3)
    proposals = [make_proposal(workshop, title=f"Idée {i}") for i in range(10)]

    def work(index):
        client = Client()
        client.force_login(resident)
        return client.post(f"/participer/atelier/{workshop.pk}/soutenir/{proposals[index % 10].pk}/").status_code

    statuses = run_together(work)
    assert all(status in (302, 409) for status in statuses), statuses
    assert Support.objects.filter(ballot__user=resident).count() == 3
    assert statuses.count(302) == 3


@pytest.mark.django_db(transaction=True)
def test_same_voter_same_proposal_fifty_times(centre_a, resident):
    workshop = make_workshop(centre_a, "voting")
    proposal = make_proposal(workshop)

    def work(index):
        client = Client()
        client.force_login(resident)
        return client.post(f"/participer/atelier/{workshop.pk}/soutenir/{proposal.pk}/").status_code

    statuses = run_together(work)
    assert statuses.count(302) == 1, statuses
    assert statuses.count(409) == THREADS - 1
    assert Support.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_fifty_distinct_voters_at_once(centre_a):
    workshop = make_workshop(centre_a, "voting")
    proposals = [make_proposal(workshop, title=f"Idée {i}") for i in range(2)]
    users = [get_user_model().objects.create_user(username=f"votant{i}", password="x") for i in range(THREADS)]

    def work(index):
        client = Client()
        client.force_login(users[index])
        first = client.post(f"/participer/atelier/{workshop.pk}/soutenir/{proposals[0].pk}/").status_code
        second = client.post(f"/participer/atelier/{workshop.pk}/soutenir/{proposals[1].pk}/").status_code
        return (first, second)

    results = run_together(work)
    assert all(result == (302, 302) for result in results), results
    assert Support.objects.filter(proposal=proposals[0]).count() == THREADS
    assert Support.objects.filter(proposal=proposals[1]).count() == THREADS


@pytest.mark.django_db(transaction=True)
def test_one_voting_code_used_by_fifty_phones_at_once(centre_a):
    from participation.models import VotingCode

    workshop = make_workshop(centre_a, "voting", max_supports=2)
    proposals = [make_proposal(workshop, title=f"Idée {i}") for i in range(5)]
    [code] = VotingCode.create_batch(workshop, 1)

    def work(index):
        client = Client(REMOTE_ADDR=f"10.0.0.{index}")
        assert client.post(f"/participer/atelier/{workshop.pk}/code/", {"code": code}).status_code == 302
        return client.post(f"/participer/atelier/{workshop.pk}/soutenir/{proposals[index % 5].pk}/").status_code

    statuses = run_together(work)
    assert all(status in (302, 409) for status in statuses), statuses
    assert Support.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_the_same_tally_sheet_typed_in_at_once(centre_a, staff_a):
    """Many saves of the first entry of a session at once: one sheet, every entry kept, no error page."""
    from participation.models import TallyEntry, TallySheet

    workshop = make_workshop(centre_a, "voting")
    proposal = make_proposal(workshop)
    url = f"/admin/participation/atelier/{workshop.pk}/bulletins-papier/"

    def work(index):
        client = Client()
        client.force_login(staff_a)
        data = {"session_date": "2026-03-14", "ballots_cast": 5, f"p{proposal.pk}": 5}
        return client.post(url, data).status_code

    statuses = run_together(work)
    assert statuses == [302] * THREADS, statuses
    sheet = TallySheet.objects.get()
    kinds = list(sheet.entries.values_list("kind", flat=True))
    assert len(kinds) == THREADS and kinds.count(TallyEntry.Kind.FIRST) == 1
    assert sheet.status == TallySheet.Status.CONFIRMED
