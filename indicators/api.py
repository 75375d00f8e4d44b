"""API of the indicators domain: indicators with their status and measurements, and
recording a measurement.

Reads are open to everyone. Recording goes through `indicators.services.measurement_record`
(or `measurement_record_growth_accounting`) and is refused unless `can_report_for_indicator`.
"""

from decimal import Decimal

import django_filters
from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.response import Response

from core.api import ErrorSerializer, OptionalURLField, UploadField, ValidationErrorSerializer
from core.cache import PublicCacheMixin
from programmes.permissions import can_report_for_indicator

from .models import Frequency, Indicator, Measurement, ProgressStatus
from .selectors import IndicatorSummary, summarise_indicators, with_recent_data
from .services import measurement_record, measurement_record_growth_accounting, parse_decimal

# Status ----------------------------------------------------------------------------------


def summaries_by_pk(indicators) -> dict[int, IndicatorSummary]:
    """The summary (status, value in use) of each indicator and of its children, by primary key.

    Reads only the prefetched `measurements` and `children` (with their `measurements`), so a
    rank target is summarised from all its parts even when they are not in `indicators`.
    """
    pool = {}
    for indicator in indicators:
        pool.setdefault(indicator.pk, indicator)
        for child in indicator.children.all():
            pool.setdefault(child.pk, child)
    found = {}

    def collect(summary):
        found[summary.indicator.pk] = summary
        for child in summary.children:
            collect(child)

    for root in summarise_indicators(pool.values()):
        collect(root)
    return found


# Serializers -----------------------------------------------------------------------------


class NumberField(serializers.DecimalField):
    """A decimal given in JSON as a number rather than a string."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("coerce_to_string", False)
        super().__init__(*args, **kwargs)


@extend_schema_field(
    {
        "oneOf": [{"type": "number"}, {"type": "string", "example": "7,5"}],
        "description": 'A number; a string may use a decimal comma ("7,5").',
    }
)
class InputNumberField(serializers.DecimalField):
    """A number as a user types it: 7.5, "7.5" or "7,5" (see `services.parse_decimal`)."""

    def to_internal_value(self, data):
        if isinstance(data, str) and not data.strip() and self.allow_null:
            return None  # an empty form field
        if isinstance(data, bool) or not isinstance(data, (int, float, str, Decimal)):
            self.fail("invalid")
        try:
            number = parse_decimal(data, self.field_name)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from None
        super().to_internal_value(number)  # the bounds: digits and decimal places
        return number


class _NumbersModelSerializer(serializers.ModelSerializer):
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        **{
            model_field: NumberField
            for model_field, field in serializers.ModelSerializer.serializer_field_mapping.items()
            if field is serializers.DecimalField
        },
    }


class NestedMeasurementSerializer(_NumbersModelSerializer):
    period = serializers.CharField(source="period_label", read_only=True, help_text='E.g. "2023", "Q2/2024".')
    inputs = serializers.DictField(
        child=serializers.CharField(),
        read_only=True,
        help_text="Inputs the value was computed from (growth accounting), as decimal strings.",
    )
    evidence = serializers.FileField(read_only=True, allow_null=True, help_text="URL of the evidence file.")
    source_url = OptionalURLField()

    class Meta:
        model = Measurement
        fields = [
            "id",
            "year",
            "period_kind",
            "period_number",
            "period",
            "kind",
            "value",
            "published_on",
            "source",
            "source_url",
            "source_excerpt",
            "note",
            "is_illustrative",
            "inputs",
            "evidence",
        ]
        read_only_fields = fields


class MeasurementSerializer(NestedMeasurementSerializer):
    indicator_code = serializers.CharField(source="indicator.code", read_only=True)
    programme = serializers.CharField(source="indicator.programme.slug", read_only=True, help_text="Programme slug.")

    class Meta(NestedMeasurementSerializer.Meta):
        fields = ["id", "indicator", "indicator_code", "programme", *NestedMeasurementSerializer.Meta.fields[1:]]
        read_only_fields = fields


GROWTH_INPUTS = ("grdp_growth", "capital_growth", "labour_growth", "capital_share")


class MeasurementCreateSerializer(serializers.Serializer):
    """One figure for one period: give `value`, or, for an indicator computed by growth
    accounting, the four inputs `grdp_growth`, `capital_growth`, `labour_growth`, `capital_share`.
    Send multipart/form-data to attach an evidence file."""

    indicator = serializers.PrimaryKeyRelatedField(queryset=Indicator.objects.select_related("programme"))
    year = serializers.IntegerField(min_value=1, max_value=9999)
    period_kind = serializers.ChoiceField(choices=Frequency.choices, required=False)
    period_number = serializers.IntegerField(
        min_value=0, max_value=12, required=False, help_text="0 for a year; else the half, quarter or month."
    )
    kind = serializers.ChoiceField(choices=Measurement.Kind.choices, required=False)
    value = InputNumberField(max_digits=14, decimal_places=4, required=False, allow_null=True)
    grdp_growth = InputNumberField(max_digits=12, decimal_places=6, required=False, allow_null=True)
    capital_growth = InputNumberField(max_digits=12, decimal_places=6, required=False, allow_null=True)
    labour_growth = InputNumberField(max_digits=12, decimal_places=6, required=False, allow_null=True)
    capital_share = InputNumberField(max_digits=12, decimal_places=6, required=False, allow_null=True)
    published_on = serializers.DateField(required=False, allow_null=True)
    source = serializers.CharField(max_length=500)
    source_url = serializers.URLField(max_length=500, required=False, allow_blank=True)
    source_excerpt = serializers.CharField(required=False, allow_blank=True)
    note = serializers.CharField(required=False, allow_blank=True)
    evidence = UploadField(required=False, help_text="Evidence file (PDF, Office document or image).")

    def validate_indicator(self, indicator):
        # Checked here, before any other field, so that a reporter who may not report for
        # this indicator is refused (403) whatever else the body holds.
        if not can_report_for_indicator(self.context["request"].user, indicator):
            raise exceptions.PermissionDenied
        return indicator

    def validate(self, attrs):
        given = [name for name in GROWTH_INPUTS if attrs.get(name) is not None]
        if given and attrs.get("value") is not None:
            raise serializers.ValidationError(
                {"value": _("Nhập giá trị hoặc các số liệu hạch toán tăng trưởng, không nhập cả hai.")}
            )
        if given:
            missing = [name for name in GROWTH_INPUTS if name not in given]
            if missing:
                raise serializers.ValidationError({name: _("Cần nhập số liệu này.") for name in missing})
        elif attrs.get("value") is None:
            raise serializers.ValidationError({"value": _("Cần nhập giá trị.")})
        return {name: value for name, value in attrs.items() if value is not None}


class IndicatorSerializer(_NumbersModelSerializer):
    programme = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    parent = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True, help_text="Code of the parent indicator."
    )
    responsible_agency = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    status = serializers.SerializerMethodField(
        help_text="Progress towards the target (the secretariat's assessment when it has set one)."
    )
    latest_value = serializers.SerializerMethodField(
        help_text="Value of the latest period; the official figure when there is one."
    )
    measurements = NestedMeasurementSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id",
            "programme",
            "code",
            "parent",
            "name",
            "name_en",
            "source_text",
            "unit",
            "direction",
            "target_kind",
            "target_value",
            "target_upper",
            "target_strict",
            "tolerance",
            "target_year",
            "baseline_value",
            "baseline_year",
            "baseline_label",
            "baseline_source",
            "data_source",
            "responsible_agency",
            "frequency",
            "computation",
            "min_value",
            "max_value",
            "status",
            "latest_value",
            "measurements",
        ]
        read_only_fields = fields

    def _summary(self, indicator) -> IndicatorSummary:
        summaries = self.context.get("summaries") or {}
        return summaries.get(indicator.pk) or summaries_by_pk([indicator])[indicator.pk]

    @extend_schema_field(serializers.ChoiceField(choices=ProgressStatus.choices))
    def get_status(self, indicator):
        return self._summary(indicator).status

    @extend_schema_field(NumberField(max_digits=14, decimal_places=4, allow_null=True))
    def get_latest_value(self, indicator):
        latest = self._summary(indicator).latest
        return None if latest is None else latest.value


class IndicatorListSerializer(IndicatorSerializer):
    """An indicator in a list: its definition, status and latest value; the full series of
    measurements is on the indicator itself (`/indicators/{id}/`) and in `/measurements/`."""

    measurements = None  # not in lists
    latest_period = serializers.SerializerMethodField(help_text='Period of the latest value, e.g. "2024".')

    class Meta(IndicatorSerializer.Meta):
        fields = [f for f in IndicatorSerializer.Meta.fields if f != "measurements"] + ["latest_period"]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_latest_period(self, indicator):
        latest = self._summary(indicator).latest
        return None if latest is None else latest.label


# Filters ---------------------------------------------------------------------------------


@extend_schema_field(OpenApiTypes.INT)
class IntegerFilter(django_filters.NumberFilter):
    """A whole number that every database can compare (larger ones are a bad request)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", -(2**63))
        kwargs.setdefault("max_value", 2**63 - 1)
        super().__init__(*args, **kwargs)


class IndicatorFilter(django_filters.FilterSet):
    programme = django_filters.CharFilter(field_name="programme__slug", help_text="Programme slug.")
    code = django_filters.CharFilter(help_text="Indicator code, e.g. CT1.")
    parent = django_filters.CharFilter(field_name="parent__code", help_text="Code of the parent indicator.")
    responsible_agency = django_filters.CharFilter(
        field_name="responsible_agency__slug", help_text="Slug of the responsible agency."
    )

    class Meta:
        model = Indicator
        fields = ["programme", "code", "parent", "responsible_agency"]


class MeasurementFilter(django_filters.FilterSet):
    indicator = IntegerFilter(field_name="indicator_id", help_text="Indicator id.")
    programme = django_filters.CharFilter(field_name="indicator__programme__slug", help_text="Programme slug.")
    year = IntegerFilter()

    class Meta:
        model = Measurement
        fields = ["indicator", "programme", "year"]


# Views -----------------------------------------------------------------------------------


def _measurements():
    return Measurement.objects.order_by("year", "period_kind", "period_number", "kind", "pk")


@extend_schema_view(
    list=extend_schema(responses={200: IndicatorListSerializer, 400: ValidationErrorSerializer}),
    retrieve=extend_schema(responses={200: IndicatorSerializer, 404: ErrorSerializer}),
)
class IndicatorViewSet(PublicCacheMixin, viewsets.ReadOnlyModelViewSet):
    """Indicators (chỉ tiêu) with their targets, progress status and measurements."""

    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilter

    def get_serializer_class(self):
        return IndicatorListSerializer if self.action == "list" else IndicatorSerializer

    def get_queryset(self):
        base = Indicator.objects.select_related("programme", "parent", "responsible_agency").order_by(
            "programme__slug", "order", "code", "pk"
        )
        if self.action == "list":
            # A list shows the status and latest value: the latest period is enough.
            children = with_recent_data(Indicator.objects.order_by("order", "code", "pk"), periods=1)
            return with_recent_data(base, periods=1).prefetch_related(Prefetch("children", queryset=children))
        return base.prefetch_related(
            Prefetch("measurements", queryset=_measurements()),
            Prefetch(
                "children",
                queryset=Indicator.objects.order_by("order", "code", "pk").prefetch_related(
                    Prefetch("measurements", queryset=_measurements())
                ),
            ),
        ).order_by("programme__slug", "order", "code", "pk")

    def get_serializer(self, instance=None, *args, **kwargs):
        if instance is not None and "context" not in kwargs:
            objects = instance if kwargs.get("many") else [instance]
            kwargs["context"] = {**self.get_serializer_context(), "summaries": summaries_by_pk(objects)}
        return super().get_serializer(instance, *args, **kwargs)


@extend_schema_view(
    list=extend_schema(responses={200: MeasurementSerializer, 400: ValidationErrorSerializer}),
    retrieve=extend_schema(responses={200: MeasurementSerializer, 404: ErrorSerializer}),
    create=extend_schema(
        summary="Record a measurement",
        description=(
            "Allowed to the programme's secretariat and to reporters of the agency responsible for "
            "the indicator. A period holds at most one provisional and one official figure."
        ),
        request=MeasurementCreateSerializer,
        responses={
            201: MeasurementSerializer,
            400: ValidationErrorSerializer,
            401: ErrorSerializer,
            403: ErrorSerializer,
        },
    ),
)
class MeasurementViewSet(
    PublicCacheMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """Measurements (giá trị đo) of the indicators."""

    queryset = Measurement.objects.select_related("indicator__programme").order_by(
        "indicator__programme__slug",
        "indicator__order",
        "indicator__code",
        "year",
        "period_kind",
        "period_number",
        "kind",
        "pk",
    )
    filterset_class = MeasurementFilter

    def get_serializer_class(self):
        return MeasurementCreateSerializer if self.action == "create" else MeasurementSerializer

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        indicator = fields.pop("indicator")
        growth = {name: fields.pop(name) for name in GROWTH_INPUTS if name in fields}
        if growth:
            measurement = measurement_record_growth_accounting(
                indicator=indicator, actor=request.user, **growth, **fields
            )
        else:
            measurement = measurement_record(indicator=indicator, actor=request.user, **fields)
        data = MeasurementSerializer(measurement, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_201_CREATED)
