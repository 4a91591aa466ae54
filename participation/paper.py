"""The paper side of a vote: tally sheets typed in twice, and the figures the results show.

A sheet counts in the results only once two successive entries of it agree. Any entry that differs
from the figures on file replaces them and puts the sheet back "to be checked"; every entry is kept.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.models import Ballot, PaperTally, TallyEntry, TallySheet


@dataclass
class PaperFigures:
    """What a workshop's results say about who voted (confirmed sheets only for paper)."""

    sheets: int = 0
    sheets_to_check: int = 0
    ballots_cast: int = 0
    blank: int = 0
    spoilt: int = 0
    # Sheets entered before ballots were counted: their ballots cast are unknown.
    sheets_without_ballot_count: int = 0
    online_voters: int = 0
    codes_used: int = 0

    @property
    def valid_ballots(self):
        return self.ballots_cast - self.blank - self.spoilt

    @property
    def voters(self):
        """Online voters plus paper ballots cast: the turnout the indicators read."""
        return self.online_voters + self.ballots_cast


def figures_for_workshops(workshop_ids):
    """{workshop id: PaperFigures} in two queries, whatever the number of workshops."""
    workshop_ids = list(workshop_ids)
    figures = {pk: PaperFigures() for pk in workshop_ids}
    confirmed = Q(status=TallySheet.Status.CONFIRMED)
    sheets = (
        TallySheet.objects.filter(workshop_id__in=workshop_ids)
        .order_by()
        .values("workshop_id")
        .annotate(
            sheets=Count("pk", filter=confirmed),
            to_check=Count("pk", filter=~confirmed),
            cast=Sum("ballots_cast", filter=confirmed),
            blank=Sum("blank", filter=confirmed),
            spoilt=Sum("spoilt", filter=confirmed),
            unknown=Count("pk", filter=confirmed & Q(ballots_cast__isnull=True)),
        )
    )
    for row in sheets:
        item = figures[row["workshop_id"]]
        item.sheets, item.sheets_to_check = row["sheets"], row["to_check"]
        item.ballots_cast, item.blank, item.spoilt = row["cast"] or 0, row["blank"] or 0, row["spoilt"] or 0
        item.sheets_without_ballot_count = row["unknown"]
    voters = (
        Ballot.objects.filter(workshop_id__in=workshop_ids, supports__isnull=False)
        .order_by()
        .values("workshop_id")
        .annotate(voters=Count("pk", distinct=True), codes=Count("pk", distinct=True, filter=Q(code__isnull=False)))
    )
    for row in voters:
        figures[row["workshop_id"]].online_voters = row["voters"]
        figures[row["workshop_id"]].codes_used = row["codes"]
    return figures


def paper_figures(workshop):
    return figures_for_workshops([workshop.pk])[workshop.pk]


# --- typing in a sheet ---------------------------------------------------------------------------------
@dataclass
class Typed:
    ballots_cast: int | None
    blank: int
    spoilt: int
    counts: dict = field(default_factory=dict)  # {proposal id: ticks}


@dataclass
class EntryResult:
    sheet: TallySheet
    kind: str
    differences: list  # [(what, figure on file, figure typed now)]


def sheet_figures(sheet, proposals):
    counts = dict(PaperTally.objects.filter(sheet=sheet).values_list("proposal_id", "votes"))
    return Typed(sheet.ballots_cast, sheet.blank, sheet.spoilt, {p.pk: counts.get(p.pk, 0) for p in proposals})


def differences(on_file, typed, proposals):
    rows = [
        (_("Ballots cast"), on_file.ballots_cast, typed.ballots_cast),
        (_("Blank ballots"), on_file.blank, typed.blank),
        (_("Spoilt ballots"), on_file.spoilt, typed.spoilt),
    ]
    rows += [(f"{p.reference} — {p.title}", on_file.counts.get(p.pk, 0), typed.counts.get(p.pk, 0)) for p in proposals]
    return [row for row in rows if row[1] != row[2]]


def _locked_sheet(workshop, session_date):
    sheet = TallySheet.objects.select_for_update().filter(workshop=workshop, session_date=session_date).first()
    if sheet is not None:
        return sheet, False
    try:
        with transaction.atomic():
            return TallySheet.objects.create(workshop=workshop, session_date=session_date), True
    except IntegrityError:
        # Two people saved the first entry of the same session at once: this one becomes the check entry.
        return TallySheet.objects.select_for_update().get(workshop=workshop, session_date=session_date), False


def _write_figures(sheet, typed, proposals, user):
    sheet.ballots_cast, sheet.blank, sheet.spoilt = typed.ballots_cast, typed.blank, typed.spoilt
    existing = {t.proposal_id: t for t in PaperTally.objects.select_for_update().filter(sheet=sheet)}
    for proposal in proposals:
        votes = typed.counts.get(proposal.pk, 0)
        tally = existing.get(proposal.pk) or PaperTally(sheet=sheet, proposal=proposal)
        if tally.pk and tally.votes == votes:
            continue
        tally.votes = votes
        tally.entered_by = user
        tally._history_user = user
        tally._change_reason = "Correction" if tally.pk else "Saisie"
        tally.save()


def record_entry(workshop, session_date, typed, proposals, user, photo=None):
    """Save one typing of the sheet of `session_date`; returns what it did and what differed."""
    with transaction.atomic():
        sheet, created = _locked_sheet(workshop, session_date)
        if created:
            kind, diffs = TallyEntry.Kind.FIRST, []
        else:
            diffs = differences(sheet_figures(sheet, proposals), typed, proposals)
            if sheet.is_confirmed:
                kind = TallyEntry.Kind.CORRECTION if diffs else TallyEntry.Kind.SAME
            else:
                kind = TallyEntry.Kind.DIFFERENT if diffs else TallyEntry.Kind.CONFIRMED
        if kind in (TallyEntry.Kind.FIRST, TallyEntry.Kind.DIFFERENT, TallyEntry.Kind.CORRECTION):
            _write_figures(sheet, typed, proposals, user)
            sheet.status, sheet.confirmed_by, sheet.confirmed_at = TallySheet.Status.TO_CHECK, None, None
        elif kind == TallyEntry.Kind.CONFIRMED:
            sheet.status, sheet.confirmed_by, sheet.confirmed_at = TallySheet.Status.CONFIRMED, user, timezone.now()
        if photo is not None:
            # A new photo replaces the one shown; the earlier file stays, named in the sheet's history.
            sheet.photo.save(photo.name, photo, save=False)
        sheet.entered_by = user
        sheet._history_user = user
        sheet._change_reason = TallyEntry.Kind(kind).label
        sheet.save()
        TallyEntry.objects.create(
            sheet=sheet,
            kind=kind,
            entered_by=user,
            ballots_cast=typed.ballots_cast,
            blank=typed.blank,
            spoilt=typed.spoilt,
            counts={str(pk): n for pk, n in typed.counts.items()},
        )
    return EntryResult(sheet=sheet, kind=kind, differences=diffs)
