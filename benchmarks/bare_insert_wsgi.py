"""The ceiling of a vote: a WSGI app whose POST does one INSERT in a transaction and redirects.

Served by benchmarks/participation_load.py under the same gunicorn command as the site, on the
same PostgreSQL database (BARE_DATABASE_URL), with one persistent connection per thread (as the
site's CONN_MAX_AGE). Nothing else: no session, no user, no checks.
"""

import os
import threading

import psycopg

DATABASE_URL = os.environ["BARE_DATABASE_URL"]
TABLE = "bench_bare_insert"
local = threading.local()


def connection():
    conn = getattr(local, "conn", None)
    if conn is None or conn.closed:
        conn = local.conn = psycopg.connect(DATABASE_URL, autocommit=True)
    return conn


def application(environ, start_response):
    if environ["REQUEST_METHOD"] != "POST":
        start_response("405 Method Not Allowed", [("Content-Length", "0")])
        return [b""]
    conn = connection()
    with conn.transaction():
        conn.execute(f"INSERT INTO {TABLE} (path, created_at) VALUES (%s, now())", [environ["PATH_INFO"]])  # noqa: S608
    start_response("302 Found", [("Location", "/"), ("Content-Length", "0")])
    return [b""]
