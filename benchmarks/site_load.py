"""Load the site as in production and print figures (not collected by pytest, not needed by CI).

    .venv/bin/python benchmarks/site_load.py [--seconds 10] [--workers 4] [--connections 16]

What it does, on this machine only (127.0.0.1):
1. (Re)creates the PostgreSQL database `csc_bench_site`, migrates it, loads the demo content
   (`seed_demo`) and adds 20 news articles and 20 events per centre.
2. Starts a throwaway Redis (if `redis-server` is installed) and gunicorn with the production
   settings (DEBUG off, a random SECRET_KEY, SECURE_SSL_REDIRECT=false, WhiteNoise static files).
3. Loads the home page and a centre page with `wrk` (or a bounded Python load generator when
   wrk is absent) and prints requests per second for anonymous (cached) visitors.
4. Measures, in this process with the same settings and database, the CPU time and SQL query
   count of an uncached render of the home page and of a centre page.
5. Checks that a publish is visible at once through gunicorn, and that a logged-in visitor is
   never given a cached page.
"""

import argparse
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DB_NAME = "csc_bench_site"
PG_URL = "postgres://postgres@127.0.0.1:5432"
HOME_URL = "/"
CENTRE_URL = "/belencontre/"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args, env, timeout=600):
    subprocess.run(args, cwd=ROOT, env=env, check=True, timeout=timeout, stdout=subprocess.DEVNULL)


def recreate_database():
    import psycopg

    with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")


EXTRA_CONTENT = """
from datetime import timedelta
from django.utils import timezone
from home.models import CentrePage, EventIndexPage, EventPage, NewsIndexPage, NewsPage
now = timezone.now()
for centre in CentrePage.objects.all():
    news = NewsIndexPage.objects.child_of(centre).get()
    agenda = EventIndexPage.objects.child_of(centre).get()
    for n in range(20):
        news.add_child(instance=NewsPage(title=f"Nouvelle de charge {n}", slug=f"charge-{n}",
            date=timezone.localdate() - timedelta(days=30 + n), intro="Texte de charge.",
            body=[{"type": "paragraph", "value": "<p>Texte de charge.</p>"}]))
        start = now + timedelta(days=40 + n)
        agenda.add_child(instance=EventPage(title=f"Rendez-vous de charge {n}", slug=f"charge-{n}",
            start=start, end=start + timedelta(hours=2), place="Salle 1", intro="Charge."))
"""


def http_get(base, path, cookie=None):
    request = urllib.request.Request(base + path, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read().decode()


def wait_until_up(base, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if http_get(base, HOME_URL)[0] == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer in time")


def load_with_wrk(url, seconds, connections):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    return rps, int(errors.group(1)) if errors else 0, p50.group(1) if p50 else "?", p99.group(1) if p99 else "?"


def load_with_python(url, seconds, connections):
    """Bounded fallback: `connections` threads looping urllib GETs for `seconds`."""
    deadline = time.monotonic() + seconds
    counts, errors = [0] * connections, [0] * connections

    def worker(i):
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    response.read()
                    counts[i] += 1
            except OSError:
                errors[i] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / seconds, sum(errors), "?", "?"


def measure_in_process(base):
    """CPU time and queries of uncached renders, publish visibility, logged-in check."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from home.models import CentrePage
    from home.page_cache import invalidate_page_cache

    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for label, url in (("home page", HOME_URL), ("centre page", CENTRE_URL)):
        client.get(url)  # warm up: templates, site root paths, content types
        cpu, queries = [], []
        for _ in range(30):
            invalidate_page_cache()
            with CaptureQueriesContext(connection) as captured:
                start = time.process_time()
                response = client.get(url)
                cpu.append((time.process_time() - start) * 1000)
            assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
            # The version read/increment of the page cache itself is not part of rendering.
            queries.append(len([q for q in captured.captured_queries if "pagecachestate" not in q["sql"]]))
        hit_cpu = []
        for _ in range(30):
            start = time.process_time()
            response = client.get(url)
            hit_cpu.append((time.process_time() - start) * 1000)
            assert response["X-Page-Cache"] == "hit"
        results[label] = (statistics.median(cpu), max(queries), statistics.median(hit_cpu))

    # Publish: visible at once through gunicorn (every worker shares the cache version).
    http_get(base, CENTRE_URL)
    status, headers, _body = http_get(base, CENTRE_URL)
    was_cached = headers.get("X-Page-Cache") == "hit"
    centre = CentrePage.objects.get(slug="belencontre")
    old_title, new_title = centre.title, f"Centre social Belencontre {secrets.token_hex(3)}"
    centre.title = new_title
    centre.save_revision().publish()
    seen = [new_title in http_get(base, path)[2] for path in (CENTRE_URL, HOME_URL)]
    centre.title = old_title
    centre.save_revision().publish()

    # A logged-in visitor never receives a cached page.
    user, _ = get_user_model().objects.get_or_create(username="bench-visitor", defaults={"display_name": "Bench"})
    session_client = Client()
    session_client.force_login(user)
    cookie = f"sessionid={session_client.cookies['sessionid'].value}"
    http_get(base, HOME_URL)
    _status, headers, body = http_get(base, HOME_URL, cookie=cookie)
    logged_in_ok = headers.get("X-Page-Cache") is None and "Se déconnecter" in body
    return results, was_cached, all(seen), logged_in_ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()

    recreate_database()
    database_url = f"{PG_URL}/{DB_NAME}"
    processes = []
    try:
        env = {**os.environ, "DATABASE_URL": database_url}
        env.pop("REDIS_URL", None)
        redis_port = free_port()
        if shutil.which("redis-server"):
            processes.append(
                subprocess.Popen(
                    [
                        "redis-server",
                        "--port",
                        str(redis_port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                    ],
                    stdout=subprocess.DEVNULL,
                )
            )
            env["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
            time.sleep(0.5)
        print("Preparing the database (migrate, seed_demo, extra content)...", flush=True)
        dev = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
        run([PYTHON, "manage.py", "migrate", "--noinput"], dev)
        run([PYTHON, "manage.py", "seed_demo"], dev)
        run([PYTHON, "manage.py", "shell", "-c", EXTRA_CONTENT], dev)

        prod = {
            **env,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "SECURE_SSL_REDIRECT": "false",
            "DEBUG": "false",
            # Persistent database connections, as a production deployment sets them (docs/operators.md).
            "CONN_MAX_AGE": "60",
        }
        # Into STATIC_ROOT (staticfiles/, ignored by git): WhiteNoise's manifest storage needs it.
        run([PYTHON, "manage.py", "collectstatic", "--noinput"], prod)
        load = load_with_wrk if shutil.which("wrk") else load_with_python
        tool = "wrk" if shutil.which("wrk") else "python threads"
        print(
            f"\nLoad: {tool}, {args.connections} connections, {args.seconds} s per page, "
            f"gunicorn {args.workers} sync workers, {os.cpu_count()} CPU(s), "
            f"cache {'Redis' if 'REDIS_URL' in env else 'local memory'}, PostgreSQL"
        )
        modes = [
            ("production settings as they are (page cache hook, after Wagtail routing)", "config.settings.production"),
            ("plus home.page_cache.AnonymousPageCacheMiddleware (hits before routing)", "site_bench_settings"),
        ]
        for title, settings_module in modes:
            mode_env = {
                **prod,
                "DJANGO_SETTINGS_MODULE": settings_module,
                "PYTHONPATH": os.pathsep.join([str(ROOT / "benchmarks"), str(ROOT)]),
            }
            port = free_port()
            base = f"http://127.0.0.1:{port}"
            gunicorn = [PYTHON, "-m", "gunicorn", "config.wsgi", "--workers", str(args.workers)]
            server = subprocess.Popen(
                [*gunicorn, "--bind", f"127.0.0.1:{port}"], cwd=ROOT, env=mode_env, stderr=subprocess.DEVNULL
            )
            processes.append(server)
            wait_until_up(base)
            print(f"  {title}:")
            for label, url in (("home page", HOME_URL), ("centre page", CENTRE_URL)):
                rps, errors, p50, p99 = load(base + url, args.seconds, args.connections)
                target = "  (target >= 200)" if url == HOME_URL else ""
                print(f"    anonymous {label:12} {rps:8.1f} req/s  median {p50}, p99 {p99}, errors {errors}{target}")
        prod = mode_env  # the in-process checks below use the last server and its settings
        os.environ.update(prod)
        sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
        results, was_cached, seen, logged_in_ok = measure_in_process(base)
        print("\nUncached render (median of 30, this process, same settings and database):")
        for label, (cpu, queries, hit) in results.items():
            print(
                f"  {label:12} CPU {cpu:6.1f} ms (target <= 30)   SQL queries {queries:3d} (target <= 15)"
                f"   cached hit CPU {hit:5.2f} ms"
            )
        print(f"\nCentre page cached before publish: {was_cached}")
        print(f"Publish visible at once on centre and home pages: {seen}")
        print(f"Logged-in visitor gets a fresh page with their log-out link, never a cached one: {logged_in_ok}")
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    main()
