"""Settings shared by every environment. Environment variables are read here once."""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so their templates override the libraries' ones.
    "home",
    "accounts",
    "participation",
    "cv_builder",
    "toolkit",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.AccountsWagtailUsersConfig",  # wagtail.users with our user screens
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "simple_history",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "home.request_log.RequestIdMiddleware",  # first: every log line of the request carries its id
    "django.middleware.security.SecurityMiddleware",
    # Before the session is looked up and before any view reads the body (the CSRF check does):
    # NUL bytes and lone surrogates in the path, query, cookies or form fields; odd charsets.
    "home.input_guard.HostileInputMiddleware",
    # Outside both page caches: counts toolkit sheet views and PDF downloads, cache hits included.
    "toolkit.usage.UsageCountMiddleware",
    # Cached pages for visitors without a session cookie, before the session and auth layers.
    "home.page_cache.EarlyPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "config.middleware.AdminContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.MustChangePasswordMiddleware",
    "accounts.middleware.AdminLoginMiddleware",
    "home.admin_scope.NetworkReportsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: serves anonymous visitors' cached pages before URL routing (see home/page_cache.py).
    "home.page_cache.AnonymousPageCacheMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "accounts.notifications.header_count",
            ],
        },
    },
]
# One field template for every form of the site ({{ field.as_field_group }}): home/templates/forms/field.html.
FORM_RENDERER = "home.forms.SiteFormRenderer"

# SQLite by default so `make run` needs nothing installed; PostgreSQL when DATABASE_URL is set.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",  # an empty value means unset
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if DATABASE_IS_POSTGRES:
    # Wagtail's database search backend uses PostgreSQL's full-text search fields.
    INSTALLED_APPS.append("django.contrib.postgres")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Wait for a lock instead of failing at once when two requests write together.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Local memory by default; Redis (Django's own backend) when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "home.redis_cache.RedisCache",  # Django's, reusing its client (see there)
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "csc",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions live in the database (cached when Redis is there) so several app servers share them.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db" if REDIS_URL else "django.contrib.sessions.backends.db"

AUTH_USER_MODEL = "accounts.User"
# allauth's backend alone: it logs in by username or email and checks permissions, hashing once.
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# django-allauth: username or email, email optional, no mandatory verification.
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Failed log-ins: 5 per 5 minutes per account; per IP address the limit is looser because a whole
# workshop at a social centre shares one public address and residents mistype often.
# Sign-ups per address: a whole workshop signing up together at a centre's one public address
# fits in 40 an hour; 150 over 14 days (about one workshop's open period) caps what one address can
# create. The real protection of a vote is desk verification (see docs/participation.md).
ACCOUNT_RATE_LIMITS = {
    "login_failed": "30/5m/ip,5/5m/key",
    "signup": os.environ.get("SIGNUP_RATE_LIMIT", "40/1h/ip,150/14d/ip"),
}
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_SIGNUP_REDIRECT_URL = "/compte/?bienvenue=1"  # a welcome box repeats the username to write down
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "signup": "accounts.forms.SignupForm",
    "change_password": "accounts.forms.ChangePasswordForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.forms.ResetPasswordKeyForm",
}

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French"))]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
# locale/: the project templates' strings (make messages); locale_overrides/: our French for some of Wagtail's own
# admin strings, kept apart because makemessages would drop them as obsolete.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Files only staff may see (photos of tally sheets): outside MEDIA_ROOT, so never served under /media/.
# participation uses STORAGES["private"] when it is defined, this folder otherwise.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))

# Media on an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set (home/storage.py): several app
# servers then share uploads. Keys come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (read by boto3).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "home.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,  # None: Amazon S3 itself
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,  # a CDN for public media
            "url_protocol": os.environ.get("AWS_S3_URL_PROTOCOL", "https:"),  # for the custom domain
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,  # "path" for MinIO, moto
            "location": os.environ.get("AWS_LOCATION", ""),
            "public_acl": os.environ.get("AWS_PUBLIC_MEDIA_ACL", "public-read"),
            "private_url_expiry": int(os.environ.get("PRIVATE_MEDIA_URL_EXPIRY", "300")),
        },
    }

# Uploads: refuse big requests early; each form still checks its own limits with a clear message.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Email (Django 6.1 MAILERS). Console by default; SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": EMAIL_HOST,
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
del EMAIL_HOST
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Centres sociaux connectés <ne-pas-repondre@localhost>")

# Content-Security-Policy (Django's built-in support): no remote origin at all.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
# Wagtail's admin still ships inline scripts: it alone may run them.
ADMIN_CSP = {**SECURE_CSP, "script-src": [CSP.SELF, CSP.UNSAFE_INLINE]}
X_FRAME_OPTIONS = "SAMEORIGIN"

# Wagtail
WAGTAIL_SITE_NAME = "Centres sociaux connectés"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Page addresses in plain ASCII: /actualites/repair-cafe-..., never /actualites/repair-caf%C3%A9-...
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "ods",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
    "mp3",
    "mp4",
    "ogg",
    "webm",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# The site's one image check (home/images.py): 40 megapixels at most, read from the header before
# decoding; damaged (e.g. truncated) files refused with a plain message; the formats it accepts.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.image_forms.CheckedImageForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend; on SQLite it also stems French (home/search_backend.py).
        "BACKEND": "home.search_backend",
        # French stemming on PostgreSQL; ignored by SQLite's backend.
        "SEARCH_CONFIG": "french",
    }
}

# --- cv_builder settings (owned by cv_builder/) ---
# PDF renders (cached PDFs are free), as (renders, seconds): per signed-in user, and per share link
# plus per address (the log-in's trusted proxies, home.http.client_ip) for whoever holds a link.
CV_PDF_RATE_LIMITS = {"user": (10, 60), "link": (5, 60), "address": (20, 60)}

# --- end cv_builder settings ---

# --- toolkit settings (owned by toolkit/) ---
# "Rejoindre la démarche": at most this many requests per connection (IP address) and period (seconds).
TOOLKIT_JOIN_RATE_LIMIT = (int(os.environ.get("TOOLKIT_JOIN_RATE_LIMIT", "5")), 3600)
# Feedback on a sheet: at most this many per connection and period (seconds).
TOOLKIT_FEEDBACK_RATE_LIMIT = (int(os.environ.get("TOOLKIT_FEEDBACK_RATE_LIMIT", "5")), 3600)

# --- end toolkit settings ---

# Background work: Django's tasks framework with the database backend of django-tasks-db. The
# worker is `manage.py db_worker` (docs/notifications.md); development uses the immediate backend.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
NOTIFICATIONS_EMAIL_ATTEMPTS = 4  # then the email is recorded as failed
