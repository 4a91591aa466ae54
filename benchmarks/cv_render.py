"""CV builder benchmark: PDF render time of a two-page CV with a photo in each template, and section save time,
in a warm process, each next to a fixed reference workload measured in the same run (and the ratio).

The reference is WeasyPrint laying out and writing a fixed one-page document (plain HTML, no template, no
image, no tags): it moves with the machine's speed and load, so the ratios compare across runs and machines.

Run: .venv/bin/python benchmarks/cv_render.py [--runs 20]
Uses config.settings.test and a throw-away test database (SQLite in memory unless DATABASE_URL is set).
Targets (issue 4): PDF median < 500 ms, section save median < 50 ms; letter PDFs and office files (issue 19):
< 500 ms too.
"""

import argparse
import copy
import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from pypdf import PdfReader  # noqa: E402

PDF_TARGET_MS = 500
SAVE_TARGET_MS = 50


def two_page_data():
    from cv_builder.demo import demo_data

    data = demo_data()
    extra = copy.deepcopy(data["work"])
    for index, item in enumerate(extra):
        item["position"] = f"{item['position']} (mission {index + 1})"
        item["summary"] = item["summary"] + " Travail en autonomie, relation avec la clientèle, respect des délais."
    data["work"] = data["work"] + extra
    return data


REFERENCE_HTML = (
    "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>Référence</title></head><body>"
    + "".join(f"<p>Paragraphe de référence numéro {n}, texte fixe pour mesurer la machine.</p>" for n in range(40))
    + "</body></html>"
)


def reference_render():
    from weasyprint import HTML

    HTML(string=REFERENCE_HTML).write_pdf()


def photo_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (600, 800), (180, 140, 110)).save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def timed(function, runs):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(label, samples, target, reference):
    median = statistics.median(samples)
    verdict = "OK" if median < target else "SLOWER THAN TARGET"
    print(
        f"{label}: median {median:.1f} ms, min {min(samples):.1f} ms, max {max(samples):.1f} ms "
        f"over {len(samples)} runs; reference {reference:.1f} ms, ratio {median / reference:.2f} "
        f"(target < {target} ms: {verdict})"
    )
    return median


LETTER_DATA = {
    "kind": "offer",
    "company": "Propreté Services",
    "job_title": "Agente d'entretien",
    "seen_where": "France Travail",
    "reference": "184XKQP",
    "why": "J'aime le travail bien fait et votre entreprise est connue dans le quartier. " * 3,
    "bring": "Ponctuelle et organisée, je sais travailler seule comme en équipe. " * 3,
    "availability": "now",
    "contracts": ["cdi", "cdd"],
    "closing": "distinguees",
    "place": "Roubaix",
}


def letter_and_office(cv, user, runs, reference):
    """Cover-letter PDFs (issue 19) and the Word / OpenDocument exports, against the same reference."""
    from cv_builder.letters.compose import compose
    from cv_builder.models import CoverLetter
    from cv_builder.office import cv_document, docx, letter_document, odt
    from cv_builder.pdf import render_letter_pdf

    work = [f"{item['position']} chez {item['name']}" for item in cv.data["work"][:2]]
    letter = CoverLetter.objects.create(owner=user, cv=cv, data={**LETTER_DATA, "work": work})
    for template in ("classic", "modern", "compact"):

        def render(t=template):
            context = {"letter": letter, "letter_doc": compose(letter, cv.data), "template": t, "pdf": True}
            return render_letter_pdf(t, context)

        pdf = render()  # warm-up
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        label = f"Letter PDF (PDF/UA), template {template:8} ({pages} page, {len(pdf) // 1024} KB)"
        report(label, timed(render, runs), PDF_TARGET_MS, reference)
    for name, writer in (("docx", docx.write), ("odt", odt.write)):
        writer(cv_document(cv))  # warm-up
        report(f"CV {name:4} export (two-page CV)", timed(lambda w=writer: w(cv_document(cv)), runs), PDF_TARGET_MS,
               reference)  # fmt: skip
        samples = timed(lambda w=writer: w(letter_document(compose(letter, cv.data))), runs)
        report(f"Letter {name:4} export", samples, PDF_TARGET_MS, reference)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from django.contrib.auth import get_user_model
        from django.core.files.base import ContentFile

        from cv_builder.models import CV
        from cv_builder.pdf import render_cv_pdf
        from cv_builder.views.common import pdf_context
        from home.pdf import render_pdf

        user = get_user_model().objects.create_user(username="bench-cv", password="bench-cv-2026")
        cv = CV.objects.create(owner=user, title="Bench", data=two_page_data())
        cv.photo.save("photo.jpg", ContentFile(photo_bytes()), save=True)

        reference_render()  # warm-up (fonts, fontconfig)
        reference = statistics.median(timed(reference_render, args.runs))
        print(f"Reference: WeasyPrint, fixed one-page plain document: median {reference:.1f} ms over {args.runs} runs")
        for template in ("classic", "modern", "compact"):
            pdf = render_cv_pdf(template, pdf_context(cv, template))  # warm-up
            pages = len(PdfReader(io.BytesIO(pdf)).pages)
            samples = timed(lambda t=template: render_cv_pdf(t, pdf_context(cv, t)), args.runs)
            label = f"PDF render (PDF/UA, photo), template {template:8} ({pages} pages, {len(pdf) // 1024} KB)"
            report(label, samples, PDF_TARGET_MS, reference)
            # What the fit check and tagging cost: one plain layout of the same page, untagged.
            plain = timed(lambda t=template: render_pdf(f"cv_builder/pdf/{t}.html", pdf_context(cv, t)), args.runs)
            report(f"  same, one untagged layout (home.pdf.render_pdf), {template:8}", plain, PDF_TARGET_MS, reference)

        letter_and_office(cv, user, args.runs, reference)

        client = Client()
        client.force_login(user)
        url = reverse("cv_builder:section", args=[cv.pk, "emploi-recherche"])
        counter = {"n": 0}

        def save(htmx):
            counter["n"] += 1
            cv.refresh_from_db(fields=["version"])
            data = {
                "version": cv.version,
                "main-label": f"Agente d'entretien {counter['n']}",
                "main-summary": "Sérieuse.",
            }
            headers = {"HX-Request": "true"} if htmx else {}
            response = client.post(url, data, headers=headers)
            assert response.status_code in (200, 302), response.status_code

        save(True)  # warm-up
        report(
            "Section save, autosave (htmx, with preview fragment)",
            timed(lambda: save(True), args.runs * 3),
            SAVE_TARGET_MS,
            reference,
        )
        report(
            "Section save, plain form POST (redirect)",
            timed(lambda: save(False), args.runs * 3),
            SAVE_TARGET_MS,
            reference,
        )
        print(f"Database: {connection.vendor}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
