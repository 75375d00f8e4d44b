from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations, models

# PostgreSQL only: the expression research.search.full_text_vector("search_key") builds, so
# that search matches researchers through this index as it does outputs (migration 0003).
NAME = "research_researcher_search_fts"


def index():
    return GinIndex(SearchVector("search_key", config="simple"), name=NAME)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("research", "Researcher"), index())


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("research", "Researcher"), index())


class Migration(migrations.Migration):
    dependencies = [("research", "0004_updated_at")]

    operations = [
        migrations.AddIndex(
            model_name="output",
            index=models.Index(fields=["-year", "-id"], name="research_output_newest"),
        ),
        migrations.RunPython(add_index, drop_index),
    ]
