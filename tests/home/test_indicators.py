"""Every indicator against counts made again from the rows, paper ballots and erased accounts included."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from accounts.personal_data import erase_all
from cv_builder.models import CV
from home.indicators import Period, Ratio, all_indicators, compute_all
from participation.models import Ballot, Proposal
from tests.conftest import PASSWORD
from tests.home.indicator_data import build, independent_counts, nonzero

pytestmark = pytest.mark.django_db


def period_around_today():
    today = timezone.localdate()
    return Period(today - timedelta(days=30), today + timedelta(days=30))


@pytest.fixture
def data(home_page, centre_a, centre_b, staff_a, staff_b):
    return build(home_page, centre_a, centre_b, staff_a, staff_b)


def counted(period, centre_ids):
    figures = compute_all(period, centre_ids)
    figures.pop("participation.turnout")
    return nonzero({k: v for k, v in figures.items() if not k.startswith("participation.workshops_")})


def test_every_indicator_matches_the_rows(data, centre_a, centre_b):
    period = period_around_today()
    scope = [centre_a.pk, centre_b.pk, None]
    expected = independent_counts(period, scope)
    assert counted(period, None) == nonzero(expected)
    # The figures the fixture was written for, so that a wrong independent count cannot hide a bug.
    a = centre_a.pk
    assert expected["participation.proposals_submitted"] == {a: 5, centre_b.pk: 2}
    assert expected["participation.participants"] == {a: 7, centre_b.pk: 1}  # 6 accounts + 1 code
    assert expected["participation.paper_ballots"] == {a: 12}
    assert expected["accounts.created_desk"] == {a: 2}
    assert expected["accounts.created_online"] == {None: 9}
    assert expected["cv_builder.letters"] == {None: 3}


def test_figures_of_one_centre_only(data, centre_a, centre_b):
    period = period_around_today()
    figures = counted(period, [centre_b.pk])
    assert figures == nonzero(independent_counts(period, [centre_b.pk]))
    assert all(set(by_centre) == {centre_b.pk} for by_centre in figures.values())


def test_workshops_by_phase_and_turnout(data, centre_a, centre_b):
    figures = compute_all(period_around_today())
    assert figures["participation.workshops_voting"] == {centre_a.pk: 1}
    assert figures["participation.workshops_results"] == {centre_a.pk: 1}
    assert figures["participation.workshops_proposals"] == {centre_b.pk: 1}
    # The voting workshop of A has 40 possible voters: 4 ballots online with supports + 12 paper ballots.
    # Its vote closes tomorrow: in a period holding its closing day.
    assert figures["participation.turnout"] == {centre_a.pk: Ratio(16, 40)}


def test_outside_the_period_nothing_counts(data):
    long_ago = Period.year(2019)
    assert counted(long_ago, None) == {}


def test_erased_accounts_stay_counted_but_are_gone(data, client, centre_a, centre_b):
    period = period_around_today()
    before = counted(period, None)
    people = data["people"]
    ids = [people[0].pk, people[4].pk, people[8].pk, data["desk"][0].pk]
    # The person deletes their own account through the real page; the others as the admin does.
    client.force_login(people[0])
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302
    for person in (people[4], people[8], data["desk"][0]):
        erase_all(person)
        person.delete()
    assert not get_user_model().objects.filter(pk__in=ids).exists()
    assert not Ballot.objects.filter(user_id__in=ids).exists()
    assert not Proposal.objects.filter(author_id__in=ids).exists()
    assert not CV.objects.filter(owner_id__in=ids).exists()
    after = counted(period, None)
    # Distinct accounts are gone from "with an account"; everything else is kept.
    assert after.pop("participation.accounts") == {centre_a.pk: 5}  # was {A: 6, B: 1}
    before.pop("participation.accounts")
    assert after == before


def test_cv_emptied_from_the_bin_stays_counted(data):
    period = period_around_today()
    before = counted(period, None)
    for cv in data["cvs"]:
        cv.erase()
    assert counted(period, None) == before


def test_every_indicator_is_declared_once():
    keys = [indicator.key for indicator in all_indicators()]
    assert len(keys) == len(set(keys))
    sections = {key.split(".")[0] for key in keys}
    assert sections == {"participation", "accounts", "cv_builder", "toolkit", "site"}
