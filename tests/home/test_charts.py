"""The shared bar chart: bars scaled to the highest total, every figure in the description."""

from django.template.loader import render_to_string

from home.charts import BarChart, Row, Series, stacked_segments


def test_stacked_segments_scale_to_the_highest_total_and_skip_zero_lengths():
    assert stacked_segments([3, 0, 1], ["a", "b", "c"], highest=8, width=400) == [
        {"x": 0.0, "width": 150.0, "colour": "a"},
        {"x": 150.0, "width": 50.0, "colour": "c"},
    ]
    assert stacked_segments([0], ["a"], highest=0, width=400) == []


def test_chart_renders_labels_figures_and_an_accessible_description():
    series = [Series("en ligne", "#0b5f8a"), Series("sur papier", "#8a2a0b")]
    rows = [Row("Un jardin partagé au pied des immeubles", [12, 3]), Row("Bancs", [2, 0], display="moins de 5")]
    html = render_to_string("includes/bar_chart.html", {"chart": BarChart("c1", "Soutiens", series, rows)})
    assert 'aria-labelledby="c1-title c1-desc"' in html
    assert "Un jardin partagé au pied des immeubles : 15 (12 en ligne, 3 sur papier)" in html
    assert "Bancs : moins de 5" in html
    assert html.count("<rect") == 3  # 12 + 3 stacked, 2 alone
    assert 'width="330.0"' not in html and 'width="264.0"' in html  # 12 of 15 on 330 px


def test_long_labels_are_shortened_in_the_drawing_only():
    title = "Une proposition dont le titre est bien trop long pour tenir sur une seule ligne du graphique"
    chart = BarChart("c2", "Soutiens", [Series("", "#000")], [Row(title, [1])])
    assert chart.rows[0].short_label.endswith("…") and len(chart.rows[0].short_label) <= 52
    assert title in chart.description
