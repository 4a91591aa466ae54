"""Views and PDF downloads per resource and month: counted on the server, cache hits included,
nothing about the visitor kept, exact under concurrency."""

import datetime
import threading
from html import unescape

import pytest
from django.db import connection, connections
from django.test import Client

from home.page_cache import HEADER as PAGE_CACHE_HEADER
from home.page_cache import invalidate_page_cache
from toolkit import usage
from toolkit.models import MonthlyUsage, PrototypePage, ResourceFeedback

pytestmark = pytest.mark.django_db


def counts(page):
    row = MonthlyUsage.objects.filter(resource=page).values("views", "downloads").first()
    return (row["views"], row["downloads"]) if row else (0, 0)


def test_views_and_downloads_match_the_requests_made(client, sample_resources):
    cv, method = sample_resources["cv"], sample_resources["method"]
    statuses = [client.get(cv.url).status_code for _ in range(7)]
    statuses += [client.get(cv.url + "pdf/").status_code for _ in range(3)]
    statuses += [client.get(method.url).status_code for _ in range(2)]
    assert set(statuses) == {200}
    assert counts(cv) == (7, 3)
    assert counts(method) == (2, 0)
    assert counts(sample_resources["kezako"]) == (0, 0)
    row = MonthlyUsage.objects.get(resource=cv)
    assert row.month == datetime.date.today().replace(day=1)


def test_page_cache_hits_are_counted_too(client, sample_resources):
    cv = sample_resources["cv"]
    invalidate_page_cache()
    first = client.get(cv.url)
    second = client.get(cv.url)
    assert first[PAGE_CACHE_HEADER] == "miss"
    assert second[PAGE_CACHE_HEADER] == "hit"  # served before routing: the sheet's view did not run
    pdf_first, pdf_second = client.get(cv.url + "pdf/"), client.get(cv.url + "pdf/")
    assert pdf_second.get(PAGE_CACHE_HEADER) == "hit", pdf_first.get(PAGE_CACHE_HEADER)
    assert counts(cv) == (2, 2)


def test_nothing_about_the_visitor_is_set_or_kept(client, sample_resources):
    cv = sample_resources["cv"]
    response = client.get(cv.url, HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 10)", REMOTE_ADDR="198.51.100.7")
    assert usage.USAGE_HEADER not in response  # the marker never leaves the server
    assert not response.cookies
    assert "sessionid" not in client.cookies
    stored = [str(value) for value in MonthlyUsage.objects.values_list("resource_id", "month", "views", "downloads")]
    assert not any("198.51.100.7" in value or "Android" in value for value in stored)
    assert [field.name for field in MonthlyUsage._meta.get_fields()] == [
        "id",
        "resource",
        "month",
        "views",
        "downloads",
    ]


def test_what_is_not_a_read_is_not_counted(client, sample_resources, make_resource, superuser):
    cv = sample_resources["cv"]
    draft = make_resource(PrototypePage, title="Brouillon", live=False)
    assert client.head(cv.url).status_code == 200
    assert client.get(cv.url, HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)").status_code == 200
    assert client.get(f"/boite-a-outils/{draft.slug}/").status_code == 404
    assert client.get(cv.url + "avis/").status_code == 200
    assert client.get("/boite-a-outils/").status_code == 200
    assert counts(cv) == (0, 0)
    assert not MonthlyUsage.objects.exists()
    # An editor's preview in the admin is not a reader either.
    client.force_login(superuser)
    preview = client.get(f"/admin/pages/{cv.pk}/view_draft/")
    assert preview.status_code == 200 and "Plateforme de CV en ligne" in preview.text
    assert not MonthlyUsage.objects.exists()


def test_months_are_kept_apart_and_summed_for_the_indicators(sample_resources):
    cv, method = sample_resources["cv"], sample_resources["method"]
    for day, kind, page in [
        (datetime.date(2026, 10, 3), usage.VIEW, cv),
        (datetime.date(2026, 10, 31), usage.VIEW, cv),
        (datetime.date(2026, 10, 15), usage.DOWNLOAD, method),
        (datetime.date(2026, 11, 1), usage.VIEW, cv),
        (datetime.date(2026, 11, 2), usage.DOWNLOAD, cv),
    ]:
        usage.record(page.pk, kind, day=day)
    assert MonthlyUsage.objects.count() == 3
    assert usage.totals_by_month(datetime.date(2026, 10, 1), datetime.date(2026, 11, 30)) == [
        {"month": datetime.date(2026, 10, 1), "views": 2, "downloads": 1},
        {"month": datetime.date(2026, 11, 1), "views": 1, "downloads": 1},
    ]
    assert usage.totals_by_month(datetime.date(2026, 11, 1)) == [
        {"month": datetime.date(2026, 11, 1), "views": 1, "downloads": 1}
    ]
    assert usage.totals_by_resource(since=datetime.date(2026, 10, 20)) == {
        cv.pk: {"views": 3, "downloads": 1},
        method.pk: {"views": 0, "downloads": 1},
    }
    assert usage.months_back(12, datetime.date(2026, 11, 20)) == datetime.date(2025, 12, 1)
    assert usage.months_back(1, datetime.date(2026, 1, 31)) == datetime.date(2026, 1, 1)


def test_the_network_admin_sees_use_next_to_adoptions_and_feedback(client, sample_resources, staff_a, superuser):
    from toolkit.models import Adoption, NeighbouringCentre

    cv = sample_resources["cv"]
    for _ in range(4):
        client.get(cv.url)
    client.get(cv.url + "pdf/")
    centre = NeighbouringCentre.objects.create(name="Centre du Pont", town="Wattrelos")
    Adoption.objects.create(centre=centre, resource=cv, stage="testing")
    ResourceFeedback.objects.create(resource=cv, centre_name="Pont", verdict="useful")
    ResourceFeedback.objects.create(
        resource=cv, centre_name="Pont", reports_outdated=True, outdated_what="Le téléphone a changé."
    )
    client.force_login(superuser)
    html = unescape(client.get("/admin/boite-a-outils/suivi/").text)
    row = html.split("toolkit-usage-table", 1)[1].split("Plateforme de CV en ligne</a></th>", 1)[1].split("</tr>")[0]
    # views this month, 12 months, downloads, adoptions, useful, not useful, outdated open, to moderate
    assert row.replace(" ", "") == "".join(f"<td>{n}</td>" for n in (4, 4, 1, 1, 1, 0, 1, 2))
    assert "2 avis à modérer" in html
    months = html.split("toolkit-months-table", 1)[1]
    assert "<td>4</td><td>1</td>" in months


def test_usage_overview_query_count_does_not_grow(
    client, sample_resources, make_resource, superuser, django_assert_max_num_queries
):
    client.force_login(superuser)
    client.get("/admin/boite-a-outils/suivi/")
    with django_assert_max_num_queries(60) as before:
        client.get("/admin/boite-a-outils/suivi/")
    for number in range(15):
        page = make_resource(PrototypePage, title=f"Fiche {number}")
        usage.record(page.pk, usage.VIEW)
        ResourceFeedback.objects.create(resource=page, centre_name="Pont", verdict="useful")
    with django_assert_max_num_queries(len(before.captured_queries)):
        assert "Fiche 14" in client.get("/admin/boite-a-outils/suivi/").text


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL for real concurrency")
@pytest.mark.django_db(transaction=True)
def test_forty_readers_at_the_same_second_are_all_counted(sample_resources):
    cv = sample_resources["cv"]
    invalidate_page_cache()
    readers = 40
    barrier = threading.Barrier(readers)
    statuses = [None] * readers

    def read(index):
        try:
            barrier.wait()
            url = cv.url + ("pdf/" if index % 4 == 0 else "")
            statuses[index] = Client().get(url).status_code
        except Exception as exc:  # noqa: BLE001 - asserted below
            statuses[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=read, args=(i,)) for i in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert statuses == [200] * readers
    assert MonthlyUsage.objects.filter(resource=cv).count() == 1
    assert counts(cv) == (30, 10)
