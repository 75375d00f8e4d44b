from django import forms, template
from django.urls import reverse

from ..catalogue import FORMAT_NAMES, download_url
from ..datasets import DATASETS
from ..exports import FORMATS

register = template.Library()


def _params(dataset, query, fixed: dict) -> dict:
    """The page's filters that the dataset accepts and that the page applied (a value the
    page ignored as invalid is left out), plus the fixed ones, in the form's order. Values
    naming rows (programme, agency) are not looked up: the page costs no extra query, and
    the download itself refuses an unknown one."""
    params = {}
    for name, field in dataset.form().fields.items():
        value = fixed.get(name) or query.get(name)
        if not value:
            continue
        if not isinstance(field, forms.ModelChoiceField):
            try:
                field.clean(value)
            except forms.ValidationError:
                continue
        params[name] = value
    return params


@register.inclusion_tag("opendata/partials/_downloads.html", takes_context=True)
def download_links(context, *datasets, **fixed):
    """ "Tải xuống: CSV · XLSX · JSON" for the rows of a list page, one group per dataset:
    `{% download_links "indicators" _("chỉ tiêu") "measurements" _("giá trị đo") programme=programme.slug %}`
    (keys, each optionally followed by a label; `fixed` filters such as the programme of the
    page's address are added to the page's own)."""
    request = context.get("request")
    query = request.GET if request else {}
    groups, args = [], list(datasets)
    while args:
        dataset = DATASETS[args.pop(0)]
        label = args.pop(0) if args and args[0] not in DATASETS else ""
        params = _params(dataset, query, fixed)
        links = [(FORMAT_NAMES[fmt], download_url(dataset.key, fmt, params)) for fmt in FORMATS]
        groups.append((label, links))
    return {"groups": groups, "catalogue_url": reverse("opendata:index") + "#" + datasets[0]}
