"""Two app servers behind HAProxy, sharing PostgreSQL, Redis and the bucket (moto's S3 server).

What a second machine must not break: a log-in on one is a log-in on the other, a page taken
down through one disappears through the other at once (shared page-cache version), a rate limit
counts attempts made on both, an upload through one is served by the other, votes through both
are counted exactly, and stopping one server in the middle of the votes loses no accepted vote
(HAProxy retries a request only when no server received it, never a POST that was sent).
"""

import io
import os
import secrets
import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from PIL import Image

from cv_builder.models import CV
from participation.models import Support
from tests.conftest import PASSWORD, make_user
from tests.participation.conftest import make_proposal, make_workshop

from .conftest import S3_KEYS, new_bucket
from .servers import Gunicorn, server_env, wait_for_other_sessions_to_end

pytestmark = [pytest.mark.servers, pytest.mark.postgres]


def _free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Free ports by default, so two runs side by side do not collide (fixed ones through the environment).
PORTS = {name: int(os.environ.get(f"TEST_SERVER_{name.upper()}_PORT") or _free_port()) for name in ("a", "b")}
BALANCER_PORT = int(os.environ.get("TEST_BALANCER_PORT") or _free_port())
HAPROXY_CONFIG = """
global
    maxconn 256
    stats socket {socket} level admin
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout check 5s
    option forwardfor
    # Connection failures (the request never reached a server) are retried on another server;
    # a request that reached a server is retried only when it is a GET or HEAD.
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response response-timeout
frontend site
    bind 127.0.0.1:{balancer}
    unique-id-format %{{+X}}o%ci%cp%fp%Ts%rt%pid
    http-request set-header X-Request-ID %[unique-id]
    http-request disable-l7-retry unless METH_GET
    default_backend apps
backend apps
    balance roundrobin
    option httpchk
    http-check send meth GET uri /healthz/ ver HTTP/1.1 hdr Host localhost
    http-response set-header X-Served-By %[srv_name]
    server a 127.0.0.1:{a} check inter 1s fall 3 rise 1
    server b 127.0.0.1:{b} check inter 1s fall 3 rise 1
"""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """One browser: its own cookies, a CSRF token it sends back as Django expects."""

    def __init__(self, session_key=None):
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect)
        self.csrf = secrets.token_hex(16)  # 32 characters: Django accepts the unmasked secret
        self.session_key = session_key

    def request(self, url, data=None, content_type=None, method=None):
        # Straight to one server or through HAProxy, the site's name is the same (as in production).
        headers = {"Host": "localhost", "X-Forwarded-For": "203.0.113.7"}
        headers.update({"Cookie": f"csrftoken={self.csrf}", "X-CSRFToken": self.csrf})
        if self.session_key:
            headers["Cookie"] += f"; sessionid={self.session_key}"
        if content_type:
            headers["Content-Type"] = content_type
        if isinstance(data, dict):
            data = urllib.parse.urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def log_in_by_form(self, url, username):
        status, headers, _body = self.request(url + "/compte/login/", {"login": username, "password": PASSWORD})
        if status == 302:
            cookie = headers.get_all("Set-Cookie") or []
            self.session_key = next(c.split(";")[0].split("=", 1)[1] for c in cookie if c.startswith("sessionid="))
        return status


def session_for(user):
    client = Client()
    client.force_login(user)
    return client.cookies[django_settings.SESSION_COOKIE_NAME].value


def jpeg_multipart(field="photo"):
    buffer = io.BytesIO()
    Image.new("RGB", (300, 400), (30, 160, 90)).save(buffer, format="PNG")
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="moi.png"\r\n'
            "Content-Type: image/png\r\n\r\n"
        ).encode()
        + buffer.getvalue()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


@pytest.fixture(scope="module")
def cluster(request, django_db_setup, django_db_blocker, tmp_path_factory):
    if connection.vendor != "postgresql":
        pytest.skip("several app servers share PostgreSQL")
    if not shutil.which("haproxy"):
        pytest.skip("HAProxy is not installed (Debian: apt-get install haproxy)")
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("several app servers share Redis: set REDIS_URL")
    s3 = request.getfixturevalue("s3_server")
    bucket = new_bucket(s3)
    database = django_settings.DATABASES["default"]
    logs = tmp_path_factory.mktemp("cluster")
    env = server_env(
        SECRET_KEY=django_settings.SECRET_KEY,  # sessions made by the tests are valid on the servers
        DATABASE_URL=f"postgres://{database['USER']}@{database.get('HOST') or '127.0.0.1'}:"
        f"{database.get('PORT') or 5432}/{database['NAME']}",
        REDIS_URL=redis_url,
        AWS_STORAGE_BUCKET_NAME=bucket,
        AWS_S3_ENDPOINT_URL=s3,
        AWS_S3_ADDRESSING_STYLE="path",
        AWS_S3_REGION_NAME="us-east-1",
        AWS_ACCESS_KEY_ID=S3_KEYS["access_key"],
        AWS_SECRET_ACCESS_KEY=S3_KEYS["secret_key"],
        TRUSTED_PROXY_COUNT="1",
    )
    servers = {name: Gunicorn(port, env, workers=2, log_path=logs / f"{name}.log") for name, port in PORTS.items()}
    config = logs / "haproxy.cfg"
    config.write_text(HAPROXY_CONFIG.format(balancer=BALANCER_PORT, socket=logs / "haproxy.sock", **PORTS))
    balancer = None
    try:
        for server in servers.values():
            server.start()
        balancer = subprocess.Popen(
            ["haproxy", "-f", str(config), "-db"], stdout=open(logs / "haproxy.log", "wb"), stderr=subprocess.STDOUT
        )
        time.sleep(1.0)  # both servers pass their first health checks
        yield {"servers": servers, "balancer": f"http://127.0.0.1:{BALANCER_PORT}", "logs": logs}
    finally:
        if balancer:
            balancer.terminate()
            balancer.wait(10)
        for server in servers.values():
            server.stop()
        with django_db_blocker.unblock():
            wait_for_other_sessions_to_end(connection)


@pytest.fixture
def site(transactional_db, centre_a, resident, staff_a):
    return centre_a


def test_sessions_publishing_rate_limits_and_uploads_across_both_servers(cluster, site, resident):
    a, b = (cluster["servers"][name].url for name in ("a", "b"))

    # A log-in on A is a log-in on B.
    visitor = Visitor()
    assert visitor.log_in_by_form(a, "habitante") == 302
    assert visitor.request(b + "/compte/")[0] == 200
    assert Visitor().request(b + "/compte/")[0] == 302

    # A page cached by B is gone through B as soon as A takes it down.
    for _ in range(2):
        status, headers, _body = Visitor().request(b + site.url)
    assert status == 200 and headers["X-Page-Cache"] == "hit"
    admin = make_user("admin", is_superuser=True, is_staff=True)
    status, _headers, _body = Visitor(session_for(admin)).request(a + f"/admin/pages/{site.pk}/unpublish/", {})
    assert status == 302
    assert Visitor().request(b + site.url)[0] == 404

    # Failed log-ins for one account count on both servers: after five (three on A, two on B) the
    # account is blocked on B too, even with the right password (each server alone saw fewer than 5).
    for attempt in range(5):
        status, _headers, body = Visitor().request(
            (a, b)[attempt % 2] + "/compte/login/", {"login": "staff-a", "password": "faute"}
        )
        assert status == 200 and "la connexion est bloquée" not in body.decode()
    blocked = Visitor()
    status, _headers, body = blocked.request(b + "/compte/login/", {"login": "staff-a", "password": PASSWORD})
    assert status == 200 and "la connexion est bloquée" in body.decode()

    # A photo uploaded through A is served by B (the bucket), to its owner only.
    cv = CV.objects.create(owner=resident, title="Mon CV", data={"basics": {"name": "Samia"}})
    owner = Visitor(session_for(resident))
    body, content_type = jpeg_multipart()
    assert owner.request(a + f"/mon-cv/{cv.pk}/photo/", body, content_type)[0] == 302
    status, headers, photo = owner.request(b + f"/mon-cv/{cv.pk}/photo/")
    assert status == 200 and headers["Content-Type"] == "image/jpeg" and photo.startswith(b"\xff\xd8")
    stranger = Visitor(session_for(make_user("inconnu")))
    assert stranger.request(b + f"/mon-cv/{cv.pk}/photo/")[0] == 404


def vote(balancer, workshop, proposal, session_key):
    status, headers, _body = Visitor(session_key).request(
        f"{balancer}/participer/atelier/{workshop.pk}/soutenir/{proposal.pk}/", b"", method="POST"
    )
    return status, headers.get("X-Served-By")


def vote_all(balancer, workshop, ballots, workers=8):
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda ballot: vote(balancer, workshop, *ballot), ballots))


def haproxy_command(cluster, command):
    import socket

    with socket.socket(socket.AF_UNIX) as sock:
        sock.connect(str(cluster["logs"] / "haproxy.sock"))
        sock.sendall(command.encode() + b"\n")
        return sock.recv(4096).decode()


def counted(workshop):
    return Support.objects.filter(proposal__workshop=workshop).count()


def test_votes_through_both_servers_are_exact_even_when_one_stops(cluster, site):
    balancer = cluster["balancer"]
    servers = cluster["servers"]
    workshop = make_workshop(site, "voting")
    proposals = [make_proposal(workshop, title=f"Idée {index}") for index in range(5)]
    voters = [session_for(make_user(f"votant-{index}")) for index in range(120)]
    ballots = [(proposals[index % 5], key) for index, key in enumerate(voters)]

    # Both servers take votes; every one is counted once.
    first = vote_all(balancer, workshop, ballots[:30])
    assert {status for status, _server in first} == {302}
    assert {server for _status, server in first} == {"a", "b"}
    assert counted(workshop) == 30

    # The operator's way to stop a server: drain it at the balancer, then stop it. Nobody notices.
    stopper = threading.Timer(
        0.3, lambda: (haproxy_command(cluster, "set server apps/a state drain"), time.sleep(0.5), servers["a"].stop())
    )
    stopper.start()
    second = vote_all(balancer, workshop, ballots[30:75])
    stopper.join()
    assert [status for status, _server in second if status != 302] == []
    assert {server for _status, server in second[-10:]} == {"b"}
    assert counted(workshop) == 75

    # A server that dies in the middle (kill -9): votes it had not answered may fail, and the voter
    # is told so (502); no vote that was answered "counted" is lost, none counts twice, and pressing
    # the button again counts the failed ones once.
    servers["a"].start()
    haproxy_command(cluster, "set server apps/a state ready")
    time.sleep(1.2)  # the health check sees A again
    killer = threading.Timer(0.3, lambda: servers["a"].stop(graceful=False))
    killer.start()
    third = vote_all(balancer, workshop, ballots[75:])
    killer.join()
    assert "a" in {server for status, server in third if status == 302}  # A did take votes before dying
    assert {status for status, _server in third} <= {302, 502, 503}  # 502/503: said by HAProxy, not lost
    accepted = sum(1 for status, _server in first + second + third if status == 302)
    assert counted(workshop) >= accepted
    failed = [ballot for ballot, (status, _server) in zip(ballots[75:], third, strict=True) if status != 302]
    retried = vote_all(balancer, workshop, failed)
    assert {status for status, _server in retried} <= {302, 409}
    assert counted(workshop) == 120
    for index, proposal in enumerate(proposals):
        assert Support.objects.filter(proposal=proposal).count() == sum(1 for i in range(120) if i % 5 == index)
