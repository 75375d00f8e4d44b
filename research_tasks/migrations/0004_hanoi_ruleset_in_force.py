"""QĐ 05/2021/QĐ-UBND came into force on 11/04/2021, not 01/03/2021 as first shipped; the
citations name the texts' dates. A rule set the secretariat has edited keeps its edits."""

from django.db import migrations

from research_tasks.rules import DEFAULT_RULESETS, HANOI_2021_FIRST_SHIPPED, HANOI_2021_IN_FORCE

OLD_CITATIONS = {
    "Luật KH&CN 2013, Điều 37; Thông tư 08/2017/TT-BKHCN": 0,
    "QĐ 05/2021/QĐ-UBND; Luật KH&CN 2013, Điều 37": 1,
}


def forward(apps, schema_editor):
    RuleSet = apps.get_model("research_tasks", "RuleSet")
    if not RuleSet.objects.filter(effective_from=HANOI_2021_IN_FORCE).exists():
        RuleSet.objects.filter(effective_from=HANOI_2021_FIRST_SHIPPED).update(effective_from=HANOI_2021_IN_FORCE)
    for old, index in OLD_CITATIONS.items():
        RuleSet.objects.filter(citation=old).update(citation=DEFAULT_RULESETS[index]["citation"])


def backward(apps, schema_editor):
    RuleSet = apps.get_model("research_tasks", "RuleSet")
    if not RuleSet.objects.filter(effective_from=HANOI_2021_FIRST_SHIPPED).exists():
        RuleSet.objects.filter(effective_from=HANOI_2021_IN_FORCE).update(effective_from=HANOI_2021_FIRST_SHIPPED)
    for old, index in OLD_CITATIONS.items():
        RuleSet.objects.filter(citation=DEFAULT_RULESETS[index]["citation"]).update(citation=old)


class Migration(migrations.Migration):
    dependencies = [("research_tasks", "0003_updated_at")]

    operations = [migrations.RunPython(forward, backward)]
