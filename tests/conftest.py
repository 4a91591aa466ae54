"""Shared fixtures: a network home page, two centres with their staff, a resident.

Feature tests build on these so that every app tests against the real permission model
(Wagtail page permissions on the centre's subtree).
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from home.centre_groups import ensure_centre_group
from home.models import HomePage
from tests.factories import PASSWORD, CentrePageFactory, UserFactory

__all__ = ["PASSWORD"]


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate-limit counters and cached pages must not leak from one test into another
    # (with REDIS_URL set, the cache outlives the test process). The only autouse cache fixture.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    # Transactional tests (live_server) flush the rows Wagtail's migrations made.
    Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=HomePage(title="Centres sociaux connectés", slug="accueil-test"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "testserver", "port": 80, "root_page": home}
    )
    return home


def make_centre(home, slug, title, code, town="Roubaix"):
    return CentrePageFactory(parent=home, title=title, slug=slug, code=code, town=town)


@pytest.fixture
def centre_a(home_page):
    return make_centre(home_page, "belencontre", "Centre social Belencontre", "BEL", "Tourcoing")


@pytest.fixture
def centre_b(home_page):
    return make_centre(home_page, "echo", "Centre social l'Écho", "ECH", "Roubaix")


def make_user(username, **extra):
    return UserFactory(username=username, **extra)


@pytest.fixture
def staff_a(centre_a):
    user = make_user("staff-a", display_name="Équipe A")
    user.groups.add(ensure_centre_group(centre_a))
    return user


@pytest.fixture
def staff_b(centre_b):
    user = make_user("staff-b", display_name="Équipe B")
    user.groups.add(ensure_centre_group(centre_b))
    return user


@pytest.fixture
def resident(db):
    return make_user("habitante", display_name="Samia")


@pytest.fixture
def other_resident(db):
    return make_user("voisin", display_name="Karim")


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(username="root", password=PASSWORD, email="")
