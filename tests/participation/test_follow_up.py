"""A paper proposal's receipt (reference + short secret) and /participer/suivi/: status and timeline, nothing else."""

import re

import pytest

from participation.models import Milestone, PaperFollowUp, Proposal
from participation.models.codes import ALPHABET

from .conftest import make_workshop

SUIVI = "/participer/suivi/"


@pytest.fixture
def paper_proposal(client, centre_a, staff_a):
    workshop = make_workshop(centre_a, "proposals")
    client.force_login(staff_a)
    client.post(
        f"/admin/participation/atelier/{workshop.pk}/proposition-papier/",
        {"title": "Une fresque", "description": "Sur le mur du centre.", "on_behalf_of": "Mme D."},
    )
    return Proposal.objects.get()


def print_receipt(client, proposal):
    response = client.post(f"/admin/participation/proposition/{proposal.pk}/recu/")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    secret = re.search(r'<dd class="receipt-secret">([A-Z0-9]{3}-[A-Z0-9]{3})</dd>', response.text).group(1)
    assert proposal.reference in response.text
    return secret


def test_the_receipt_carries_the_reference_and_a_secret_that_shows_status_and_timeline(client, paper_proposal):
    admin_page = client.get(f"/admin/participation/proposition/{paper_proposal.pk}/")
    assert "Imprimer le reçu de suivi" in admin_page.text
    secret = print_receipt(client, paper_proposal)
    assert all(ch in ALPHABET for ch in secret.replace("-", ""))
    assert secret.replace("-", "") not in PaperFollowUp.objects.get().digest  # only its HMAC is kept
    client.logout()
    assert client.get(SUIVI).status_code == 200
    page = client.post(SUIVI, {"reference": paper_proposal.reference.lower(), "secret": secret.lower()})
    assert page.status_code == 200 and "Une fresque" in page.text and "en attente de relecture" in page.text
    assert "Sur le mur du centre." not in page.text  # status and timeline, nothing else
    paper_proposal.status = Proposal.Status.PUBLISHED
    paper_proposal.outcome = Proposal.Outcome.SELECTED
    paper_proposal.save()
    Milestone.objects.create(proposal=paper_proposal, text="Le mur est nettoyé.", progress="done")
    page = client.post(SUIVI, {"reference": paper_proposal.reference, "secret": secret})
    assert "publiée." in page.text and "Le mur est nettoyé." in page.text and "Réalisé" in page.text


def test_a_new_receipt_replaces_the_old_secret(client, paper_proposal):
    old = print_receipt(client, paper_proposal)
    new = print_receipt(client, paper_proposal)
    assert old != new and PaperFollowUp.objects.count() == 1
    client.logout()
    assert client.post(SUIVI, {"reference": paper_proposal.reference, "secret": old}).status_code == 400
    assert client.post(SUIVI, {"reference": paper_proposal.reference, "secret": new}).status_code == 200


def test_wrong_or_empty_input_is_a_clear_400(client, paper_proposal):
    print_receipt(client, paper_proposal)
    client.logout()
    empty = client.post(SUIVI, {"reference": "", "secret": ""})
    assert empty.status_code == 400 and "Tapez la référence imprimée sur votre reçu." in empty.text
    wrong = client.post(SUIVI, {"reference": paper_proposal.reference, "secret": "AAA-AAA"})
    assert wrong.status_code == 400 and "ne vont pas ensemble" in wrong.text
    unknown = client.post(SUIVI, {"reference": "XXX-2026-9999", "secret": "ACD-E34"})
    assert unknown.status_code == 400 and "ne vont pas ensemble" in unknown.text


def test_guessing_a_secret_is_slowed_like_voting_codes(client, paper_proposal):
    secret = print_receipt(client, paper_proposal)
    client.logout()
    for attempt in range(5):
        assert (
            client.post(
                SUIVI, {"reference": paper_proposal.reference, "secret": f"AAA-AA{ALPHABET[attempt]}"}
            ).status_code
            == 400
        )
    blocked = client.post(SUIVI, {"reference": paper_proposal.reference, "secret": "AAA-AAY"})
    assert blocked.status_code in (400, 429)  # the budget's one slot per interval, then waits
    waited = client.post(SUIVI, {"reference": paper_proposal.reference, "secret": secret})
    assert waited.status_code == 429 and "Attendez" in waited.text and int(waited["Retry-After"]) > 0


def test_only_staff_of_the_centre_print_a_receipt_and_only_for_paper(client, paper_proposal, staff_b, resident):
    url = f"/admin/participation/proposition/{paper_proposal.pk}/recu/"
    client.force_login(staff_b)
    assert client.post(url).status_code == 403
    client.force_login(resident)
    assert client.post(url).status_code in (302, 403)
    assert not PaperFollowUp.objects.exists()
    online = Proposal.objects.create(workshop=paper_proposal.workshop, title="En ligne", description="x")
    client.force_login(paper_proposal.entered_by)
    assert client.post(f"/admin/participation/proposition/{online.pk}/recu/").status_code == 400
    assert client.get(url).status_code == 405
