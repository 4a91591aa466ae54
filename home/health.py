"""The health endpoint the load balancer polls: GET /healthz/ answers 200 when this app server can
serve, 503 (with which check failed) when it cannot.

Each check is a small function registered with `@health_check("name")`; it returns nothing when
fine and raises (any exception) when not. Apps add their own the same way: the task queue's
worker check ("worker queue") reads the oldest task waiting in django-tasks-db's table, and says
"configured": false while that app is not installed. A check may return a dict of figures shown
next to its result (the queue's age in seconds). The answer is JSON, never cached, and names no
secret (no host, no path, no exception text).
"""

import logging
import time
import uuid

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connections
from django.db.models import Case, F, When
from django.db.models.functions import Greatest
from django.http import JsonResponse
from django.utils import timezone
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


TASKS_APP = "django_tasks_db"


def oldest_waiting_task_due():
    """When the oldest task waiting for a worker became due (None: the queue is empty).

    Reads django-tasks-db's own model: tasks READY to run now, due at their enqueue time or at
    their `run_after` time when they were scheduled for later.
    """
    from django_tasks_db.models import DBTaskResult, get_date_max

    due = Case(
        When(run_after=get_date_max(), then=F("enqueued_at")),
        default=Greatest(F("enqueued_at"), F("run_after")),
    )
    return DBTaskResult.objects.ready().annotate(due=due).order_by("due").values_list("due", flat=True).first()


@health_check("worker queue")
def check_worker_queue():
    """Unhealthy when a task has waited longer than HEALTH_QUEUE_MAX_AGE seconds: no worker runs."""
    if not apps.is_installed(TASKS_APP):
        return {"configured": False}
    due = oldest_waiting_task_due()
    age = max((timezone.now() - due).total_seconds(), 0) if due else 0
    limit = getattr(settings, "HEALTH_QUEUE_MAX_AGE", 300)
    if age > limit:
        raise RuntimeError(f"the oldest waiting task is {age:.0f} s old (limit {limit} s)")
    return {"configured": True, "age_s": round(age)}


def run_checks():
    results = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        details = None
        try:
            details = check()
        except Exception:  # any failure makes this server unhealthy; the log has the details
            logger.exception("Health check %s failed", name)
            ok = False
        else:
            ok = True
        results[name] = {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1), **(details or {})}
    return results


@never_cache
def health(request):
    results = run_checks()
    healthy = all(result["ok"] for result in results.values())
    body = {"status": "ok" if healthy else "unavailable", "checks": results}
    return JsonResponse(body, status=200 if healthy else 503)
