"""The toolkit's public forms ("Rejoindre la démarche", feedback on a sheet): a few sends per hour.

One counter per form and connection, in the shared cache (several app servers see the same
counts). The address comes from `home.http.client_ip`, behind the same trusted proxies as log-in;
only a hash of it is used as the cache key, and it expires with the period.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from home.http import client_ip, count_in_window

LIMIT_SETTINGS = {"join": "TOOLKIT_JOIN_RATE_LIMIT", "feedback": "TOOLKIT_FEEDBACK_RATE_LIMIT"}


def _limit(form):
    return getattr(settings, LIMIT_SETTINGS[form], (5, 3600))


def _client_key(request, form):
    address = client_ip(request)
    return f"toolkit-{form}:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def too_many(request, form):
    limit, _period = _limit(form)
    return (cache.get(_client_key(request, form)) or 0) >= limit


def count_submission(request, form):
    _limit_count, period = _limit(form)
    count_in_window(_client_key(request, form), period)
