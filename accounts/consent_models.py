"""Consent a person gives to a centre so that its staff may act for them, and the journal of what staff did.

Modelled on Aidants Connect's mandate: given by the person, to one centre, for named tasks, until a
date, revocable at any time. The public API (checks and journal) is in `accounts.consent`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Task(models.TextChoices):
    """What staff may do for the person. One boolean field per task on Consent, same name."""

    PASSWORD_RESET = "password_reset", _("give a new password (printed card)")
    CV_HELP = "cv_help", _("start, open and edit your CVs with you")
    PROPOSAL = "proposal", _("type in a workshop proposal in your name")
    VERIFICATION = "verification", _("check that you live in the neighbourhood")


class Method(models.TextChoices):
    """How the person confirmed. Staff ticking the box is recorded as exactly that."""

    PASSWORD = "password", _("the person typed their own password")
    RECEIPT_CODE = "receipt_code", _("the person typed the code printed on the receipt")
    STAFF_ATTESTED = "staff_attested", _("a staff member ticked “the person is here and agrees”")
    ACCOUNT_CREATED = "account_created", _("account created at the desk (first password only)")


class ConsentQuerySet(models.QuerySet):
    def current(self, at=None):
        """Confirmed, started, not expired, not withdrawn at the given moment (now by default)."""
        at = at or timezone.now()
        return self.filter(
            Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gt=at),
            confirmed_at__isnull=False,
            confirmed_at__lte=at,
            until__gt=at,
        )

    def pending(self, at=None):
        """Waiting for the receipt code, and still in time to be confirmed."""
        at = at or timezone.now()
        return self.filter(confirmed_at__isnull=True, withdrawn_at__isnull=True, code_expires_at__gt=at)

    def for_task(self, task):
        return self.filter(**{Task(task).value: True})


class Consent(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="consents"
    )
    centre = models.ForeignKey("home.CentrePage", verbose_name=_("centre"), on_delete=models.CASCADE, related_name="+")
    password_reset = models.BooleanField(Task.PASSWORD_RESET.label, default=False)
    cv_help = models.BooleanField(Task.CV_HELP.label, default=False)
    proposal = models.BooleanField(Task.PROPOSAL.label, default=False)
    verification = models.BooleanField(Task.VERIFICATION.label, default=False)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    until = models.DateTimeField(_("valid until"))
    method = models.CharField(_("how it was confirmed"), max_length=20, choices=Method.choices)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    # Receipt codes: only the hash is kept; the code is printed once on the receipt.
    code_hash = models.CharField(max_length=128, blank=True)
    code_expires_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_by_name = models.CharField(_("recorded by (name)"), max_length=150, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_how = models.CharField(_("how it was withdrawn"), max_length=120, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at", "-pk"]
        indexes = [models.Index(fields=["person", "centre", "until"], name="accounts_consent_lookup")]

    def __str__(self):
        return f"{self.person} → {self.centre} ({', '.join(self.task_labels())})"

    @property
    def tasks(self):
        return [task for task in Task if getattr(self, task.value)]

    def task_labels(self):
        return [str(task.label) for task in self.tasks]

    def is_current(self, at=None):
        at = at or timezone.now()
        return (
            self.confirmed_at is not None
            and self.confirmed_at <= at < self.until
            and (self.withdrawn_at is None or self.withdrawn_at > at)
        )

    @property
    def is_pending(self):
        return self.confirmed_at is None and self.withdrawn_at is None


class Action(models.TextChoices):
    ACCOUNT_CREATED = "account_created", _("created your account and printed your card")
    PASSWORD_RESET = "password_reset", _("gave you a new first password (printed card)")
    CONSENT_GIVEN = "consent_given", _("recorded your consent")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("recorded that you withdrew your consent")
    CV_STARTED = "cv_started", _("started a CV for you")
    CV_EDITED = "cv_edited", _("changed your CV")
    PROPOSAL_ENTERED = "proposal_entered", _("typed in a workshop proposal in your name")
    VERIFIED = "verified", _("checked that you live in the neighbourhood")
    VERIFICATION_WITHDRAWN = "verification_withdrawn", _("withdrew the verification of your account")


class JournalEntry(models.Model):
    """One thing a staff member did for a person. Repeated CV edits within a short time share one entry."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="journal"
    )
    centre = models.ForeignKey(
        "home.CentrePage", verbose_name=_("centre"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Names are copied so the journal stays readable after a staff account or a centre is deleted.
    centre_name = models.CharField(_("centre (name)"), max_length=255, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("staff member"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    actor_name = models.CharField(_("staff member (name)"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    target = models.CharField(_("about"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    last_at = models.DateTimeField(_("last time"), default=timezone.now)
    times = models.PositiveIntegerField(_("times"), default=1)

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        ordering = ["-last_at", "-pk"]
        indexes = [
            models.Index(fields=["person", "-last_at"], name="accounts_journal_person"),
            models.Index(fields=["centre", "-last_at"], name="accounts_journal_centre"),
        ]

    def __str__(self):
        return f"{self.actor_name} ({self.centre_name}) {self.get_action_display()} {self.target}".strip()
