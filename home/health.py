"""The health endpoint the load balancer polls: GET /healthz/ answers 200 when this app server can
serve, 503 (with which check failed) when it cannot.

Each check is a small function registered with `@health_check("name")`; it returns nothing when
fine and raises (any exception) when not. Apps add their own the same way: the task queue's
worker check ("oldest waiting task younger than N minutes") registers here once the queue exists.
The answer is JSON, never cached, and names no secret (no host, no path, no exception text).
"""

import logging
import time
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)
CHECKS = {}


def health_check(name):
    def register(function):
        CHECKS[name] = function
        return function

    return register


@health_check("database")
def check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


@health_check("cache")
def check_cache():
    # A shared cache (Redis) that cannot be written means rate limits and sessions break.
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise RuntimeError("cache did not return what was written")
    cache.delete(key)


@health_check("storage")
def check_storage():
    # Writes, reads back and deletes a tiny object: proves the bucket (or disk) takes uploads.
    name = default_storage.save(f"health/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name, "rb") as handle:
            if handle.read() != b"ok":
                raise RuntimeError("storage did not return what was written")
    finally:
        default_storage.delete(name)


def run_checks():
    results = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
        except Exception:  # any failure makes this server unhealthy; the log has the details
            logger.exception("Health check %s failed", name)
            ok = False
        else:
            ok = True
        results[name] = {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1)}
    return results


@never_cache
def health(request):
    results = run_checks()
    healthy = all(result["ok"] for result in results.values())
    body = {"status": "ok" if healthy else "unavailable", "checks": results}
    return JsonResponse(body, status=200 if healthy else 503)
