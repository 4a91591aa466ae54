"""Production settings for app servers that tests start with gunicorn: plain static files storage
(no collectstatic manifest needed), HTTP allowed. Everything else comes from the environment."""

from config.settings.production import *  # noqa: F403

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# The tests' users carry fast test hashes (config/settings/test.py).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
