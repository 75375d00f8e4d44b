"""API of the programmes domain: programmes, objectives and key tasks with their progress updates.

Reads are open to everyone. The one write, a progress update on a key task, goes through
`programmes.services.key_task_update_record` and is refused unless `can_report_for_task`.
"""

import django_filters
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from agencies.api import AgencyRefSerializer
from agencies.models import Agency
from core.api import ErrorSerializer, UploadField, ValidationErrorSerializer
from core.cache import PublicCacheMixin

from .models import (
    ImplementingBody,
    KeyTask,
    KeyTaskCoordinator,
    KeyTaskLead,
    KeyTaskUpdate,
    Milestone,
    Objective,
    Programme,
    Requirement,
    RoadmapPhase,
    SolutionGroup,
    SolutionParagraph,
)
from .permissions import can_report_for_task
from .selectors import key_task_numbers
from .services import key_task_update_record

# Programmes ------------------------------------------------------------------------------


def _count(relation: str):
    """The number of a programme's related rows, counted in a subquery of its own."""
    counted = Programme.objects.filter(pk=OuterRef("pk")).annotate(n=Count(relation)).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


class NumberedTextSerializer(serializers.Serializer):
    """A numbered item of the programme text (objective, requirement)."""

    number = serializers.IntegerField(read_only=True)
    text = serializers.CharField(read_only=True)


class SolutionParagraphSerializer(serializers.ModelSerializer):
    class Meta:
        model = SolutionParagraph
        fields = ["order", "text", "is_bullet"]
        read_only_fields = fields


class SolutionGroupSerializer(serializers.ModelSerializer):
    paragraphs = SolutionParagraphSerializer(many=True, read_only=True)

    class Meta:
        model = SolutionGroup
        fields = ["number", "title", "title_en", "paragraphs"]
        read_only_fields = fields


class ImplementingBodySerializer(serializers.ModelSerializer):
    agencies = AgencyRefSerializer(many=True, read_only=True)

    class Meta:
        model = ImplementingBody
        fields = ["number", "title", "responsibilities", "agencies"]
        read_only_fields = fields


class RoadmapPhaseSerializer(serializers.ModelSerializer):
    class Meta:
        model = RoadmapPhase
        fields = ["order", "label", "start_year", "end_year", "text"]
        read_only_fields = fields


class MilestoneSerializer(serializers.ModelSerializer):
    phase = serializers.SlugRelatedField(
        slug_field="order", read_only=True, allow_null=True, help_text="The `order` of its roadmap phase."
    )
    is_past = serializers.BooleanField(read_only=True)

    class Meta:
        model = Milestone
        fields = ["year", "kind", "title", "held_on", "note", "phase", "is_past"]
        read_only_fields = fields


class ProgrammeSerializer(serializers.ModelSerializer):
    previous_phase = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    indicator_count = serializers.IntegerField(read_only=True, help_text="Indicators, sub-indicators included.")
    key_task_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Programme
        fields = [
            "code",
            "slug",
            "title",
            "title_en",
            "issuer",
            "start_year",
            "end_year",
            "general_objective",
            "previous_phase",
            "indicator_count",
            "key_task_count",
        ]
        read_only_fields = fields


class ProgrammeDetailSerializer(ProgrammeSerializer):
    objectives = NumberedTextSerializer(many=True, read_only=True)
    requirements = NumberedTextSerializer(many=True, read_only=True)
    solution_groups = SolutionGroupSerializer(many=True, read_only=True)
    implementing_bodies = ImplementingBodySerializer(many=True, read_only=True)
    roadmap_phases = RoadmapPhaseSerializer(source="roadmap", many=True, read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)

    class Meta(ProgrammeSerializer.Meta):
        fields = [
            *ProgrammeSerializer.Meta.fields,
            "issuer_term",
            "signed_by",
            "signer_title",
            "preamble",
            "objectives",
            "requirements",
            "solution_groups",
            "implementing_bodies",
            "roadmap_phases",
            "milestones",
        ]
        read_only_fields = fields


@extend_schema_view(
    retrieve=extend_schema(responses={200: ProgrammeDetailSerializer, 404: ErrorSerializer}),
)
class ProgrammeViewSet(PublicCacheMixin, viewsets.ReadOnlyModelViewSet):
    """Programmes (chương trình) with their counts; the detail carries the whole programme text."""

    serializer_class = ProgrammeSerializer
    lookup_field = "slug"

    def get_queryset(self):
        # Counted in subqueries: two COUNT(DISTINCT) over joins multiply indicators by tasks.
        queryset = Programme.objects.select_related("previous_phase").annotate(
            indicator_count=_count("indicators"),
            key_task_count=_count("key_tasks"),
        )
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                Prefetch("objectives", queryset=Objective.objects.order_by("number")),
                Prefetch("requirements", queryset=Requirement.objects.order_by("number")),
                Prefetch(
                    "solution_groups",
                    queryset=SolutionGroup.objects.order_by("number").prefetch_related(
                        Prefetch("paragraphs", queryset=SolutionParagraph.objects.order_by("order"))
                    ),
                ),
                Prefetch(
                    "implementing_bodies",
                    queryset=ImplementingBody.objects.order_by("number").prefetch_related(
                        Prefetch("agencies", queryset=Agency.objects.order_by("name", "pk"))
                    ),
                ),
                Prefetch("roadmap", queryset=RoadmapPhase.objects.order_by("order")),
                Prefetch(
                    "milestones", queryset=Milestone.objects.select_related("phase").order_by("year", "kind", "pk")
                ),
            )
        return queryset.order_by("-start_year", "code", "pk")

    def get_serializer_class(self):
        return ProgrammeDetailSerializer if self.action == "retrieve" else ProgrammeSerializer


# Objectives ------------------------------------------------------------------------------


class ObjectiveSerializer(serializers.ModelSerializer):
    programme = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Objective
        fields = ["id", "programme", "number", "text"]
        read_only_fields = fields


class ObjectiveFilter(django_filters.FilterSet):
    programme = django_filters.CharFilter(field_name="programme__slug", help_text="Programme slug.")

    class Meta:
        model = Objective
        fields = ["programme"]


@extend_schema_view(
    retrieve=extend_schema(responses={200: ObjectiveSerializer, 404: ErrorSerializer}),
)
class ObjectiveViewSet(PublicCacheMixin, viewsets.ReadOnlyModelViewSet):
    """Specific objectives (mục tiêu cụ thể) of the programmes."""

    queryset = Objective.objects.select_related("programme").order_by("programme__slug", "number", "pk")
    serializer_class = ObjectiveSerializer
    filterset_class = ObjectiveFilter


# Key tasks -------------------------------------------------------------------------------


class KeyTaskUpdateSerializer(serializers.ModelSerializer):
    author = serializers.CharField(
        source="author.display_name", read_only=True, allow_null=True, help_text="Who reported it."
    )
    evidence = serializers.FileField(read_only=True, allow_null=True, help_text="URL of the evidence file.")

    class Meta:
        model = KeyTaskUpdate
        fields = ["id", "reported_on", "status", "progress", "text", "author", "evidence", "is_illustrative"]
        read_only_fields = fields


class KeyTaskUpdateCreateSerializer(serializers.Serializer):
    """A progress report; send it as multipart/form-data to attach an evidence file."""

    reported_on = serializers.DateField()
    status = serializers.ChoiceField(choices=KeyTask.Status.choices)
    progress = serializers.IntegerField(min_value=0, max_value=100, help_text="Per cent.")
    text = serializers.CharField()
    evidence = UploadField(required=False, help_text="Evidence file (PDF, Office document or image).")


def _agency_ref(agency) -> dict:
    return {"slug": agency.slug, "name": agency.name, "short_name": agency.short_name}


class KeyTaskSerializer(serializers.ModelSerializer):
    programme = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    lead_agencies = serializers.SerializerMethodField(help_text="Lead agencies, in the order of the text.")
    coordinating_units = serializers.SerializerMethodField(help_text="Coordinating units, in the order of the text.")
    solution_group = serializers.SlugRelatedField(
        slug_field="number", read_only=True, allow_null=True, help_text="The number of its solution group."
    )
    is_overdue = serializers.SerializerMethodField()

    class Meta:
        model = KeyTask
        fields = [
            "id",
            "number",
            "title",
            "programme",
            "lead_agencies",
            "coordinating_units",
            "solution_group",
            "start_year",
            "end_year",
            "deadline",
            "status",
            "progress",
            "is_overdue",
            "is_illustrative",
        ]
        read_only_fields = fields

    # Plain dicts: a serializer built per task costs more than the rest of the list together.
    @extend_schema_field(AgencyRefSerializer(many=True))
    def get_lead_agencies(self, task):
        return [_agency_ref(link.agency) for link in task.lead_links.all()]

    @extend_schema_field(AgencyRefSerializer(many=True))
    def get_coordinating_units(self, task):
        return [_agency_ref(link.agency) for link in task.coordinator_links.all()]

    def get_is_overdue(self, task) -> bool:
        return task.is_overdue()


class KeyTaskDetailSerializer(KeyTaskSerializer):
    updates = KeyTaskUpdateSerializer(many=True, read_only=True, help_text="Progress updates, newest first.")

    class Meta(KeyTaskSerializer.Meta):
        fields = [*KeyTaskSerializer.Meta.fields, "updates"]
        read_only_fields = fields


class KeyTaskFilter(django_filters.FilterSet):
    programme = django_filters.CharFilter(field_name="programme__slug", help_text="Programme slug.")
    status = django_filters.ChoiceFilter(choices=KeyTask.Status.choices)
    lead_agency = django_filters.CharFilter(field_name="lead_agencies__slug", help_text="Slug of a lead agency.")

    class Meta:
        model = KeyTask
        fields = ["programme", "status", "lead_agency"]


@extend_schema_view(
    list=extend_schema(responses={200: KeyTaskSerializer, 400: ValidationErrorSerializer}),
    retrieve=extend_schema(responses={200: KeyTaskDetailSerializer, 404: ErrorSerializer}),
)
class KeyTaskViewSet(PublicCacheMixin, viewsets.ReadOnlyModelViewSet):
    """Key tasks (nhiệm vụ trọng tâm) with their status and progress."""

    filterset_class = KeyTaskFilter

    def get_queryset(self):
        queryset = KeyTask.objects.select_related("programme", "solution_group").order_by(
            "programme__slug", "number", "pk"
        )
        if self.action in ("list", "retrieve"):
            queryset = queryset.prefetch_related(
                Prefetch("lead_links", queryset=KeyTaskLead.objects.select_related("agency").order_by("order", "pk")),
                Prefetch(
                    "coordinator_links",
                    queryset=KeyTaskCoordinator.objects.select_related("agency").order_by("order", "pk"),
                ),
            )
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                Prefetch(
                    "updates",
                    queryset=KeyTaskUpdate.objects.select_related("author").order_by("-reported_on", "-pk"),
                )
            )
        return queryset

    def get_serializer_class(self):
        if self.action == "retrieve":
            return KeyTaskDetailSerializer
        if self.action == "updates":
            return KeyTaskUpdateCreateSerializer
        return KeyTaskSerializer

    @extend_schema(
        operation_id="key_tasks_updates_create",
        summary="Report progress on a key task",
        request=KeyTaskUpdateCreateSerializer,
        responses={
            201: KeyTaskUpdateSerializer,
            400: ValidationErrorSerializer,
            401: ErrorSerializer,
            403: ErrorSerializer,
            404: ErrorSerializer,
        },
    )
    @action(detail=True, methods=["post"])
    def updates(self, request, pk=None):
        """Record a dated progress update; the task takes its status and progress when it is the latest.

        Allowed to the programme's secretariat and to reporters of a lead agency of the task.
        """
        task = self.get_object()
        if not can_report_for_task(request.user, task):
            self.permission_denied(request)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        update = key_task_update_record(task=task, actor=request.user, **serializer.validated_data)
        return Response(
            KeyTaskUpdateSerializer(update, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )


# Solution groups and the roadmap ---------------------------------------------------------


class SolutionGroupFilter(django_filters.FilterSet):
    programme = django_filters.CharFilter(field_name="programme__slug", help_text="Programme slug.")

    class Meta:
        model = SolutionGroup
        fields = ["programme"]


class SolutionGroupListSerializer(SolutionGroupSerializer):
    programme = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    key_tasks = serializers.SerializerMethodField(help_text="Numbers of the key tasks under the group.")

    class Meta(SolutionGroupSerializer.Meta):
        fields = ["id", "programme", *SolutionGroupSerializer.Meta.fields, "key_tasks"]
        read_only_fields = fields

    def get_key_tasks(self, group) -> list[int]:
        numbers = getattr(group, "key_task_numbers", None)
        return numbers if numbers is not None else key_task_numbers([group.pk]).get(group.pk, [])


@extend_schema_view(
    list=extend_schema(responses={200: SolutionGroupListSerializer, 400: ValidationErrorSerializer}),
    retrieve=extend_schema(responses={200: SolutionGroupListSerializer, 404: ErrorSerializer}),
)
class SolutionGroupViewSet(PublicCacheMixin, viewsets.ReadOnlyModelViewSet):
    """Groups of solutions (nhóm nhiệm vụ, giải pháp) with their paragraphs and key tasks."""

    serializer_class = SolutionGroupListSerializer
    filterset_class = SolutionGroupFilter
    queryset = (
        SolutionGroup.objects.select_related("programme")
        .prefetch_related(Prefetch("paragraphs", queryset=SolutionParagraph.objects.order_by("order", "pk")))
        .order_by("programme__slug", "number", "pk")
    )

    def paginate_queryset(self, queryset):
        # A generated programme's group holds hundreds of tasks: their numbers, not model instances.
        page = super().paginate_queryset(queryset)
        numbers = key_task_numbers([group.pk for group in page])
        for group in page:
            group.key_task_numbers = numbers.get(group.pk, [])
        return page


class MilestoneListSerializer(MilestoneSerializer):
    programme = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    phase_label = serializers.CharField(source="phase.label", read_only=True, allow_null=True, default=None)

    class Meta(MilestoneSerializer.Meta):
        fields = ["id", "programme", *MilestoneSerializer.Meta.fields, "phase_label"]
        read_only_fields = fields


class MilestoneFilter(django_filters.FilterSet):
    programme = django_filters.CharFilter(field_name="programme__slug", help_text="Programme slug.")
    kind = django_filters.ChoiceFilter(choices=Milestone.Kind.choices)

    class Meta:
        model = Milestone
        fields = ["programme", "kind"]


@extend_schema_view(
    list=extend_schema(responses={200: MilestoneListSerializer, 400: ValidationErrorSerializer}),
    retrieve=extend_schema(responses={200: MilestoneListSerializer, 404: ErrorSerializer}),
)
class MilestoneViewSet(PublicCacheMixin, viewsets.ReadOnlyModelViewSet):
    """Milestones of the roadmap (lộ trình): reviews, targets, phases' ends; `is_past` as of today."""

    serializer_class = MilestoneListSerializer
    filterset_class = MilestoneFilter
    queryset = Milestone.objects.select_related("programme", "phase").order_by("programme__slug", "year", "kind", "pk")
