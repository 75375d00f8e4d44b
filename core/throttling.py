"""API rate limits (DRF throttles), apart from core.api: rest_framework.views reads the
throttle classes from the settings when it is imported, and core.api imports it."""

from django.conf import settings
from django.core.cache import caches
from rest_framework import throttling
from rest_framework.settings import api_settings


class _ThrottleSettings:
    """Counters in the "throttle" cache; the rate read from the settings on each request (so
    that settings overrides apply)."""

    @property
    def cache(self):
        # The "throttle" alias (config/settings/base.py); settings that define only a default
        # cache (some tests replace CACHES whole) count in that one.
        return caches["throttle" if "throttle" in settings.CACHES else "default"]

    def allow_request(self, request, view):
        # Already counted by core.cache.PublicCacheMixin before it looked in the cache.
        if getattr(getattr(request, "_request", request), "rate_counted", False):
            return True
        return super().allow_request(request, view)

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]


class AnonThrottle(_ThrottleSettings, throttling.AnonRateThrottle):
    """Anonymous clients, by IP address (API_THROTTLE_ANON)."""


class UserThrottle(_ThrottleSettings, throttling.UserRateThrottle):
    """Signed-in clients (token or session), per user (API_THROTTLE_USER)."""
