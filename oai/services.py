"""Writes of the OAI-PMH module: the tombstones of deleted outputs and S&T tasks."""

from django.db import transaction

from research.models import Output

from .models import DeletedRecord
from .selectors import set_specs_of


def deleted_record_create(*, kind: str, object_id: int, set_specs: list[str]) -> DeletedRecord:
    """Remember that a record was deleted, with the sets it was in (one tombstone per record)."""
    with transaction.atomic():
        record, _created = DeletedRecord.objects.update_or_create(
            kind=kind, object_id=object_id, defaults={"set_specs": f" {' '.join(set_specs)} "}
        )
    return record


# Signal hooks (connected in apps.py): they run around a deletion made elsewhere and only
# record it; no rule of the research modules lives here.


def deleted_record_prepare(sender, instance, **_kwargs) -> None:
    """Before the delete: read the set memberships while the organisation links still exist."""
    instance._oai_set_specs = set_specs_of(instance)


def deleted_record_keep(sender, instance, **_kwargs) -> None:
    kind = DeletedRecord.Kind.OUTPUT if isinstance(instance, Output) else DeletedRecord.Kind.TASK
    specs = getattr(instance, "_oai_set_specs", None) or set_specs_of(instance, with_organisations=False)
    deleted_record_create(kind=kind, object_id=instance.pk, set_specs=specs)
