"""Peak memory of one worker when hostile uploads arrive (issue 9): a 20 KB PNG of 12000×12000
pixels, a 400-megapixel PNG, and a 40 MB body.

Run: .venv/bin/python benchmarks/upload_memory.py [--port 18200]

Each request is served by a fresh worker process (forked from a warmed-up parent, so its baseline
already holds the loaded code) running the real WSGI application behind wsgiref on 127.0.0.1; the
parent is the client and streams the body over the socket. The worker measures its own resident
memory: baseline before the request, peak during it (VmHWM after resetting it, and a 2 ms sampler).
The reference line decodes the 12000×12000 PNG the way the CV photo code did before issue 9.
Bound checked: a request raises the worker's peak by less than BOUND_MB over its baseline.
"""

import argparse
import http.client
import json
import os
import secrets
import sys
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from tests.image_files import png_bomb, png_bytes  # noqa: E402

BOUND_MB = 64
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb():
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * PAGE / 2**20


def hwm_mb():
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")  # resets VmHWM to the current RSS (Linux >= 4.0)
    except OSError:
        pass


class Sampler(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.peak = rss_mb()
        self.running = True

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss_mb())
            time.sleep(0.002)


def measured(work):
    """(baseline MB, peak MB) of this process around work()."""
    reset_peak()
    baseline = rss_mb()
    sampler = Sampler()
    sampler.start()
    result = work()
    sampler.running = False
    sampler.join()
    return baseline, max(sampler.peak, hwm_mb()), result


def in_child(work):
    """Run work() in a forked process; returns what it measured."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        try:
            baseline, peak, result = measured(work)
            payload = {"baseline": baseline, "peak": peak, "result": result}
        except Exception as error:  # noqa: BLE001
            payload = {"error": repr(error)}
        os.write(write_end, json.dumps(payload).encode())
        os._exit(0)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.waitpid(pid, 0)
    return json.loads(b"".join(chunks))


def serve_one_request(port, ready_write):
    """Worker side: a WSGI server for exactly one request."""
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    from django.core.wsgi import get_wsgi_application

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = make_server("127.0.0.1", port, get_wsgi_application(), handler_class=Quiet)
    os.write(ready_write, b"1")

    def handle():
        server.handle_request()
        server.server_close()
        return "served"

    return handle


def multipart(field, filename, content, boundary):
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
        f"Content-Type: image/png\r\n\r\n"
    ).encode()
    return head, content, f"\r\n--{boundary}--\r\n".encode()


def send(port, path, parts, content_type, cookies, token):
    length = sum(len(part) for part in parts)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.putrequest("POST", path)
    conn.putheader("Content-Type", content_type)
    conn.putheader("Content-Length", str(length))
    conn.putheader("Cookie", cookies)
    conn.putheader("X-CSRFToken", token)
    conn.endheaders()
    try:
        for part in parts:
            view = memoryview(part)
            for start in range(0, len(view), 1 << 20):
                conn.send(view[start : start + (1 << 20)])
    except (BrokenPipeError, ConnectionResetError):
        pass  # the worker answered and closed without reading the rest: its answer is still there to read
    try:
        status = conn.getresponse().status
    except (ConnectionResetError, http.client.RemoteDisconnected):
        status = None
    conn.close()
    return status


def scenario(label, port, path, parts, content_type, cookies, token):
    ready_read, ready_write = os.pipe()
    result = {}

    def client():
        os.read(ready_read, 1)
        result["status"] = send(port, path, parts, content_type, cookies, token)

    thread = threading.Thread(target=client)
    thread.start()
    measured_child = in_child(lambda: serve_one_request(port, ready_write)())
    thread.join()
    return label, result.get("status"), measured_child


def old_photo_decode(content):
    """How the CV photo was processed before issue 9: decode first, check nothing."""
    import io

    from PIL import Image, ImageOps

    def work():
        Image.MAX_IMAGE_PIXELS = None  # the old code caught DecompressionBombError only above 179 MP
        with Image.open(io.BytesIO(content)) as image:
            picture = ImageOps.exif_transpose(image).convert("RGB")
            picture.thumbnail((600, 800))
        return "decoded"

    return work


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=18200)
    args = parser.parse_args()

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from django.contrib.auth import get_user_model

        from cv_builder.models import CV

        user = get_user_model().objects.create_user(username="bench-upload", password="bench-upload-2026")
        cv = CV.objects.create(owner=user, title="Bench", data={"basics": {"name": "Bench"}})
        client = Client()
        client.force_login(user)
        path = f"/mon-cv/{cv.pk}/photo/"
        from django.core.files.uploadedfile import SimpleUploadedFile

        warm = client.post(path, {"photo": SimpleUploadedFile("w.png", png_bytes(), "image/png")})
        assert warm.status_code == 302, warm.status_code  # every code path imported before forking
        token = secrets.token_urlsafe(24)[:32].replace("-", "a").replace("_", "b")
        cookies = f"sessionid={client.cookies['sessionid'].value}; csrftoken={token}"

        small = png_bytes((800, 1000))
        bomb_12k = png_bomb(12000, 12000)
        bomb_400mp = png_bomb(20000, 20000)
        forty_mb = os.urandom(40 * 2**20)
        boundary = uuid.uuid4().hex
        form = f"multipart/form-data; boundary={boundary}"
        rows = [
            scenario("reference: 800×1000 PNG photo (accepted)", args.port, path,
                     multipart("photo", "ok.png", small, boundary), form, cookies, token),
            scenario(f"12000×12000 PNG ({len(bomb_12k) // 1024} KB)", args.port + 1, path,
                     multipart("photo", "bomb.png", bomb_12k, boundary), form, cookies, token),
            scenario(f"400 MP PNG, 20000×20000 ({len(bomb_400mp) // 1024} KB)", args.port + 2, path,
                     multipart("photo", "bomb.png", bomb_400mp, boundary), form, cookies, token),
            scenario("40 MB file upload", args.port + 3, path,
                     multipart("photo", "big.png", forty_mb, boundary), form, cookies, token),
            scenario("40 MB url-encoded body", args.port + 4, path,
                     (b"photo=", b"x" * (40 * 2**20)), "application/x-www-form-urlencoded", cookies, token),
        ]  # fmt: skip
        reference = in_child(old_photo_decode(bomb_12k))

        print(f"Peak resident memory of one worker per request (bound: +{BOUND_MB} MB over its baseline)")
        print(f"{'request':48} {'status':>6} {'baseline':>10} {'peak':>10} {'increase':>10} {'peak/base':>9}  verdict")
        failures = 0
        for label, status, m in rows:
            if "error" in m:
                print(f"{label:48} worker failed: {m['error']}")
                failures += 1
                continue
            increase = m["peak"] - m["baseline"]
            ok = increase < BOUND_MB and status is not None and status < 500
            failures += not ok
            print(
                f"{label:48} {status!s:>6} {m['baseline']:>7.0f} MB {m['peak']:>7.0f} MB {increase:>+7.0f} MB "
                f"{m['peak'] / m['baseline']:>8.2f}x  {'OK' if ok else 'OVER BOUND'}"
            )
        if "error" not in reference:
            increase = reference["peak"] - reference["baseline"]
            print(
                f"{'before issue 9: decoding the 12000×12000 PNG':48} {'-':>6} {reference['baseline']:>7.0f} MB "
                f"{reference['peak']:>7.0f} MB {increase:>+7.0f} MB {reference['peak'] / reference['baseline']:>8.2f}x"
            )
        print(f"Database: {connection.vendor}")
        sys.exit(1 if failures else 0)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
