"""Background work on Django's tasks framework (`django.tasks`, database backend of django-tasks-db).

The worker is `manage.py db_worker` (several may run, on several machines: each claims a task
under a row lock). An email is tried NOTIFICATIONS_EMAIL_ATTEMPTS times, further apart each time,
then recorded as failed (OutgoingEmail.status, and the task itself is marked failed).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)

RETRY_DELAYS = (60, 10 * 60, 60 * 60)  # seconds before the 2nd, 3rd, 4th try
PERIODIC_CHECKS = []  # callables(now) the apps register: a vote opening, a share link expiring...


class EmailFailed(Exception):
    """Raised by the last try: the task is recorded as failed too."""


def register_periodic(check):
    if check not in PERIODIC_CHECKS:
        PERIODIC_CHECKS.append(check)
    return check


def _attempts():
    return getattr(settings, "NOTIFICATIONS_EMAIL_ATTEMPTS", 4)


@task()
def deliver_email(email_id):
    from accounts.notification_models import Notification, OutgoingEmail

    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status != OutgoingEmail.Status.PENDING:
            return "nothing to do"
        email.attempts += 1
        message = EmailMessage(email.subject, email.body, None, [email.to])
        if email.unsubscribe_url:
            message.extra_headers["List-Unsubscribe"] = f"<{email.unsubscribe_url}>"
            message.extra_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        try:
            message.send()
        except Exception as error:  # noqa: BLE001 - any mail server failure is retried, then recorded
            email.last_error = f"{type(error).__name__}: {error}"[:300]
            if email.attempts >= _attempts() or not deliver_email.get_backend().supports_defer:
                email.status = OutgoingEmail.Status.FAILED
                email.save(update_fields=["attempts", "last_error", "status"])
                email.notifications.update(email=Notification.Email.FAILED)
                logger.error("Email %s failed after %s attempts: %s", email.pk, email.attempts, email.last_error)
                failed = True
            else:
                email.save(update_fields=["attempts", "last_error"])
                delay = RETRY_DELAYS[min(email.attempts - 1, len(RETRY_DELAYS) - 1)]
                deliver_email.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(email.pk)
                logger.warning("Email %s failed (attempt %s), retried in %ss", email.pk, email.attempts, delay)
                return "retry"
        else:
            email.status = OutgoingEmail.Status.SENT
            email.sent_at = timezone.now()
            email.save(update_fields=["attempts", "status", "sent_at", "last_error"])
            email.notifications.update(email=Notification.Email.SENT)
            return "sent"
    if failed:
        raise EmailFailed(f"email {email_id} failed after {email.attempts} attempts")
    return None


@task()
def send_digests():
    """One email per staff member who chose the daily digest, listing the alerts gathered since the last one."""
    from accounts.notification_models import Notification
    from accounts.notifications import ALL_STAFF, queue_email, site_root

    waiting = Notification.objects.filter(email=Notification.Email.DIGEST).select_related("recipient")
    by_person = {}
    for message in waiting.order_by("recipient_id", "created_at", "pk"):
        by_person.setdefault(message.recipient_id, []).append(message)
    sent = 0
    for messages in by_person.values():
        person = messages[0].recipient
        with transaction.atomic():
            if person.email and person.is_active:
                lines = [
                    f"- {m.text}" + (f"\n  {site_root() + m.url if m.url.startswith('/') else m.url}" if m.url else "")
                    for m in messages
                ]
                intro = ngettext(
                    "%(count)d alert for you since yesterday:",
                    "%(count)d alerts for you since yesterday:",
                    len(messages),
                ) % {"count": len(messages)}
                subject = _("Your daily digest: %(count)d alerts") % {"count": len(messages)}
                queue_email(
                    person, subject, intro + "\n\n" + "\n".join(lines), kind_key=ALL_STAFF, notifications=messages
                )
                Notification.objects.filter(pk__in=[m.pk for m in messages]).update(email=Notification.Email.QUEUED)
                sent += 1
            else:
                Notification.objects.filter(pk__in=[m.pk for m in messages]).update(email=Notification.Email.NONE)
    return sent


@task()
def run_periodic_checks():
    """Events found by date (a vote opens, results are out, a share link expires soon): told once each."""
    now = timezone.now()
    told = 0
    for check in PERIODIC_CHECKS:
        told += check(now) or 0
    return told


def oldest_pending_task_age(now=None):
    """Seconds the oldest task ready to run has waited (0 when none): for /healthz/ (issue 20)."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    oldest = DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    return max(0.0, (now - oldest).total_seconds()) if oldest else 0.0
