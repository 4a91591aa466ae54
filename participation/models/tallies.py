"""Paper ballots counted in the room: one tally sheet per session, typed in twice before it counts.

A sheet holds the ballots cast, blank and spoilt, and one `PaperTally` row per proposal. Every
typing of the sheet is kept as a `TallyEntry` (first entry, check entry, correction): the sheet
counts in the results only once two successive entries agree (status "confirmed").
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def private_storage():
    """Files only staff may see: never under MEDIA_ROOT, so never served by a public /media/ URL."""
    if "private" in settings.STORAGES:
        return storages["private"]
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


def tally_photo_path(instance, filename):
    suffix = Path(filename).suffix.lower()
    suffix = suffix if suffix in {".jpg", ".jpeg", ".png", ".webp", ".gif"} else ""
    return f"participation/feuilles/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class TallySheetQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=TallySheet.Status.CONFIRMED)


class TallySheet(models.Model):
    class Status(models.TextChoices):
        TO_CHECK = "to_check", _("To be checked")
        CONFIRMED = "confirmed", _("Confirmed")

    workshop = models.ForeignKey(
        "participation.WorkshopPage", verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="tally_sheets"
    )
    session_date = models.DateField(_("session date"))
    # Empty only on sheets typed in before ballots were counted (one number per proposal then).
    ballots_cast = models.PositiveIntegerField(_("ballots cast"), null=True, blank=True)
    blank = models.PositiveIntegerField(_("blank ballots"), default=0)
    spoilt = models.PositiveIntegerField(_("spoilt ballots"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.TO_CHECK)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)
    photo = models.FileField(
        _("photo of the paper sheet"), storage=private_storage, upload_to=tally_photo_path, blank=True
    )
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = TallySheetQuerySet.as_manager()

    class Meta:
        verbose_name = _("tally sheet")
        verbose_name_plural = _("tally sheets")
        ordering = ["-session_date"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "session_date"], name="participation_sheet_per_session")
        ]

    def __str__(self):
        return f"{self.workshop_id} {self.session_date} ({self.status})"

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED

    @property
    def valid_ballots(self):
        if self.ballots_cast is None:
            return None
        return self.ballots_cast - self.blank - self.spoilt


class TallyEntry(models.Model):
    """One typing of a sheet, kept as typed: the history of who entered what, and whether it matched."""

    class Kind(models.TextChoices):
        FIRST = "first", _("First entry")
        CONFIRMED = "confirmed", _("Check entry: same figures, sheet confirmed")
        DIFFERENT = "different", _("Check entry: different figures, to be checked again")
        CORRECTION = "correction", _("Correction of a confirmed sheet, to be checked again")
        SAME = "same", _("Entry identical to the confirmed sheet")
        IMPORTED = "imported", _("Entered before the double check existed")

    sheet = models.ForeignKey(TallySheet, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(default=timezone.now, editable=False)
    ballots_cast = models.PositiveIntegerField(null=True, blank=True)
    blank = models.PositiveIntegerField(default=0)
    spoilt = models.PositiveIntegerField(default=0)
    # {"<proposal id>": count} as typed.
    counts = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("tally entry")
        verbose_name_plural = _("tally entries")
        ordering = ["entered_at", "pk"]

    def __str__(self):
        return f"{self.sheet_id} {self.kind} {self.entered_at:%Y-%m-%d %H:%M}"


class PaperTally(models.Model):
    """Ticks a proposal received on the paper ballots of one sheet. Corrections are kept in the history."""

    sheet = models.ForeignKey(
        TallySheet, verbose_name=_("tally sheet"), on_delete=models.CASCADE, related_name="tallies"
    )
    proposal = models.ForeignKey(
        "participation.Proposal", verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="tallies"
    )
    votes = models.PositiveIntegerField(_("ticks on paper ballots"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("paper tally")
        verbose_name_plural = _("paper tallies")
        constraints = [models.UniqueConstraint(fields=["sheet", "proposal"], name="participation_tally_per_sheet")]

    def __str__(self):
        return f"{self.proposal_id} ({self.sheet_id}): {self.votes}"
