"""Operations fixtures: a local S3-compatible server (moto's standalone server) and media storages.

The S3 server runs in a thread of the test process on TEST_S3_PORT (a free port by default, so two
runs of the suite side by side do not collide); each test
gets a fresh bucket. Without moto installed (`pip install -e .[dev]`) the S3 variants are skipped.
"""

import logging
import os
import socket
import uuid

import pytest
from django.core.files.storage import storages


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


TEST_S3_PORT = int(os.environ.get("TEST_S3_PORT") or _free_port())
S3_KEYS = {"access_key": "testing", "secret_key": "testing"}


@pytest.fixture(scope="session")
def s3_server():
    moto_server = pytest.importorskip("moto.server", reason="moto[server] (dev extra) runs the local S3 server")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per S3 request otherwise
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=TEST_S3_PORT, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{TEST_S3_PORT}"
    server.stop()


def new_bucket(endpoint):
    import boto3

    bucket = f"csc-test-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=S3_KEYS["access_key"],
        aws_secret_access_key=S3_KEYS["secret_key"],
    )
    client.create_bucket(Bucket=bucket)
    return bucket


def s3_options(endpoint, bucket):
    """The OPTIONS config/settings/base.py builds from the environment, for this server."""
    return {
        **S3_KEYS,
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": "us-east-1",
        "addressing_style": "path",
        "url_protocol": "http:",
        "public_acl": "public-read",
        "private_url_expiry": 300,
    }


@pytest.fixture
def s3_storage(s3_server, settings):
    bucket = new_bucket(s3_server)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "home.storage.MediaStorage", "OPTIONS": s3_options(s3_server, bucket)},
    }
    return storages["default"]


@pytest.fixture
def filesystem_storage(tmp_path, settings):
    location = settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": location}},
    }
    return storages["default"]


@pytest.fixture(params=["filesystem", "s3"])
def media_storage(request):
    """Each media test runs twice: on the local disk and on the local S3 server."""
    return request.getfixturevalue(f"{request.param}_storage")


# --- the WSGI fast path of the page cache (home/fast_hits.py), on a real Redis ------------------------
@pytest.fixture(scope="session")
def redis_url():
    """A throwaway redis-server on a free port (skipped where redis-server is not installed)."""
    import shutil
    import subprocess
    import time

    if not shutil.which("redis-server"):
        pytest.skip("redis-server is needed for the Redis page-cache tests")
    port = _free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def fast_app(redis_url, settings):
    """config.wsgi's stack (CachedPageApp around Django's WSGI handler) on the Redis cache.

    Called like a WSGI server calls it; returns (status, headers dict, body). Django's handler
    runs for real; like the test client, it keeps the test's database connection open.
    """
    from django.core.cache import cache
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from home.fast_hits import CachedPageApp

    settings.CACHES = {"default": {"BACKEND": "home.redis_cache.RedisCache", "LOCATION": redis_url, "KEY_PREFIX": "t"}}
    cache.clear()
    django_calls = []
    handler = WSGIHandler()

    def django_app(environ, start_response):
        django_calls.append(environ["PATH_INFO"])
        return handler(environ, start_response)

    app = CachedPageApp(django_app)

    def call(path, method="GET", host="testserver", **headers):
        import io

        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SCRIPT_NAME": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": host,
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": io.StringIO(),
            "CONTENT_LENGTH": "0",
            **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
        }
        seen = {}

        def start_response(status, response_headers, exc_info=None):
            seen["status"], seen["headers"] = status, response_headers

        result = app(environ, start_response)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        return int(seen["status"].split()[0]), dict(seen["headers"]), body

    call.django_calls = django_calls
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield call
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        cache.clear()
