import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cv_builder.resume import empty_resume, validate_resume

BIN_DAYS = 30

TEMPLATE_CHOICES = [
    ("classic", _("Classic")),
    ("modern", _("Modern (two columns)")),
    ("compact", _("Compact")),
]


def photo_path(instance, filename):
    # Unguessable names: the media folder may be served without permission checks.
    return f"cv/photos/{uuid.uuid4().hex}.jpg"


class CVQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)

    def in_bin(self):
        return self.filter(deleted_at__isnull=False)

    def expired_bin(self, now=None):
        now = now or timezone.now()
        return self.filter(deleted_at__lt=now - timedelta(days=BIN_DAYS))


class CV(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.CASCADE, related_name="cvs"
    )
    title = models.CharField(_("title"), max_length=120, default="Mon CV")
    template = models.CharField(_("template"), max_length=20, choices=TEMPLATE_CHOICES, default="classic")
    data = models.JSONField(_("content"), default=empty_resume)
    photo = models.ImageField(_("photo"), upload_to=photo_path, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, db_index=True)
    # First time its owner (or a helping staff member) downloaded it as PDF: counted in the indicators.
    pdf_downloaded_at = models.DateTimeField(_("first PDF download"), null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = CVQuerySet.as_manager()

    class Meta:
        verbose_name = _("CV")
        verbose_name_plural = _("CVs")
        ordering = ["-updated_at", "-pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        validate_resume(self.data)
        super().save(*args, **kwargs)

    @property
    def basics(self):
        return self.data.get("basics") or {}

    @property
    def purge_date(self):
        return self.deleted_at + timedelta(days=BIN_DAYS) if self.deleted_at else None

    def erase(self):
        """Delete for good: the row, its history and its photo, and its cover letters with their history."""
        if self.photo:
            self.photo.delete(save=False)
        for letter in self.letters.all():
            letter.erase()
        pk = self.pk
        self.delete()
        CV.history.filter(id=pk).delete()
