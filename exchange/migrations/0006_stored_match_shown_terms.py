from django.db import migrations


def forget_lists(apps, schema_editor):
    """`StoredMatch.shared` now holds the shared terms as shown, not their weights: the lists are
    computed again (on first read, or all at once with `manage.py rebuild_matches --lists-only`)."""
    apps.get_model("exchange", "StoredMatch").objects.all().delete()
    apps.get_model("exchange", "MatchList").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("exchange", "0005_stored_match_fits")]

    operations = [migrations.RunPython(forget_lists, migrations.RunPython.noop)]
