"""The rule sets shipped with the platform (research_tasks.rules.DEFAULT_RULESETS)."""

from django.db import migrations

from research_tasks.rules import DEFAULT_RULESETS, rulesets_load


def load(apps, schema_editor):
    rulesets_load(apps.get_model("research_tasks", "RuleSet"))


def unload(apps, schema_editor):
    RuleSet = apps.get_model("research_tasks", "RuleSet")
    RuleSet.objects.filter(effective_from__in=[v["effective_from"] for v in DEFAULT_RULESETS]).delete()


class Migration(migrations.Migration):
    dependencies = [("research_tasks", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
