"""Model instances from column values read without the ORM's query (plain SQL, a cache)."""

from functools import cache

from django.db import router


@cache
def _in_model_order(model, names: frozenset[str]) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields if field.attname in names]


def from_columns(model, **values):
    """A `model` instance of these column values (attnames), the others deferred, as the ORM
    makes one from a row: reading a deferred column later queries the database."""
    names = _in_model_order(model, frozenset(values))
    return model.from_db(router.db_for_read(model), names, [values[name] for name in names])
