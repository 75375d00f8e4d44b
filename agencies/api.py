"""Read-only API of the agency directory."""

import django_filters
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from core.api import ErrorSerializer, ValidationErrorSerializer
from core.cache import PublicCacheMixin

from .models import Agency, AgencyAlias


class AgencyRefSerializer(serializers.ModelSerializer):
    """An agency as other resources name it."""

    class Meta:
        model = Agency
        fields = ["slug", "name", "short_name"]
        read_only_fields = fields


class AgencySerializer(serializers.ModelSerializer):
    aliases = serializers.SlugRelatedField(
        slug_field="name", many=True, read_only=True, help_text="Other spellings of the name in source texts."
    )

    class Meta:
        model = Agency
        fields = ["slug", "name", "name_en", "short_name", "kind", "aliases"]
        read_only_fields = fields


class AgencyFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Agency.Kind.choices)

    class Meta:
        model = Agency
        fields = ["kind"]


@extend_schema_view(
    list=extend_schema(responses={200: AgencySerializer, 400: ValidationErrorSerializer}),
    retrieve=extend_schema(responses={200: AgencySerializer, 404: ErrorSerializer}),
)
class AgencyViewSet(PublicCacheMixin, viewsets.ReadOnlyModelViewSet):
    """Agencies (cơ quan, đơn vị) named by the programmes."""

    queryset = Agency.objects.prefetch_related(
        Prefetch("aliases", queryset=AgencyAlias.objects.order_by("name", "pk"))
    ).order_by("name", "pk")
    serializer_class = AgencySerializer
    filterset_class = AgencyFilter
    lookup_field = "slug"
