"""Reports alert the staff; they never silence a proposal during the vote, nor from fresh or unverified accounts."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import ResidentVerification
from participation.models import Support, VotingCode
from tests.conftest import make_user

from .conftest import make_proposal, make_workshop


def report_url(proposal):
    return f"/participer/proposition/{proposal.reference}/signaler/"


def reporters(n, *, verified=False, age=timedelta(0), centre=None, prefix="r"):
    people = []
    for i in range(n):
        user = make_user(f"{prefix}{i}")
        user.date_joined = timezone.now() - age
        user.save(update_fields=["date_joined"])
        if verified:
            ResidentVerification.objects.create(user=user, centre=centre)
        people.append(user)
    return people


def report_by(client, people, proposal, reason="Insultant"):
    for person in people:
        client.force_login(person)
        assert client.post(report_url(proposal), {"reason": reason}).status_code == 302


def test_three_reports_from_fresh_accounts_hide_nothing_and_supports_still_count(client, centre_a):
    workshop = make_workshop(centre_a, "voting", hide_counts_during_vote=False)
    proposal = make_proposal(workshop, title="Contestée")
    [code] = VotingCode.create_batch(workshop, 1)
    client.post(f"/participer/atelier/{workshop.pk}/code/", {"code": code})
    client.post(f"/participer/atelier/{workshop.pk}/soutenir/{proposal.pk}/")
    report_by(client, reporters(3), proposal)
    proposal.refresh_from_db()
    assert not proposal.hidden_by_reports and proposal.reports.count() == 3
    client.logout()
    page = client.get(workshop.url).text
    assert "Contestée" in page and "1 soutien" in page
    # New supports still count.
    voter = client.__class__()
    [second] = VotingCode.create_batch(workshop, 1)
    voter.post(f"/participer/atelier/{workshop.pk}/code/", {"code": second})
    assert voter.post(f"/participer/atelier/{workshop.pk}/soutenir/{proposal.pk}/").status_code == 302
    assert Support.objects.filter(proposal=proposal).count() == 2


def test_during_the_vote_even_verified_old_accounts_only_alert(client, centre_a):
    workshop = make_workshop(centre_a, "voting")
    proposal = make_proposal(workshop, title="Contestée")
    report_by(client, reporters(5, verified=True, age=timedelta(days=3), centre=centre_a), proposal)
    proposal.refresh_from_db()
    assert not proposal.hidden_by_reports
    assert proposal.reports.filter(trusted=True).count() == 5


def test_before_the_vote_three_trusted_reports_hide_but_fresh_ones_never(client, centre_a):
    workshop = make_workshop(centre_a, "proposals")
    proposal = make_proposal(workshop, title="Contestée")
    # Verified but created an hour ago, and old but unverified: recorded, not counted.
    report_by(client, reporters(3, verified=True, age=timedelta(hours=1), centre=centre_a, prefix="new"), proposal)
    report_by(client, reporters(3, age=timedelta(days=30), prefix="old"), proposal)
    proposal.refresh_from_db()
    assert not proposal.hidden_by_reports
    report_by(client, reporters(3, verified=True, age=timedelta(days=2), centre=centre_a, prefix="t"), proposal)
    proposal.refresh_from_db()
    assert proposal.hidden_by_reports


def test_one_report_puts_the_proposal_in_the_queue_and_staff_see_who(client, centre_a, staff_a, staff_b):
    workshop = make_workshop(centre_a, "voting")
    proposal = make_proposal(workshop, title="Contestée")
    [reporter] = reporters(1, prefix="signaleuse")
    report_by(client, [reporter], proposal, reason="Propos blessants")
    client.force_login(staff_a)
    queue = client.get("/admin/participation/").text
    assert "Contestée" in queue
    detail = client.get(f"/admin/participation/proposition/{proposal.pk}/").text
    assert "signaleuse0" in detail and "Propos blessants" in detail and "compte non vérifié" in detail
    # Staff of another centre see neither the proposal nor who reported it.
    client.force_login(staff_b)
    assert "Contestée" not in client.get("/admin/participation/").text
    assert client.get(f"/admin/participation/proposition/{proposal.pk}/").status_code == 403
    # The public never sees who reported.
    client.logout()
    assert "signaleuse0" not in client.get(f"/participer/proposition/{proposal.reference}/").text


def test_staff_dismiss_the_reports_and_the_decision_is_in_the_history(client, centre_a, staff_a):
    workshop = make_workshop(centre_a, "proposals")
    proposal = make_proposal(workshop, title="Contestée")
    report_by(client, reporters(3, verified=True, age=timedelta(days=2), centre=centre_a), proposal)
    proposal.refresh_from_db()
    assert proposal.hidden_by_reports
    client.force_login(staff_a)
    response = client.post(f"/admin/participation/proposition/{proposal.pk}/", {"mod-action": "dismiss"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.is_public and proposal.reports_cleared_at is not None
    record = proposal.history.first()
    assert record.history_change_reason == "Signalements écartés" and record.history_user == staff_a
    assert "Contestée" not in client.get("/admin/participation/").text  # out of the queue
    assert "Signalements écartés" in client.get(f"/admin/participation/proposition/{proposal.pk}/").text
    client.logout()
    assert "Contestée" in client.get(workshop.url).text
    # A new report after the review brings it back to the queue at once.
    report_by(client, reporters(1, prefix="late"), proposal)
    client.force_login(staff_a)
    assert "Contestée" in client.get("/admin/participation/").text
