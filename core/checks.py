"""Deployment checks (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """The data version that keeps cached pages fresh lives in the cache: a process-local cache
    cannot tell one worker process of another's change."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.PUBLIC_PAGE_CACHE_SECONDS and backend.endswith(("LocMemCache", "FileBasedCache")):
        return [
            Warning(
                "Public pages and API reads are cached in each process: with several worker processes, "
                "a change reaches the other workers only after PUBLIC_PAGE_CACHE_SECONDS.",
                hint="Set CACHE_URL to a shared cache (redis://...), or PUBLIC_PAGE_CACHE_SECONDS=0.",
                id="core.W001",
            )
        ]
    return []
