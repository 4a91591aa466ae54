"""Server-side cost of the accounts pages: median wall time, CPU time and SQL queries per request.

Runs in-process with Django's test client on a throwaway database (SQLite by default, or the
PostgreSQL database named by DATABASE_URL, created as test_<name> and dropped afterwards), with
the production password hasher (PBKDF2), so log-in and desk creation include real hashing.

    .venv/bin/python benchmarks/accounts_pages.py [rounds]
    BENCH_ALLAUTH_BACKEND_ONLY=1 .venv/bin/python benchmarks/accounts_pages.py   # without ModelBackend first
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402
from django.conf import settings  # noqa: E402

settings.PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",
]
if os.environ.get("BENCH_ALLAUTH_BACKEND_ONLY"):
    # allauth's backend alone handles username and email: no second hash on failures and email log-ins.
    settings.AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

PASSWORD = "un-mot-de-passe-solide-42"


def measure(label, call, rounds):
    walls, cpus, queries = [], [], []
    status = None
    for _ in range(rounds):
        cache.clear()  # keep the log-in rate limit out of the way
        with CaptureQueriesContext(connection) as ctx:
            wall, cpu = time.perf_counter(), time.process_time()
            status = call()
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        queries.append(len(ctx.captured_queries))
    print(
        f"{label:<44} status {status}  median {statistics.median(walls):7.1f} ms wall"
        f"  {statistics.median(cpus):7.1f} ms CPU  queries {statistics.median(queries):4.0f}"
    )


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from django.contrib.auth import get_user_model
        from wagtail.models import Page, Site

        from home.centre_groups import ensure_centre_group
        from home.models import CentrePage, HomePage

        User = get_user_model()
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Accueil", slug="accueil-bench"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "testserver", "port": 80, "root_page": home}
        )
        centre = home.add_child(instance=CentrePage(title="Centre", slug="centre", code="CEN", town="Lille"))
        staff = User.objects.create_user("equipe", password=PASSWORD)
        staff.groups.add(ensure_centre_group(centre))
        User.objects.create_user("habitante", password=PASSWORD, email="habitante@example.org")
        for index in range(200):
            User.objects.create_user(f"personne-{index}", password=None, created_by=staff)

        anonymous = Client()
        resident = Client()
        resident.login(username="habitante", password=PASSWORD)
        desk = Client()
        desk.login(username="equipe", password=PASSWORD)
        for client in (anonymous, resident, desk):  # warm-up: site settings, admin profile rows
            client.get("/compte/login/")

        backends = ", ".join(path.rsplit(".", 1)[1] for path in settings.AUTHENTICATION_BACKENDS)
        print(f"accounts pages, {rounds} rounds each, database {connection.vendor}, PBKDF2, backends: {backends}")
        measure("GET  /compte/login/ (anonymous)", lambda: anonymous.get("/compte/login/").status_code, rounds)
        measure(
            "POST /compte/login/ wrong password",
            lambda: anonymous.post("/compte/login/", {"login": "habitante", "password": "x"}).status_code,
            rounds,
        )

        def good_login():
            client = Client()
            return client.post("/compte/login/", {"login": "habitante@example.org", "password": PASSWORD}).status_code

        measure("POST /compte/login/ by email, right password", good_login, rounds)
        measure("GET  /compte/ (profile)", lambda: resident.get("/compte/").status_code, rounds)
        measure(
            "GET  /compte/mes-donnees/telecharger/",
            lambda: resident.get("/compte/mes-donnees/telecharger/").status_code,
            rounds,
        )
        measure("GET  /compte/accueil/ (desk, 200 accounts)", lambda: desk.get("/compte/accueil/").status_code, rounds)
        counter = iter(range(10_000))
        measure(
            "POST /compte/accueil/nouveau/ (create)",
            lambda: desk.post("/compte/accueil/nouveau/", {"display_name": f"Samia {next(counter)}"}).status_code,
            rounds,
        )
        card = desk.post("/compte/accueil/nouveau/", {"display_name": "Karim"})["Location"]
        measure("GET  card page", lambda: desk.get(card).status_code, rounds)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
