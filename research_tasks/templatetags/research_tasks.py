"""Template helpers of the S&T task pages."""

from django import template

from research_tasks.permissions import can_propose, is_task_secretariat, researcher_of

register = template.Library()


@register.simple_tag(takes_context=True)
def task_roles(context) -> dict:
    """What the signed-in user may reach in the module: the links of its sub-navigation."""
    user = context["request"].user
    researcher = researcher_of(user)
    return {
        "secretariat": is_task_secretariat(user),
        "agency": can_propose(user),
        "researcher": researcher,
    }


@register.filter
def score_of(sheet, key):
    """A criterion's score on a sheet (as stored), or "–"."""
    return sheet.scores.get(key, "–") if sheet else "–"


@register.filter
def item(mapping, key):
    return mapping.get(key) if mapping else None
