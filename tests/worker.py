"""The real worker in a test: django-tasks-db's `db_worker` in batch mode, on the test database."""

from unittest import mock

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def database_tasks():
    """Tasks go to the database, as in production, until run_worker() runs them."""
    with override_settings(TASKS=DATABASE_TASKS):
        yield


def run_worker():
    """Runs every task ready now (and those they enqueue, ready now), then returns their statuses.

    The worker closes "old" connections between tasks; inside a test's transaction that would close
    the test's own PostgreSQL connection, so that one call is left out here (.ci/run also runs the
    worker as a separate process on PostgreSQL, with it).
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None):
        call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0)
    return list(DBTaskResult.objects.values_list("task_path", "status"))


def ours(status):
    """Our tasks with this status (Wagtail's own index updates are tasks too, and are left out)."""
    return DBTaskResult.objects.filter(status=status, task_path__startswith="accounts.").count()


def pending_tasks():
    return ours("READY")


class BrokenMailServer:
    """An email backend that always fails, like an SMTP server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")

    def open(self):
        return True

    def close(self):
        pass
