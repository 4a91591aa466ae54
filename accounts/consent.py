"""The consent API other apps call: may this centre's staff act for this person, and the journal.

    from accounts.consent import Task, has_consent, record_action
    if has_consent(person, centre, Task.CV_HELP):
        ...
        record_action(request.user, person, centre, Action.CV_STARTED, target=cv.title)

A consent is given by the person to one centre, for named tasks, until a date (default
`ACCOUNTS_CONSENT_DEFAULT_DAYS`, at most `ACCOUNTS_CONSENT_MAX_DAYS`), and can be withdrawn at
any time. Every staff action for a person is written to the journal the person reads in
"Mon compte", and emailed to them when they have an email address.
"""

import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.consent_models import Action, Consent, JournalEntry, Method, Task
from home.french_words import of_name
from home.templatetags.french_dates import jour, quand

__all__ = [
    "Action",
    "Consent",
    "JournalEntry",
    "Method",
    "Task",
    "centres_with_consent",
    "current_consents",
    "has_consent",
    "known_people",
    "record_action",
]

logger = logging.getLogger(__name__)

DEFAULT_DAYS = getattr(settings, "ACCOUNTS_CONSENT_DEFAULT_DAYS", 90)
MAX_DAYS = getattr(settings, "ACCOUNTS_CONSENT_MAX_DAYS", 365)
FIRST_PASSWORD_DAYS = getattr(settings, "ACCOUNTS_FIRST_PASSWORD_DAYS", 7)
RECEIPT_CODE_HOURS = getattr(settings, "ACCOUNTS_RECEIPT_CODE_HOURS", 48)
# Repeated edits of one document by one staff member within this time share one journal entry.
COALESCE_MINUTES = 30
CODE_DIGITS = "23456789"


def current_consents(task=None, at=None):
    queryset = Consent.objects.current(at)
    return queryset.for_task(task) if task else queryset


def has_consent(person, centre, task, at=None):
    """True when the person has a current consent for this task to this centre."""
    if person is None or centre is None or not getattr(person, "pk", None):
        return False
    return current_consents(task, at).filter(person=person, centre=centre).exists()


def centres_with_consent(person, task, at=None):
    """The centres the person currently lets act for them on this task."""
    from home.models import CentrePage

    return CentrePage.objects.filter(pk__in=current_consents(task, at).filter(person=person).values("centre"))


def known_people(centres, at=None):
    """Accounts created at these centres' desks, or holding a current consent to one of them (any task).

    The desk's search by name looks only here: staff cannot browse other accounts.
    """
    User = get_user_model()
    created = Consent.objects.filter(centre__in=centres, method=Method.ACCOUNT_CREATED).values("person")
    consenting = current_consents(at=at).filter(centre__in=centres).values("person")
    return User.objects.filter(Q(pk__in=created) | Q(pk__in=consenting), is_active=True)


def new_receipt_code():
    return "".join(secrets.choice(CODE_DIGITS) for _ in range(6))


def grant(person, centre, tasks, *, days, method, recorded_by, code=None, now=None):
    """Record a consent. With a receipt code it waits until the person types the code."""
    now = now or timezone.now()
    days = max(1, min(int(days), MAX_DAYS))
    consent = Consent(
        person=person,
        centre=centre,
        given_at=now,
        until=now + timedelta(days=days),
        method=method,
        recorded_by=recorded_by,
        recorded_by_name=_actor_name(recorded_by),
    )
    for task in tasks:
        setattr(consent, Task(task).value, True)
    if method == Method.RECEIPT_CODE:
        consent.code_hash = make_password(code)
        consent.code_expires_at = now + timedelta(hours=RECEIPT_CODE_HOURS)
    else:
        consent.confirmed_at = now
    consent.save()
    if consent.confirmed_at:
        _journal_consent(consent, recorded_by)
    return consent


def confirm_with_code(consent, code, now=None):
    """The person typed the receipt's code: the consent starts now. False when the code is wrong or too old."""
    now = now or timezone.now()
    if not consent.is_pending or not consent.code_hash or consent.code_expires_at <= now:
        return False
    if not check_password((code or "").strip(), consent.code_hash):
        return False
    consent.confirmed_at = now
    consent.code_hash = ""
    consent.save(update_fields=["confirmed_at", "code_hash"])
    _journal_consent(consent, consent.recorded_by)
    return True


def _journal_consent(consent, actor):
    target = _("%(tasks)s, until %(date)s") % {
        "tasks": ", ".join(consent.task_labels()),
        "date": jour(consent.until),
    }
    if consent.method != Method.ACCOUNT_CREATED:
        record_action(actor, consent.person, consent.centre, Action.CONSENT_GIVEN, target=target)


def withdraw(consent, how, by=None, now=None):
    """End a consent now (the person in Mon compte, or at a desk). Past actions stay in the journal."""
    now = now or timezone.now()
    if consent.withdrawn_at is not None:
        return False
    consent.withdrawn_at = now
    consent.withdrawn_how = how[:120]
    consent.save(update_fields=["withdrawn_at", "withdrawn_how"])
    if by is not None and by.pk != consent.person_id:
        record_action(
            by, consent.person, consent.centre, Action.CONSENT_WITHDRAWN, target=", ".join(consent.task_labels())
        )
    return True


def end_first_password_consents(person, now=None):
    """The person chose their own password: the consent given with the account creation ends."""
    now = now or timezone.now()
    Consent.objects.filter(person=person, method=Method.ACCOUNT_CREATED, withdrawn_at__isnull=True).update(
        withdrawn_at=now, withdrawn_how="mot de passe choisi par la personne"
    )


def _actor_name(actor):
    if actor is None:
        return ""
    return (actor.get_full_name() or actor.username)[:150]


def record_action(actor, person, centre, action, target="", *, coalesce=False, now=None):
    """Write what staff did for a person to the person's journal; email them when they have an address.

    With `coalesce`, the same action by the same staff member on the same target within
    `COALESCE_MINUTES` updates the last entry instead of adding one (CV autosaves), and sends no email.
    """
    now = now or timezone.now()
    action = Action(action)
    target = (target or "")[:255]
    if coalesce:
        recent = (
            JournalEntry.objects.filter(
                person=person,
                actor=actor,
                centre=centre,
                action=action,
                target=target,
                last_at__gte=now - timedelta(minutes=COALESCE_MINUTES),
            )  # fmt: skip
            .order_by("-last_at")
            .first()
        )
        if recent is not None:
            recent.times += 1
            recent.last_at = now
            recent.save(update_fields=["times", "last_at"])
            return recent
    entry = JournalEntry.objects.create(
        person=person,
        centre=centre,
        centre_name=(centre.title if centre else "")[:255],
        actor=actor,
        actor_name=_actor_name(actor),
        action=action,
        target=target,
        created_at=now,
        last_at=now,
    )
    _notify_entry(entry, person)
    logger.info("Journal: %s (%s) %s for %s", entry.actor_name, entry.centre_name, action.value, person.pk)
    return entry


def _notify_entry(entry, person):
    """A message in "Mes messages", emailed (through the task queue) when the person has an address."""
    from accounts.notifications import notify, site_root

    when = quand(entry.created_at)
    values = {
        "when": when,
        "actor": entry.actor_name or _("a staff member"),
        "of_centre": of_name(entry.centre_name or _("a social centre")),
        "action": entry.get_action_display(),
        "target": f" ({entry.target})" if entry.target else "",
        "url": site_root() + reverse("accounts:help"),
    }
    text = _("On %(when)s, %(actor)s %(of_centre)s %(action)s%(target)s.") % values
    body = (
        _(
            "Hello,\n\n"
            "On %(when)s, %(actor)s %(of_centre)s %(action)s%(target)s.\n\n"
            "Everything the staff did for you is listed on your account page, under “What the staff did for you”:\n"
            "%(url)s\n\n"
            "If you did not agree to this, withdraw your consent on that page or at the desk of any social centre, "
            "and tell the centre."
        )
        % values
    )
    notify(
        [person],
        "staff_action",
        text,
        reverse("accounts:help"),
        subject=_("What the staff of your social centre did for you"),
        body=body,
    )
