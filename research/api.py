"""API of the research database: organisations, researchers and outputs.

Reads are open to everyone, with filters and `q` (the search of `research.search`: accents
and case aside, best match first). Writes need a signed-in user (token): a researcher edits
their own profile and adds or edits outputs they are an author of; staff edit everything.
Writes go through `research.services`.
"""

import django_filters
from django import forms
from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from core.api import ErrorSerializer, OptionalURLField, ValidationErrorSerializer
from core.cache import PublicCacheMixin

from . import services
from .models import Authorship, Organisation, Output, Researcher
from .permissions import can_edit_output, can_edit_researcher, require
from .search import ranked
from .validators import normalise_doi, normalise_orcid, validate_doi, validate_orcid

# Serializers -----------------------------------------------------------------------------


class OrganisationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "slug", "name", "name_en", "short_name", "kind", "in_hanoi", "is_demo"]
        read_only_fields = fields


class ResearcherSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True, help_text="Slug of the organisation."
    )

    class Meta:
        model = Researcher
        fields = ["id", "full_name", "title", "orcid", "organisation", "field", "is_demo"]
        read_only_fields = fields


class OrcidField(serializers.CharField):
    """An ORCID iD; a https://orcid.org/ link is accepted. The last character is a checksum."""

    def to_internal_value(self, data):
        value = normalise_orcid(super().to_internal_value(data))
        if value:
            validate_orcid(value)
        return value or None


class DoiField(serializers.CharField):
    """A DOI such as 10.1234/abc; a https://doi.org/ link is accepted."""

    def to_internal_value(self, data):
        value = normalise_doi(super().to_internal_value(data))
        if value:
            validate_doi(value)
        return value or None


class ResearcherUpdateSerializer(serializers.Serializer):
    """A researcher's profile as its owner edits it (PUT: every field; PATCH: some)."""

    full_name = serializers.CharField(max_length=200)
    title = serializers.CharField(max_length=100, required=False, allow_blank=True)
    orcid = OrcidField(max_length=60, required=False, allow_blank=True, allow_null=True)
    organisation = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organisation.objects.all(), required=False, allow_null=True
    )
    field = serializers.CharField(max_length=200, required=False, allow_blank=True)


class AuthorSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(source="researcher.id", read_only=True, help_text="Researcher id.")
    full_name = serializers.CharField(source="researcher.full_name", read_only=True)

    class Meta:
        model = Authorship
        fields = ["id", "full_name", "position"]
        read_only_fields = fields


class OutputSerializer(serializers.ModelSerializer):
    researchers = AuthorSerializer(
        source="authorships", many=True, read_only=True, help_text="Authors who have a researcher profile."
    )
    organisations = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    url = OptionalURLField()

    class Meta:
        model = Output
        fields = [
            "id",
            "kind",
            "title",
            "year",
            "venue",
            "doi",
            "patent_number",
            "is_international",
            "abstract",
            "url",
            "authors_text",
            "researchers",
            "organisations",
            "is_demo",
            "created_at",
        ]
        read_only_fields = fields


# The read serializer names the enum (OutputKindEnum); the write one refers to it, so that one
# choice set is not named twice.
@extend_schema_field({"$ref": "#/components/schemas/OutputKindEnum"})
class OutputKindField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=Output.Kind.choices, **kwargs)


class OutputWriteSerializer(serializers.Serializer):
    """An output as its author or staff writes it. `researchers` lists the ids of the authors
    who have a profile, in order; a researcher adding an output is added to it. `organisations`
    (slugs) defaults to the authors' organisations."""

    kind = OutputKindField()
    title = serializers.CharField(max_length=2000)
    year = serializers.IntegerField(min_value=1900, max_value=2200)
    venue = serializers.CharField(max_length=500, required=False, allow_blank=True)
    doi = DoiField(max_length=200, required=False, allow_blank=True, allow_null=True)
    patent_number = serializers.CharField(max_length=100, required=False, allow_blank=True)
    is_international = serializers.BooleanField(required=False)
    abstract = serializers.CharField(required=False, allow_blank=True)
    url = serializers.URLField(max_length=500, required=False, allow_blank=True)
    authors_text = serializers.CharField(
        required=False, allow_blank=True, help_text='Authors as printed, "; " between.'
    )
    researchers = serializers.PrimaryKeyRelatedField(queryset=Researcher.objects.all(), many=True, required=False)
    organisations = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organisation.objects.all(), many=True, required=False
    )


# Filters ---------------------------------------------------------------------------------


@extend_schema_field(OpenApiTypes.INT)
class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", 2**63 - 1)
        super().__init__(*args, **kwargs)


class SearchFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search", help_text="Words to find, accents and case aside; results come best match first."
    )
    search_options: dict = {}

    def search(self, queryset, name, value):
        return ranked(queryset, value, **self.search_options)


class OrganisationFilter(SearchFilterSet):
    class Meta:
        model = Organisation
        fields = ["q", "kind", "in_hanoi"]


class ResearcherFilter(SearchFilterSet):
    organisation = django_filters.CharFilter(field_name="organisation__slug", help_text="Organisation slug.")
    orcid = django_filters.CharFilter(help_text="ORCID iD, e.g. 0000-0002-1825-0097.")

    class Meta:
        model = Researcher
        fields = ["q", "organisation", "orcid"]


class OutputFilter(SearchFilterSet):
    search_options = {"title": "title_key", "recency": "year"}
    year = IntegerFilter()
    year_from = IntegerFilter(field_name="year", lookup_expr="gte")
    year_to = IntegerFilter(field_name="year", lookup_expr="lte")
    organisation = django_filters.CharFilter(field_name="organisations__slug", help_text="Organisation slug.")
    researcher = IntegerFilter(field_name="authorships__researcher_id", help_text="Researcher id.")
    doi = django_filters.CharFilter(method="by_doi", help_text="DOI (a https://doi.org/ link is accepted).")

    class Meta:
        model = Output
        fields = ["q", "kind", "year", "year_from", "year_to", "organisation", "researcher", "doi", "is_international"]

    def by_doi(self, queryset, name, value):
        return queryset.filter(doi=normalise_doi(value))


# Views -----------------------------------------------------------------------------------

_WRITE_ERRORS = {400: ValidationErrorSerializer, 401: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer}


@extend_schema_view(
    list=extend_schema(responses={200: OrganisationSerializer, 400: ValidationErrorSerializer}),
    retrieve=extend_schema(responses={200: OrganisationSerializer, 404: ErrorSerializer}),
)
class OrganisationViewSet(PublicCacheMixin, viewsets.ReadOnlyModelViewSet):
    """Organisations (tổ chức KH&CN): universities, institutes, enterprises that do research."""

    queryset = Organisation.objects.order_by("name", "pk")
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter
    lookup_field = "slug"


@extend_schema_view(
    list=extend_schema(responses={200: ResearcherSerializer, 400: ValidationErrorSerializer}),
    retrieve=extend_schema(responses={200: ResearcherSerializer, 404: ErrorSerializer}),
    update=extend_schema(
        summary="Update a researcher profile",
        description="Allowed to the researcher themself and to staff. The ORCID iD's checksum is verified.",
        request=ResearcherUpdateSerializer,
        responses={200: ResearcherSerializer, **_WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Update part of a researcher profile",
        request=ResearcherUpdateSerializer,
        responses={200: ResearcherSerializer, **_WRITE_ERRORS},
    ),
)
class ResearcherViewSet(
    PublicCacheMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet
):
    """Researchers (nhà khoa học) with their organisation and ORCID iD."""

    queryset = Researcher.objects.select_related("organisation").order_by("full_name", "pk")
    serializer_class = ResearcherSerializer
    filterset_class = ResearcherFilter

    def update(self, request, *args, **kwargs):
        researcher = self.get_object()
        require(can_edit_researcher(request.user, researcher))
        partial = kwargs.get("partial", False)
        serializer = ResearcherUpdateSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        current = {f: getattr(researcher, f) for f in ("full_name", "title", "orcid", "organisation", "field")}
        researcher = services.researcher_update(
            researcher=researcher, actor=request.user, **{**current, **serializer.validated_data}
        )
        return Response(ResearcherSerializer(researcher).data)


@extend_schema_view(
    list=extend_schema(responses={200: OutputSerializer, 400: ValidationErrorSerializer}),
    retrieve=extend_schema(responses={200: OutputSerializer, 404: ErrorSerializer}),
    create=extend_schema(
        summary="Add an output",
        description="Allowed to a user with a researcher profile (who becomes an author) and to staff.",
        request=OutputWriteSerializer,
        responses={201: OutputSerializer, 400: ValidationErrorSerializer, 401: ErrorSerializer, 403: ErrorSerializer},
    ),
    update=extend_schema(
        summary="Change an output",
        description="Allowed to its authors (researchers linked to it) and to staff.",
        request=OutputWriteSerializer,
        responses={200: OutputSerializer, **_WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Change part of an output",
        request=OutputWriteSerializer,
        responses={200: OutputSerializer, **_WRITE_ERRORS},
    ),
)
class OutputViewSet(
    PublicCacheMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Research outputs (kết quả nghiên cứu): publications, patents, utility solutions, software..."""

    serializer_class = OutputSerializer
    filterset_class = OutputFilter

    def get_queryset(self):
        return (
            Output.objects.defer("search_key", "title_key", "dedupe_key")
            .prefetch_related(
                Prefetch("authorships", queryset=Authorship.objects.select_related("researcher").order_by("position")),
                "organisations",
            )
            .order_by("-year", "-pk")
        )

    def _respond(self, output, code):
        output = self.get_queryset().get(pk=output.pk)
        return Response(OutputSerializer(output, context=self.get_serializer_context()).data, status=code)

    def create(self, request, *args, **kwargs):
        own = Researcher.objects.filter(user=request.user).exists()
        require(own or request.user.is_staff or request.user.is_superuser)
        serializer = OutputWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        output = services.output_create(actor=request.user, **serializer.validated_data)
        return self._respond(output, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        output = self.get_object()
        require(can_edit_output(request.user, output))
        serializer = OutputWriteSerializer(data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        output = services.output_update(output=output, actor=request.user, **serializer.validated_data)
        return self._respond(output, status.HTTP_200_OK)
