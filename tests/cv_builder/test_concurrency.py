"""Two saves based on the same version at the same time: exactly one wins, the other gets the 409 page."""

import threading

import pytest
from django.db import connection
from django.test import Client

from cv_builder.models import CV

from .helpers import section_post, section_url


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_simultaneous_saves_never_overwrite_each_other(resident):
    cv = CV.objects.create(owner=resident, data={"basics": {"name": "Léa"}})
    barrier = threading.Barrier(2)
    statuses = {}

    def save(label):
        client = Client()
        client.force_login(resident)
        barrier.wait()
        response = client.post(section_url(cv, "emploi-recherche"), section_post(1, main={"label": label}))
        statuses[label] = response.status_code
        connection.close()

    threads = [threading.Thread(target=save, args=(label,)) for label in ("Cuisinière", "Serveuse")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses.values()) == [302, 409]
    cv.refresh_from_db()
    winner = next(label for label, status in statuses.items() if status == 302)
    assert cv.version == 2 and cv.data["basics"]["label"] == winner
