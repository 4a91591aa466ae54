"""Gather the existing per-proposal tallies into one sheet per workshop and session.

Those tallies already counted in the results, so their sheets start confirmed; their ballots cast
are unknown (they were never asked). Each sheet gets one "imported" entry with the figures.
"""

from django.db import migrations


def gather(apps, schema_editor):
    PaperTally = apps.get_model("participation", "PaperTally")
    TallySheet = apps.get_model("participation", "TallySheet")
    TallyEntry = apps.get_model("participation", "TallyEntry")
    HistoricalPaperTally = apps.get_model("participation", "HistoricalPaperTally")
    sheets = {}
    for tally in PaperTally.objects.select_related("proposal").order_by("updated_at", "pk"):
        key = (tally.proposal.workshop_id, tally.session_date)
        sheet = sheets.get(key)
        if sheet is None:
            sheet = TallySheet.objects.create(
                workshop_id=key[0],
                session_date=key[1],
                ballots_cast=None,
                status="confirmed",
                entered_by_id=tally.entered_by_id,
                confirmed_by_id=tally.entered_by_id,
                confirmed_at=tally.updated_at,
            )
            sheet.imported_counts = {}
            sheets[key] = sheet
        sheet.imported_counts[str(tally.proposal_id)] = tally.votes
        PaperTally.objects.filter(pk=tally.pk).update(sheet=sheet)
        HistoricalPaperTally.objects.filter(id=tally.pk).update(sheet_id=sheet.pk)
    for sheet in sheets.values():
        TallyEntry.objects.create(
            sheet=sheet, kind="imported", entered_by_id=sheet.entered_by_id, counts=sheet.imported_counts
        )


def scatter(apps, schema_editor):
    PaperTally = apps.get_model("participation", "PaperTally")
    for tally in PaperTally.objects.select_related("sheet"):
        PaperTally.objects.filter(pk=tally.pk).update(session_date=tally.sheet.session_date)


class Migration(migrations.Migration):
    dependencies = [("participation", "0003_tally_sheets")]

    operations = [migrations.RunPython(gather, scatter)]
