"""Participation fixtures: workshops in a chosen phase, proposals, voters."""

import itertools
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from participation.models import Proposal, WorkshopIndexPage, WorkshopPage

DAY = timedelta(days=1)
_counter = itertools.count(1)

# Start of each phase relative to "now", in days: (proposals_start, proposals_end, voting_start, voting_end)
PHASE_OFFSETS = {
    "upcoming": (1, 2, 3, 4),
    "proposals": (-1, 1, 2, 3),
    "preparing": (-2, -1, 1, 2),
    "voting": (-3, -2, -1, 1),
    "results": (-4, -3, -2, -1),
}


def workshop_index(centre):
    index = WorkshopIndexPage.objects.child_of(centre).first()
    if index is None:
        index = centre.add_child(instance=WorkshopIndexPage(title="Ateliers", slug="ateliers"))
    return index


def make_workshop(centre, phase="voting", now=None, **extra):
    now = now or timezone.now()
    ps, pe, vs, ve = (now + offset * DAY for offset in PHASE_OFFSETS[phase])
    number = next(_counter)
    fields = {
        "title": f"Atelier {number}",
        "slug": f"atelier-{number}",
        "question": "Que faire du square ?",
        "proposals_start": ps,
        "proposals_end": pe,
        "voting_start": vs,
        "voting_end": ve,
    }
    fields.update(extra)
    return workshop_index(centre).add_child(instance=WorkshopPage(**fields))


def make_proposal(workshop, title="Des bancs au square", status=Proposal.Status.PUBLISHED, author=None, **extra):
    return Proposal.objects.create(
        workshop=workshop, title=title, description="Pour se reposer.", status=status, author=author, **extra
    )


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


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
