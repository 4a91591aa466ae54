"""Votes: a ballot per voter (an account or a voting code) per workshop and its supports (paper: tallies.py)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Ballot(models.Model):
    """The quota row of one voter in one workshop: its row is locked while a support is added."""

    workshop = models.ForeignKey("participation.WorkshopPage", on_delete=models.CASCADE, related_name="ballots")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participation_ballots",
    )
    code = models.OneToOneField(
        "participation.VotingCode", null=True, blank=True, on_delete=models.SET_NULL, related_name="ballot"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "user"],
                condition=models.Q(user__isnull=False),
                name="participation_one_ballot_per_user",
            )
        ]

    def __str__(self):
        return f"ballot {self.pk} ({self.workshop_id})"


class Support(models.Model):
    """One participant supports one proposal. The unique constraint makes a double support impossible."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="supports")
    proposal = models.ForeignKey("participation.Proposal", on_delete=models.CASCADE, related_name="supports")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [models.UniqueConstraint(fields=["proposal", "ballot"], name="participation_support_once")]

    def __str__(self):
        return f"{self.ballot_id} → {self.proposal_id}"
