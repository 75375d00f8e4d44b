from django.db.models import Count
from django.shortcuts import get_object_or_404

from .models import Agency


def agency_directory():
    return Agency.objects.annotate(
        led_count=Count("led_tasks", distinct=True),
        coordinated_count=Count("coordinated_tasks", distinct=True),
        indicator_count=Count("indicators", distinct=True),
    ).prefetch_related("aliases")


def agency_detail(slug: str) -> Agency:
    return get_object_or_404(
        Agency.objects.prefetch_related(
            "aliases", "led_tasks__programme", "coordinated_tasks__programme", "indicators__programme"
        ),
        slug=slug,
    )
