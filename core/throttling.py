"""API rate limits (DRF throttles), apart from core.api: rest_framework.views reads the
throttle classes from the settings when it is imported, and core.api imports it.

A client's requests are counted in fixed windows as long as the rate's period (a minute for
"120/minute"): one counter per client and window, incremented once per request. DRF's own
throttles keep the time of every request of the last period and rewrite that list on each
request, which costs as much as the rate is high. A fixed window lets a client send up to
twice the rate across the boundary of two windows; for a limit against abuse that is enough.
"""

import math

from django.conf import settings
from django.core.cache import caches
from rest_framework import throttling
from rest_framework.settings import api_settings


class _FixedWindow:
    """Counters in the "throttle" cache; the rate read from the settings on each request (so
    that settings overrides apply)."""

    @property
    def cache(self):
        # The "throttle" alias (config/settings/base.py); settings that define only a default
        # cache (some tests replace CACHES whole) count in that one.
        return caches["throttle" if "throttle" in settings.CACHES else "default"]

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def allow_request(self, request, view):
        # Already counted by core.cache.PublicCacheMixin before it looked in the cache.
        if getattr(getattr(request, "_request", request), "rate_counted", False):
            return True
        if self.rate is None:
            return True
        client = self.get_cache_key(request, view)
        if client is None:
            return True
        now = self.timer()
        window = int(now // self.duration)
        self.retry_after = math.ceil((window + 1) * self.duration - now)
        return self._count(f"{client}:{window}") <= self.num_requests

    def _count(self, key: str) -> int:
        try:
            return self.cache.incr(key)
        except ValueError:  # the window's first request (or its counter just expired)
            if self.cache.add(key, 1, self.duration + 1):
                return 1
            return self.cache.incr(key)

    def wait(self):
        return self.retry_after


class AnonThrottle(_FixedWindow, throttling.AnonRateThrottle):
    """Anonymous clients, by IP address (API_THROTTLE_ANON)."""


class UserThrottle(_FixedWindow, throttling.UserRateThrottle):
    """Signed-in clients (token or session), per user (API_THROTTLE_USER)."""

    def get_cache_key(self, request, view):
        # DRF's counts anonymous clients by address too: AnonThrottle's work, and a counter more.
        if not request.user.is_authenticated:
            return None
        return super().get_cache_key(request, view)
