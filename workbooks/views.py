"""Excel import pages: download the agency's template, upload it, preview, confirm or cancel."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agencies.models import Agency
from core.forms import call_service
from programmes import selectors as programme_selectors
from programmes.permissions import is_secretariat, require

from . import selectors, services
from .forms import UploadForm
from .permissions import can_import_for
from .previews import preview_context
from .sheets import XLSX_CONTENT_TYPE
from .template import agency_template


def _programme_and_agency(request, slug, agency_slug):
    programme = programme_selectors.programme_get(slug)
    agency = get_object_or_404(Agency, slug=agency_slug)
    require(can_import_for(request.user, programme, agency))
    return programme, agency


@login_required
def start(request, agency_slug=None):
    """The current programme's import page for the user's agency (or the one named)."""
    programme = programme_selectors.programme_current()
    if programme is None:
        raise Http404
    agency_slug = agency_slug or (request.user.agency.slug if request.user.agency_id else None)
    if agency_slug is None:
        return redirect("workbooks:agencies", slug=programme.slug)
    return redirect("workbooks:upload", slug=programme.slug, agency_slug=agency_slug)


@login_required
def agency_choice(request, slug):
    """The secretariat picks the agency it acts for."""
    programme = programme_selectors.programme_get(slug)
    require(is_secretariat(request.user, programme))
    agencies = Agency.objects.filter(indicators__programme=programme) | Agency.objects.filter(
        led_tasks__programme=programme
    )
    return render(
        request,
        "workbooks/agency_choice.html",
        {"programme": programme, "agencies": agencies.distinct().order_by("name")},
    )


@login_required
def template_download(request, slug, agency_slug):
    programme, agency = _programme_and_agency(request, slug, agency_slug)
    response = HttpResponse(agency_template(programme=programme, agency=agency), content_type=XLSX_CONTENT_TYPE)
    filename = f"mau-bao-cao-{slugify(programme.code)}-{agency.slug}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def upload(request, slug, agency_slug):
    programme, agency = _programme_and_agency(request, slug, agency_slug)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        batch = call_service(
            form,
            services.import_batch_preview,
            programme=programme,
            agency=agency,
            actor=request.user,
            data=file.read(settings.WORKBOOK_MAX_BYTES + 1),
            filename=file.name,
        )
        if batch:
            return redirect("workbooks:preview", pk=batch.pk)
    context = {
        "programme": programme,
        "agency": agency,
        "form": form,
        "batches": selectors.import_batches_of(request.user, programme, agency),
        "max_bytes": settings.WORKBOOK_MAX_BYTES,
    }
    return render(request, "workbooks/upload.html", context, status=400 if form.errors else 200)


def _own_batch(request, pk):
    batch = selectors.import_batch_get(pk)
    require(batch.uploaded_by_id == request.user.pk)
    return batch


@login_required
def preview(request, pk, error=None):
    batch = _own_batch(request, pk)
    return render(request, "workbooks/preview.html", preview_context(batch, error), status=400 if error else 200)


def _act(request, pk, service, done: str, next_page):
    """Confirm or cancel one's own upload; a refusal shows the preview again with the reason."""
    batch = _own_batch(request, pk)
    try:
        service(batch=batch, actor=request.user)
    except ValidationError as exc:
        return preview(request, pk, error=" ".join(exc.messages))
    messages.success(request, done % {"count": len(batch.changes)})
    return next_page(batch)


@login_required
@require_POST
def confirm(request, pk):
    done = _("Đã nhập %(count)s thay đổi từ tệp Excel.")
    return _act(request, pk, services.import_batch_confirm, done, lambda b: redirect("workbooks:preview", pk=b.pk))


@login_required
@require_POST
def cancel(request, pk):
    def back(batch):
        return redirect("workbooks:upload", slug=batch.programme.slug, agency_slug=batch.agency.slug)

    return _act(request, pk, services.import_batch_cancel, _("Đã hủy lượt nhập; không có gì được ghi."), back)
