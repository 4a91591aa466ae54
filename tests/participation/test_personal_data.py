"""Deleting an account: proposals stay signed "une habitante ou un habitant", supports stay counted."""

from accounts.personal_data import erase_all, export_all
from participation.models import Ballot, Proposal, Support

from .conftest import make_proposal


def test_export_lists_proposals_and_supports(client, resident, voting_workshop, proposals):
    mine = make_proposal(voting_workshop, title="Mon idée", author=resident)
    client.force_login(resident)
    client.post(f"/participer/atelier/{voting_workshop.pk}/soutenir/{proposals[0].pk}/")
    data = export_all(resident)["participation"]
    assert [p["reference"] for p in data["proposals"]] == [mine.reference]
    assert [s["proposal"] for s in data["supports"]] == [proposals[0].reference]


def test_account_deletion_keeps_counts_and_anonymises(client, resident, other_resident, voting_workshop, proposals):
    mine = make_proposal(voting_workshop, title="Mon idée", author=resident)
    for user in (resident, other_resident):
        client.force_login(user)
        client.post(f"/participer/atelier/{voting_workshop.pk}/soutenir/{mine.pk}/")
    assert mine.supports.count() == 2
    resident_pk = resident.pk
    erase_all(resident)
    resident.delete()
    mine.refresh_from_db()
    assert mine.author is None
    assert str(mine.author_name) == "une habitante ou un habitant"
    assert Support.objects.filter(proposal=mine).count() == 2
    assert Ballot.objects.filter(user__isnull=True).count() == 1
    assert not Proposal.history.filter(author_id=resident_pk).exists()
    client.logout()
    assert "par une habitante ou un habitant" in client.get(voting_workshop.url).text


def test_plain_user_deletion_without_erase_handlers_also_keeps_counts(client, resident, voting_workshop, proposals):
    client.force_login(resident)
    client.post(f"/participer/atelier/{voting_workshop.pk}/soutenir/{proposals[1].pk}/")
    resident.delete()
    assert proposals[1].supports.count() == 1
