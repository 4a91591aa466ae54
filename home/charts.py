"""The one accessible bar chart (SVG, no JavaScript): workshop results, toolkit overview, indicators.

A chart only pictures numbers: its <title> and <desc> say every figure, and each page shows the same
figures in a table too. Geometry is computed here once so templates only place rectangles.
"""

from dataclasses import dataclass, field

ROW_HEIGHT = 48  # a label line above each bar: long labels (proposal titles) fit on a phone
BAR_HEIGHT = 20
FIGURE_WIDTH = 70  # room kept at the right of the longest bar for its figure


@dataclass(frozen=True)
class Series:
    label: str
    colour: str


@dataclass
class Row:
    label: str
    values: list  # one number per series, stacked left to right
    display: str = ""  # the figure written after the bar; the total by default (e.g. "moins de 5")
    # A row given its own display (a suppressed small number) never shows its split either.
    segments: list = field(default_factory=list)
    label_y: int = 0
    bar_y: int = 0
    figure_y: int = 0

    @property
    def total(self):
        return sum(self.values)


def shorten(text, limit):
    """The label drawn in the chart (the full text is in the description and the table)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def stacked_segments(values, colours, highest, width):
    """[{x, width, colour}] of one stacked bar scaled so that `highest` fills `width`."""
    segments, x = [], 0.0
    for value, colour in zip(values, colours, strict=True):
        length = round(width * value / (highest or 1), 1)
        if length:
            segments.append({"x": x, "width": length, "colour": colour})
        x = round(x + length, 1)
    return segments


@dataclass
class BarChart:
    chart_id: str
    title: str
    series: list
    rows: list
    width: int = 400
    label_chars: int = 52

    def __post_init__(self):
        highest = max((row.total for row in self.rows), default=0)
        colours = [s.colour for s in self.series]
        for index, row in enumerate(self.rows):
            top = index * ROW_HEIGHT
            row.label_y, row.bar_y, row.figure_y = top + 16, top + 22, top + 38
            row.short_label = shorten(row.label, self.label_chars)
            row.exact = not row.display
            row.display = row.display or str(row.total)
            row.segments = stacked_segments(row.values, colours, highest, self.width - FIGURE_WIDTH)

    @property
    def height(self):
        return max(len(self.rows), 1) * ROW_HEIGHT

    @property
    def bar_height(self):
        return BAR_HEIGHT

    @property
    def description(self):
        """Every row's figure, and its split when there are several series."""
        parts = []
        for row in self.rows:
            text = f"{row.label} : {row.display}"
            if len(self.series) > 1 and row.exact:
                split = zip(row.values, self.series, strict=True)
                text += " (" + ", ".join(f"{value} {series.label}" for value, series in split) + ")"
            parts.append(text)
        return " ; ".join(parts) + ("." if parts else "")
