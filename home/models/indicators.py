"""What the indicators keep: counts that outlive an erased account, and the annual reports' comments."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ErasedCount(models.Model):
    """A count kept when an account is erased: no person, only what was counted, where and when."""

    key = models.CharField(max_length=80)
    centre = models.ForeignKey("home.CentrePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    day = models.DateField()
    count = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("count kept after an erasure")
        verbose_name_plural = _("counts kept after erasures")
        indexes = [models.Index(fields=["day", "key"], name="home_erasedcount_day_key")]

    def __str__(self):
        return f"{self.key} {self.centre_id} {self.day}: {self.count}"


class AnnualReportComment(models.Model):
    """The few lines a centre's team (or the network, centre empty) writes in its annual report."""

    centre = models.ForeignKey("home.CentrePage", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    text = models.TextField(_("comments"), max_length=3000, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    class Meta:
        verbose_name = _("annual report comment")
        verbose_name_plural = _("annual report comments")
        constraints = [
            models.UniqueConstraint(fields=["centre", "year"], name="home_report_comment_per_centre_year"),
            models.UniqueConstraint(
                fields=["year"], condition=models.Q(centre__isnull=True), name="home_report_comment_network_year"
            ),
        ]

    def __str__(self):
        return f"{self.centre_id or 'réseau'} {self.year}"
