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
