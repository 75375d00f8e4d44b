"""A stored full-text vector of the folded search key (PostgreSQL), kept by a trigger, with a
GIN index: matching no longer recomputes to_tsvector for every candidate row. It replaces the
expression index of 0002."""

import django.contrib.postgres.search
from django.db import migrations

FORWARD = """
DROP INDEX IF EXISTS exchange_listing_search_fts;
UPDATE exchange_listing SET search_vector = to_tsvector('pg_catalog.simple', coalesce(search_key, ''));
CREATE INDEX exchange_listing_search_vector ON exchange_listing USING gin (search_vector);
CREATE TRIGGER exchange_listing_search_vector_update BEFORE INSERT OR UPDATE OF search_key ON exchange_listing
    FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger(search_vector, 'pg_catalog.simple', search_key);
"""
BACKWARD = """
DROP TRIGGER IF EXISTS exchange_listing_search_vector_update ON exchange_listing;
DROP INDEX IF EXISTS exchange_listing_search_vector;
CREATE INDEX exchange_listing_search_fts ON exchange_listing
    USING gin (to_tsvector('simple'::regconfig, COALESCE(search_key, ''::text)));
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("exchange", "0002_reference_data")]

    operations = [
        migrations.AddField(
            model_name="listing",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(forward, backward),
    ]
