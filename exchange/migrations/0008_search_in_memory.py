"""Search finds listings in memory (exchange.search_index): the stored full-text vector, its
trigger and GIN index (0003) go; `updated_at` gets an index, since every search reads its
latest value to know whether the index is current."""

from django.db import migrations, models

DROP = """
DROP TRIGGER IF EXISTS exchange_listing_search_vector_update ON exchange_listing;
DROP INDEX IF EXISTS exchange_listing_search_vector;
"""
RESTORE = """
UPDATE exchange_listing SET search_vector = to_tsvector('pg_catalog.simple', coalesce(search_key, ''));
CREATE INDEX exchange_listing_search_vector ON exchange_listing USING gin (search_vector);
CREATE TRIGGER exchange_listing_search_vector_update BEFORE INSERT OR UPDATE OF search_key ON exchange_listing
    FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger(search_vector, 'pg_catalog.simple', search_key);
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(RESTORE)


class Migration(migrations.Migration):
    dependencies = [("exchange", "0007_listing_mode_mask")]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.RemoveField(model_name="listing", name="search_vector"),
        migrations.AlterField(
            model_name="listing",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, db_index=True, verbose_name="cập nhật lúc"),
        ),
    ]
