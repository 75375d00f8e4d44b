"""Indicator pages: public reading; recording and assessment for those permitted."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.cache import public_page
from core.forms import call_service
from core.text import decimal_text
from programmes import selectors as programme_selectors
from programmes.permissions import can_report_for_indicator, is_secretariat, require

from . import selectors, services
from .calculations import GrowthAccounting
from .charts import detail_chart_data, sparkline_data
from .feeds import feed_get, feed_values
from .forms import (
    GrowthAccountingForm,
    MeasurementCorrectionForm,
    MeasurementForm,
    StatusOverrideForm,
    ToleranceForm,
)
from .models import Computation, Measurement


@public_page
def indicator_list(request, slug):
    programme = programme_selectors.programme_get(slug)
    summaries = selectors.programme_indicator_cards(programme)
    return render(
        request,
        "indicators/indicator_list.html",
        {
            "programme": programme,
            "summaries": summaries,
            "sparklines": {s.indicator.code: sparkline_data(s) for s in summaries},
            "has_illustrative": any(s.has_illustrative for s in summaries),
        },
    )


def _summary_or_404(programme, code):
    summary = selectors.indicator_summary(programme, code)
    if summary is None:
        raise Http404
    return summary


@public_page
def indicator_detail(request, slug, code, forms=None, correcting=None, status=None):
    programme = programme_selectors.programme_get(slug)
    summary = _summary_or_404(programme, code)
    indicator = summary.indicator
    forms = forms or {}
    can_report = can_report_for_indicator(request.user, indicator)
    can_manage = is_secretariat(request.user, programme)
    charts = {s.indicator.code: detail_chart_data(s) for s in [summary, *summary.children]}
    context = {
        "programme": programme,
        "summary": summary,
        "indicator": indicator,
        "charts": charts,
        "can_report": can_report and indicator.target_kind != "rank",
        "can_manage": can_manage,
        "formula": GrowthAccounting.FORMULA,
        "history": selectors.indicator_history(indicator),
        "measurement_form": forms.get("measurement") or MeasurementForm(indicator=indicator),
        "growth_form": forms.get("growth") or GrowthAccountingForm(initial={"year": indicator.programme.end_year}),
        "override_form": forms.get("override")
        or StatusOverrideForm(
            initial={"status": indicator.status_override, "reason": indicator.status_override_reason}
        ),
        "tolerance_form": forms.get("tolerance") or ToleranceForm(initial={"tolerance": indicator.tolerance}),
        "open_form": next(iter(forms), None),
        "correction_form": forms.get("correct"),
        "correcting": correcting,
        "feed": feed_get(indicator.feed),
        "feed_rows": feed_values(indicator.feed, programme.years) if indicator.feed else [],
    }
    status = status or (400 if forms else 200)
    return render(request, "indicators/indicator_detail.html", context, status=status)


def _indicator_for_write(request, slug, code, check):
    programme = programme_selectors.programme_get(slug)
    indicator = _summary_or_404(programme, code).indicator
    require(check(request.user, indicator))
    return indicator


def _secretariat_check(user, indicator):
    return is_secretariat(user, indicator.programme)


def _apply(request, slug, code, *, check, form_class, service, key, done):
    """The shape of every write on an indicator page: authorise, validate, call the service,
    then redirect with a message, or show the page again with the errors (HTTP 400)."""
    indicator = _indicator_for_write(request, slug, code, check)
    form = form_class(request.POST, request.FILES)
    if form.is_valid() and call_service(form, service, indicator=indicator, actor=request.user, **form.cleaned_data):
        messages.success(request, done)
        return redirect("indicators:detail", slug=slug, code=code)
    return indicator_detail(request, slug, code, forms={key: form})


@login_required
@require_POST
def measurement_create(request, slug, code):
    return _apply(
        request,
        slug,
        code,
        check=can_report_for_indicator,
        form_class=MeasurementForm,
        service=services.measurement_record,
        key="measurement",
        done=_("Đã ghi nhận số liệu."),
    )


def _growth_check(user, indicator):
    if indicator.computation != Computation.GROWTH_ACCOUNTING:
        raise Http404
    return can_report_for_indicator(user, indicator)


@login_required
@require_POST
def measurement_create_growth_accounting(request, slug, code):
    return _apply(
        request,
        slug,
        code,
        check=_growth_check,
        form_class=GrowthAccountingForm,
        service=services.measurement_record_growth_accounting,
        key="growth",
        done=_("Đã tính và ghi nhận tỷ lệ đóng góp của TFP."),
    )


@login_required
@require_POST
def status_override(request, slug, code):
    return _apply(
        request,
        slug,
        code,
        check=_secretariat_check,
        form_class=StatusOverrideForm,
        service=services.indicator_override_status,
        key="override",
        done=_("Đã cập nhật đánh giá."),
    )


@login_required
@require_POST
def tolerance_set(request, slug, code):
    return _apply(
        request,
        slug,
        code,
        check=_secretariat_check,
        form_class=ToleranceForm,
        service=services.indicator_set_tolerance,
        key="tolerance",
        done=_("Đã cập nhật dung sai."),
    )


@login_required
@require_POST
def feed_record(request, slug, code):
    """Record, as the secretariat decides, a figure another module computed for this indicator."""
    indicator = _indicator_for_write(request, slug, code, _secretariat_check)
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        raise Http404 from None
    computed = dict(feed_values(indicator.feed, [year])).get(year)
    if computed is None:
        raise Http404
    try:
        services.measurement_record(
            indicator=indicator,
            actor=request.user,
            year=year,
            value=computed.value,
            source=feed_get(indicator.feed).label,
            source_url=f"{settings.SITE_URL}{computed.url}",
            note=computed.note,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã ghi nhận số liệu tính từ cơ sở dữ liệu."))
    return redirect("indicators:detail", slug=slug, code=code)


@login_required
def measurement_correct(request, slug, code, pk):
    """Correct a recorded figure: the form (GET), or the correction with its reason (POST)."""
    programme = programme_selectors.programme_get(slug)
    indicator = _summary_or_404(programme, code).indicator
    measurement = get_object_or_404(
        Measurement.objects.select_related("indicator__programme"), pk=pk, indicator=indicator
    )
    require(services.can_correct_measurement(request.user, measurement))
    if request.method != "POST":
        form = MeasurementCorrectionForm(
            initial={"value": decimal_text(measurement.value), "source": measurement.source}
        )
        return indicator_detail(request, slug, code, forms={"correct": form}, correcting=measurement, status=200)
    form = MeasurementCorrectionForm(request.POST)
    service = services.measurement_correct
    if form.is_valid() and call_service(
        form, service, measurement=measurement, actor=request.user, **form.cleaned_data
    ):
        messages.success(request, _("Đã sửa số liệu %(period)s.") % {"period": measurement.period_label})
        return redirect("indicators:detail", slug=slug, code=code)
    return indicator_detail(request, slug, code, forms={"correct": form}, correcting=measurement)
