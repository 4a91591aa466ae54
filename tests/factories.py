"""Test data: factory_boy factories (wagtail-factories for pages). The fixtures in conftest.py use them.

UserFactory(username="samia")                    a resident with the shared test PASSWORD
CentrePageFactory(parent=home, code="BEL")       a centre under the network's home page
WorkshopPageFactory(parent=index, phase="results")  dates set for the phase, relative to `now`
ProposalFactory(workshop=workshop)               a published proposal
"""

from datetime import timedelta

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone

from home.models import CentrePage
from participation.models import Proposal, WorkshopIndexPage, WorkshopPage

PASSWORD = "un-mot-de-passe-solide-42"
DAY = timedelta(days=1)

# Start of each phase relative to "now", in days: (proposals_start, proposals_end, voting_start, voting_end)
PHASE_OFFSETS = {
    "upcoming": (1, 2, 3, 4),
    "proposals": (-1, 1, 2, 3),
    "preparing": (-2, -1, 1, 2),
    "voting": (-3, -2, -1, 1),
    "results": (-4, -3, -2, -1),
}


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"personne-{n}")
    password = PASSWORD

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # The manager's create_user, as sign-up does: the password hashed, the email normalised.
        return model_class._default_manager.create_user(*args, **kwargs)


class CentrePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CentrePage

    title = factory.Sequence(lambda n: f"Centre social {n}")
    code = factory.Sequence(lambda n: f"C{n:02d}"[:3])
    town = "Roubaix"


class WorkshopIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WorkshopIndexPage

    title = "Ateliers"
    slug = "ateliers"


def _phase_date(position):
    return factory.LazyAttribute(lambda o: (o.now or timezone.now()) + PHASE_OFFSETS[o.phase][position] * DAY)


class WorkshopPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WorkshopPage

    class Params:
        phase = "voting"
        now = None

    title = factory.Sequence(lambda n: f"Atelier {n}")
    slug = factory.Sequence(lambda n: f"atelier-{n}")
    question = "Que faire du square ?"
    proposals_start = _phase_date(0)
    proposals_end = _phase_date(1)
    voting_start = _phase_date(2)
    voting_end = _phase_date(3)


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    title = "Des bancs au square"
    description = "Pour se reposer."
    status = Proposal.Status.PUBLISHED
    author = None
