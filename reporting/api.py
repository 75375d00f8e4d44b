"""Read-only API of the reporting rounds: closed rounds only, with the figures and task
statuses they published, read from the round's frozen snapshot (never an open round's drafts,
never an agency's own submission)."""

import django_filters
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets

from core.api import ErrorSerializer, ValidationErrorSerializer
from core.cache import PublicCacheMixin

from .models import ReportingRound


class PublishedIndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    unit = serializers.CharField(allow_blank=True)
    parent = serializers.CharField(allow_null=True, help_text="Code of the parent indicator.")
    target = serializers.CharField(allow_blank=True, allow_null=True)
    target_year = serializers.IntegerField(allow_null=True)
    value = serializers.FloatField(allow_null=True, help_text="The value in force at the cut-off.")
    value_text = serializers.CharField()
    period = serializers.CharField(allow_blank=True)
    kind = serializers.CharField(allow_null=True, help_text="provisional | official")
    status = serializers.CharField(allow_null=True, help_text="Progress status (none for a context series).")
    status_label = serializers.CharField(allow_blank=True)
    source = serializers.CharField(allow_blank=True)
    source_url = serializers.CharField(allow_blank=True)


class PublishedTaskSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    title = serializers.CharField()
    leads = serializers.ListField(child=serializers.CharField(), help_text="Lead agencies.")
    status = serializers.CharField()
    status_label = serializers.CharField()
    progress = serializers.IntegerField()
    solution_group = serializers.IntegerField(allow_null=True)


class ReportingRoundSerializer(serializers.ModelSerializer):
    programme = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    kind = serializers.CharField(read_only=True, help_text="annual | half_year | quarter | mid_term | final")
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = ReportingRound
        fields = ["id", "programme", "kind", "kind_label", "year", "period_number", "title", "cutoff", "closed_at"]
        read_only_fields = fields


class ReportingRoundDetailSerializer(ReportingRoundSerializer):
    indicators = serializers.SerializerMethodField()
    key_tasks = serializers.SerializerMethodField()

    class Meta(ReportingRoundSerializer.Meta):
        fields = [*ReportingRoundSerializer.Meta.fields, "indicators", "key_tasks"]
        read_only_fields = fields

    def _snapshot(self, rnd) -> dict:
        snapshot = getattr(rnd, "snapshot", None)
        return snapshot.data if snapshot is not None else {}

    @extend_schema_field(PublishedIndicatorSerializer(many=True))
    def get_indicators(self, rnd):
        return PublishedIndicatorSerializer(self._snapshot(rnd).get("indicators", []), many=True).data

    @extend_schema_field(PublishedTaskSerializer(many=True))
    def get_key_tasks(self, rnd):
        return PublishedTaskSerializer(self._snapshot(rnd).get("tasks", []), many=True).data


class ReportingRoundFilter(django_filters.FilterSet):
    programme = django_filters.CharFilter(field_name="programme__slug", help_text="Programme slug.")
    kind = django_filters.ChoiceFilter(choices=ReportingRound.Kind.choices)

    class Meta:
        model = ReportingRound
        fields = ["programme", "kind"]


@extend_schema_view(
    list=extend_schema(responses={200: ReportingRoundSerializer, 400: ValidationErrorSerializer}),
    retrieve=extend_schema(responses={200: ReportingRoundDetailSerializer, 404: ErrorSerializer}),
)
class ReportingRoundViewSet(PublicCacheMixin, viewsets.ReadOnlyModelViewSet):
    """Closed reporting rounds (đợt báo cáo đã chốt số liệu) and what they published."""

    filterset_class = ReportingRoundFilter

    def get_queryset(self):
        rounds = ReportingRound.objects.filter(status=ReportingRound.Status.CLOSED).select_related("programme")
        if self.action == "retrieve":
            rounds = rounds.select_related("snapshot")
        return rounds.order_by("-cutoff", "-pk")

    def get_serializer_class(self):
        return ReportingRoundDetailSerializer if self.action == "retrieve" else ReportingRoundSerializer
