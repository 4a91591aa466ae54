"""Health endpoint, the French 503 page when the database is down, request ids and JSON logs."""

import gzip
import io
import json
import logging
import socket

import pytest
from django.conf import settings as django_settings
from django.db import connection

from home.request_log import JsonFormatter, RequestIdFilter

from .servers import Gunicorn, TcpForwarder, http_get, server_env, wait_for_other_sessions_to_end

CLOSED_PORT = 18798  # nothing listens here: a database that is down
APP_PORT = 18710


def port_is_closed(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


@pytest.mark.django_db
def test_health_reports_every_check(client):
    response = client.get("/healthz/")
    assert response.status_code == 200 and response["Cache-Control"].startswith("max-age=0")
    body = response.json()
    assert body["status"] == "ok"
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True,
        "cache": True,
        "storage": True,
        "worker queue": True,
    }


@pytest.mark.django_db
def test_the_worker_queue_is_not_configured_without_django_tasks_db(client):
    from django.apps import apps

    if apps.is_installed("django_tasks_db"):
        pytest.skip("django-tasks-db is installed: the next test checks the queue")
    check = client.get("/healthz/").json()["checks"]["worker queue"]
    assert check["ok"] is True and check["configured"] is False


@pytest.mark.django_db
def test_a_task_waiting_too_long_makes_the_server_unhealthy(client, settings):
    """Runs once django-tasks-db is installed (issue 17): real rows in its table, no worker."""
    from datetime import timedelta

    from django.apps import apps
    from django.utils import timezone

    if not apps.is_installed("django_tasks_db"):
        pytest.skip("django-tasks-db is not installed yet")
    from django_tasks_db.models import DBTaskResult, get_date_max

    settings.HEALTH_QUEUE_MAX_AGE = 300
    assert client.get("/healthz/").json()["checks"]["worker queue"] == {
        "ok": True,
        "configured": True,
        "age_s": 0,
        "ms": pytest.approx(0, abs=1000),
    }
    fields = {
        "task_path": "home.tests.nothing",
        "args_kwargs": {"args": [], "kwargs": {}},
        "queue_name": "default",
        "backend_name": "default",
        "priority": 0,
    }
    task = DBTaskResult.objects.create(run_after=get_date_max(), **fields)
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - timedelta(seconds=120))
    later = DBTaskResult.objects.create(run_after=timezone.now() + timedelta(hours=1), **fields)  # not due yet
    response = client.get("/healthz/")
    assert response.status_code == 200 and 115 <= response.json()["checks"]["worker queue"]["age_s"] <= 130
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - timedelta(minutes=10))
    response = client.get("/healthz/")
    assert response.status_code == 503 and response.json()["checks"]["worker queue"]["ok"] is False
    assert "age_s" not in response.json()["checks"]["worker queue"]  # what failed, no more
    DBTaskResult.objects.filter(pk=task.pk).update(status="SUCCESSFUL")
    assert client.get("/healthz/").status_code == 200 and later.pk


@pytest.mark.django_db
def test_health_is_503_when_storage_fails_and_says_no_more(client, settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": blocker}},
    }
    response = client.get("/healthz/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable" and body["checks"]["storage"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True
    assert str(tmp_path) not in response.content.decode()


@pytest.mark.django_db
def test_health_is_503_when_the_shared_cache_is_down(client, settings):
    assert port_is_closed(CLOSED_PORT)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{CLOSED_PORT}/0",
        }
    }
    response = client.get("/healthz/")
    assert response.status_code == 503 and response.json()["checks"]["cache"]["ok"] is False


@pytest.mark.django_db
def test_health_checks_the_bucket(client, s3_storage):
    assert client.get("/healthz/").json()["checks"]["storage"]["ok"] is True
    s3_storage.bucket.objects.all().delete()
    s3_storage.bucket.delete()
    response = client.get("/healthz/")
    assert response.status_code == 503 and response.json()["checks"]["storage"]["ok"] is False


@pytest.mark.django_db
def test_request_id_is_kept_from_the_balancer_or_made(client):
    given = client.get("/healthz/", headers={"X-Request-ID": "haproxy-0a1b2c3d4e"})
    assert given["X-Request-ID"] == "haproxy-0a1b2c3d4e"
    forged = client.get("/healthz/", headers={"X-Request-ID": "<script>alert(1)</script>"})
    made = client.get("/healthz/")
    assert len(forged["X-Request-ID"]) == 32 and "<" not in forged["X-Request-ID"]
    assert made["X-Request-ID"] != forged["X-Request-ID"]


@pytest.mark.django_db
def test_log_lines_are_json_with_the_request_id(client):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("home.requests")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.INFO)
    try:
        response = client.get("/healthz/")
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    line = json.loads(stream.getvalue().strip().splitlines()[-1])
    assert line["request_id"] == response["X-Request-ID"]
    assert line["message"] == "GET /healthz/ 200" and line["status"] == 200 and line["level"] == "INFO"


def assert_friendly_503(status, headers, body):
    text = body.decode()
    assert status == 503, text[:500]
    assert headers["Retry-After"] == "30"
    assert "Le site est momentanément indisponible" in text and 'lang="fr"' in text
    assert "Traceback" not in text and "OperationalError" not in text and str(CLOSED_PORT) not in text


def test_database_down_shows_the_french_503_page(tmp_path):
    assert port_is_closed(CLOSED_PORT)
    env = server_env(DATABASE_URL=f"postgres://postgres@127.0.0.1:{CLOSED_PORT}/csc_prod_down")
    server = Gunicorn(APP_PORT, env, workers=1, log_path=tmp_path / "gunicorn.log").start()
    try:
        for path in ("/", "/participer/", "/compte/connexion/", "/belencontre/"):
            assert_friendly_503(*http_get(server.url + path))
        status, _headers, body = http_get(server.url + "/healthz/")
        assert status == 503 and json.loads(body)["checks"]["database"]["ok"] is False
    finally:
        server.stop()
    # The operator still gets the real error in the logs, as JSON with the request id.
    logged = [json.loads(line) for line in (tmp_path / "gunicorn.log").read_text().splitlines() if line.startswith("{")]
    assert any("exception" in entry and "OperationalError" in entry["exception"] for entry in logged)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_database_outage_and_recovery_without_restart(home_page, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    database = django_settings.DATABASES["default"]
    forwarder = TcpForwarder(18711, int(database.get("PORT") or 5432)).start()
    url = f"postgres://{database['USER']}@127.0.0.1:18711/{database['NAME']}"
    server = Gunicorn(APP_PORT, server_env(DATABASE_URL=url), workers=1, log_path=tmp_path / "g.log").start()
    try:
        assert http_get(server.url + "/")[0] == 200
        forwarder.stop()  # the database goes away, persistent connection included
        assert_friendly_503(*http_get(server.url + "/"))
        assert http_get(server.url + "/healthz/")[0] == 503
        forwarder.start()  # back: the same gunicorn serves again
        status, _headers, body = http_get(server.url + "/")
        assert status == 200 and "Centres sociaux connectés" in body.decode()
        assert http_get(server.url + "/healthz/")[0] == 200
    finally:
        server.stop()
        forwarder.stop()
        wait_for_other_sessions_to_end(connection)


def test_sentry_receives_errors_only_when_a_dsn_is_set():
    pytest.importorskip("sentry_sdk", reason="optional: pip install -e .[sentry]")
    import subprocess
    import sys
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    received = []

    class Collector(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's naming)
            body = self.rfile.read(int(self.headers["Content-Length"] or 0))
            encoding = self.headers.get("Content-Encoding", "")
            if encoding == "gzip":
                body = gzip.decompress(body)
            elif encoding == "br":
                body = pytest.importorskip("brotli").decompress(body)
            received.append((self.path, body))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    collector = HTTPServer(("127.0.0.1", 18712), Collector)
    threading.Thread(target=collector.serve_forever, daemon=True).start()
    code = (
        "import django; django.setup(); import sentry_sdk;"
        "sentry_sdk.capture_message('essai depuis les tests'); sentry_sdk.flush(5)"
    )
    try:
        for dsn in ("", "http://publickey@127.0.0.1:18712/1"):
            env = server_env(SENTRY_DSN=dsn) if dsn else server_env()
            subprocess.run([sys.executable, "-c", code], env=env, cwd=django_settings.BASE_DIR, check=True, timeout=60)
            if not dsn:
                assert received == []
    finally:
        collector.shutdown()
    assert received and received[0][0] == "/api/1/envelope/" and b"essai depuis les tests" in received[0][1]
