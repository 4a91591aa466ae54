"""CV builder's indicators (registered in home.indicators) and the counts kept when a CV is erased.

A CV belongs to no centre: CVs started and downloaded are network figures; CVs shared with a
centre count in that centre. Cover letters, like CVs, are a network figure.
"""

from django.db.models import Count
from django.db.models.signals import pre_delete
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cv_builder.models import CV, CentreShare, CoverLetter
from home.indicators import LETTERS_HOOK, Indicator, group_count, record_erased

STARTED, PDF, SHARED = "cv_builder.started", "cv_builder.pdf", "cv_builder.shared"

INDICATORS = [
    Indicator(STARTED, _("CVs started"), people=True, key_figure=True),
    Indicator(PDF, _("CVs downloaded as PDF"), people=True),
    Indicator(SHARED, _("CVs shared with a centre"), people=True, key_figure=True),
    Indicator(LETTERS_HOOK, _("Cover letters written"), people=True),
]


def compute(period, centre_ids):
    found = {}
    if centre_ids is None:
        started = CV.objects.filter(**period.moments("created_at")).count()
        pdf = CV.objects.filter(**period.moments("pdf_downloaded_at")).count()
        letters = CoverLetter.objects.filter(**period.moments("created_at")).count()
        found = {STARTED: {None: started} if started else {}, PDF: {None: pdf} if pdf else {}}
        found[LETTERS_HOOK] = {None: letters} if letters else {}
    shares = CentreShare.objects.filter(**period.moments("created_at"))
    if centre_ids is not None:
        shares = shares.filter(centre_id__in=centre_ids)
    found[SHARED] = group_count(shares, "centre_id", n=Count("cv", distinct=True))["n"]
    return found


def keep_counts(sender, instance, **kwargs):
    """Before a CV is deleted for good (bin emptied, account erased): it stays counted, without its content."""
    day = timezone.localtime
    stored = CV.objects.filter(pk=instance.pk).values_list("created_at", "pdf_downloaded_at").first()
    if stored is None:
        return
    created_at, pdf_downloaded_at = stored  # as stored: the instance may be older than its row
    rows = [(STARTED, None, day(created_at).date(), 1)]
    if pdf_downloaded_at:
        rows.append((PDF, None, day(pdf_downloaded_at).date(), 1))
    for centre_id, created_at in CentreShare.objects.filter(cv=instance).values_list("centre_id", "created_at"):
        rows.append((SHARED, centre_id, day(created_at).date(), 1))
    record_erased(rows)


def keep_letter_count(sender, instance, **kwargs):
    """Before a letter is deleted for good (its CV erased, the bin emptied): it stays counted."""
    created_at = CoverLetter.objects.filter(pk=instance.pk).values_list("created_at", flat=True).first()
    if created_at is not None:
        record_erased([(LETTERS_HOOK, None, timezone.localtime(created_at).date(), 1)])


def connect():
    pre_delete.connect(keep_counts, sender=CV, dispatch_uid="cv-builder-indicators-keep-counts")
    pre_delete.connect(keep_letter_count, sender=CoverLetter, dispatch_uid="cv-builder-indicators-keep-letters")
