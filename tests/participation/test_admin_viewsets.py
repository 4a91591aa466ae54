"""The participation admin on Wagtail's viewsets: scoped lists, filters and exports, confirmation
pages before destroying, readable history."""

import csv
import io
from datetime import date

import openpyxl
from django.utils import timezone

from participation.models import Proposal, TallySheet, VotingCode

from .conftest import confirmed_sheet, make_proposal, make_workshop


def csv_rows(response):
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_exports_hold_only_own_centre_and_neutralise_formulas(client, centre_a, centre_b, staff_a):
    mine = make_workshop(centre_a, "proposals")
    make_proposal(mine, title='=HYPERLINK("http://x")', status=Proposal.Status.PENDING, on_paper=True)
    make_proposal(make_workshop(centre_b, "proposals"), title="Idée de B", status=Proposal.Status.PENDING)
    client.force_login(staff_a)
    rows = csv_rows(client.get("/admin/participation/?statut=all&export=csv"))
    assert rows[0][:2] == ["Référence", "Titre"]
    assert len(rows) == 2
    assert rows[1][1] == '\'=HYPERLINK("http://x")'
    assert "Oui" in rows[1] and "En attente de relecture" in rows[1][6]
    assert not any("Idée de B" in cell for row in rows for cell in row)
    response = client.get("/admin/participation/?statut=all&export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values) == 2 and values[1][1] == '\'=HYPERLINK("http://x")'
    assert sheet.cell(2, 2).data_type == "s"


def test_filters_offer_only_own_workshops_and_search_works(client, centre_a, centre_b, staff_a):
    mine = make_workshop(centre_a, "proposals", title="Atelier du square")
    theirs = make_workshop(centre_b, "proposals", title="Atelier secret de B")
    make_proposal(mine, title="Des bancs", status=Proposal.Status.PENDING)
    make_proposal(mine, title="Un potager", status=Proposal.Status.PENDING)
    client.force_login(staff_a)
    page = client.get("/admin/participation/").text
    assert "Atelier du square" in page and "Atelier secret de B" not in page
    found = client.get("/admin/participation/?q=potager").text
    assert "Un potager" in found and "Des bancs" not in found
    # Asking for another centre's workshop in the filter reveals nothing of it (not a valid choice).
    other = client.get(f"/admin/participation/?workshop={theirs.pk}")
    assert other.status_code == 200 and "Atelier secret de B" not in other.text
    for url in ("/admin/participation/feuilles/?export=csv", "/admin/participation/codes/?export=csv"):
        assert client.get(url).status_code == 200


def test_other_centres_sheets_and_codes_are_not_listed_nor_exported(client, centre_a, centre_b, staff_a, staff_b):
    theirs = make_workshop(centre_b, "results")
    confirmed_sheet(theirs, date(2026, 3, 14), {make_proposal(theirs): 4})
    VotingCode.create_batch(theirs, 3, batch="Lot de B")
    client.force_login(staff_a)
    assert len(csv_rows(client.get("/admin/participation/feuilles/?export=csv"))) == 1
    assert len(csv_rows(client.get("/admin/participation/codes/?export=csv"))) == 1
    assert "Lot de B" not in client.get("/admin/participation/codes/").text
    client.force_login(staff_b)
    assert len(csv_rows(client.get("/admin/participation/codes/?export=csv"))) == 4


def test_revoking_a_batch_asks_first_and_the_batch_stays_listed(client, staff_a, staff_b, voting_workshop):
    VotingCode.create_batch(voting_workshop, 3, batch="Marché")
    url = f"/admin/participation/atelier/{voting_workshop.pk}/codes/revoquer-lot/"
    client.force_login(staff_b)
    assert client.get(url, {"batch": "Marché"}).status_code == 403
    assert client.post(url, {"batch": "Marché"}).status_code == 403
    client.force_login(staff_a)
    page = client.get(url, {"batch": "Marché"})
    assert page.status_code == 200
    assert "3 codes du lot « Marché »" in page.text and "Oui, révoquer" in page.text
    assert not VotingCode.objects.filter(revoked_at__isnull=False).exists()
    client.post(url, {"batch": "Marché"})
    assert VotingCode.objects.filter(revoked_at__isnull=False).count() == 3
    workshop_page = client.get(f"/admin/participation/atelier/{voting_workshop.pk}/").text
    assert "Marché" in workshop_page and "Lot révoqué" in workshop_page


def test_revoking_one_code_asks_first(client, staff_a, voting_workshop):
    [code] = VotingCode.create_batch(voting_workshop, 1, batch="Lot 1")
    url = f"/admin/participation/atelier/{voting_workshop.pk}/codes/revoquer/"
    client.force_login(staff_a)
    page = client.get(url, {"code": code[:4]})
    assert page.status_code == 200 and f"Révoquer le code {code[:4]}" in page.text
    assert VotingCode.objects.get().revoked_at is None
    client.post(url, {"code": code[:4]})
    assert VotingCode.objects.get().revoked_at is not None


def test_deleting_a_tally_sheet_asks_first_and_other_centres_cannot(client, centre_a, staff_a, staff_b):
    workshop = make_workshop(centre_a, "results")
    sheet = confirmed_sheet(workshop, date(2026, 3, 14), {make_proposal(workshop): 4})
    url = f"/admin/participation/feuilles/delete/{sheet.pk}/"
    client.force_login(staff_b)
    assert client.get(url).status_code in (302, 403, 404)
    assert client.post(url).status_code in (302, 403, 404)
    assert TallySheet.objects.filter(pk=sheet.pk).exists()
    client.force_login(staff_a)
    page = client.get(url).text
    assert "Ce qui sera perdu" in page and "14/03/2026" in page and "2 saisies" in page
    assert client.post(url).status_code == 302
    assert not TallySheet.objects.filter(pk=sheet.pk).exists()


def test_history_reads_labels_and_french_dates(client, centre_a, staff_a):
    proposal = make_proposal(make_workshop(centre_a, "proposals"), status=Proposal.Status.PENDING)
    proposal.publish(staff_a)
    proposal.answer(staff_a, Proposal.Outcome.SELECTED, "En mai.")
    client.force_login(staff_a)
    page = client.get(f"/admin/participation/proposition/{proposal.pk}/").text
    assert "« En attente de relecture » → « Publiée »" in page
    assert "« Pas encore décidé » → « Retenue »" in page or "→ « Retenue »" in page
    assert "pending" not in page.split("Historique")[-1]
    assert timezone.localtime(proposal.history.first().history_date).strftime("%d/%m/%Y") in page


def test_refusing_needs_a_reason_and_goes_through_save(centre_a, staff_a):
    import pytest

    proposal = make_proposal(make_workshop(centre_a, "proposals"), status=Proposal.Status.PENDING)
    with pytest.raises(ValueError):
        proposal.refuse(staff_a, "  ")
    proposal.refuse(staff_a, "Hors du quartier.")
    record = proposal.history.first()
    assert record.status == "rejected" and record.history_user == staff_a and record.history_change_reason == "Refusée"


def test_a_workshops_proposals_csv_is_the_lists_export_for_that_workshop(client, centre_a, staff_a):
    square = make_workshop(centre_a, "proposals", title="Atelier du square")
    other = make_workshop(centre_a, "proposals", title="Atelier de la gare")
    make_proposal(square, title="Des bancs", status=Proposal.Status.PENDING, on_paper=True)
    make_proposal(square, title="Un potager", status=Proposal.Status.REJECTED)
    make_proposal(other, title="Un abri vélo")
    client.force_login(staff_a)
    response = client.get(f"/admin/participation/atelier/{square.pk}/propositions.csv")
    assert response["Content-Disposition"] == f'attachment; filename="propositions-{square.slug}.csv"'
    rows = csv_rows(response)
    listing = csv_rows(client.get(f"/admin/participation/?statut=all&workshop={square.pk}&export=csv"))
    # The same columns as the list's export, less the workshop (one workshop: it would repeat).
    assert rows[0] == [heading for heading in listing[0] if heading != "Atelier collaboratif"]
    assert rows[0][:3] == ["Référence", "Titre", "Description"]
    # Every status, by reference; nothing of the other workshop.
    assert [row[1] for row in rows[1:]] == ["Des bancs", "Un potager"]
    assert "Oui" in rows[1] and "Refusée" in rows[2]


def test_another_centres_workshop_screens_answer_403_in_french(client, centre_b, staff_a, staff_b):
    workshop = make_workshop(centre_b, "results")
    proposal = make_proposal(workshop)
    client.force_login(staff_a)
    base = f"/admin/participation/atelier/{workshop.pk}/"
    urls = [
        f"/admin/participation/proposition/{proposal.pk}/",
        f"/admin/participation/edit/{proposal.pk}/",
        base,
        f"{base}proposition-papier/",
        f"{base}resultats.csv",
        f"{base}propositions.csv",
        f"{base}codes/revoquer/?code=ABCD",
        f"{base}codes/revoquer-lot/?batch=Lot",
        f"{base}bulletins-papier/",
        f"{base}feuilles.csv",
        f"{base}bulletin.pdf",
        f"{base}affiche.pdf",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Ceci appartient à un autre centre" in response.text, url
    for url in (urls[0], f"{base}codes/", f"{base}codes/revoquer-lot/"):
        assert client.post(url, {"mod-action": "publish", "count": 5, "batch": "Lot"}).status_code == 403, url
    proposal.refresh_from_db()
    assert not VotingCode.objects.exists() and proposal.status == Proposal.Status.PUBLISHED
    # The centre's own team reaches them all.
    client.force_login(staff_b)
    assert all(client.get(url).status_code in (200, 302) for url in urls[:4]), "own team"


def test_the_proposal_page_is_the_viewsets_edit_view(client, centre_a, staff_a):
    workshop = make_workshop(centre_a, "results")
    proposal = make_proposal(workshop, title="Des bancs")
    client.force_login(staff_a)
    # The list's links (Wagtail's "edit") and the workshop page's links open the same page.
    listing = client.get("/admin/participation/?statut=all").text
    assert f"/admin/participation/proposition/{proposal.pk}/" in listing
    page = client.get(f"/admin/participation/edit/{proposal.pk}/")
    assert page.status_code == 200 and "Des bancs" in page.text
    # A bad outcome: 400, a French message, nothing saved.
    response = client.post(f"/admin/participation/edit/{proposal.pk}/", {"out-outcome": "nonsense"})
    assert response.status_code == 400 and "Rien n’a été enregistré" in response.text
    response = client.post(
        f"/admin/participation/proposition/{proposal.pk}/",
        {"out-outcome": "selected", "out-official_answer": "Les bancs arrivent en mai."},
    )
    assert response.status_code == 302 and response["Location"] == f"/admin/participation/proposition/{proposal.pk}/"
    proposal.refresh_from_db()
    assert proposal.outcome == "selected" and proposal.official_answer == "Les bancs arrivent en mai."
    assert proposal.history.first().history_change_reason == "Suite donnée"


def test_a_refusal_without_reason_shows_no_error_on_the_outcome_form(client, centre_a, staff_a):
    proposal = make_proposal(make_workshop(centre_a, "proposals"), status=Proposal.Status.PENDING)
    client.force_login(staff_a)
    response = client.post(f"/admin/participation/proposition/{proposal.pk}/", {"mod-action": "reject"})
    assert response.status_code == 400
    assert response.context["moderation_form"].errors and not response.context["outcome_form"].is_bound
