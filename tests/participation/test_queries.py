"""The workshop page, results page and open-workshop list keep a constant number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation.models import Ballot, PaperTally, Proposal, Support, VotingCode

from .conftest import make_proposal, make_workshop


def grow(workshop, proposals, supports_each):
    for i in range(proposals):
        proposal = make_proposal(workshop, title=f"Idée {i}")
        PaperTally.objects.create(proposal=proposal, session_date="2026-03-14", votes=i)
        ballots = Ballot.objects.bulk_create([Ballot(workshop=workshop) for _ in range(supports_each)])
        Support.objects.bulk_create([Support(ballot=b, proposal=proposal) for b in ballots])


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def measure(client, centre, phase, url_for, login=None):
    small = make_workshop(centre, phase, hide_counts_during_vote=False)
    big = make_workshop(centre, phase, hide_counts_during_vote=False)
    grow(small, 2, 1)
    grow(big, 25, 8)
    make_proposal(big, title="En attente", status=Proposal.Status.PENDING, author=login)
    make_proposal(small, title="En attente", status=Proposal.Status.PENDING, author=login)
    if login:
        client.force_login(login)
    count_queries(client, url_for(small))  # warm caches (site root, content types)
    return count_queries(client, url_for(small)), count_queries(client, url_for(big))


def test_workshop_page_queries_constant_voting_logged_in(client, centre_a, resident, django_assert_max_num_queries):
    small, big = measure(client, centre_a, "voting", lambda w: w.url, login=resident)
    assert big == small
    assert big <= 21


def test_workshop_page_queries_constant_with_a_code(client, centre_a):
    workshops = [make_workshop(centre_a, "voting", hide_counts_during_vote=False) for _ in range(2)]
    grow(workshops[0], 2, 1)
    grow(workshops[1], 25, 8)
    counts = []
    for workshop in workshops:
        [code] = VotingCode.create_batch(workshop, 1)
        client.post(f"/participer/atelier/{workshop.pk}/code/", {"code": code})
        client.get(workshop.url)
        counts.append(count_queries(client, workshop.url))
    assert counts[0] == counts[1]


def test_workshop_page_queries_constant_results_anonymous(client, centre_a):
    small, big = measure(client, centre_a, "results", lambda w: w.url)
    assert big == small
    assert big <= 16  # includes the anonymous page cache's version read


def test_results_page_queries_constant(client, centre_a):
    small, big = measure(client, centre_a, "results", lambda w: f"/participer/atelier/{w.pk}/resultats/")
    assert big == small
    assert big <= 7


def test_open_workshops_list_constant(client, centre_a, centre_b):
    make_workshop(centre_a, "voting")
    count_queries(client, "/participer/")
    few = count_queries(client, "/participer/")
    for _ in range(5):
        make_workshop(centre_a, "proposals")
        make_workshop(centre_b, "results")
    assert count_queries(client, "/participer/") == few
    assert few <= 5  # includes the anonymous page cache's version read


def test_admin_workshop_page_constant(client, centre_a, staff_a):
    small, big = measure(client, centre_a, "results", lambda w: f"/admin/participation/atelier/{w.pk}/", login=staff_a)
    assert big == small


def test_supporting_costs_the_same_number_of_queries_whatever_the_data(client, centre_a, resident):
    counts = []
    for size in (1, 30):
        workshop = make_workshop(centre_a, "voting", max_supports=5)
        grow(workshop, size, size)
        target = make_proposal(workshop, title="Cible")
        other = make_proposal(workshop, title="Autre")
        client.force_login(resident)
        client.post(f"/participer/atelier/{workshop.pk}/soutenir/{other.pk}/")  # the ballot exists from now on
        with CaptureQueriesContext(connection) as context:
            response = client.post(f"/participer/atelier/{workshop.pk}/soutenir/{target.pk}/")
        assert response.status_code == 302
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1]
    assert counts[1] <= 10
