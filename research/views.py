"""Pages of the research database: public search and profiles; profile editing and
publication import for those permitted."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.cache import public_page
from core.forms import call_service

from . import selectors, services
from .forms import ImportForm, ResearcherForm, SearchForm
from .importers import MAX_BYTES
from .models import Organisation, Output
from .permissions import can_edit_researcher, require
from .search import Filters, search

PREVIEW_ROWS = 300


@public_page
def search_page(request):
    form = SearchForm(request.GET or None)
    if request.GET and not form.is_valid():
        return render(request, "research/search.html", {"form": form, "kinds": Output.Kind.choices}, status=400)
    data = form.cleaned_data if request.GET else {}
    filters = Filters(kind=data.get("kind") or "", year=data.get("year"), organisation=data.get("organisation") or "")
    results = search(data.get("q"), filters=filters, page=data.get("page") or 1)
    own, any_organisation = services.import_scope(request.user)
    context = {"form": form, "results": results, "can_import": bool(own or any_organisation), **_links(data, results)}
    return render(request, "research/search.html", context)


def _links(data, results) -> dict:
    """Links that set or clear one facet, or turn the page, keeping the rest of the search."""
    params = {key: data[key] for key in ("q", "kind", "year", "organisation") if data.get(key)}

    def href(**changes):
        merged = {**params, **changes}
        return "?" + urlencode({k: v for k, v in merged.items() if v not in ("", None)})

    def facet(name, rows):
        return [(label, n, href(**{name: value}), str(params.get(name, "")) == str(value)) for value, label, n in rows]

    return {
        "kind_links": facet("kind", results.kinds),
        "year_links": facet("year", [(year, year, n) for year, n in results.years]),
        "organisation_links": facet("organisation", results.organisations),
        "clear": {name: href(**{name: ""}) for name in params if name != "q"},
        "previous_page": href(page=results.page - 1) if results.page > 1 else None,
        "next_page": href(page=results.page + 1) if results.page < results.pages else None,
    }


@public_page
def researcher_detail(request, pk):
    profile = selectors.researcher_profile(pk)
    can_edit = can_edit_researcher(request.user, profile.researcher)
    return render(request, "research/researcher_detail.html", {"profile": profile, "can_edit": can_edit})


@login_required
def researcher_edit(request, pk):
    researcher = selectors.researcher_profile(pk).researcher
    require(can_edit_researcher(request.user, researcher))
    initial = {f: getattr(researcher, f) for f in ("full_name", "title", "orcid", "organisation", "field")}
    form = ResearcherForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid() and call_service(
            form, services.researcher_update, researcher=researcher, actor=request.user, **form.cleaned_data
        ):
            messages.success(request, _("Đã cập nhật hồ sơ."))
            return redirect("research:researcher", pk=researcher.pk)
        return render(request, "research/researcher_form.html", {"form": form, "researcher": researcher}, status=400)
    return render(request, "research/researcher_form.html", {"form": form, "researcher": researcher})


@public_page
def organisation_detail(request, slug):
    return render(request, "research/organisation_detail.html", {"page": selectors.organisation_page(slug)})


@public_page
def output_detail(request, pk):
    return render(request, "research/output_detail.html", {"output": selectors.output_detail(pk)})


# Import -------------------------------------------------------------------------------------


@login_required
def import_upload(request):
    own, any_organisation = services.import_scope(request.user)
    require(bool(own or any_organisation))
    form = ImportForm(request.POST or None, request.FILES or None, any_organisation=any_organisation)
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            batch = call_service(
                form,
                services.import_batch_preview,
                actor=request.user,
                data=upload.read(MAX_BYTES + 1),
                filename=upload.name,
                format=form.cleaned_data["format"],
                organisation=form.cleaned_data.get("organisation"),
            )
            if batch:
                return redirect("research:import-preview", pk=batch.pk)
        return render(request, "research/import_form.html", {"form": form, "own": own}, status=400)
    return render(request, "research/import_form.html", {"form": form, "own": own})


def _own_batch(request, pk):
    batch = selectors.import_batch_get(pk)
    require(batch.created_by_id == request.user.pk)
    return batch


@login_required
def import_preview(request, pk, error=None):
    batch = _own_batch(request, pk)
    labels = dict(Output.Kind.choices)
    entries = [
        {**entry, "kind_label": labels.get(entry["kind"], entry["kind"])} for entry in batch.payload.get("entries", [])
    ]
    context = {
        "batch": batch,
        "counts": batch.payload.get("counts", {}),
        "new": [e for e in entries if not e["duplicate"]][:PREVIEW_ROWS],
        "duplicates": [e for e in entries if e["duplicate"]][:PREVIEW_ROWS],
        "rejected": batch.payload.get("rejected", [])[:PREVIEW_ROWS],
        "limit": PREVIEW_ROWS,
        "error": error,
    }
    return render(request, "research/import_preview.html", context, status=400 if error else 200)


@login_required
@require_POST
def import_confirm(request, pk):
    batch = _own_batch(request, pk)
    try:
        batch = services.import_batch_confirm(batch=batch, actor=request.user)
    except ValidationError as exc:
        return import_preview(request, pk, error=" ".join(exc.messages))
    messages.success(request, _("Đã nhập %(count)s kết quả nghiên cứu.") % {"count": batch.created_count})
    if batch.researcher_id:
        return redirect("research:researcher", pk=batch.researcher_id)
    return redirect("research:organisation", slug=Organisation.objects.get(pk=batch.organisation_id).slug)


@login_required
@require_POST
def import_cancel(request, pk):
    batch = _own_batch(request, pk)
    try:
        services.import_batch_cancel(batch=batch, actor=request.user)
    except ValidationError as exc:
        return import_preview(request, pk, error=" ".join(exc.messages))
    messages.success(request, _("Đã hủy lượt nhập; không có gì được ghi."))
    return redirect("research:import")
