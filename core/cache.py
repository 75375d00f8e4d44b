"""Public pages served from cache to anonymous readers, never stale.

The cache key holds a data version that every committed change to public data increments
(see `core.apps`), so a page is rebuilt after the first change and reused until the next.
Signed-in users and API clients with credentials always get a fresh page.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import get_language

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


def public_response(request, build):
    """The response `build()` makes, or the one it made for the same page and data version."""
    if not _cacheable(request):
        return build()
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    key = f"page:{public_data_version()}:{get_language()}:{path}"
    cached = cache.get(key)
    if cached is not None:
        content, content_type = cached
        return HttpResponse(content, content_type=content_type)
    response = build()
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if response.status_code == 200 and not response.streaming and not response.cookies:
        cache.set(key, (response.content, response["Content-Type"]), settings.PUBLIC_PAGE_CACHE_SECONDS)
    return response


def public_page(view):
    """Decorator for a public view (see the module docstring)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return public_response(request, lambda: view(request, *args, **kwargs))

    return wrapped


class PublicCacheMixin:
    """The same for a DRF view: anonymous reads are served from the cache. A cached answer
    counts against the client's rate limit too; over it, the view itself answers (429)."""

    def dispatch(self, request, *args, **kwargs):
        def view():
            return super(PublicCacheMixin, self).dispatch(request, *args, **kwargs)

        if _cacheable(request):
            if not all(throttle.allow_request(request, self) for throttle in self.get_throttles()):
                return view()
            request.rate_counted = True  # the view's own throttle check does not count it again
        return public_response(request, view)
