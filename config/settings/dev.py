"""Development: `make run`. Demo passwords exist only here (see seed_demo)."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["*"]
DEMO_PASSWORDS_ENABLED = True

# `make run` has no worker beside runserver: tasks run at once, in the request (docs/notifications.md).
# Set TASKS_BACKEND=django_tasks_db.DatabaseBackend and start `manage.py db_worker` to try the real queue.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend")}}

# Wagtail's own search and reference-index updates are tasks too: one INFO line each would bury the
# `make run` output (failures are still logged).
LOGGING = {"version": 1, "disable_existing_loggers": False, "loggers": {"django.tasks": {"level": "WARNING"}}}
