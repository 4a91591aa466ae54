"""Cover letters ("lettres de motivation"): several per CV, written step by step beside it.

A letter belongs to one CV (its name and contact come from it) and to the CV's owner. It is seen by
exactly who sees its CV (cv_builder/access.py): the owner, and staff of a centre the CV is shared with,
under the owner's consent. Countable for indicators: `created_at`, `owner`, and the centres its CV is
shared with (`CoverLetter.objects.shared_with(centre)`).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .cv import BIN_DAYS, TEMPLATE_CHOICES

OFFER = "offer"
SPONTANEOUS = "spontaneous"
KIND_CHOICES = [
    (OFFER, _("An answer to a job offer")),
    (SPONTANEOUS, _("A spontaneous application")),
]


def empty_letter(kind=OFFER):
    return {"kind": kind}


class CoverLetterQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True, cv__deleted_at__isnull=True)

    def in_bin(self):
        return self.filter(deleted_at__isnull=False, cv__deleted_at__isnull=True)

    def expired_bin(self, now=None):
        now = now or timezone.now()
        return self.filter(deleted_at__lt=now - timedelta(days=BIN_DAYS))

    def shared_with(self, centre):
        """Letters whose CV is shared with this centre (for the indicators)."""
        return self.filter(cv__centre_shares__centre=centre).distinct()


class CoverLetter(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.CASCADE, related_name="cover_letters"
    )
    cv = models.ForeignKey("cv_builder.CV", verbose_name=_("CV"), on_delete=models.CASCADE, related_name="letters")
    title = models.CharField(_("title"), max_length=120, default="Lettre de motivation")
    template = models.CharField(_("template"), max_length=20, choices=TEMPLATE_CHOICES, default="classic")
    data = models.JSONField(_("content"), default=empty_letter)
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, db_index=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = CoverLetterQuerySet.as_manager()

    class Meta:
        verbose_name = _("cover letter")
        verbose_name_plural = _("cover letters")
        ordering = ["-updated_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def kind(self):
        return SPONTANEOUS if self.data.get("kind") == SPONTANEOUS else OFFER

    @property
    def purge_date(self):
        return self.deleted_at + timedelta(days=BIN_DAYS) if self.deleted_at else None

    def erase(self):
        """Delete for good: the row and its history."""
        pk = self.pk
        self.delete()
        CoverLetter.history.filter(id=pk).delete()
