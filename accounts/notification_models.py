"""Messages in the site ("Mes messages"), each person's email choices, and the emails sent for them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """One plain sentence with a link, for one person. Emailed too when they chose so."""

    class Email(models.TextChoices):
        NONE = "", _("Site only")
        QUEUED = "queued", _("Email queued")
        DIGEST = "digest", _("Waiting for the daily digest")
        SENT = "sent", _("Email sent")
        FAILED = "failed", _("Email failed")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("recipient")
    )
    kind = models.CharField(_("kind"), max_length=40)
    text = models.CharField(_("message"), max_length=400)
    url = models.CharField(_("link"), max_length=300, blank=True)
    # Events found by a periodic check (a vote opens, a link expires) are told once: same key, no new message.
    key = models.CharField(max_length=120, blank=True, editable=False)
    created_at = models.DateTimeField(_("date"), default=timezone.now, editable=False)
    read_at = models.DateTimeField(_("read on"), null=True, blank=True)
    email = models.CharField(_("email"), max_length=8, choices=Email.choices, default=Email.NONE, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="accounts_notif_inbox"),
            models.Index(fields=["email"], name="accounts_notif_email", condition=models.Q(email="digest")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"], condition=~models.Q(key=""), name="accounts_notif_key_once"
            )
        ]

    def __str__(self):
        return f"{self.recipient_id} {self.kind}: {self.text[:40]}"


class NotificationSettings(models.Model):
    """A person's choices: which kinds also come by email, and (staff) immediate alerts or a daily digest."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    by_email = models.JSONField(_("by email"), default=dict, blank=True)  # {kind: bool}; a missing kind: its default
    daily_digest = models.BooleanField(_("staff alerts in one daily email"), default=False)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self):
        return f"settings of {self.user_id}"


class OutgoingEmail(models.Model):
    """An email handed to the task queue: retried, then recorded as failed (nothing is sent in a request)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"))
    unsubscribe_url = models.CharField(max_length=400, blank=True)
    notifications = models.ManyToManyField(Notification, blank=True, related_name="emails")
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.to}: {self.subject} ({self.status})"
