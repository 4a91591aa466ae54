"""Moderation: invisible until published, scoped to the centre's staff (403 elsewhere), history kept."""

from participation.models import Proposal

from .conftest import make_proposal, make_workshop


def test_unpublished_proposals_are_invisible_to_the_public_and_other_centres(
    client, centre_a, staff_a, staff_b, resident, other_resident
):
    workshop = make_workshop(centre_a, "voting")
    pending = make_proposal(workshop, title="En attente secrète", status=Proposal.Status.PENDING, author=resident)
    rejected = make_proposal(workshop, title="Refusée secrète", status=Proposal.Status.REJECTED, author=resident)
    for user in (None, other_resident, staff_b):
        client.logout()
        if user:
            client.force_login(user)
        page = client.get(workshop.url).text
        assert "secrète" not in page
        for proposal in (pending, rejected):
            assert client.get(f"/participer/proposition/{proposal.reference}/").status_code == 404
    # The author and the centre's staff can read them.
    for user in (resident, staff_a):
        client.force_login(user)
        response = client.get(f"/participer/proposition/{pending.reference}/")
        assert response.status_code == 200
        assert "En attente secrète" in response.text


def test_queue_lists_only_own_centres_and_other_centre_gets_403(client, centre_a, centre_b, staff_a, staff_b):
    proposal_a = make_proposal(make_workshop(centre_a, "proposals"), title="Idée de A", status="pending")
    proposal_b = make_proposal(make_workshop(centre_b, "proposals"), title="Idée de B", status="pending")
    client.force_login(staff_a)
    queue = client.get("/admin/participation/").text
    assert "Idée de A" in queue
    assert "Idée de B" not in queue
    assert client.get(f"/admin/participation/proposition/{proposal_b.pk}/").status_code == 403
    response = client.post(f"/admin/participation/proposition/{proposal_b.pk}/", {"mod-action": "publish"})
    assert response.status_code == 403
    proposal_b.refresh_from_db()
    assert proposal_b.status == Proposal.Status.PENDING
    assert client.get(f"/admin/participation/atelier/{proposal_b.workshop_id}/").status_code == 403
    assert client.get(f"/admin/participation/atelier/{proposal_b.workshop_id}/propositions.csv").status_code == 403
    assert client.get(f"/admin/participation/proposition/{proposal_a.pk}/").status_code == 200


def test_residents_cannot_reach_the_admin_queue(client, resident):
    client.force_login(resident)
    response = client.get("/admin/participation/")
    assert response.status_code in (302, 403)


def test_publish_reject_outcome_and_history(client, centre_a, staff_a, resident):
    workshop = make_workshop(centre_a, "proposals")
    client.force_login(resident)
    client.post(f"/participer/atelier/{workshop.pk}/proposer/", {"title": "Un potager", "description": "Partagé."})
    proposal = Proposal.objects.get()
    assert proposal.reference.startswith("BEL-")
    client.force_login(staff_a)
    url = f"/admin/participation/proposition/{proposal.pk}/"
    # A rejection needs a reason.
    response = client.post(url, {"mod-action": "reject", "mod-reason": ""})
    assert response.status_code == 400
    response = client.post(url, {"mod-action": "reject", "mod-reason": "Hors du quartier."})
    assert response.status_code == 302
    client.force_login(resident)
    page = client.get(workshop.url).text
    assert "Hors du quartier." in page
    client.force_login(staff_a)
    client.post(url, {"mod-action": "publish"})
    client.post(url, {"out-outcome": "selected", "out-official_answer": "Le potager sera installé en mai."})
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PUBLISHED and proposal.outcome == "selected"
    records = list(proposal.history.order_by("history_date"))
    assert [r.status for r in records] == ["pending", "rejected", "published", "published"]
    assert records[0].history_user == resident
    assert {r.history_user for r in records[1:]} == {staff_a}
    page = client.get(url).text
    assert "Hors du quartier." in page and "Le potager sera installé en mai." in page
    assert "Équipe A" in page or "staff-a" in page
    public = client.get(f"/participer/proposition/{proposal.reference}/").text
    assert "Retenue" in public and "Le potager sera installé en mai." in public


def test_staff_type_in_a_paper_proposal(client, centre_a, staff_a):
    workshop = make_workshop(centre_a, "proposals")
    client.force_login(staff_a)
    response = client.post(
        f"/admin/participation/atelier/{workshop.pk}/proposition-papier/",
        {"title": "Une fresque", "description": "Sur le mur du centre.", "on_behalf_of": "Mme D."},
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.on_paper and proposal.entered_by == staff_a and proposal.author is None
    assert proposal.author_name == "Mme D."


def test_references_are_sequential_per_centre_and_year(centre_a, centre_b):
    wa = make_workshop(centre_a, "proposals")
    wb = make_workshop(centre_b, "proposals")
    refs = [make_proposal(wa).reference, make_proposal(wa).reference, make_proposal(wb).reference]
    year = refs[0].split("-")[1]
    assert refs == [f"BEL-{year}-0001", f"BEL-{year}-0002", f"ECH-{year}-0001"]


# Reports and hiding: tests/participation/test_reports.py


def test_anonymous_must_log_in_to_report(client, voting_workshop, proposals):
    response = client.post(f"/participer/proposition/{proposals[0].reference}/signaler/", {"reason": "x"})
    assert response.status_code == 302
    assert "/compte/login/" in response["Location"]
