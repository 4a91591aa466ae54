import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
django_application = get_wsgi_application()

from home.fast_hits import CachedPageApp  # noqa: E402  (needs the settings loaded above)

# Anonymous cached pages answered before Django's handler (Redis cache only; see home/fast_hits.py).
application = CachedPageApp(django_application)
