"""The tallies typed in before tally sheets existed are kept: one confirmed sheet per session."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from .conftest import make_proposal, make_workshop

BEFORE = [("participation", "0002_voter_kinds_and_trusted_reports")]
AFTER = [("participation", "0005_tally_sheet_required")]


@pytest.mark.django_db(transaction=True)
def test_old_tallies_become_confirmed_sheets(centre_a, staff_a):
    workshop = make_workshop(centre_a, "results")
    bancs, potager = make_proposal(workshop, title="Des bancs"), make_proposal(workshop, title="Un potager")
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps
        OldTally = old.get_model("participation", "PaperTally")
        OldTally.objects.create(proposal_id=bancs.pk, session_date=date(2026, 3, 14), votes=4, entered_by_id=staff_a.pk)
        OldTally.objects.create(proposal_id=potager.pk, session_date=date(2026, 3, 14), votes=6)
        OldTally.objects.create(proposal_id=potager.pk, session_date=date(2026, 3, 21), votes=2)
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Sheet = new.get_model("participation", "TallySheet")
    Tally = new.get_model("participation", "PaperTally")
    sheets = list(Sheet.objects.filter(workshop_id=workshop.pk).order_by("session_date"))
    assert [(s.session_date, s.status, s.ballots_cast) for s in sheets] == [
        (date(2026, 3, 14), "confirmed", None),
        (date(2026, 3, 21), "confirmed", None),
    ]
    assert sorted(Tally.objects.filter(sheet=sheets[0]).values_list("proposal_id", "votes")) == [
        (bancs.pk, 4),
        (potager.pk, 6),
    ]
    entry = sheets[0].entries.get()
    assert entry.kind == "imported" and entry.counts == {str(bancs.pk): 4, str(potager.pk): 6}
    # They still count in the results, as before.
    from participation.results import ranked_results

    assert {p.title: p.paper_count for p in ranked_results(workshop)} == {"Un potager": 8, "Des bancs": 4}
