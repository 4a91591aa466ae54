"""Render time of the toolkit index, filtered and searched, with a few hundred resources.

    .venv/bin/python benchmarks/toolkit_index.py [--resources 400] [--runs 30]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/csc_bench .venv/bin/python benchmarks/toolkit_index.py

Builds a throw-away test database (SQLite in memory by default, or `test_<name>` on PostgreSQL),
creates the resources, then prints, for each URL, the median and 95th percentile render time and the
number of SQL queries. Not collected by pytest.
"""

import argparse
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
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

URLS = [
    "/boite-a-outils/",
    "/boite-a-outils/?theme=emploi-insertion",
    "/boite-a-outils/?theme=emploi-insertion&type=prototype&audience=habitants",
    "/boite-a-outils/?type=prototype&status=running&page=3",
    "/boite-a-outils/?q=atelier",
    "/boite-a-outils/?q=atelier+habitants&theme=pouvoir-d-agir",
]


def build(resources):
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage
    from toolkit.models import (
        Audience,
        GuidePage,
        KezakoPage,
        MethodCardPage,
        PrototypePage,
        Theme,
        ToolkitIndexPage,
    )

    Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Accueil", slug="accueil-bench"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "testserver", "port": 80, "root_page": home}
    )
    index = home.add_child(instance=ToolkitIndexPage(title="Boîte à outils", slug="boite-a-outils"))
    themes = [
        Theme.objects.create(slug=slug, name=slug.replace("-", " ").capitalize(), sort_order=i)
        for i, slug in enumerate(
            ["pouvoir-d-agir", "emploi-insertion", "accueil-e-administration", "outils-d-animation", "education"]
        )
    ]
    audiences = [Audience.objects.create(slug=slug, name=slug.capitalize()) for slug in ["habitants", "jeunes"]]
    steps = [{"type": "step", "value": {"title": "Préparer l'atelier", "text": "<p>Réunir les habitants.</p>"}}]
    for number in range(resources):
        kind = number % 4
        common = {"title": f"Ressource {number} atelier", "slug": f"ressource-{number}", "summary": "Un résumé."}
        if kind == 0:
            page = PrototypePage(need="<p>Besoin</p>", status=["running", "testing"][number % 2], steps=steps, **common)
        elif kind == 1:
            page = MethodCardPage(
                goal="<p>But</p>",
                stage="discover",
                duration="1 h",
                group_size="10",
                facilitation_level="beginner",
                steps=steps,
                **common,
            )
        elif kind == 2:
            page = KezakoPage(credits="Les jeunes", steps=steps, **common)
        else:
            page = GuidePage(**common)
        index.add_child(instance=page)
        page.themes.set([themes[number % 5], themes[(number + 1) % 5]])
        page.audiences.set([audiences[number % 2]])
        page.save()


def measure(client, url, runs):
    client.get(url)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(queries.captured_queries)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--resources", type=int, default=400)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        start = time.perf_counter()
        build(args.resources)
        print(f"{args.resources} resources created in {time.perf_counter() - start:.1f} s ({connection.vendor})")
        client = Client()
        print(f"{'url':78} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for url in URLS:
            median, p95, queries = measure(client, url, args.runs)
            print(f"{url:78} {median:10.1f} {p95:8.1f} {queries:8d}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
