"""Development: `make run`. Demo passwords exist only here (see seed_demo)."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["*"]
DEMO_PASSWORDS_ENABLED = True
