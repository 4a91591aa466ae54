"""The busiest write of the site, with production's session engine (cached_db on Redis): a support
POST costs at most 4 SQL statements besides the transaction's own (BEGIN/SAVEPOINT/RELEASE).

The session is read from Redis; then the user, the proposal with its workshop, the ballot's lock,
the checked insert. The count is the same whatever the data; integrity is kept (see the
PostgreSQL concurrency tests in tests/participation).
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from participation.models import Support
from tests.participation.conftest import make_proposal, make_workshop

pytestmark = pytest.mark.django_db
TRANSACTION_CONTROL = ("BEGIN", "SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK", "COMMIT")


@pytest.fixture
def production_sessions(redis_url, settings):
    from django.core.cache import cache

    settings.CACHES = {"default": {"BACKEND": "home.redis_cache.RedisCache", "LOCATION": redis_url, "KEY_PREFIX": "s"}}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    cache.clear()
    yield
    cache.clear()


def statements(context):
    return [q["sql"] for q in context.captured_queries if not q["sql"].upper().startswith(TRANSACTION_CONTROL)]


def test_support_post_costs_four_statements(production_sessions, centre_a, resident, other_resident):
    counts = []
    for size in (2, 40):
        workshop = make_workshop(centre_a, "voting", max_supports=5)
        ideas = [make_proposal(workshop, title=f"Choix {i}") for i in range(size)]
        other = Client()
        other.force_login(other_resident)
        other.post(f"/participer/atelier/{workshop.pk}/soutenir/{ideas[1].pk}/")
        client = Client()
        client.force_login(resident)
        client.post(f"/participer/atelier/{workshop.pk}/soutenir/{ideas[0].pk}/")  # the ballot exists now
        with CaptureQueriesContext(connection) as context:
            response = client.post(f"/participer/atelier/{workshop.pk}/soutenir/{ideas[1].pk}/")
        assert response.status_code == 302
        assert Support.objects.filter(ballot__user=resident, proposal=ideas[1]).count() == 1
        counts.append(len(statements(context)))
    assert counts[0] == counts[1] <= 4, counts
    # Counted once: the same click again is refused, nothing added.
    response = client.post(f"/participer/atelier/{workshop.pk}/soutenir/{ideas[1].pk}/")
    assert response.status_code == 409
    assert Support.objects.filter(ballot__user=resident, proposal__workshop=workshop).count() == 2
