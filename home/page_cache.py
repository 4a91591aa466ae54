"""Version counter for the anonymous page cache.

Anything that changes what anonymous visitors see (a page published, a proposal moderated,
a result published) calls `invalidate_page_cache()`: every cached page becomes stale at once.
"""

from django.core.cache import cache

VERSION_KEY = "page-cache-version"


def page_cache_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return version


def invalidate_page_cache():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)
