"""Speed against the ceiling, every figure next to a reference measured in the same run.

    .venv/bin/python benchmarks/ceiling.py [--seconds 8] [--workers 4] [--connections 16]

1. Prepares PostgreSQL `csc_prod_bench` (migrate, seed_demo, 20 news and 20 events per centre),
   a throwaway Redis, collectstatic; production settings (DEBUG off, WhiteNoise, Redis cache).
2. Serves, under the same gunicorn command (sync workers), the site and benchmarks/bare_wsgi.py
   (a body of the home page's size), loads each with wrk, and prints each cached anonymous page's
   req/s as a fraction of the bare app's. Goal: >= 0.5.
3. Renders the home and centre pages uncached in this process and prints their CPU time as a
   multiple of a fixed reference workload (a Django template rendered from memory, no database)
   timed in the same process, so the figure travels between machines.
Needs wrk (Debian: apt-get install wrk), PostgreSQL at 127.0.0.1:5432 and redis-server.
"""

import argparse
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
from site_load import EXTRA_CONTENT  # noqa: E402  (the same extra content as site_load.py)

PYTHON = sys.executable
DB_NAME = os.environ.get("BENCH_DB_NAME", "csc_prod_bench")
PG_URL = "postgres://postgres@127.0.0.1:5432"


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


PORTS = {name: int(os.environ.get(f"BENCH_{name.upper()}_PORT") or free_port()) for name in ("redis", "site", "bare")}
PAGES = (("home page", "/"), ("centre page", "/belencontre/"))


def run(args, env):
    subprocess.run(args, cwd=ROOT, env=env, check=True, timeout=900, stdout=subprocess.DEVNULL)


def recreate_database():
    import psycopg

    with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers, response.read()


def wait_until_up(url, seconds=180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            return get(url)
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer in time")


def wrk(url, seconds, connections):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", url],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)), int(errors.group(1)) if errors else 0


def gunicorn(app, port, workers, env):
    return subprocess.Popen(
        [PYTHON, "-m", "gunicorn", app, "--workers", str(workers), "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.DEVNULL,
    )


REFERENCE_TEMPLATE = (
    "{% for row in rows %}<tr><td>{{ row.name|title }}</td><td>{{ row.count|floatformat:2 }}</td>"
    "<td>{% if row.flag %}oui{% else %}non{% endif %}</td><td>{{ row.text|truncatewords:6 }}</td></tr>{% endfor %}"
)


def cpu_ms(function, repeat=30):
    samples = []
    for _ in range(repeat):
        start = time.process_time()
        function()
        samples.append((time.process_time() - start) * 1000)
    return statistics.median(samples)


def measure_renders():
    import django

    django.setup()
    from django.db import connection
    from django.template import Context, Template
    from django.test import Client

    from home.page_cache import invalidate_page_cache

    template = Template(REFERENCE_TEMPLATE)
    text = "un deux trois quatre " * 3
    rows = [{"name": f"ligne {i}", "count": i * 1.5, "flag": i % 2, "text": text} for i in range(400)]
    reference = cpu_ms(lambda: template.render(Context({"rows": rows})))
    client = Client(HTTP_HOST="127.0.0.1")
    results = []
    for label, path in PAGES:
        client.get(path)

        def uncached(path=path):
            invalidate_page_cache()
            response = client.get(path)
            assert response.status_code == 200 and response["X-Page-Cache"] == "miss"

        queries = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            uncached()
        results.append((label, cpu_ms(uncached), len(queries)))
    return reference, results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed (Debian: apt-get install wrk): a Python client would be the bottleneck.")

    processes = []
    try:
        processes.append(
            subprocess.Popen(
                [
                    "redis-server",
                    "--port",
                    str(PORTS["redis"]),
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
        recreate_database()
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REDIS_URL", "AWS_"))},
            "DATABASE_URL": f"{PG_URL}/{DB_NAME}",
            "REDIS_URL": f"redis://127.0.0.1:{PORTS['redis']}/0",
        }
        print("Preparing the database (migrate, seed_demo, extra content), collectstatic...", flush=True)
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
            "CONN_MAX_AGE": "60",
        }
        run([PYTHON, "manage.py", "collectstatic", "--noinput"], prod)

        site = f"http://127.0.0.1:{PORTS['site']}"
        processes.append(gunicorn("config.wsgi", PORTS["site"], args.workers, prod))
        wait_until_up(site + "/")
        sizes = {}
        for _label, path in PAGES:
            get(site + path)
            status, headers, body = get(site + path)
            assert status == 200 and headers["X-Page-Cache"] == "hit", headers
            sizes[path] = len(body)
        bare_env = {**prod, "BARE_BODY_BYTES": str(sizes["/"]), "PYTHONPATH": str(ROOT / "benchmarks")}
        bare = f"http://127.0.0.1:{PORTS['bare']}"
        processes.append(gunicorn("bare_wsgi:application", PORTS["bare"], args.workers, bare_env))
        wait_until_up(bare + "/")

        print(
            f"\nwrk 2 threads, {args.connections} connections, {args.seconds} s each; gunicorn {args.workers} sync "
            f"workers; {os.cpu_count()} CPU(s); PostgreSQL, Redis. Bare app body {sizes['/']} bytes."
        )
        bare_first, _ = wrk(bare + "/", args.seconds, args.connections)
        pages = [(label, *wrk(site + path, args.seconds, args.connections)) for label, path in PAGES]
        bare_last, _ = wrk(bare + "/", args.seconds, args.connections)
        reference_rps = (bare_first + bare_last) / 2
        print(f"  bare WSGI app (reference)   {reference_rps:8.0f} req/s  (runs: {bare_first:.0f}, {bare_last:.0f})")
        for label, rps, errors in pages:
            ratio = rps / reference_rps
            goal = "goal >= 0.5: met" if ratio >= 0.5 else "goal >= 0.5: NOT met"
            print(f"  cached anonymous {label:11} {rps:8.0f} req/s  = {ratio:.2f} of bare  ({goal}; errors {errors})")

        for process in processes[1:]:
            process.terminate()
        os.environ.update(prod)
        reference, renders = measure_renders()
        print(f"\nUncached renders, CPU median of 30 in this process; reference workload {reference:.1f} ms")
        print("  (reference: a 400-row Django template rendered from memory, no database)")
        for label, cpu, queries in renders:
            print(f"  {label:11} {cpu:6.1f} ms CPU = {cpu / reference:4.1f} x reference   SQL queries {queries}")
        print("  bakerydemo: not installed on this machine, no side-by-side figure.")
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()


if __name__ == "__main__":
    main()
