"""Request helpers shared by every app."""

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied


def client_ip(request):
    """The visitor's address for rate limits, behind the same trusted proxies as log-in.

    One setting for the whole site: ALLAUTH_TRUSTED_PROXY_COUNT (from TRUSTED_PROXY_COUNT in
    production) says how many proxies append to X-Forwarded-For; without it, REMOTE_ADDR.
    """
    try:
        return get_adapter(request).get_client_ip(request)
    except (ImproperlyConfigured, PermissionDenied):
        # A request that did not come through the expected proxies: its own address.
        return request.META.get("REMOTE_ADDR", "unknown")


def count_in_window(key, timeout):
    """Add one to a counter in the shared cache; a new counter lives `timeout` seconds.

    add() is atomic, so of two first hits one creates the key and the other increments it; the
    set() covers a key that expired between the two calls.
    """
    if cache.add(key, 1, timeout=timeout):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=timeout)
