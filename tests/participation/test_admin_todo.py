"""The "À faire" panel and the menu counts: each staff member sees their own centres' work only, in a
number of queries that does not grow with the data."""

import json
import re
from datetime import date, timedelta
from html import unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from participation.models import Proposal, ProposalReport, TallySheet
from toolkit.models import JoinRequest

from .conftest import make_proposal, make_workshop


def panel(client):
    html = unescape(client.get("/admin/").text)
    match = re.search(r"<section[^>]*data-todo-panel>(.*?)</section>", html, re.S)
    assert match, "no À faire panel on the dashboard"
    return match.group(1)


def sidebar(client):
    html = client.get("/admin/").text
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    return json.dumps(json.loads(props.group(1)), ensure_ascii=False)


def fill(centre, reporter, *, pending=2, reported=1, sheets=1):
    workshop = make_workshop(centre, "voting")
    for i in range(pending):
        make_proposal(workshop, title=f"Attente {centre.code} {i}", status=Proposal.Status.PENDING)
    for i in range(reported):
        proposal = make_proposal(workshop, title=f"Signalée {centre.code} {i}")
        ProposalReport.objects.create(proposal=proposal, reporter=reporter, reason="Insultant")
    closed = make_workshop(centre, "results", title=f"Atelier clos {centre.code}")
    for i in range(sheets):
        TallySheet.objects.create(workshop=closed, session_date=date(2026, 3, 1) + timedelta(days=i))
    return workshop, closed


def test_staff_see_their_centre_work_and_nothing_of_other_centres(
    client, centre_a, centre_b, staff_a, staff_b, resident
):
    fill(centre_a, resident, pending=3, reported=1, sheets=1)
    fill(centre_b, resident, pending=5, reported=2, sheets=4)
    client.force_login(staff_a)
    text = panel(client)
    assert "3 propositions attendent votre relecture" in text
    assert "1 proposition signalée par des habitants, à regarder" in text
    assert "1 feuille de dépouillement à saisir une seconde fois" in text
    assert "Atelier clos BEL" in text and "Atelier clos ECH" not in text
    # Each line links to the place to act, and the place lists the same items.
    links = re.findall(r'href="([^"]+)"', text)
    queue = client.get(links[0]).text
    assert "Attente BEL 0" in queue and "Signalée BEL 0" in queue and "Attente ECH" not in queue
    assert client.get(links[2]).status_code == 200
    # Menu counts: 3 pending + 1 reported; the sheet to check and the closed workshop for the sheets item.
    menu = sidebar(client)
    assert "Participation (6)" in menu and "À traiter (4)" in menu and "Feuilles de dépouillement (2)" in menu
    client.force_login(staff_b)
    text = panel(client)
    assert "5 propositions attendent" in text and "BEL" not in text
    assert "À traiter (7)" in sidebar(client)


def test_network_admin_sees_join_requests_and_quiet_centres(client, centre_a, superuser, staff_a):
    JoinRequest.objects.create(centre_name="Centre du Pont", town="Hem", contact_name="A", phone="1")
    client.force_login(superuser)
    text = panel(client)
    assert "1 nouvelle demande pour rejoindre la démarche, à transformer en adoption" in text
    assert "Belencontre" in text  # nothing was published under it in the test data
    client.force_login(staff_a)
    text = panel(client)
    assert "demande pour rejoindre" not in text and "rien de publié" not in text


def test_desk_accounts_with_an_unused_first_password(client, centre_a, staff_a, staff_b):
    User.objects.create_user("mme-d", password="x", must_change_password=True, created_by=staff_a)
    User.objects.create_user("m-e", password="x", must_change_password=False, created_by=staff_a)
    client.force_login(staff_a)
    assert "1 compte que vous avez créé à l’accueil" in panel(client)
    client.force_login(staff_b)
    assert "accueil" not in panel(client)


def test_nothing_to_do_says_so(client, centre_a, staff_a):
    client.force_login(staff_a)
    assert "Rien ne vous attend aujourd’hui." in panel(client)


def test_dashboard_queries_do_not_grow_with_the_data(
    client, centre_a, centre_b, staff_a, resident, django_assert_num_queries
):
    fill(centre_a, resident, pending=1, reported=1, sheets=1)
    client.force_login(staff_a)
    client.get("/admin/")  # warm caches (site root, content types)
    with CaptureQueriesContext(connection) as small:
        assert client.get("/admin/").status_code == 200
    for _ in range(3):
        fill(centre_a, resident, pending=15, reported=6, sheets=5)
    fill(centre_b, resident, pending=10, reported=3, sheets=3)
    User.objects.bulk_create(
        [User(username=f"desk{i}", must_change_password=True, created_by=staff_a) for i in range(20)]
    )
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get("/admin/")
    assert "46 propositions attendent" in unescape(response.text)
