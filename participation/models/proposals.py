"""Proposals put forward in a workshop, their references, moderation and reports."""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

ANONYMOUS_AUTHOR = _("a resident")


class ReferenceCounter(models.Model):
    """Last number given to a proposal of a centre in a year (locked row: no duplicate references)."""

    centre = models.ForeignKey("home.CentrePage", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["centre", "year"], name="participation_refcounter_unique")]

    def __str__(self):
        return f"{self.centre_id}-{self.year}: {self.last_number}"

    @classmethod
    def next_reference(cls, centre, year):
        """`BEL-2026-0042`: must be called inside a transaction."""
        cls.objects.get_or_create(centre=centre, year=year)
        counter = cls.objects.select_for_update().get(centre=centre, year=year)
        counter.last_number += 1
        counter.save(update_fields=["last_number"])
        return f"{centre.code}-{year}-{counter.last_number:04d}"


def proposal_photo_path(instance, filename):
    # Unguessable names: photos of proposals not yet published must not be found by URL.
    suffix = (
        Path(filename).suffix.lower()
        if Path(filename).suffix.lower() in {".jpg", ".jpeg", ".png", ".webp", ".gif"}
        else ""
    )
    return f"participation/propositions/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class ProposalQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status=Proposal.Status.PUBLISHED, hidden_by_reports=False)

    def for_centres(self, centres):
        return self.filter(workshop__centre__in=centres)


class Proposal(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    class Outcome(models.TextChoices):
        NONE = "", _("Not decided yet")
        SELECTED = "selected", _("Selected")
        NOT_SELECTED = "not_selected", _("Not selected")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    workshop = models.ForeignKey(
        "participation.WorkshopPage", verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="proposals"
    )
    reference = models.CharField(_("reference"), max_length=24, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=2000)
    photo = models.ImageField(_("photo"), upload_to=proposal_photo_path, blank=True)
    photo_alt = models.CharField(_("photo description"), max_length=200, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participation_proposals",
    )
    # Proposals collected on paper and typed in by staff.
    on_paper = models.BooleanField(_("collected on paper"), default=False)
    on_behalf_of = models.CharField(_("on behalf of"), max_length=120, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True, max_length=1000)
    hidden_by_reports = models.BooleanField(_("hidden after reports"), default=False)
    reports_cleared_at = models.DateTimeField(_("reports reviewed on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, default="", blank=True)
    official_answer = models.TextField(_("official answer"), blank=True, max_length=4000)
    created_at = models.DateTimeField(_("submitted on"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["workshop", "status"], name="participation_prop_ws_status")]

    def __str__(self):
        return f"{self.reference} — {self.title}"

    def save(self, *args, **kwargs):
        if not self.reference:
            with transaction.atomic():
                centre = self.workshop.centre or self.workshop.find_centre()
                self.reference = ReferenceCounter.next_reference(centre, timezone.localdate().year)
                return super().save(*args, **kwargs)
        return super().save(*args, **kwargs)

    @property
    def author_name(self):
        if self.on_paper and self.on_behalf_of:
            return self.on_behalf_of
        if self.author_id and self.author:
            return self.author.public_name
        return ANONYMOUS_AUTHOR

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and not self.hidden_by_reports

    # --- staff decisions: each one goes through save(), so simple-history records it (with its user
    # and reason) and post_create_historical_record listeners (notifications) see the status change.
    def _decide(self, user, reason):
        self._history_user = user
        self._change_reason = reason
        if self.reports.exists():
            # The decision answers the reports too: they leave the queue.
            self.reports_cleared_at = timezone.now()

    def publish(self, user):
        self._decide(user, "Publiée")
        self.status = self.Status.PUBLISHED
        self.rejection_reason = ""
        self.hidden_by_reports = False
        self.save()

    def refuse(self, user, reason):
        reason = (reason or "").strip()
        if not reason:
            raise ValueError("A refusal needs a reason the author can read.")
        self._decide(user, "Refusée")
        self.status = self.Status.REJECTED
        self.rejection_reason = reason
        self.hidden_by_reports = False
        self.save()

    def answer(self, user, outcome, official_answer):
        self._history_user = user
        self._change_reason = "Suite donnée"
        self.outcome = outcome
        self.official_answer = official_answer
        self.save()


class ProposalReport(models.Model):
    """A resident reports a published proposal: it goes to the staff's queue at once.

    Three reports from trusted accounts (verified at a desk, older than a day) hide it, and only
    before the vote opens (participation/reports.py); other reports alert without hiding.
    """

    HIDE_AFTER = 3

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=1000)
    # Whether the reporter's account was trusted (verified, not brand new) when reporting.
    trusted = models.BooleanField(_("from a verified account"), default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "reporter"], name="participation_report_once_per_person")
        ]

    def __str__(self):
        return f"{self.proposal_id}: {self.reason[:40]}"
