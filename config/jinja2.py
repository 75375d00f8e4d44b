"""The Jinja2 environment of the few fragments rendered with Jinja2 (docs/decisions.md,
2026-12-08): Django's gettext as `_` and the humanize number format."""

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import gettext
from jinja2 import Environment


def environment(**options) -> Environment:
    env = Environment(**options)
    env.globals.update(_=gettext, intcomma=intcomma)
    return env
