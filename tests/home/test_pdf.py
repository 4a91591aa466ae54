import io

from pypdf import PdfReader

from home.pdf import render_pdf


def test_render_pdf_keeps_accents_and_reads_static_files(settings, tmp_path):
    template = tmp_path / "sheet.html"
    template.write_text(
        '<html><head><link rel="stylesheet" href="/static/css/print.css"></head>'
        "<body><h1>Fiche prototype : l'élève, ça, cœur</h1>"
        '<img src="/static/missing.png" alt=""></body></html>',
        encoding="utf-8",
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    pdf = render_pdf("sheet.html", {})
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "l'élève, ça, cœur" in text
