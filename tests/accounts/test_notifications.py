"""Mes messages, the header count, email choices, unsubscribe, retries and the staff digest, through the real worker."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from accounts import notifications as api
from accounts.notification_models import Notification, NotificationSettings, OutgoingEmail
from accounts.tasks import oldest_pending_task_age, send_digests
from tests.worker import database_tasks, ours, pending_tasks, run_worker  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("database_tasks")]

KIND = "proposal_published"  # registered by participation; any resident kind does
STAFF_KIND = "staff_new_report"


@pytest.fixture(autouse=True)
def _site(home_page):
    """Links in emails start with the default site's address (http://testserver here)."""


def tell(person, text="Votre proposition « Des bancs » est publiée.", kind=KIND, url="/participer/"):
    return api.notify([person], kind, text, url)


def unsubscribe_path(body):
    return re.search(r"http://testserver(/compte/messages/desabonner/[^/\s]+/)", body).group(1)


def test_the_header_shows_the_count_and_its_queries_do_not_grow(
    client, resident, django_assert_num_queries, django_assert_max_num_queries
):
    client.force_login(resident)
    page = client.get("/compte/")
    assert "Mes messages" in page.text and 'class="badge"' not in page.text
    tell(resident)
    page = client.get("/compte/")
    assert '<span class="badge">1</span><span class="visually-hidden"> message non lu</span>' in page.text
    client.get("/participer/")  # warm
    with django_assert_max_num_queries(50) as few:
        client.get("/participer/")
    baseline = len(few.captured_queries)
    for number in range(30):
        tell(resident, text=f"Message {number}")
    with django_assert_num_queries(baseline):
        page = client.get("/participer/")
    assert '<span class="badge">31</span>' in page.text


def test_the_count_costs_one_query_then_none(resident, django_assert_num_queries):
    tell(resident)
    with django_assert_num_queries(1):
        assert api.unread_count(resident) == 1
    with django_assert_num_queries(0):
        assert api.unread_count(resident) == 1
    tell(resident)  # a new message keeps the cached count right without reading it again
    with django_assert_num_queries(0):
        assert api.unread_count(resident) == 2


def test_anonymous_visitors_have_no_messages_link_and_no_inbox(client):
    assert "Mes messages" not in client.get("/participer/").text
    response = client.get("/compte/messages/")
    assert response.status_code == 302 and response["Location"].startswith("/compte/login/")


def test_the_inbox_shows_only_my_messages_and_marks_them_read(client, resident, other_resident):
    tell(resident, text="Pour Samia seulement")
    tell(other_resident, text="Pour Karim seulement")
    client.force_login(resident)
    page = client.get("/compte/messages/")
    assert page.status_code == 200
    assert "Pour Samia seulement" in page.text and "Pour Karim seulement" not in page.text
    assert "Nouveau" in page.text
    assert not Notification.objects.filter(recipient=resident, read_at__isnull=True).exists()
    assert Notification.objects.filter(recipient=other_resident, read_at__isnull=True).exists()
    again = client.get("/compte/messages/")
    assert "Nouveau" not in again.text and 'class="badge"' not in again.text
    assert client.get("/compte/messages/?page=abc").status_code == 200
    assert client.get("/compte/messages/?page=999").status_code == 200


def test_the_inbox_query_count_does_not_grow(client, resident, django_assert_max_num_queries):
    client.force_login(resident)
    tell(resident)
    client.get("/compte/messages/")
    with django_assert_max_num_queries(30) as small:
        client.get("/compte/messages/")
    baseline = len(small.captured_queries)  # read now: the next request empties the log
    for number in range(40):
        tell(resident, text=f"Message {number}")
    client.get("/compte/messages/")
    with django_assert_max_num_queries(baseline):
        page = client.get("/compte/messages/")
    assert page.text.count('class="notice-item') == 20  # one page of the newest


def test_an_email_is_sent_by_the_worker_with_an_unsubscribe_link(resident):
    resident.email = "samia@example.fr"
    resident.save()
    tell(resident)
    assert mail.outbox == [] and pending_tasks() == 1  # nothing is sent in the request
    run_worker()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["samia@example.fr"] and "Des bancs" in sent.body
    assert "http://testserver/participer/" in sent.body
    assert sent.extra_headers["List-Unsubscribe"].startswith("<http://testserver/compte/messages/desabonner/")
    assert unsubscribe_path(sent.body)
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT
    assert Notification.objects.get().email == Notification.Email.SENT


def test_no_email_without_an_address(resident):
    tell(resident)
    run_worker()
    assert mail.outbox == [] and not OutgoingEmail.objects.exists()
    assert Notification.objects.get().email == Notification.Email.NONE


def test_a_person_keeps_a_kind_on_the_site_only(client, resident):
    resident.email = "samia@example.fr"
    resident.save()
    client.force_login(resident)
    page = client.get("/compte/messages/mes-choix/")
    assert page.status_code == 200 and "Votre proposition est publiée" in page.text
    assert "Équipe" not in page.text  # staff alerts are not offered to residents
    response = client.post("/compte/messages/mes-choix/", {"email_proposal_refused": "on"})
    assert response.status_code == 302
    assert NotificationSettings.objects.get(user=resident).by_email[KIND] is False
    tell(resident)
    api.notify([resident], "proposal_refused", "Votre proposition n’est pas publiée.", "/participer/")
    run_worker()
    assert Notification.objects.filter(recipient=resident).count() == 2  # both in the site
    assert [m.subject for m in mail.outbox] == ["Votre proposition n’est pas publiée (avec la raison)"]


def test_unsubscribe_link_asks_then_stops_that_kind(client, resident):
    resident.email = "samia@example.fr"
    resident.save()
    tell(resident)
    run_worker()
    path = unsubscribe_path(mail.outbox[0].body)
    page = client.get(path)  # a mail scanner opening the link changes nothing
    assert page.status_code == 200 and "Arrêter ces emails" in page.text
    assert not NotificationSettings.objects.filter(user=resident, by_email__has_key=KIND).exists()
    done = client.post(path)  # one click, no session, no CSRF cookie: the signed token is the proof
    assert done.status_code == 200 and "vous ne recevrez plus" in done.text
    tell(resident, text="Encore une")
    run_worker()
    assert len(mail.outbox) == 1 and Notification.objects.filter(recipient=resident).count() == 2


@pytest.mark.parametrize("token", ["abc", "eyJ1IjoxfQ:1abc:forged"])
def test_a_damaged_unsubscribe_link_is_a_400(client, resident, token):
    response = client.post(f"/compte/messages/desabonner/{token}/")
    assert response.status_code == 400 and "abîmé" in response.text


def test_an_unsubscribe_token_for_an_unknown_kind_is_a_400(client, resident):
    response = client.get(f"/compte/messages/desabonner/{api.unsubscribe_token(resident, 'nope')}/")
    assert response.status_code == 400


@override_settings(MAILERS={"default": {"BACKEND": "tests.worker.BrokenMailServer"}})
def test_a_failed_email_is_retried_then_recorded_as_failed(resident):
    resident.email = "samia@example.fr"
    resident.save()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        tell(resident)
        run_worker()
    email = OutgoingEmail.objects.get()
    assert email.attempts == 1 and email.status == OutgoingEmail.Status.PENDING
    assert "mail server down" in email.last_error
    assert pending_tasks() == 1  # the retry waits: not run again at once
    with time_machine.travel(start + timedelta(seconds=30), tick=False):
        run_worker()
    assert OutgoingEmail.objects.get().attempts == 1
    for hours in (1, 2, 4):
        with time_machine.travel(start + timedelta(hours=hours), tick=False):
            run_worker()
    email.refresh_from_db()
    assert email.attempts == 4 and email.status == OutgoingEmail.Status.FAILED
    assert Notification.objects.get().email == Notification.Email.FAILED
    assert ours("FAILED") == 1
    assert ours("SUCCESSFUL") == 3
    assert mail.outbox == []


def test_staff_choose_a_daily_digest(client, staff_a, staff_b):
    staff_a.email = "equipe-a@example.fr"
    staff_a.save()
    staff_b.email = "equipe-b@example.fr"
    staff_b.save()
    client.force_login(staff_a)
    page = client.get("/compte/messages/mes-choix/")
    assert "Un email par jour" in page.text and "Équipe : une proposition est signalée" in page.text
    response = client.post(
        "/compte/messages/mes-choix/",
        {f"email_{STAFF_KIND}": "on", "email_staff_new_proposal": "on", "daily_digest": "1"},
    )
    assert response.status_code == 302
    for number in range(3):
        api.notify([staff_a, staff_b], STAFF_KIND, f"Signalement {number}", "/admin/")
    run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == ["equipe-b@example.fr"] * 3  # B: at once, one each
    mail.outbox.clear()
    send_digests.enqueue()
    run_worker()
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == ["equipe-a@example.fr"] and "3 alertes" in digest.subject
    assert all(f"Signalement {n}" in digest.body for n in range(3))
    # Its unsubscribe link stops every staff alert by email.
    client.logout()
    client.post(unsubscribe_path(digest.body))
    assert NotificationSettings.objects.get(user=staff_a).by_email[STAFF_KIND] is False
    mail.outbox.clear()
    send_digests.enqueue()
    run_worker()
    assert mail.outbox == []  # nothing waits any more


def test_a_bad_digest_choice_is_a_400_and_nothing_changes(client, staff_a):
    client.force_login(staff_a)
    response = client.post("/compte/messages/mes-choix/", {"daily_digest": "tous les ans"})
    assert response.status_code == 400 and "Sélectionnez un choix valide" in response.text
    assert not NotificationSettings.objects.get(user=staff_a).daily_digest


def test_a_periodic_event_is_told_once(resident):
    for _round in range(2):
        api.notify([resident], KIND, "Une fois", "/", key="once:1")
    assert Notification.objects.filter(recipient=resident).count() == 1


def test_oldest_pending_task_age(resident):
    assert oldest_pending_task_age() == 0
    resident.email = "samia@example.fr"
    resident.save()
    tell(resident)
    assert 0 <= oldest_pending_task_age(timezone.now() + timedelta(minutes=5)) - 300 < 5
    run_worker()
    assert oldest_pending_task_age() == 0


def test_the_tick_command_enqueues_for_the_worker(resident):
    from django.core.management import call_command

    call_command("notifications_tick", "--digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert pending_tasks() == 2
    run_worker()
    assert ours("SUCCESSFUL") == 2
