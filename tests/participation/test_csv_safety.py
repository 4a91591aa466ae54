"""Proposals, results and toolkit adoptions CSV: a resident's text never becomes a spreadsheet formula."""

import csv
import io

from participation.models import Proposal

from .conftest import make_workshop

ATTACKS = ['=HYPERLINK("http://evil.example","Cliquez")', "=cmd|' /C calc'!A0", "+1+1", "-1+2", "@SUM(1)"]


def rows_of(response):
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_proposals_and_results_csv_neutralise_formula_cells(client, staff_a, centre_a):
    workshop = make_workshop(centre_a, "results")
    for attack in ATTACKS:
        Proposal.objects.create(
            workshop=workshop,
            title=attack,
            description="\t" + attack,
            official_answer="\r" + attack,
            status=Proposal.Status.PUBLISHED,
        )
    client.force_login(staff_a)
    proposals = rows_of(client.get(f"/admin/participation/atelier/{workshop.pk}/propositions.csv"))
    assert len(proposals) == len(ATTACKS) + 1
    for row in proposals[1:]:
        title, description, answer = row[1], row[2], row[7]
        assert title in ["'" + a for a in ATTACKS]
        assert description.startswith("'\t") and answer.startswith("'\r")
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    results = rows_of(client.get(f"/admin/participation/atelier/{workshop.pk}/resultats.csv"))
    ranking = results[1 : len(ATTACKS) + 1]  # the paper summary rows follow the ranking
    assert sorted(row[2] for row in ranking) == sorted("'" + a for a in ATTACKS)
    # Counts are numbers, not prefixed.
    assert {row[5] for row in ranking} == {"0"}
    for row in results:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert Proposal.objects.filter(title=ATTACKS[0]).exists()  # stored as typed; only the export is neutralised


def test_toolkit_adoptions_csv_neutralises_formula_cells(client, staff_a, home_page):
    from tests.toolkit.conftest import add_resource
    from toolkit.models import Adoption, NeighbouringCentre, PrototypePage, ToolkitIndexPage

    index = home_page.add_child(instance=ToolkitIndexPage(title="Boîte à outils", slug="boite-a-outils"))
    resource = add_resource(index, PrototypePage, title="+Plateforme")
    centre = NeighbouringCentre.objects.create(name='=HYPERLINK("http://x")', town="@Roubaix")
    Adoption.objects.create(centre=centre, resource=resource, stage="testing", adapted="-2+3", feedback="=1+1")
    client.force_login(staff_a)
    rows = rows_of(client.get("/admin/boite-a-outils/suivi/adoptions.csv"))
    row = rows[1]
    assert row[0] == '\'=HYPERLINK("http://x")' and row[1] == "'@Roubaix" and row[3] == "'+Plateforme"
    assert row[9] == "'-2+3" and row[10] == "'=1+1"
