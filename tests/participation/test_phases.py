"""What can be done before, during and after each phase, with the clock controlled."""

from datetime import datetime, timedelta
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest

from participation.models import Phase, Proposal, WorkshopPage

from .conftest import make_proposal, workshop_index

PARIS = ZoneInfo("Europe/Paris")
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=PARIS)


@pytest.fixture
def workshop(centre_a):
    return workshop_index(centre_a).add_child(
        instance=WorkshopPage(
            title="Le square",
            slug="square",
            question="Que faire du square ?",
            proposals_start=T0,
            proposals_end=T0 + timedelta(days=10),
            voting_start=T0 + timedelta(days=12),
            voting_end=T0 + timedelta(days=20),
            results_date=T0 + timedelta(days=21),
        )
    )


MOMENTS = {
    Phase.UPCOMING: T0 - timedelta(hours=1),
    Phase.PROPOSALS: T0 + timedelta(days=1),
    Phase.PREPARING: T0 + timedelta(days=11),
    Phase.VOTING: T0 + timedelta(days=13),
    Phase.COUNTING: T0 + timedelta(days=20, hours=2),
    Phase.RESULTS: T0 + timedelta(days=22),
}


def at(moment):
    return patch("django.utils.timezone.now", return_value=moment)


@pytest.mark.parametrize("phase", list(MOMENTS))
def test_phase_is_derived_from_dates_and_shown(client, workshop, phase):
    with at(MOMENTS[phase]):
        assert workshop.phase == phase
        response = client.get(workshop.url)
    assert response.status_code == 200
    labels = {
        Phase.UPCOMING: "Bientôt",
        Phase.PROPOSALS: "Propositions ouvertes",
        Phase.PREPARING: "Préparation du vote",
        Phase.VOTING: "Vote ouvert",
        Phase.COUNTING: "Dépouillement",
        Phase.RESULTS: "Résultats",
    }
    assert labels[phase] in response.text


@pytest.mark.parametrize("phase", list(MOMENTS))
def test_submitting_only_during_the_proposal_phase(client, workshop, resident, phase):
    client.force_login(resident)
    with at(MOMENTS[phase]):
        response = client.post(
            f"/participer/atelier/{workshop.pk}/proposer/", {"title": "Un potager", "description": "Partagé."}
        )
    if phase == Phase.PROPOSALS:
        assert response.status_code == 302
        assert Proposal.objects.filter(title="Un potager", status=Proposal.Status.PENDING).count() == 1
    else:
        assert response.status_code == 409
        assert "Les propositions ne sont pas ouvertes" in response.text
        assert not Proposal.objects.exists()


@pytest.mark.parametrize("phase", list(MOMENTS))
def test_supporting_only_during_the_voting_phase(client, workshop, resident, phase):
    proposal = make_proposal(workshop)
    client.force_login(resident)
    with at(MOMENTS[phase]):
        response = client.post(f"/participer/atelier/{workshop.pk}/soutenir/{proposal.pk}/")
    if phase == Phase.VOTING:
        assert response.status_code == 302
        assert proposal.supports.count() == 1
    else:
        assert response.status_code == 409
        assert "Le vote n’est pas ouvert" in response.text
        assert proposal.supports.count() == 0


def test_hidden_counts_appear_only_with_the_results(client, workshop, resident):
    proposal = make_proposal(workshop, title="Des bancs")
    client.force_login(resident)
    with at(MOMENTS[Phase.VOTING]):
        client.post(f"/participer/atelier/{workshop.pk}/soutenir/{proposal.pk}/")
    client.logout()
    for phase in (Phase.VOTING, Phase.COUNTING):
        with at(MOMENTS[phase]):
            text = client.get(workshop.url).text
        assert "1 soutien" not in text
    with at(MOMENTS[Phase.RESULTS]):
        text = client.get(workshop.url).text
    assert "1 soutien" in text
    assert 'role="img"' in text


def test_public_counts_during_the_vote_when_not_hidden(client, workshop, resident):
    WorkshopPage.objects.filter(pk=workshop.pk).update(hide_counts_during_vote=False)
    proposal = make_proposal(workshop, title="Des bancs")
    client.force_login(resident)
    with at(MOMENTS[Phase.VOTING]):
        client.post(f"/participer/atelier/{workshop.pk}/soutenir/{proposal.pk}/")
        client.logout()
        text = client.get(workshop.url).text
    assert "1 soutien" in text


def test_live_counts_reach_anonymous_visitors_at_once_without_the_shared_cache(client, workshop, resident):
    WorkshopPage.objects.filter(pk=workshop.pk).update(hide_counts_during_vote=False)
    proposal = make_proposal(workshop, title="Des bancs")
    with at(MOMENTS[Phase.VOTING]):
        first = client.get(workshop.url)
        assert "no-cache" in first["Cache-Control"]
        assert "0 soutien" in first.text
        client.force_login(resident)
        client.post(f"/participer/atelier/{workshop.pk}/soutenir/{proposal.pk}/")
        client.logout()
        again = client.get(workshop.url)
    assert again.get("X-Page-Cache") != "hit"
    assert "1 soutien" in again.text


def test_page_cannot_be_cached_past_the_next_phase_change(client, workshop):
    with at(T0 + timedelta(days=10) - timedelta(seconds=30)):
        response = client.get(workshop.url)
    assert "s-maxage=31" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    with at(MOMENTS[Phase.RESULTS]):
        assert "s-maxage=300" in client.get(workshop.url)["Cache-Control"]


def test_a_voters_page_is_never_cached(client, workshop, resident):
    client.force_login(resident)
    with at(MOMENTS[Phase.VOTING]):
        response = client.get(workshop.url)
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
