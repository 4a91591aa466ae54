"""Indicators as people see them: tables, charts and export rows, with small numbers suppressed.

Rules (docs/indicators.md):
- a count of people from 1 to 4 is shown "moins de 5" (0 is shown: nobody took part);
- a total over centres where at least one cell is suppressed is never exact: it is shown as the
  range the visible cells allow ("entre 41 et 53"), so no subtraction gives a hidden cell back;
- a turnout whose voters are 1 to 4 is not shown, nor the total turnout of a row with such a cell.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from home.charts import BarChart, Row, Series
from home.indicators import Ratio, sections

SMALL = 5  # counts of people below this (and above 0) are suppressed
CHART_COLOUR = "#0b5f8a"
PREVIOUS_COLOUR = "#5a3d8a"


def number(value):
    return f"{value:,}".replace(",", "\u202f")


def small_label():
    return _("fewer than 5")


@dataclass
class Cell:
    value: object  # int or Ratio: never written anywhere when suppressed
    display: str
    suppressed: bool = False
    low: int = 0  # what a chart may draw: the exact figure, or the lowest the visible cells allow

    @property
    def export_value(self):
        """What a CSV/XLSX cell receives: a number when it may be shown, else the text shown."""
        if self.suppressed or isinstance(self.value, Ratio) or not isinstance(self.value, int):
            return self.display
        return self.value


def is_small(value):
    return 0 < value < SMALL


def make_cell(value, people):
    if isinstance(value, Ratio):
        if value.whole == 0:
            return Cell(value, "—")
        if people and is_small(value.part):
            return Cell(value, _("not shown (fewer than 5 voters)"), suppressed=True)
        return Cell(value, f"{value.percent}\u00a0%", low=value.percent)
    value = value or 0
    if people and is_small(value):
        return Cell(value, small_label(), suppressed=True)
    return Cell(value, number(value), low=value)


def total_cell(values, cells, people):
    """The total of a row: exact, or the range the visible cells allow when any is suppressed."""
    ratios = [value for value in values if isinstance(value, Ratio)]
    if ratios:
        if any(cell.suppressed for cell in cells):
            return Cell(None, _("not shown (small numbers)"), suppressed=True)
        return make_cell(sum(ratios, Ratio(0, 0)), people)
    hidden = sum(1 for cell in cells if cell.suppressed)
    if not hidden:
        return make_cell(sum(values), people)
    visible = sum(cell.value for cell in cells if not cell.suppressed)
    low, high = visible + hidden, visible + (SMALL - 1) * hidden
    if high < SMALL:
        return Cell(None, small_label(), suppressed=True)
    return Cell(None, _("between %(low)s and %(high)s") % {"low": number(low), "high": number(high)}, True, low)


@dataclass
class Column:
    key: object  # a centre id, or None: figures tied to no centre
    label: str


def columns_for(centres, network):
    """One column per centre (id, title) and, for the network, one for figures tied to no centre."""
    columns = [Column(pk, title) for pk, title in centres]
    if network:
        columns.append(Column(None, _("Network (no centre)")))
    return columns


def table(figures, columns):
    """[{label, rows: [{indicator, cells, total}]}] for every registered section."""
    with_total = len(columns) > 1
    result = []
    for section in sections():
        rows = []
        for indicator in section.indicators:
            by_centre = figures.get(indicator.key, {})
            missing = Ratio(0, 0) if indicator.ratio else 0
            values = [by_centre.get(column.key, missing) for column in columns]
            cells = [make_cell(value, indicator.people) for value in values]
            total = total_cell(values, cells, indicator.people) if with_total else cells[0]
            rows.append({"indicator": indicator, "cells": cells, "total": total})
        result.append({"label": section.label, "name": section.name, "rows": rows})
    return result


def rows_by_key(tables):
    return {row["indicator"].key: row for section in tables for row in section["rows"]}


def comparison(current, previous):
    """[{indicator, now, before}] of every indicator: the scope's totals for both periods."""
    before = rows_by_key(previous)
    return [
        {"indicator": row["indicator"], "now": row["total"], "before": before[row["indicator"].key]["total"]}
        for section in current
        for row in section["rows"]
    ]


def _chart_row(label, cell):
    if cell.suppressed:
        return Row(label, [cell.low], display=cell.display)
    return Row(label, [cell.low])


def key_charts(current, previous, columns, current_label, previous_label):
    """Per key figure: this period against the same period a year earlier, and (network) by centre."""
    charts = []
    before = rows_by_key(previous)
    for row in (row for section in current for row in section["rows"] if row["indicator"].key_figure):
        indicator = row["indicator"]
        slug = indicator.key.replace(".", "-").replace("_", "-")
        rows = [_chart_row(current_label, row["total"]), _chart_row(previous_label, before[indicator.key]["total"])]
        compare = BarChart(
            f"chart-{slug}-years",
            _("%(indicator)s: %(now)s and %(before)s") % {
                "indicator": indicator.label, "now": current_label, "before": previous_label,
            },
            [Series(str(indicator.label), PREVIOUS_COLOUR)],
            rows,
        )  # fmt: skip
        by_centre = None
        if len(columns) > 1:
            by_centre = BarChart(
                f"chart-{slug}-centres",
                _("%(indicator)s by centre, %(period)s") % {"indicator": indicator.label, "period": current_label},
                [Series(str(indicator.label), CHART_COLOUR)],
                [_chart_row(column.label, cell) for column, cell in zip(columns, row["cells"], strict=True)],
            )
        charts.append({"indicator": indicator, "compare": compare, "by_centre": by_centre})
    return charts


def export_rows(tables, columns, period_label):
    """Rows (period, section, indicator, one cell per column, total): aggregates only, never a person."""
    with_total = len(columns) > 1
    for section in tables:
        for row in section["rows"]:
            cells = [cell.export_value for cell in row["cells"]]
            if with_total:
                cells.append(row["total"].export_value)
            yield [period_label, str(section["label"]), str(row["indicator"].label), *cells]


def export_header(columns):
    header = [_("Period"), _("Section"), _("Indicator"), *(column.label for column in columns)]
    if len(columns) > 1:
        header.append(_("Total"))
    return header
