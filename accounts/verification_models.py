"""Desk verification: a centre's staff member saw the resident in person and vouches for the account.

Nothing of the document is kept, only which kind was shown (optional). Each verification is a row
that is never deleted: withdrawing it fills `withdrawn_*`, verifying again adds a new row, so the
rows are the account's verification history (who, when, which centre).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ResidentVerification(models.Model):
    class Document(models.TextChoices):
        NONE = "", _("Not noted")
        IDENTITY_CARD = "identity_card", _("Identity card")
        PASSPORT = "passport", _("Passport")
        RESIDENCE_PERMIT = "residence_permit", _("Residence permit")
        PROOF_OF_ADDRESS = "proof_of_address", _("Proof of address")
        KNOWN_TO_TEAM = "known_to_team", _("Known to the team")
        OTHER = "other", _("Other document")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="verifications",
    )
    centre = models.ForeignKey(
        "home.CentrePage", verbose_name=_("centre"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified on"), default=timezone.now)
    document = models.CharField(
        _("document shown"), max_length=20, choices=Document.choices, default=Document.NONE, blank=True
    )
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawal_reason = models.CharField(_("reason for withdrawal"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("resident verification")
        verbose_name_plural = _("resident verifications")
        ordering = ["-verified_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="accounts_one_active_verification",
            )
        ]

    def __str__(self):
        return f"{self.user_id} ({self.verified_at:%Y-%m-%d})"

    @property
    def is_active(self):
        return self.withdrawn_at is None
