"""The registry of indicators: each app declares what it counts, the report knows no app's models.

    from home.indicators import Indicator, register_indicators
    register_indicators(
        "participation", order=10, section=_("Participation"), compute=compute,
        indicators=[Indicator("participation.proposals", _("Proposals submitted"), people=False), ...],
    )

Register in the app's `AppConfig.ready()`. `compute(period, centre_ids)` returns
`{indicator key: {centre id or None: number}}` (None: figures tied to no centre, e.g. accounts made
online) and must run a fixed number of queries whatever the data (GROUP BY centre). A number may be a
`Ratio` (turnout): its total is the ratio of the sums.

Counts that must survive the erasure of an account are recorded, at erasure, as `ErasedCount` rows
(key, centre, day, count) with `record_erased()`: the report adds them to the live rows' counts.
Small numbers and totals are handled in `home/indicator_tables.py`.
"""

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import F, Sum
from django.utils import timezone


@dataclass(frozen=True)
class Indicator:
    key: str
    label: Any
    people: bool = False  # a count of people: 1 to 4 is shown "moins de 5"
    key_figure: bool = False  # on the report's charts and the PDF's cover page
    ratio: bool = False  # its numbers are `Ratio`s (turnout)


@dataclass(frozen=True)
class Ratio:
    """A share (turnout): `part` people out of `whole`; `part` is a count of people."""

    part: int
    whole: int

    def __add__(self, other):
        if isinstance(other, int) and other == 0:
            return self
        return Ratio(self.part + other.part, self.whole + other.whole)

    __radd__ = __add__

    @property
    def percent(self):
        return round(100 * self.part / self.whole) if self.whole else None


@dataclass(frozen=True)
class Section:
    name: str
    label: Any
    order: int
    compute: Callable[[Any, Any], dict]
    indicators: list = field(default_factory=list)


_sections: dict[str, Section] = {}
LETTERS_HOOK = "cv_builder.letters"  # the cover letters' indicator key, once the model exists


def register_indicators(name, *, section, order, compute, indicators):
    _sections[name] = Section(name=name, label=section, order=order, compute=compute, indicators=list(indicators))


def sections():
    return sorted(_sections.values(), key=lambda s: s.order)


def all_indicators():
    return [indicator for section in sections() for indicator in section.indicators]


# --- periods ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both days included."""

    start: date
    end: date
    kind: str = "custom"

    @classmethod
    def year(cls, year):
        return cls(date(year, 1, 1), date(year, 12, 31), "year")

    @classmethod
    def quarter(cls, year, quarter):
        first = 3 * (quarter - 1) + 1
        return cls(date(year, first, 1), date(year, first + 2, calendar.monthrange(year, first + 2)[1]), "quarter")

    @classmethod
    def month(cls, year, month):
        return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month")

    def previous_year(self):
        """The same days one year earlier (29 February becomes the 28th)."""

        def back(day):
            try:
                return day.replace(year=day.year - 1)
            except ValueError:
                return day.replace(year=day.year - 1, day=28)

        end = back(self.end)
        if self.kind in ("month", "quarter", "year"):  # keep whole months (February of a leap year)
            end = end.replace(day=calendar.monthrange(end.year, end.month)[1])
        return replace(self, start=back(self.start), end=end)

    @property
    def since(self):
        """The first moment of the period (aware, in the site's time zone)."""
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def until(self):
        """The first moment after the period."""
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))

    def moments(self, prefix):
        """Filter kwargs for a datetime field inside the period: `{prefix}__gte`, `{prefix}__lt`."""
        return {f"{prefix}__gte": self.since, f"{prefix}__lt": self.until}

    def days(self, prefix):
        """Filter kwargs for a date field inside the period."""
        return {f"{prefix}__gte": self.start, f"{prefix}__lte": self.end}


# --- counts that outlive an erased account --------------------------------------------------------
def record_erased(rows):
    """Keep the counts an erasure would remove: rows of (key, centre id or None, day, count)."""
    from home.models import ErasedCount

    ErasedCount.objects.bulk_create(
        [
            ErasedCount(key=key, centre_id=centre_id, day=day, count=count)
            for key, centre_id, day, count in rows
            if count
        ]
    )


def erased_counts(period, centre_ids):
    """{key: {centre id: count}} of the erased counts inside the period: one query."""
    from home.models import ErasedCount

    rows = ErasedCount.objects.filter(**period.days("day"))
    if centre_ids is not None:
        rows = rows.filter(centre_id__in=centre_ids)
    found = {}
    for row in rows.values("key", "centre_id").annotate(n=Sum("count")).order_by():
        found.setdefault(row["key"], {})[row["centre_id"]] = row["n"]
    return found


def compute_all(period, centre_ids=None):
    """{key: {centre id or None: number}} of every registered indicator.

    `centre_ids=None` is the whole network (figures tied to no centre included); a list keeps
    those centres only. One call to each section's `compute`, plus one query for erased counts.
    """
    figures = {}
    for section in sections():
        computed = section.compute(period, centre_ids)
        for indicator in section.indicators:
            figures[indicator.key] = dict(computed.get(indicator.key, {}))
    for key, by_centre in erased_counts(period, centre_ids).items():
        if key in figures:
            for centre_id, count in by_centre.items():
                figures[key][centre_id] = figures[key].get(centre_id, 0) + count
    if centre_ids is not None:
        allowed = set(centre_ids)
        figures = {key: {c: v for c, v in values.items() if c in allowed} for key, values in figures.items()}
    return figures


def merge_counts(*dicts):
    """Sum several {centre id: count} dicts."""
    merged = {}
    for counts in dicts:
        for centre_id, value in counts.items():
            merged[centre_id] = merged.get(centre_id, 0) + value
    return merged


def group_count(queryset, centre_field, **aggregates):
    """{name: {centre id: value}} of `aggregates` computed in one GROUP BY centre query."""
    found = {name: {} for name in aggregates}
    for row in queryset.values(indicator_centre=F(centre_field)).annotate(**aggregates).order_by():
        for name in aggregates:
            found[name][row["indicator_centre"]] = row[name] or 0
    return found
