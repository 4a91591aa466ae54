"""Participation tells people what happened, whatever code path changed the proposal; emails go through the worker."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.notification_models import Notification
from participation.models import Ballot, Milestone, Proposal, Support
from participation.notify import check_workshops
from tests.conftest import make_user
from tests.image_files import png_bytes
from tests.worker import database_tasks, run_worker  # noqa: F401 (a fixture)

from .conftest import make_proposal, make_workshop

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("database_tasks")]


def messages_of(user, kind=None):
    found = Notification.objects.filter(recipient=user)
    return list((found.filter(kind=kind) if kind else found).values_list("text", flat=True))


@pytest.fixture
def author(db):
    return make_user("autrice", display_name="Nadia", email="nadia@example.fr")


def test_publish_refuse_answer_and_outcome_reach_the_author(client, centre_a, staff_a, author):
    workshop = make_workshop(centre_a, "proposals")
    proposal = make_proposal(workshop, title="Un potager", status=Proposal.Status.PENDING, author=author)
    client.force_login(staff_a)
    url = f"/admin/participation/proposition/{proposal.pk}/"
    assert client.post(url, {"mod-action": "reject", "mod-reason": "Hors du quartier."}).status_code == 302
    assert messages_of(author, "proposal_refused") == [
        f"Votre proposition « Un potager » ({proposal.reference}) n’est pas publiée. Raison : Hors du quartier."
    ]
    client.post(url, {"mod-action": "publish"})
    client.post(url, {"out-outcome": "selected", "out-official_answer": "Le potager sera installé en mai."})
    assert messages_of(author, "proposal_published") and messages_of(author, "proposal_answered")
    assert messages_of(author, "proposal_outcome") == ["Votre proposition « Un potager » : Retenue."]
    assert mail.outbox == []
    run_worker()
    assert len(mail.outbox) == 4 and {m.to[0] for m in mail.outbox} == {"nadia@example.fr"}
    assert all("/compte/messages/desabonner/" in m.body for m in mail.outbox)
    # The same change made in code (another admin screen, a shell) tells too: the signal is on the model.
    proposal.refresh_from_db()
    proposal.outcome = Proposal.Outcome.DONE
    proposal.save()
    assert messages_of(author, "proposal_outcome")[0] == "Votre proposition « Un potager » : Réalisée."


def test_a_save_that_changes_nothing_tells_nothing(centre_a, author):
    proposal = make_proposal(make_workshop(centre_a, "proposals"), author=author)
    proposal.save()
    assert messages_of(author) == []


def test_staff_are_alerted_of_a_new_proposal_and_a_report_not_other_centres(
    client, centre_a, staff_a, staff_b, resident, other_resident
):
    workshop = make_workshop(centre_a, "proposals")
    client.force_login(resident)
    response = client.post(
        f"/participer/atelier/{workshop.pk}/proposer/", {"title": "Des bancs", "description": "Pour se reposer."}
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert messages_of(staff_a, "staff_new_proposal") == [
        f"Nouvelle proposition à relire dans « {workshop.title} » : « Des bancs » ({proposal.reference})."
    ]
    assert messages_of(staff_b) == [] and messages_of(resident) == []
    Proposal.objects.filter(pk=proposal.pk).update(status=Proposal.Status.PUBLISHED)
    client.force_login(other_resident)
    client.post(f"/participer/proposition/{proposal.reference}/signaler/", {"reason": "Propos blessants."})
    assert messages_of(staff_a, "staff_new_report")[0].endswith("a été signalée : Propos blessants.")
    assert messages_of(staff_b) == []
    staff_page = client.get("/compte/messages/")  # the reporter sees none of this
    assert "signalée" not in staff_page.text


def test_a_paper_proposal_typed_by_staff_does_not_alert_the_one_who_typed_it(client, centre_a, staff_a):
    colleague = make_user("collegue", email="")
    colleague.groups.add(staff_a.groups.first())
    workshop = make_workshop(centre_a, "proposals")
    client.force_login(staff_a)
    client.post(
        f"/admin/participation/atelier/{workshop.pk}/proposition-papier/",
        {"title": "Une fresque", "description": "Sur le mur.", "on_behalf_of": "Mme D."},
    )
    assert messages_of(staff_a) == [] and len(messages_of(colleague, "staff_new_proposal")) == 1


def _selected(centre, author):
    workshop = make_workshop(centre, "results")
    return make_proposal(workshop, title="Un potager", author=author, outcome=Proposal.Outcome.SELECTED)


def test_milestones_make_a_timeline_and_tell_author_and_supporters(client, centre_a, staff_a, author, other_resident):
    proposal = _selected(centre_a, author)
    ballot = Ballot.objects.create(workshop=proposal.workshop, user=other_resident)
    Support.objects.create(ballot=ballot, proposal=proposal)
    client.force_login(staff_a)
    url = f"/admin/participation/proposition/{proposal.pk}/suivi/"
    assert client.get(url).status_code == 200
    photo = SimpleUploadedFile("chantier.png", png_bytes(), content_type="image/png")
    response = client.post(
        url,
        {
            "date": "2026-05-04",
            "progress": "under_way",
            "text": "Les bacs sont posés.",
            "photo": photo,
            "photo_alt": "Trois bacs en bois",
        },
    )
    assert response.status_code == 302
    milestone = Milestone.objects.get()
    assert milestone.photo.name.endswith(".jpg") and milestone.created_by == staff_a
    expected = "Des nouvelles de la proposition « Un potager » : En cours — Les bacs sont posés."
    assert messages_of(author) == [expected] and messages_of(other_resident) == [expected]
    client.logout()
    page = client.get(f"/participer/proposition/{proposal.reference}/")
    assert page.status_code == 200 and "Les bacs sont posés." in page.text and "En cours" in page.text
    assert 'alt="Trois bacs en bois"' in page.text
    picture = client.get(f"/participer/proposition/{proposal.reference}/etape/{milestone.pk}/photo/")
    assert picture.status_code == 200 and b"".join(picture.streaming_content)[:2] == b"\xff\xd8"
    run_worker()
    assert [m.to for m in mail.outbox] == [["nadia@example.fr"]]  # the supporter has no address: site only


def test_milestones_bad_input_and_other_centre(client, centre_a, centre_b, staff_a, staff_b, author):
    proposal = _selected(centre_a, author)
    url = f"/admin/participation/proposition/{proposal.pk}/suivi/"
    client.force_login(staff_b)
    assert client.post(url, {"date": "2026-05-04", "progress": "done", "text": "Fini"}).status_code == 403
    client.force_login(staff_a)
    bad = client.post(url, {"date": "pas une date", "progress": "fini", "text": ""})
    assert bad.status_code == 400 and "Saisissez une date valide" in bad.text
    broken = SimpleUploadedFile("x.png", b"not a picture", content_type="image/png")
    no_photo = client.post(url, {"date": "2026-05-04", "progress": "done", "text": "Fini", "photo": broken})
    assert no_photo.status_code == 400
    not_selected = make_proposal(proposal.workshop, title="Autre", author=author)
    refused = client.post(
        f"/admin/participation/proposition/{not_selected.pk}/suivi/",
        {"date": "2026-05-04", "progress": "done", "text": "Fini"},
    )
    assert refused.status_code == 400 and not Milestone.objects.exists()
    assert messages_of(author, "proposal_milestone") == []


def test_a_vote_opening_and_results_are_told_once_to_participants(centre_a, author, other_resident, resident):
    from django.utils import timezone

    voting = make_workshop(centre_a, "voting")
    make_proposal(voting, author=author)
    done = make_workshop(centre_a, "results")
    make_proposal(done, author=author)
    Ballot.objects.create(workshop=done, user=other_resident)
    now = timezone.now()
    assert check_workshops(now) == 3
    assert check_workshops(now) == 0  # told once
    assert [t.split(" :")[0] for t in messages_of(author, "workshop_voting")] == [
        f"Le vote est ouvert dans l’atelier « {voting.title} »"
    ]
    assert len(messages_of(author, "workshop_results")) == 1
    assert messages_of(other_resident) == [f"Les résultats de l’atelier collaboratif « {done.title} » sont publiés."]
    assert messages_of(resident) == []
