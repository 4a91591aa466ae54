"""The workshop page, results page and open-workshop list keep a constant number of queries."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from participation.models import Ballot, Proposal, Support, VotingCode

from .conftest import confirmed_sheet, make_proposal, make_workshop


def grow(workshop, proposals, supports_each):
    for i in range(proposals):
        proposal = make_proposal(workshop, title=f"Idée {i}")
        confirmed_sheet(workshop, date(2026, 3, 14 + i % 10), {proposal: i})
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
    # Includes the anonymous page cache's version read, and who voted (tally sheets, online ballots).
    assert big <= 18


def test_results_page_queries_constant(client, centre_a):
    small, big = measure(client, centre_a, "results", lambda w: f"/participer/atelier/{w.pk}/resultats/")
    assert big == small
    assert big <= 9  # 2 of them: who voted (tally sheets, online ballots)


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


def support_queries(client, workshop, proposal, **extra):
    with CaptureQueriesContext(connection) as context:
        response = client.post(f"/participer/atelier/{workshop.pk}/soutenir/{proposal.pk}/", **extra)
    return response, len(context.captured_queries)


def test_support_post_queries_constant(client, centre_a, resident, other_resident):
    """The busiest write of the site: session, user, proposal with its workshop, lock, insert (+ transaction)."""
    counts = []
    for size in (1, 30):
        workshop = make_workshop(centre_a, "voting", max_supports=5)
        grow(workshop, size, size)
        ideas = [make_proposal(workshop, title=f"Choix {i}") for i in range(3)]
        client.force_login(other_resident)  # another voter's supports in the same workshop
        client.post(f"/participer/atelier/{workshop.pk}/soutenir/{ideas[2].pk}/")
        client.force_login(resident)
        client.post(f"/participer/atelier/{workshop.pk}/soutenir/{ideas[0].pk}/")  # the ballot exists now
        before = timezone.now()
        response, queries = support_queries(client, workshop, ideas[1])
        assert response.status_code == 302
        counts.append(queries)
        support = Support.objects.get(ballot__user=resident, proposal=ideas[1])
        assert before <= support.created_at <= timezone.now()  # the one-statement insert stores a real time
    assert counts[0] == counts[1]
    assert counts[1] <= 7  # was 9 before the proposal and workshop were read together, and checked-and-inserted


def test_refused_support_says_why(client, centre_a, resident):
    """The one-statement insert inserts nothing when refused; the reason is then looked up."""
    workshop = make_workshop(centre_a, "voting", max_supports=1)
    ideas = [make_proposal(workshop, title=f"Choix {i}") for i in range(2)]
    client.force_login(resident)
    assert support_queries(client, workshop, ideas[0])[0].status_code == 302
    response = client.post(f"/participer/atelier/{workshop.pk}/soutenir/{ideas[1].pk}/")
    assert response.status_code == 409
    assert "Vous ne pouvez soutenir qu’1 proposition" in response.content.decode()
    response, _queries = support_queries(client, workshop, ideas[0])
    assert response.status_code == 409
    assert "Vous soutenez déjà cette proposition." in response.content.decode()
    assert Support.objects.filter(proposal__workshop=workshop).count() == 1
