"""Results and exports give the paper figures: ballots cast (not supports), blank, spoilt, voters, codes."""

import csv
import io
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation.models import Ballot, Support, VotingCode
from participation.paper import Typed, figures_for_workshops, record_entry

from .conftest import confirmed_sheet, make_proposal, make_workshop
from .test_results import set_phase


def csv_rows(response):
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def build(centre):
    """The issue's example: 10+7+8+8+4 = 37 paper supports from 16 ballots cast (2 blank, 1 spoilt)."""
    workshop = make_workshop(centre, "voting")
    ideas = [make_proposal(workshop, title=f"Idée {i}") for i in range(1, 6)]
    confirmed_sheet(workshop, date(2026, 3, 14), dict(zip(ideas, (10, 7, 8, 8, 4), strict=True)), 16, 2, 1)
    # A sheet typed once only: never counted.
    record_entry(workshop, date(2026, 3, 21), Typed(50, 0, 0, {ideas[4].pk: 50}), ideas, None)
    for proposal in ideas[:2]:
        Support.objects.create(ballot=Ballot.objects.create(workshop=workshop), proposal=proposal)
    [code] = VotingCode.create_batch(workshop, 1)
    code_ballot = Ballot.objects.create(workshop=workshop, code=VotingCode.objects.get(lookup=code[:4]))
    Support.objects.bulk_create([Support(ballot=code_ballot, proposal=p) for p in ideas[2:5]])
    Ballot.objects.create(workshop=workshop)  # a ballot left without any support is no voter
    set_phase(workshop, "results")
    return workshop, ideas


def test_results_page_counts_ballots_not_supports(client, centre_a):
    workshop, _ideas = build(centre_a)
    for url in (f"/participer/atelier/{workshop.pk}/resultats/", workshop.url):
        text = client.get(url).text
        assert "16 bulletins papier déposés (2 blancs, 1 nuls)." in text
        assert "3 personnes ont voté en ligne (codes de vote utilisés : 1)." in text
        assert "5 soutiens en ligne et 37 sur papier." in text
        assert "1 feuille de dépouillement est encore à vérifier" in text
        assert "Idée 5 : 5 (1 en ligne, 4 sur papier)" in text  # the unconfirmed 50 are not there


def test_results_and_sheet_exports_give_the_paper_figures(client, centre_a, staff_a):
    workshop, ideas = build(centre_a)
    client.force_login(staff_a)
    rows = csv_rows(client.get(f"/admin/participation/atelier/{workshop.pk}/resultats.csv"))
    ranking = {row[1]: row[3:6] for row in rows[1:6]}
    assert ranking[ideas[0].reference] == ["1", "10", "11"]
    assert ranking[ideas[4].reference] == ["1", "4", "5"]
    summary = {row[0]: row[1] for row in rows[7:]}
    assert summary == {
        "Votants en ligne": "3",
        "dont avec un code de vote": "1",
        "Bulletins papier déposés": "16",
        "Bulletins papier blancs": "2",
        "Bulletins papier nuls": "1",
        "Feuilles de dépouillement confirmées": "1",
        "Feuilles de dépouillement à vérifier (non comptées)": "1",
    }
    sheets = csv_rows(client.get(f"/admin/participation/atelier/{workshop.pk}/feuilles.csv"))
    assert sheets[0][:6] == ["Date de la séance", "État", "Bulletins déposés", "Blancs", "Nuls", "Bulletins valables"]
    assert sheets[0][6:11] == [p.reference for p in ideas]
    assert sheets[1][:11] == ["14/03/2026", "Confirmée", "16", "2", "1", "13", "10", "7", "8", "8", "4"]
    assert sheets[2][:2] == ["21/03/2026", "À vérifier"] and sheets[2][10] == "50"


def test_sheet_export_waits_for_the_results_like_the_others(client, centre_a, staff_a, staff_b):
    workshop = make_workshop(centre_a, "voting")
    proposal = make_proposal(workshop)
    confirmed_sheet(workshop, date(2026, 3, 14), {proposal: 89})
    client.force_login(staff_a)
    response = client.get(f"/admin/participation/atelier/{workshop.pk}/feuilles.csv")
    assert response.status_code == 409 and "89" not in response.content.decode()
    set_phase(workshop, "results")
    client.force_login(staff_b)
    assert client.get(f"/admin/participation/atelier/{workshop.pk}/feuilles.csv").status_code == 403


def test_figures_for_many_workshops_in_two_queries(centre_a):
    """What the indicators read: turnout per workshop, whatever the number of workshops."""
    workshop, _ideas = build(centre_a)
    others = [make_workshop(centre_a, "results") for _ in range(3)]
    with CaptureQueriesContext(connection) as queries:
        figures = figures_for_workshops([workshop.pk, *(w.pk for w in others)])
    assert len(queries.captured_queries) == 2
    mine = figures[workshop.pk]
    assert (mine.ballots_cast, mine.blank, mine.spoilt, mine.valid_ballots) == (16, 2, 1, 13)
    assert (mine.online_voters, mine.codes_used, mine.voters) == (3, 1, 19)
    assert (mine.sheets, mine.sheets_to_check) == (1, 1)
    assert figures[others[0].pk].voters == 0
