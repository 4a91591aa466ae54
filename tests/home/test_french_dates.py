"""Issue 13: "14 h", "1er décembre": dates and times written the French way on event and workshop pages."""

import datetime

from django.utils import timezone

from home.templatetags.french_dates import heure, jour, quand, quand_long


def test_french_dates_and_times():
    paris = timezone.get_default_timezone()
    first = datetime.datetime(2026, 12, 1, 14, 0, tzinfo=paris)
    assert jour(first) == "1er décembre 2026" and jour(datetime.date(2026, 12, 2)) == "2 décembre 2026"
    assert heure(first) == "14 h" and heure(first.replace(hour=9, minute=5)) == "9 h 05"
    assert quand(first) == "1er décembre 2026 à 14 h"
    assert quand_long(first) == "mardi 1er décembre 2026, 14 h"
    assert jour(None) == heure("") == ""


def test_event_page_says_14_h(client, centre_a):
    from home.models import EventIndexPage, EventPage

    index = centre_a.add_child(instance=EventIndexPage(title="Agenda", slug="agenda"))
    start = datetime.datetime(2030, 12, 1, 14, 0, tzinfo=timezone.get_default_timezone())
    event = index.add_child(
        instance=EventPage(
            title="Repas", slug="repas", start=start, end=start + datetime.timedelta(hours=2), place="Salle"
        )
    )
    html = client.get(event.url).text
    assert "1er décembre 2030" in html and "14 h" in html and "14h00" not in html and "14:00" not in html
