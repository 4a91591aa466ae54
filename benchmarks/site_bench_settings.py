"""Production settings for benchmarks/site_load.py, plus the page-cache middleware if not listed yet.

Only used by the benchmark (it runs gunicorn with this module on the Python path).
"""

from config.settings.production import *  # noqa: F403

PAGE_CACHE_MIDDLEWARE = "home.page_cache.AnonymousPageCacheMiddleware"
if PAGE_CACHE_MIDDLEWARE not in MIDDLEWARE:  # noqa: F405
    MIDDLEWARE = [*MIDDLEWARE, PAGE_CACHE_MIDDLEWARE]  # noqa: F405
