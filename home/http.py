"""Request helpers shared by every app."""

from allauth.account.adapter import get_adapter
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
