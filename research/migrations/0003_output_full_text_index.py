from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

# PostgreSQL only: the expression research.search.full_text_vector("search_key") builds, so
# that search matches outputs through this index (see research.search.matching).
NAME = "research_output_search_fts"


def index():
    return GinIndex(SearchVector("search_key", config="simple"), name=NAME)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("research", "Output"), index())


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("research", "Output"), index())


class Migration(migrations.Migration):
    dependencies = [("research", "0002_search_import_demo")]

    operations = [migrations.RunPython(add_index, drop_index)]
