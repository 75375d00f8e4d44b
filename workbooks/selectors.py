"""Reads for the Excel import: an agency's items in a programme, and a pending upload.

An agency reports for the indicators it answers for (`Indicator.objects.reported()`) and the
key tasks it leads: the same rule `reporting.services.round_open` uses to build an agency's form.
"""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from indicators.models import Indicator, Measurement
from programmes.models import KeyTask, KeyTaskLead, KeyTaskUpdate

from .models import ImportBatch


def agency_indicators(programme, agency) -> list[Indicator]:
    return list(
        Indicator.objects.filter(programme=programme, responsible_agency=agency)
        .reported()
        .prefetch_related(Prefetch("measurements", queryset=Measurement.objects.order_by("year", "period_number")))
        .order_by("order", "code")
    )


def agency_tasks(programme, agency) -> list[KeyTask]:
    return list(
        KeyTask.objects.filter(programme=programme, lead_links__agency=agency)
        .prefetch_related(Prefetch("updates", queryset=KeyTaskUpdate.objects.order_by("-reported_on", "-id")))
        .distinct()
        .order_by("number")
    )


def programme_items(programme) -> tuple[list[Indicator], list[KeyTask]]:
    """Every indicator and task of the programme with who answers for it, to tell a row for
    another agency's item from an unknown code."""
    indicators = list(
        Indicator.objects.filter(programme=programme)
        .select_related("programme", "responsible_agency")
        .prefetch_related("measurements")
    )
    tasks = list(
        KeyTask.objects.filter(programme=programme)
        .select_related("programme")
        .prefetch_related(
            Prefetch("lead_links", queryset=KeyTaskLead.objects.select_related("agency")),
            Prefetch("updates", queryset=KeyTaskUpdate.objects.only("pk", "task_id").order_by("-reported_on", "-id")),
        )
    )
    return indicators, tasks


def import_batch_get(pk: int) -> ImportBatch:
    return get_object_or_404(ImportBatch.objects.select_related("programme", "agency", "uploaded_by"), pk=pk)


def import_batches_of(user, programme, agency, limit: int = 10) -> list[ImportBatch]:
    return list(
        ImportBatch.objects.filter(uploaded_by=user, programme=programme, agency=agency)
        .defer("content", "payload")
        .order_by("-created_at", "-pk")[:limit]
    )
