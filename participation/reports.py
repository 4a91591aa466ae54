"""Reports alert the staff; they do not silence a proposal.

Every report puts the proposal in the staff's queue at once. Only reports from accounts verified
at a desk and older than TRUSTED_ACCOUNT_AGE count towards hiding a proposal automatically, and
only before the vote opens: from the vote on, nothing hides a proposal without a staff decision,
so supports never drop out of the counts because of reports.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from accounts.verification import is_verified
from home.page_cache import invalidate_page_cache
from participation.models import Phase, Proposal, ProposalReport

TRUSTED_ACCOUNT_AGE = timedelta(days=1)
AUTO_HIDE_PHASES = (Phase.PROPOSALS, Phase.PREPARING)


def reporter_is_trusted(user, now=None):
    now = now or timezone.now()
    return user.date_joined <= now - TRUSTED_ACCOUNT_AGE and is_verified(user)


def open_reports_q():
    """Proposals with a report the staff have not reviewed yet."""
    unreviewed = ProposalReport.objects.filter(proposal=OuterRef("pk")).filter(
        Q(proposal__reports_cleared_at__isnull=True) | Q(created_at__gt=F("proposal__reports_cleared_at"))
    )
    return Q(Exists(unreviewed))


def report_proposal(proposal, user, reason):
    """Returns False when this person already reported it."""
    trusted = reporter_is_trusted(user)
    try:
        with transaction.atomic():
            ProposalReport.objects.create(proposal=proposal, reporter=user, reason=reason, trusted=trusted)
    except IntegrityError:
        return False
    if trusted and proposal.workshop.phase_at() in AUTO_HIDE_PHASES:
        _hide_if_enough(proposal)
    return True


def _hide_if_enough(proposal):
    with transaction.atomic():
        locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
        reports = locked.reports.filter(trusted=True)
        if locked.reports_cleared_at:
            reports = reports.filter(created_at__gt=locked.reports_cleared_at)
        if not locked.hidden_by_reports and reports.count() >= ProposalReport.HIDE_AFTER:
            locked.hidden_by_reports = True
            locked._change_reason = "Masquée avant le vote après trois signalements de comptes vérifiés"
            locked.save(update_fields=["hidden_by_reports", "updated_at"])
            invalidate_page_cache()


def dismiss_reports(proposal, staff):
    """Staff decide the reports are unfounded: the proposal stays (or is back) online; kept in the history."""
    proposal._history_user = staff
    proposal._change_reason = "Signalements écartés"
    proposal.hidden_by_reports = False
    proposal.reports_cleared_at = timezone.now()
    proposal.save()
    invalidate_page_cache()
