from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person using the platform. Email is optional: many residents have none."""

    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("How your name appears on the site, e.g. your first name."),
    )
    must_change_password = models.BooleanField(
        _("must change password"),
        default=False,
        help_text=_("Set for accounts created at the desk: the first password is temporary."),
    )
    temporary_password_expires_at = models.DateTimeField(
        _("first password valid until"),
        null=True,
        blank=True,
        help_text=_("A first password printed at the desk stops working after this date."),
    )
    created_by = models.ForeignKey(
        "self",
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The staff member who created this account at the desk, if any."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # Email is optional, but two accounts may not share one.
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_unique_email_when_set",
            )
        ]

    def get_full_name(self):
        """Wagtail's admin (user list, page owners, revisions) shows this: the display name when set."""
        return self.display_name or super().get_full_name()

    @property
    def public_name(self):
        return self.display_name or self.first_name or self.username

    def __str__(self):
        return self.public_name


# Kept in its own module (desk verification of residents); imported here so Django registers it.
# Consent and journal live in their own module; imported here so Django finds the models.
from accounts.consent_models import Consent, JournalEntry  # noqa: E402, F401
from accounts.notification_models import Notification, NotificationSettings, OutgoingEmail  # noqa: E402, F401
from accounts.verification_models import ResidentVerification  # noqa: E402, F401
