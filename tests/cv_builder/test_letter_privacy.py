"""Who reaches a cover letter: its owner, and staff of a centre its CV is shared with, under the owner's consent.
Everyone else (other resident, anonymous, staff of another centre, staff without consent) gets 404, and nothing
changes."""

import pytest
from django.urls import reverse

from accounts.consent import JournalEntry, Task
from cv_builder.models import CentreShare, CoverLetter
from tests.consent_helpers import give_consent

from .letter_helpers import step_post, step_url

pytestmark = pytest.mark.django_db


def read_urls(letter, history_id):
    return [
        ("get", reverse("cv_builder:letter", args=[letter.pk])),
        ("get", step_url(letter, "offre")),
        ("get", step_url(letter, "atouts")),
        ("get", reverse("cv_builder:letter_pdf", args=[letter.pk])),
        ("get", reverse("cv_builder:letter_docx", args=[letter.pk])),
        ("get", reverse("cv_builder:letter_odt", args=[letter.pk])),
        ("get", reverse("cv_builder:letter_history", args=[letter.pk])),
    ]


def edit_urls(letter, history_id):
    return [
        ("post", step_url(letter, "motivation")),
        ("post", reverse("cv_builder:letter_history_restore", args=[letter.pk, history_id])),
        ("post", reverse("cv_builder:letter_create", args=[letter.cv_id])),
        ("get", reverse("cv_builder:letter_create", args=[letter.cv_id])),
    ]


def owner_only_urls(letter):
    return [
        ("post", reverse("cv_builder:letter", args=[letter.pk])),
        ("post", reverse("cv_builder:letter_copy", args=[letter.pk])),
        ("get", reverse("cv_builder:letter_delete", args=[letter.pk])),
        ("post", reverse("cv_builder:letter_delete", args=[letter.pk])),
    ]


def cv_office_urls(letter):
    return [
        ("get", reverse("cv_builder:docx", args=[letter.cv_id])),
        ("get", reverse("cv_builder:odt", args=[letter.cv_id])),
    ]


def assert_all_404(client, urls, letter):
    before = CoverLetter.objects.get(pk=letter.pk)
    count = CoverLetter.objects.count()
    for method, url in urls:
        if method == "post":
            data = step_post(before.version, why="Pirate", title="Pirate", template="modern", kind="offer")
            response = client.post(url, data)
        else:
            response = client.get(url)
        assert response.status_code == 404, (method, url, response.status_code)
    after = CoverLetter.objects.get(pk=letter.pk)
    assert (after.data, after.version, after.title, after.deleted_at) == (
        before.data, before.version, before.title, None
    )  # fmt: skip
    assert CoverLetter.objects.count() == count
    assert not JournalEntry.objects.filter(action="cv_edited").exists()


@pytest.fixture
def history_id(letter):
    return letter.history.first().history_id


def all_urls(letter, history_id):
    return read_urls(letter, history_id) + edit_urls(letter, history_id) + owner_only_urls(letter)


def test_other_resident_gets_404_everywhere(client, letter, history_id, other_resident):
    client.force_login(other_resident)
    assert_all_404(client, all_urls(letter, history_id) + cv_office_urls(letter), letter)


def test_anonymous_gets_404_everywhere(client, letter, history_id):
    assert_all_404(client, all_urls(letter, history_id) + cv_office_urls(letter), letter)


def test_private_by_default_even_for_staff(client, letter, history_id, staff_a):
    client.force_login(staff_a)
    assert_all_404(client, all_urls(letter, history_id) + cv_office_urls(letter), letter)


def test_staff_of_another_centre_gets_404_even_with_a_share_and_consent(client, letter, history_id, centre_a, staff_b):
    CentreShare.objects.create(cv=letter.cv, centre=centre_a, shared_by=letter.owner)
    give_consent(letter.owner, centre_a, Task.CV_HELP)
    client.force_login(staff_b)
    assert_all_404(client, all_urls(letter, history_id), letter)


def test_staff_without_consent_may_only_read_what_the_owner_shared(client, letter, history_id, centre_a, staff_a):
    CentreShare.objects.create(cv=letter.cv, centre=centre_a, shared_by=letter.owner)  # the owner's own share
    client.force_login(staff_a)
    for _method, url in read_urls(letter, history_id):
        assert client.get(url).status_code == 200, url
    assert_all_404(client, edit_urls(letter, history_id) + owner_only_urls(letter), letter)


def test_a_share_made_at_the_desk_gives_nothing_without_consent(client, letter, history_id, centre_a, staff_a):
    CentreShare.objects.create(cv=letter.cv, centre=centre_a, shared_by=staff_a)
    client.force_login(staff_a)
    assert_all_404(client, all_urls(letter, history_id), letter)


def test_staff_with_consent_helps_write_and_the_person_sees_it_in_the_journal(client, letter, centre_a, staff_a):
    CentreShare.objects.create(cv=letter.cv, centre=centre_a, shared_by=letter.owner)
    give_consent(letter.owner, centre_a, Task.CV_HELP)
    client.force_login(staff_a)
    page = client.get(reverse("cv_builder:letter", args=[letter.pk])).content.decode()
    assert "Vous aidez" in page and "Copier pour une autre offre" not in page
    response = client.post(step_url(letter, "motivation"), step_post(letter.version, why="Écrit avec l'animatrice."))
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.data["why"] == "Écrit avec l'animatrice."
    entry = JournalEntry.objects.get(person=letter.owner, action="cv_edited")
    assert entry.centre == centre_a and "Lettre Façade" in entry.target
    # Staff may start a letter for the person's shared CV; it belongs to the person.
    response = client.post(reverse("cv_builder:letter_create", args=[letter.cv_id]), {"kind": "spontaneous"})
    assert response.status_code == 302
    assert CoverLetter.objects.filter(owner=letter.owner).count() == 2
    # Sharing stays the owner's: staff cannot copy or bin the letter.
    assert_owner_only_404(client, letter)


def assert_owner_only_404(client, letter):
    for method, url in owner_only_urls(letter):
        assert getattr(client, method)(url).status_code == 404, url
    assert CoverLetter.objects.get(pk=letter.pk).deleted_at is None


def test_letters_of_a_cv_in_the_bin_are_hidden_too(owner_client, letter):
    from django.utils import timezone

    letter.cv.deleted_at = timezone.now()
    letter.cv.save()
    assert owner_client.get(reverse("cv_builder:letter", args=[letter.pk])).status_code == 404
    assert owner_client.get(reverse("cv_builder:letter_pdf", args=[letter.pk])).status_code == 404


def test_the_letters_list_shows_only_mine(client, letter, other_resident):
    client.force_login(other_resident)
    page = client.get(reverse("cv_builder:list")).content.decode()
    assert reverse("cv_builder:letter", args=[letter.pk]) not in page and "Lettre Façade" not in page
