"""Voting-code guessing: budgets that slow a guesser down without locking a room out.

Three counters of *wrong* codes, each in fixed windows in the shared cache:

- per workshop: WORKSHOP_FREE wrong codes an hour are checked at once; past that, the workshop
  checks at most one code every WORKSHOP_INTERVAL seconds (everyone waits a few seconds, nobody is
  locked out, and a botnet of any size gets no more tries);
- per lookup id (the first four characters of the code typed): LOOKUP_FREE wrong codes an hour,
  then one try every LOOKUP_INTERVAL seconds for codes starting with those characters (someone
  aiming at one card);
- per address (a loose extra signal: a centre shares one public address, and X-Forwarded-For is
  only trusted behind TRUSTED_PROXY_COUNT proxies): ADDRESS_FREE wrong codes per quarter of an
  hour, then one try every ADDRESS_INTERVAL seconds.

The guessing budget this gives is worked out in docs/participation.md.
"""

import math
import time
from dataclasses import dataclass

from django.core.cache import cache

from home.http import client_ip, count_in_window
from participation.models.codes import LOOKUP_LENGTH, normalise_code

WORKSHOP_FREE, WORKSHOP_WINDOW, WORKSHOP_INTERVAL = 300, 3600, 5
LOOKUP_FREE, LOOKUP_WINDOW, LOOKUP_INTERVAL = 5, 3600, 10 * 60
ADDRESS_FREE, ADDRESS_WINDOW, ADDRESS_INTERVAL = 30, 15 * 60, 30


@dataclass
class Counter:
    name: str
    free: int
    window: int
    interval: int

    def key(self, now):
        return f"participation:code-fail:{self.name}:{int(now // self.window)}"

    def slot_key(self):
        return f"participation:code-slot:{self.name}"

    def failures(self, now):
        return cache.get(self.key(now)) or 0

    def record(self, now):
        count_in_window(self.key(now), self.window)


def _counters(request, workshop, raw):
    code = normalise_code(raw)
    lookup = code[:LOOKUP_LENGTH] if code else "-"
    return [
        Counter(f"ws:{workshop.pk}", WORKSHOP_FREE, WORKSHOP_WINDOW, WORKSHOP_INTERVAL),
        Counter(f"lookup:{workshop.pk}:{lookup}", LOOKUP_FREE, LOOKUP_WINDOW, LOOKUP_INTERVAL),
        Counter(f"ip:{workshop.pk}:{client_ip(request)}", ADDRESS_FREE, ADDRESS_WINDOW, ADDRESS_INTERVAL),
    ]


def wait_before_check(request, workshop, raw):
    """0 when this code may be checked now; otherwise the seconds to wait (nothing is checked).

    Past its free budget, a counter lets one check through per interval: the check takes the slot.
    """
    return wait_for(_counters(request, workshop, raw))


def wait_for(counters):
    """0 when a check may run now, else the seconds to wait: the budgets of any set of counters."""
    now = time.time()
    over = [counter for counter in counters if counter.failures(now) >= counter.free]
    for counter in over:
        # add() is atomic in the shared cache: of two simultaneous tries, one gets the slot.
        if not cache.add(counter.slot_key(), now + counter.interval, timeout=counter.interval):
            until = cache.get(counter.slot_key()) or now + 1
            return max(1, math.ceil(until - now))
    return 0


def record_failure(request, workshop, raw):
    now = time.time()
    for counter in _counters(request, workshop, raw):
        counter.record(now)


def tries_left(request, workshop, raw):
    """Wrong codes still checked at once from here for this code (the smallest of the budgets)."""
    now = time.time()
    return max(0, min(counter.free - counter.failures(now) for counter in _counters(request, workshop, raw)))


# The short address /vote/ finds the workshop from a code's first characters. An unknown start
# counts against a per-address budget (the same size as a workshop's), so /vote/ cannot be used to
# list the lookup ids in use.
def _short_address_counter(request):
    return Counter(f"short:{client_ip(request)}", ADDRESS_FREE, ADDRESS_WINDOW, ADDRESS_INTERVAL)


def short_address_blocked(request):
    return _short_address_counter(request).failures(time.time()) >= ADDRESS_FREE


def record_short_address_failure(request):
    _short_address_counter(request).record(time.time())


# Following a paper proposal (/participer/suivi/): the same budgets as codes, per reference (someone
# aiming at one receipt) and per address.
def follow_up_counters(request, reference):
    ref = "".join(ch for ch in (reference or "").upper() if ch.isalnum() or ch == "-")[:24] or "-"
    return [
        Counter(f"follow:{ref}", LOOKUP_FREE, LOOKUP_WINDOW, LOOKUP_INTERVAL),
        Counter(f"follow-ip:{client_ip(request)}", ADDRESS_FREE, ADDRESS_WINDOW, ADDRESS_INTERVAL),
    ]


def record_follow_up_failure(request, reference):
    now = time.time()
    for counter in follow_up_counters(request, reference):
        counter.record(now)
