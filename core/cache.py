"""Public pages and API reads served from cache, never stale.

The cache key holds a data version that every committed change to public data increments
(see `core.apps`), so a page is rebuilt after the first change and reused until the next.
Anonymous readers get the whole rendered response from the cache. Signed-in users always get a
freshly rendered page; API clients with credentials get the data anonymous readers get (the
public API reads are the same for everyone) after their own authentication and rate limit.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import get_language
from rest_framework.response import Response

VERSION_KEY = "public-data-version"


def public_data_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def public_data_changed(**_signal_kwargs) -> None:
    """Invalidate every cached public page once the current transaction commits."""
    transaction.on_commit(_bump)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def _cacheable(request) -> bool:
    return (
        request.method == "GET"
        and not request.user.is_authenticated
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    )


def _key(request, kind: str) -> str:
    """Per data version, language, host and full path; for a page, also per media type, since the
    API answers browsers with DRF's HTML page and every other client with JSON."""
    place = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
    if kind == "page":
        kind = "html" if "text/html" in request.META.get("HTTP_ACCEPT", "") else "json"
    return f"public:{kind}:{public_data_version()}:{get_language()}:{place}"


def public_response(request, build, seconds=None):
    """The response `build()` makes, or the one it made for the same page and data version
    (kept `seconds()` seconds when given, for a page that also changes with time)."""
    if not _cacheable(request):
        return build()
    key = _key(request, "page")
    cached = cache.get(key)
    if cached is not None:
        content, content_type = cached
        return HttpResponse(content, content_type=content_type)
    response = build()
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if response.status_code == 200 and not response.streaming and not response.cookies:
        timeout = seconds() if seconds else settings.PUBLIC_PAGE_CACHE_SECONDS
        cache.set(key, (response.content, response["Content-Type"]), timeout)
    return response


def public_page(view):
    """Decorator for a public view (see the module docstring)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return public_response(request, lambda: view(request, *args, **kwargs))

    return wrapped


class PublicCacheMixin:
    """The same for a DRF view of public data: anonymous reads are served from the cache. A
    cached answer counts against the client's rate limit too; over it, the view itself answers
    (429). Clients with credentials pass DRF's checks as usual, then get the cached data of the
    list or record (`list` / `retrieve`), since a public read does not depend on who asks.
    A viewset whose other reads do depend on it (a draft shown to its owner) names the ones that
    do not in `public_actions`."""

    public_actions = ("list", "retrieve")

    def dispatch(self, request, *args, **kwargs):
        def view():
            return super(PublicCacheMixin, self).dispatch(request, *args, **kwargs)

        action_map = getattr(self, "action_map", None)  # a viewset's; a plain APIView has one read
        if action_map is not None and action_map.get(request.method.lower()) not in self.public_actions:
            return view()
        if _cacheable(request):
            if not all(throttle.allow_request(request, self) for throttle in self.get_throttles()):
                return view()
            request.rate_counted = True  # the view's own throttle check does not count it again
        return public_response(request, view, self.cache_seconds)

    def cache_seconds(self) -> int:
        """How long a cached answer may be kept; a view whose data also changes with time (a call
        opening) says until when."""
        return settings.PUBLIC_PAGE_CACHE_SECONDS

    def list(self, request, *args, **kwargs):
        return self._shared_read(request, super().list, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return self._shared_read(request, super().retrieve, *args, **kwargs)

    def _shared_read(self, request, read, *args, **kwargs):
        if self.action not in self.public_actions:
            return read(request, *args, **kwargs)
        # JSON is kept rendered; DRF's HTML page is rendered for each reader (it names the user).
        as_json = request.accepted_renderer.format == "json"
        key = _key(request, f"json:{request.accepted_media_type}" if as_json else "data")
        cached = cache.get(key)
        if cached is not None:
            return HttpResponse(cached, content_type=request.accepted_media_type) if as_json else Response(cached)
        response = read(request, *args, **kwargs)
        if response.status_code != 200:
            return response
        if not as_json:
            cache.set(key, response.data, self.cache_seconds())
            return response
        context = self.get_renderer_context()
        content = request.accepted_renderer.render(response.data, request.accepted_media_type, context)
        cache.set(key, content, self.cache_seconds())
        return HttpResponse(content, content_type=request.accepted_media_type)
