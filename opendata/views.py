"""Open data: the catalogue page, its DCAT description, and the downloads of each dataset."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.cache import public_page

from . import exports
from .catalogue import OAI_PATH, catalogue_entries, catalogue_jsonld
from .datasets import dataset_get
from .exports import LICENCE_NAME, LICENCE_URL


@public_page
def catalogue_page(request):
    context = {
        "entries": catalogue_entries(),
        "licence_name": LICENCE_NAME,
        "licence_url": LICENCE_URL,
        "oai_url": OAI_PATH + "?verb=Identify",
        "xlsx_limit": f"{exports.XLSX_MAX_ROWS:,}".replace(",", "."),
    }
    return render(request, "opendata/index.html", context)


@public_page
def catalogue_jsonld_view(request):
    document = catalogue_jsonld(catalogue_entries(), request.build_absolute_uri)
    return JsonResponse(document, content_type="application/ld+json", json_dumps_params={"ensure_ascii": False})


def export(request, dataset, fmt):
    dataset = dataset_get(dataset)
    form = dataset.form(request.GET)
    errors = exports.refusal(dataset, fmt, form)
    if errors:
        return _refused(request, dataset, fmt, errors)
    return exports.dataset_response(dataset, fmt, form, source=request.build_absolute_uri())


def _refused(request, dataset, fmt, errors: dict):
    """400: as JSON for a JSON download (like the API's errors), else as a page."""
    if fmt == "json":
        return JsonResponse(
            {"detail": _("Yêu cầu tải dữ liệu không hợp lệ."), "errors": errors},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    return render(request, "opendata/refused.html", {"dataset": dataset, "errors": errors}, status=400)
