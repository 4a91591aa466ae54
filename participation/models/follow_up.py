"""Follow-up of proposals: dated milestones of a selected proposal, and the secret of a paper receipt."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from participation.models.codes import ALPHABET

SECRET_LENGTH = 6  # 26^6 ≈ 300 million: with the try budgets, out of reach of a guesser


def milestone_photo_path(instance, filename):
    # Unguessable, and served only through the proposal's own checks (participation/follow_up.py).
    return f"participation/etapes/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.jpg"


class Milestone(models.Model):
    class Progress(models.TextChoices):
        PLANNED = "planned", _("Planned")
        UNDER_WAY = "under_way", _("Under way")
        DONE = "done", _("Done")

    proposal = models.ForeignKey(
        "participation.Proposal", verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="milestones"
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    text = models.TextField(_("what happened"), max_length=1000)
    progress = models.CharField(_("progress"), max_length=12, choices=Progress.choices, default=Progress.PLANNED)
    photo = models.ImageField(_("photo"), upload_to=milestone_photo_path, blank=True)
    photo_alt = models.CharField(_("photo description"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["date", "created_at", "pk"]

    def __str__(self):
        return f"{self.proposal_id} {self.date}: {self.text[:40]}"


def new_secret():
    return "".join(secrets.choice(ALPHABET) for _ in range(SECRET_LENGTH))


def _digest(salt, secret):
    return salted_hmac(f"participation.paper-follow-up:{salt}", secret, algorithm="sha256").hexdigest()


class PaperFollowUp(models.Model):
    """The secret printed on the receipt of a paper proposal (only its HMAC is kept; a new receipt replaces it)."""

    proposal = models.OneToOneField("participation.Proposal", on_delete=models.CASCADE, related_name="paper_follow_up")
    salt = models.CharField(max_length=32, editable=False)
    digest = models.CharField(max_length=64, editable=False)
    printed_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("paper receipt")
        verbose_name_plural = _("paper receipts")

    def __str__(self):
        return f"receipt of {self.proposal_id}"

    def set_secret(self, secret):
        self.salt = secrets.token_hex(16)
        self.digest = _digest(self.salt, secret)
        self.printed_at = timezone.now()

    def matches(self, raw):
        secret = "".join(ch for ch in (raw or "").upper() if ch not in " -_.\t")
        if len(secret) != SECRET_LENGTH or any(ch not in ALPHABET for ch in secret):
            return False
        return constant_time_compare(self.digest, _digest(self.salt, secret))
