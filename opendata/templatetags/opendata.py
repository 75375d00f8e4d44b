from django import template
from django.urls import reverse

from ..catalogue import FORMAT_NAMES, download_url
from ..datasets import DATASETS
from ..exports import FORMATS

register = template.Library()


@register.inclusion_tag("opendata/partials/_downloads.html", takes_context=True)
def download_links(context, dataset_key: str, label: str = "", **fixed):
    """ "Tải xuống: CSV · XLSX · JSON" for the rows a list page shows: the links carry the
    page's filters that the dataset accepts (and that the page applied), plus `fixed` ones
    such as the programme of the page's address."""
    dataset = DATASETS[dataset_key]
    request = context.get("request")
    query = request.GET if request else {}
    fields = dataset.form().fields
    data = {**{name: query.get(name) for name in fields if query.get(name)}, **fixed}
    form = dataset.form(data)
    form.is_valid()
    params = {name: data[name] for name in fields if name in data and name not in form.errors}
    return {
        "label": label,
        "links": [(FORMAT_NAMES[fmt], download_url(dataset.key, fmt, params)) for fmt in FORMATS],
        "catalogue_url": reverse("opendata:index") + "#" + dataset.key,
    }
