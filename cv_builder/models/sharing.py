import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(32)


class ShareLinkQuerySet(models.QuerySet):
    def active(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now, cv__deleted_at__isnull=True)


class ShareLink(models.Model):
    """A read-only link to a CV, to send to a counsellor or an employer."""

    cv = models.ForeignKey("cv_builder.CV", on_delete=models.CASCADE, related_name="share_links")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    label = models.CharField(_("for whom"), max_length=100, blank=True)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        ordering = ["-created_at"]

    def __str__(self):
        return self.label or self.token[:8]

    @property
    def is_active(self):
        return self.revoked_at is None and self.expires_at > timezone.now()


class CentreShare(models.Model):
    """The owner lets the staff of one centre view and help edit the CV."""

    cv = models.ForeignKey("cv_builder.CV", on_delete=models.CASCADE, related_name="centre_shares")
    centre = models.ForeignKey("home.CentrePage", on_delete=models.CASCADE, related_name="+")
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("centre share")
        verbose_name_plural = _("centre shares")
        constraints = [models.UniqueConstraint(fields=["cv", "centre"], name="cv_builder_unique_centre_share")]

    def __str__(self):
        return f"{self.cv} → {self.centre}"
