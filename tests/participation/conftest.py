"""Participation fixtures: workshops in a chosen phase, proposals, voters."""

import pytest
from django.utils import timezone

from participation.models import Proposal, WorkshopIndexPage
from tests.factories import DAY, PHASE_OFFSETS, ProposalFactory, WorkshopPageFactory

__all__ = ["DAY", "PHASE_OFFSETS"]


def workshop_index(centre):
    index = WorkshopIndexPage.objects.child_of(centre).first()
    if index is None:
        index = centre.add_child(instance=WorkshopIndexPage(title="Ateliers", slug="ateliers"))
    return index


def make_workshop(centre, phase="voting", now=None, **extra):
    return WorkshopPageFactory(parent=workshop_index(centre), phase=phase, now=now or timezone.now(), **extra)


def make_proposal(workshop, title="Des bancs au square", status=Proposal.Status.PUBLISHED, author=None, **extra):
    return ProposalFactory(workshop=workshop, title=title, status=status, author=author, **extra)


@pytest.fixture
def voting_workshop(centre_a):
    return make_workshop(centre_a, "voting")


@pytest.fixture
def proposals(voting_workshop):
    return [make_proposal(voting_workshop, title=f"Idée {i}") for i in range(1, 6)]


def login(client, user):
    client.force_login(user)
    return client


def confirmed_sheet(workshop, session_date, counts, ballots_cast=None, blank=0, spoilt=0, user=None):
    """A tally sheet typed in twice with the same figures (so it counts), as the staff screen does."""
    from participation.paper import Typed, record_entry

    if ballots_cast is None:
        ballots_cast = max(counts.values() or [0]) + blank + spoilt
    typed = Typed(ballots_cast, blank, spoilt, {p.pk: n for p, n in counts.items()})
    proposals = list(counts)
    record_entry(workshop, session_date, typed, proposals, user)
    return record_entry(workshop, session_date, typed, proposals, user).sheet
