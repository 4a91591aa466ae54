"""What the centres say about a resource, and how much it is used: feedback and monthly counts."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class ResourceFeedback(models.Model):
    """Sent through a sheet's public form, no account needed. Shown only once staff publish it."""

    class Verdict(models.TextChoices):
        USEFUL = "useful", _("Useful")
        NOT_USEFUL = "not_useful", _("Not useful")

    class Status(models.TextChoices):
        NEW = "new", _("To moderate")
        PUBLISHED = "published", _("Published on the sheet")
        PRIVATE = "private", _("Kept for the team")

    resource = models.ForeignKey(
        "toolkit.ToolkitResourcePage", verbose_name=_("resource"), on_delete=models.CASCADE, related_name="feedback"
    )
    centre_name = models.CharField(_("name of the centre"), max_length=160)
    contact = models.CharField(_("contact (optional)"), max_length=160, blank=True)
    verdict = models.CharField(_("was it useful?"), max_length=20, choices=Verdict.choices, blank=True)
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    reports_outdated = models.BooleanField(_("something is outdated or wrong"), default=False)
    outdated_what = models.TextField(_("what is outdated or wrong"), max_length=2000, blank=True)
    status = models.CharField(_("moderation"), max_length=20, choices=Status.choices, default=Status.NEW)
    correction_done = models.BooleanField(
        _("correction made"), default=False, help_text=_("Tick once the sheet has been corrected.")
    )
    staff_notes = models.TextField(_("notes for the team"), blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    history = HistoricalRecords()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("resource", read_only=True),
                FieldPanel("centre_name", read_only=True),
                FieldPanel("contact", read_only=True),
                FieldPanel("verdict", read_only=True),
                FieldPanel("comment", read_only=True),
                FieldPanel("reports_outdated", read_only=True),
                FieldPanel("outdated_what", read_only=True),
            ],
            heading=_("Feedback"),
        ),
        FieldPanel("status"),
        FieldPanel("correction_done"),
        FieldPanel("staff_notes"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("feedback on a resource")
        verbose_name_plural = _("feedback on the resources")
        indexes = [models.Index(fields=["resource", "status"], name="toolkit_feedback_by_status")]

    def __str__(self):
        return f"{self.centre_name} — {self.resource.title}"

    def clean(self):
        if self.reports_outdated and not self.outdated_what.strip():
            raise ValidationError({"outdated_what": _("Say what is outdated or wrong, so that we can correct it.")})


class MonthlyUsage(models.Model):
    """Views and PDF downloads of one resource in one month: counters only, nothing about who."""

    resource = models.ForeignKey(
        "toolkit.ToolkitResourcePage", verbose_name=_("resource"), on_delete=models.CASCADE, related_name="usage"
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    views = models.PositiveIntegerField(_("views"), default=0)
    downloads = models.PositiveIntegerField(_("PDF downloads"), default=0)

    class Meta:
        ordering = ["-month", "resource_id"]
        verbose_name = _("monthly usage")
        verbose_name_plural = _("monthly usage")
        constraints = [models.UniqueConstraint(fields=["resource", "month"], name="toolkit_one_usage_row_per_month")]

    def __str__(self):
        return f"{self.resource_id} {self.month:%Y-%m}"
