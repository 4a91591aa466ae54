"""Role x object: staff of centre A acting for a person, over every desk and CV-assistance URL.

For each URL, the person has given consent to nobody, or only to centre B: staff of A get a
403/404 (or see nothing) and nothing changes. With consent to A, it works and the person's
journal shows it.
"""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from accounts.consent import Action, JournalEntry, Task
from cv_builder.models import CV, CentreShare
from participation.models import Proposal
from tests.conftest import PASSWORD, make_user
from tests.consent_helpers import give_consent
from tests.cv_builder.helpers import section_post, section_url
from tests.participation.conftest import make_workshop

pytestmark = pytest.mark.django_db
ALL_TASKS = list(Task)
User = get_user_model()


@pytest.fixture
def person(db):
    return make_user("nadia59", display_name="Nadia Roussel")


@pytest.fixture(params=["nobody", "centre_b", "centre_a"])
def consent_to(request, person, centre_a, centre_b):
    if request.param == "centre_b":
        give_consent(person, centre_b, *ALL_TASKS)
    elif request.param == "centre_a":
        give_consent(person, centre_a, *ALL_TASKS)
    return request.param


@pytest.fixture
def desk_cv(person, centre_a, staff_a):
    """A CV a staff member of A started for the person earlier: shared with A by staff, not by the owner."""
    cv = CV.objects.create(owner=person, title="CV de Nadia", data={"basics": {"name": "Nadia Roussel"}})
    CentreShare.objects.create(cv=cv, centre=centre_a, shared_by=staff_a)
    return cv


@pytest.fixture
def staff(client, staff_a):
    client.force_login(staff_a)
    return client


def journal(person, action):
    return JournalEntry.objects.filter(person=person, action=action)


def test_desk_password_reset(staff, person, consent_to, centre_a):
    response = staff.post(f"/compte/accueil/compte/{person.pk}/nouveau-mot-de-passe/", {"centre": centre_a.pk})
    person.refresh_from_db()
    if consent_to == "centre_a":
        assert response.status_code == 302
        assert not person.check_password(PASSWORD)
        assert journal(person, Action.PASSWORD_RESET).get().centre == centre_a
    else:
        assert response.status_code == 403
        assert person.check_password(PASSWORD) and not person.must_change_password
        assert not journal(person, Action.PASSWORD_RESET).exists()


def test_desk_find_by_exact_username(staff, person, consent_to):
    page = staff.get("/compte/accueil/", {"q": "nadia59"}).text
    assert "nadia59" in page  # the username the person gave: enough to record their consent
    assert ("Nadia Roussel" in page) == (consent_to == "centre_a")
    assert ("Créer un nouveau mot de passe" in page) == (consent_to == "centre_a")


def test_desk_search_by_name(staff, person, consent_to):
    page = staff.get("/compte/accueil/", {"name": "Roussel"}).text
    assert ("nadia59" in page) == (consent_to == "centre_a")


def test_desk_consent_screens_of_another_centre(staff, client, person, consent_to, centre_b, staff_a):
    consent = person.consents.first()
    if consent is None:
        pytest.skip("no consent to look at")
    for method, url in [
        ("get", f"/compte/accueil/consentement/{consent.pk}/recu/"),
        ("post", f"/compte/accueil/consentement/{consent.pk}/confirmer/"),
        ("post", f"/compte/accueil/consentement/{consent.pk}/retirer/"),
    ]:
        status = getattr(staff, method)(url, {"code": "123456"} if method == "post" else None).status_code
        assert status == (
            404 if consent_to == "centre_b" else 302 if url.endswith("retirer/") else 200 if method == "get" else 400
        ), url
        if consent_to == "centre_b":
            consent.refresh_from_db()
            assert consent.withdrawn_at is None and consent.is_current()


def test_cv_assistance_list(staff, person, consent_to):
    page = staff.get(reverse("cv_builder:staff")).text
    assert ("nadia59" in page) == (consent_to == "centre_a")


def test_cv_assistance_start(staff, person, consent_to, centre_a):
    response = staff.post(reverse("cv_builder:staff_start"), {"person": person.pk, "centre": centre_a.pk})
    if consent_to == "centre_a":
        assert response.status_code == 302
        assert CV.objects.filter(owner=person).count() == 1
        assert journal(person, Action.CV_STARTED).get().actor.username == "staff-a"
    else:
        assert response.status_code == 403
        assert not CV.objects.filter(owner=person).exists()
        assert not journal(person, Action.CV_STARTED).exists()


@pytest.mark.parametrize(
    "data", [{"person": "x", "centre": "y"}, {"person": "", "centre": ""}, {"person": "-1"}, {"centre": "1; drop"}]
)
def test_cv_assistance_start_junk_ids_are_a_400(staff, person, centre_a, data):
    give_consent(person, centre_a, Task.CV_HELP)
    payload = {"person": person.pk, "centre": centre_a.pk, **data}
    response = staff.post(reverse("cv_builder:staff_start"), payload)
    assert response.status_code == 400
    assert not CV.objects.filter(owner=person).exists()


@pytest.mark.parametrize("name", ["detail", "json", "pdf", "history", "preview"])
def test_cv_open(staff, person, consent_to, desk_cv, name):
    status = staff.get(reverse(f"cv_builder:{name}", args=[desk_cv.pk])).status_code
    assert status == (200 if consent_to == "centre_a" else 404)


def test_cv_edit(staff, person, consent_to, desk_cv, centre_a):
    data = section_post(desk_cv.version, entries=[{"name": "Couture"}])
    response = staff.post(section_url(desk_cv, "centres-interet"), data)
    desk_cv.refresh_from_db()
    if consent_to == "centre_a":
        assert response.status_code == 302
        assert desk_cv.data["interests"] == [{"name": "Couture"}]
        entry = journal(person, Action.CV_EDITED).get()
        assert entry.centre == centre_a and entry.target == "CV de Nadia"
        # Autosaves of the same CV within half an hour share one line (11 minutes later: a new version of
        # the step, since one person's saves of a step 10 minutes apart are grouped into one version).
        with time_machine.travel(timezone.now() + timedelta(minutes=11), tick=False):
            staff.post(
                section_url(desk_cv, "centres-interet"), section_post(desk_cv.version, entries=[{"name": "Cuisine"}])
            )
        assert journal(person, Action.CV_EDITED).get().times == 2
    else:
        assert response.status_code == 404
        assert "interests" not in desk_cv.data or desk_cv.data["interests"] != [{"name": "Couture"}]
        assert not journal(person, Action.CV_EDITED).exists()


def test_owner_share_without_consent_is_read_only(client, person, staff_a, centre_a):
    cv = CV.objects.create(owner=person, title="Mon CV", data={"basics": {"name": "Nadia Roussel"}})
    CentreShare.objects.create(cv=cv, centre=centre_a, shared_by=person)
    client.force_login(staff_a)
    assert client.get(reverse("cv_builder:detail", args=[cv.pk])).status_code == 200
    assert "lecture seule" in client.get(reverse("cv_builder:staff")).text
    response = client.post(section_url(cv, "centres-interet"), section_post(cv.version, entries=[{"name": "X"}]))
    assert response.status_code == 404
    cv.refresh_from_db()
    assert cv.version == 1 and not journal(person, Action.CV_EDITED).exists()


def test_owner_edits_are_not_journalled(client, person, desk_cv):
    client.force_login(person)
    client.post(section_url(desk_cv, "centres-interet"), section_post(desk_cv.version, entries=[{"name": "Lecture"}]))
    assert not JournalEntry.objects.filter(person=person).exists()


def test_paper_proposal_in_the_name_of_an_account(staff, person, consent_to, centre_a):
    workshop = make_workshop(centre_a, "proposals")
    url = f"/admin/participation/atelier/{workshop.pk}/proposition-papier/"
    response = staff.post(url, {"title": "Un jardin partagé", "description": "Derrière l'école.", "account": "nadia59"})
    if consent_to == "centre_a":
        assert response.status_code == 302
        proposal = Proposal.objects.get()
        assert proposal.author == person and proposal.on_paper
        assert "Un jardin partagé" in journal(person, Action.PROPOSAL_ENTERED).get().target
    else:
        assert response.status_code == 403
        assert not Proposal.objects.exists()
        assert not journal(person, Action.PROPOSAL_ENTERED).exists()


def test_paper_proposal_without_an_account_needs_no_consent(staff, centre_a):
    workshop = make_workshop(centre_a, "proposals")
    url = f"/admin/participation/atelier/{workshop.pk}/proposition-papier/"
    response = staff.post(url, {"title": "Des bancs", "description": "Au square.", "on_behalf_of": "Mme L."})
    assert response.status_code == 302
    assert Proposal.objects.get().author is None
    assert staff.post(url, {"title": "B", "description": "C", "account": "inconnu"}).status_code == 400
