"""The report page, its exports and the annual PDF: suppression, permissions, bad input, queries."""

import csv
import io
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from home.centre_groups import ensure_centre_group
from home.models import AnnualReportComment
from participation.models import Proposal
from tests.conftest import make_centre, make_user
from tests.home.indicator_data import build, vote
from tests.participation.conftest import make_proposal, make_workshop

pytestmark = pytest.mark.django_db
REPORT = "/admin/indicateurs/"
YEAR = timezone.localdate().year


def row_cells(html, label, table=0):
    """The cells of the row headed `label`: in the comparison table (0) or the table by centre (-1)."""
    matches = re.findall(r'<th scope="row">' + re.escape(label) + r"</th>(.*?)</tr>", unescape(html), re.S)
    assert len(matches) == 2, label
    return [cell.strip() for cell in re.findall(r"<td>(?:<strong>)?(.*?)(?:</strong>)?</td>", matches[table])]


def participants(centre, n):
    workshop = make_workshop(centre, "voting")
    proposal = make_proposal(workshop)
    for i in range(n):
        vote(workshop, [proposal], user=make_user(f"votant-{centre.pk}-{i}"))
    return workshop


@pytest.mark.parametrize(("n", "shown"), [(0, "0"), (1, "moins de 5"), (4, "moins de 5"), (5, "5")])
def test_small_numbers_in_page_chart_and_exports(client, staff_a, centre_a, n, shown):
    participants(centre_a, n)
    client.force_login(staff_a)
    response = client.get(REPORT, {"kind": "year", "year": YEAR})
    html = response.content.decode()
    assert response.status_code == 200
    assert row_cells(html, "Participants en ligne (ont proposé ou soutenu)")[0] == shown
    assert row_cells(html, "Participants en ligne (ont proposé ou soutenu)")[1] == "0"  # last year
    # The chart's description and its figure say the same; a suppressed bar is drawn empty.
    chart = re.search(r'<svg[^>]*aria-labelledby="chart-participation-participants-years-title.*?</svg>', html, re.S)
    assert f"{YEAR} : {shown}" in unescape(chart.group(0))
    if shown == "moins de 5":
        assert "<rect" not in chart.group(0).split("</g>")[0]
    exported = client.get(reverse("indicators:export_csv"), {"kind": "year", "year": YEAR})
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig")), delimiter=";"))
    line = next(r for r in rows if r[0] == str(YEAR) and r[2] == "Participants en ligne (ont proposé ou soutenu)")
    assert line[3] == shown
    book = load_workbook(io.BytesIO(client.get(reverse("indicators:export_xlsx"), {"year": YEAR}).content))
    values = [[c.value for c in r] for r in book.active.iter_rows()]
    line = next(r for r in values if r[0] == str(YEAR) and r[2] == "Participants en ligne (ont proposé ou soutenu)")
    assert line[3] == (n if n == 0 or n >= 5 else "moins de 5")


def test_total_never_gives_a_hidden_cell_back(client, superuser, centre_a, centre_b):
    participants(centre_a, 3)
    participants(centre_b, 20)
    client.force_login(superuser)
    html = client.get(REPORT, {"year": YEAR}).content.decode()
    cells = row_cells(html, "Participants en ligne (ont proposé ou soutenu)", table=-1)
    # Columns: Belencontre, l'Écho, network (no centre), total.
    assert cells[:3] == ["moins de 5", "20", "0"]
    assert cells[3] == "entre 21 et 24"
    assert "23" not in cells
    # The comparison table and the charts show the same range, never the exact total.
    assert row_cells(html, "Participants en ligne (ont proposé ou soutenu)")[0] == "entre 21 et 24"
    assert "23" not in re.sub(r"<rect[^>]*>", "", html.split("chart-participation-participants-centres", 1)[1][:3000])


def test_centre_staff_never_see_another_centre(client, home_page, centre_a, centre_b, staff_a, staff_b):
    build(home_page, centre_a, centre_b, staff_a, staff_b)
    for i in range(7):
        make_proposal(make_workshop(centre_b, "proposals"), title=f"Seulement B {i}")
    client.force_login(staff_a)
    html = client.get(REPORT).content.decode()
    assert "Belencontre" in html and "l'Écho" not in unescape(html)
    assert row_cells(html, "Propositions déposées")[0] == str(
        Proposal.objects.filter(workshop__centre=centre_a).count()
    )
    # Asking for B: refused with a message, A's own figures shown instead.
    refused = client.get(REPORT, {"centre": centre_b.pk})
    assert refused.status_code == 400
    assert "Choisissez un de vos centres." in refused.content.decode()
    assert "l'Écho" not in unescape(refused.content.decode()).split("<main", 1)[-1].split("</select>")[-1]
    exported = client.get(reverse("indicators:export_csv"))
    text = exported.content.decode("utf-8-sig")
    assert "Écho" not in text and "Réseau" not in text
    assert client.get(reverse("indicators:export_csv"), {"centre": centre_b.pk}).status_code == 400
    assert client.get(reverse("indicators:export_xlsx"), {"centre": centre_b.pk}).status_code == 400
    for key in (centre_b.pk, "reseau", "abc"):
        assert client.get(reverse("indicators:annual_pdf", args=[YEAR, key])).status_code == 403
        assert client.get(reverse("indicators:annual", args=[YEAR, key])).status_code == 403
        assert client.post(reverse("indicators:annual", args=[YEAR, key]), {"text": "x"}).status_code == 403
    assert not AnnualReportComment.objects.exists()


def test_anonymous_residents_and_staff_without_centre_are_refused(client, centre_a, resident):
    assert client.get(REPORT).status_code == 302  # to the admin's login
    assert client.get(reverse("indicators:export_csv")).status_code == 302
    client.force_login(resident)
    assert client.get(REPORT).status_code in (302, 403)
    # An admin user of no centre (may use the admin, edits no centre).
    lonely = make_user("sans-centre")
    group = ensure_centre_group(make_centre(centre_a.get_parent(), "autre", "Autre centre", "AUT"))
    lonely.groups.add(group)
    group.page_permissions.all().delete()
    client.force_login(lonely)
    assert client.get(REPORT).status_code == 403
    assert client.get(reverse("indicators:export_csv")).status_code == 403


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"kind": "custom"}, "Indiquez les deux dates de la période."),
        ({"kind": "custom", "start": "2026-05-01", "end": "2026-04-01"}, "La fin de la période ne peut pas précéder"),
        ({"year": "deux-mille"}, "Tapez une année comme 2026."),
        ({"kind": "semaine"}, "Choisissez une période."),
        ({"kind": "month", "month": "13"}, "Choisissez un mois de 1 à 12."),
        ({"kind": "custom", "start": "32/01/2026", "end": "2026-02-01"}, "Donnez une date comme 14/03/2026."),
    ],
)
def test_bad_period_gets_a_french_message(client, staff_a, query, message):
    client.force_login(staff_a)
    response = client.get(REPORT, query)
    assert response.status_code == 400
    assert message in unescape(response.content.decode())
    assert client.get(reverse("indicators:export_csv"), query).status_code == 400


def test_periods_month_quarter_custom(client, staff_a, centre_a):
    participants(centre_a, 6)
    today = timezone.localdate()
    client.force_login(staff_a)
    label = "Participants en ligne (ont proposé ou soutenu)"
    for query in (
        {"kind": "month", "year": today.year, "month": today.month},
        {"kind": "quarter", "year": today.year, "quarter": (today.month - 1) // 3 + 1},
        {"kind": "custom", "start": today.isoformat(), "end": today.isoformat()},
    ):
        assert row_cells(client.get(REPORT, query).content.decode(), label)[0] == "6"
    other_month = 1 if today.month != 1 else 2
    html = client.get(REPORT, {"kind": "month", "year": today.year, "month": other_month}).content.decode()
    assert row_cells(html, label)[0] == "0"


def test_annual_report_comment_and_pdf(client, superuser, staff_a, centre_a):
    participants(centre_a, 7)
    client.force_login(staff_a)
    url = reverse("indicators:annual", args=[YEAR, centre_a.pk])
    too_long = client.post(url, {"text": "x" * 3001})
    assert too_long.status_code == 400
    assert "3 000 caractères au maximum" in unescape(too_long.content.decode())
    assert "x" * 3001 in too_long.content.decode()  # nothing typed is lost
    assert client.post(url, {"text": "Une année de fêtes de quartier."}).status_code == 302
    pdf = client.get(reverse("indicators:annual_pdf", args=[YEAR, centre_a.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert f"Rapport annuel {YEAR}" in text
    assert "Une année de fêtes de quartier." in text
    assert "Participants en ligne" in text and "l'Écho" not in text
    client.force_login(superuser)
    network = client.get(reverse("indicators:annual_pdf", args=[YEAR, "reseau"]))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(network.content)).pages)
    assert "Tout le réseau" in text and "Une année de fêtes" not in text  # the centre's comment is its own


def report_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(REPORT, {"year": YEAR}).status_code == 200
    return len(queries)


# Session, user, admin menu, centres, then 2 x the registry's fixed number of queries (SQLite: one more).
# The report itself, the admin chrome and its menu counts ("À faire", issue 12): constant whatever the data.
REPORT_QUERIES = {"sqlite": 60, "postgresql": 59}


def test_report_queries_do_not_grow_with_the_data(client, home_page, superuser, centre_a, centre_b, staff_a, staff_b):
    client.force_login(superuser)
    client.get(REPORT)  # the admin's first visit sets up per-user state
    empty = report_queries(client)
    build(home_page, centre_a, centre_b, staff_a, staff_b)
    for centre in (centre_a, centre_b, make_centre(home_page, "phalempins", "Phalempins", "PHA")):
        participants(centre, 6)
    assert report_queries(client) == empty == REPORT_QUERIES[connection.vendor]


def test_centre_staff_report_queries_are_pinned(client, django_assert_num_queries, home_page, centre_a, centre_b,
                                                staff_a, staff_b):  # fmt: skip
    build(home_page, centre_a, centre_b, staff_a, staff_b)
    client.force_login(staff_a)
    client.get(REPORT)  # the admin's first visit sets up per-user state
    with django_assert_num_queries(STAFF_REPORT_QUERIES[connection.vendor]):
        assert client.get(REPORT, {"year": YEAR}).status_code == 200
    participants(centre_a, 9)
    with django_assert_num_queries(STAFF_REPORT_QUERIES[connection.vendor]):
        assert client.get(REPORT, {"year": YEAR}).status_code == 200


STAFF_REPORT_QUERIES = {"sqlite": 58, "postgresql": 57}
