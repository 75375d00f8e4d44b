"""API of S&T tasks: tasks and selection calls (public), dossiers (one's own) and councils
(their members). Writes need a signed-in user (token) and go through `research_tasks.services`.

Council scores follow the pages' rules: a member sees no other member's score until every
member without a conflict has scored, and never a dossier they declared a conflict with.
"""

import django_filters
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api import ErrorSerializer, ValidationErrorSerializer
from core.cache import PublicCacheMixin

from . import selectors, services
from .models import Council, Dossier, ResearchTask, SelectionCall
from .permissions import council_seat, is_pi, is_task_secretariat, require

_WRITE_ERRORS = {400: ValidationErrorSerializer, 401: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer}
_READ_ERRORS = {401: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer}

# Tasks and calls ----------------------------------------------------------------------------------


class ResearchTaskSerializer(serializers.ModelSerializer):
    # Choices are given as codes with a label beside them (several models name a field "kind").
    kind = serializers.CharField(read_only=True, help_text="topic | project | scheme")
    mode = serializers.CharField(read_only=True, help_text="selection | direct")
    stage = serializers.CharField(read_only=True, help_text="ordered, calling, evaluating, approved, in_progress...")
    stage_label = serializers.CharField(source="get_stage_display", read_only=True)
    pi = serializers.CharField(source="pi.full_name", read_only=True, allow_null=True, default=None)
    host = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    grade = serializers.CharField(
        source="acceptance.grade", read_only=True, allow_null=True, default=None, help_text="excellent | pass | fail"
    )
    outputs = serializers.PrimaryKeyRelatedField(many=True, read_only=True, help_text="Registered research outputs.")

    class Meta:
        model = ResearchTask
        fields = [
            "id",
            "code",
            "title",
            "kind",
            "mode",
            "stage",
            "stage_label",
            "year",
            "field",
            "objectives",
            "expected_results",
            "funding_ceiling",
            "period_months",
            "pi",
            "host",
            "grade",
            "outputs",
            "is_demo",
        ]
        read_only_fields = fields


class ResearchTaskFilter(django_filters.FilterSet):
    stage = django_filters.ChoiceFilter(choices=ResearchTask.Stage.choices)
    year = django_filters.NumberFilter()

    class Meta:
        model = ResearchTask
        fields = ["stage", "year"]


@extend_schema_view(
    list=extend_schema(responses={200: ResearchTaskSerializer, 400: ValidationErrorSerializer}),
    retrieve=extend_schema(responses={200: ResearchTaskSerializer, 404: ErrorSerializer}),
)
class ResearchTaskViewSet(PublicCacheMixin, viewsets.ReadOnlyModelViewSet):
    """S&T tasks (nhiệm vụ KH&CN): from ordering to acceptance; public."""

    queryset = (
        ResearchTask.objects.select_related("pi", "host", "acceptance")
        .prefetch_related("outputs")
        .order_by("-year", "code")
    )
    serializer_class = ResearchTaskSerializer
    filterset_class = ResearchTaskFilter


class SelectionCallSerializer(serializers.ModelSerializer):
    is_open = serializers.SerializerMethodField()

    class Meta:
        model = SelectionCall
        fields = ["id", "task", "title", "description", "opens_at", "closes_at", "is_open"]
        read_only_fields = fields

    def get_is_open(self, call) -> bool:
        return call.is_open()


@extend_schema_view(
    list=extend_schema(responses={200: SelectionCallSerializer}),
    retrieve=extend_schema(responses={200: SelectionCallSerializer, 404: ErrorSerializer}),
)
class SelectionCallViewSet(viewsets.ReadOnlyModelViewSet):
    """Selection calls (thông báo tuyển chọn); public. Not cached: whether a call is open changes with time."""

    queryset = SelectionCall.objects.order_by("-closes_at", "pk")
    serializer_class = SelectionCallSerializer


# Dossiers --------------------------------------------------------------------------------------


class DossierSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(read_only=True, help_text="selection | acceptance")
    status = serializers.CharField(read_only=True, help_text="draft, submitted, valid, invalid, selected...")
    pi = serializers.CharField(source="pi.full_name", read_only=True)
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Dossier
        fields = [
            "id",
            "task",
            "call",
            "kind",
            "status",
            "pi",
            "organisation",
            "title",
            "summary",
            "approach",
            "products",
            "team_text",
            "budget_requested",
            "duration_months",
            "submitted_at",
            "check_reasons",
        ]
        read_only_fields = fields


class DossierRegisterSerializer(serializers.Serializer):
    call = serializers.PrimaryKeyRelatedField(queryset=SelectionCall.objects.all(), help_text="Selection call id.")


class DossierUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=500, required=False)
    summary = serializers.CharField(required=False, allow_blank=True)
    approach = serializers.CharField(required=False, allow_blank=True)
    products = serializers.CharField(required=False, allow_blank=True)
    team_text = serializers.CharField(required=False, allow_blank=True)
    budget_requested = serializers.CharField(
        required=False, max_length=30, help_text='Million đồng; "1.500,5" and "1500.5" are both accepted.'
    )
    duration_months = serializers.IntegerField(required=False, min_value=1, max_value=60)


@extend_schema_view(
    list=extend_schema(summary="Dossiers of my organisation", responses={200: DossierSerializer, 401: ErrorSerializer}),
    retrieve=extend_schema(responses={200: DossierSerializer, **_READ_ERRORS}),
    create=extend_schema(
        summary="Register as PI for a selection call",
        description="Creates a draft dossier for the signed-in researcher's organisation; refused once the call closed.",
        request=DossierRegisterSerializer,
        responses={201: DossierSerializer, **_WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Fill a draft dossier",
        request=DossierUpdateSerializer,
        responses={200: DossierSerializer, **_WRITE_ERRORS},
    ),
)
class DossierViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Dossiers (hồ sơ): a researcher sees those of their organisation; the secretariat sees all."""

    serializer_class = DossierSerializer
    permission_classes = [permissions.IsAuthenticated]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        user = self.request.user
        return selectors.dossiers_for(user, secretariat=is_task_secretariat(user)).order_by("-created_at", "pk")

    def create(self, request, *args, **kwargs):
        data = DossierRegisterSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        dossier = services.dossier_register(call=data.validated_data["call"], actor=request.user)
        return Response(DossierSerializer(dossier).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        dossier = self.get_object()
        require(is_pi(request.user, dossier))
        data = DossierUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        dossier = services.dossier_update(dossier=dossier, actor=request.user, **data.validated_data)
        return Response(DossierSerializer(dossier).data)

    @extend_schema(
        summary="Submit a dossier",
        description="Refused after the call closes, or while a required part is missing.",
        request=None,
        responses={200: DossierSerializer, **_WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        dossier = self.get_object()
        require(is_pi(request.user, dossier))
        return Response(DossierSerializer(services.dossier_submit(dossier=dossier, actor=request.user)).data)


# Councils ---------------------------------------------------------------------------------------


class CouncilMemberOutSerializer(serializers.Serializer):
    name = serializers.CharField(source="researcher.full_name")
    role = serializers.CharField(help_text="chair | secretary | reviewer | member")


class CouncilDossierSerializer(serializers.Serializer):
    """A dossier as the requesting member sees it: their own state, and the aggregate once open."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    organisation = serializers.CharField()
    pi = serializers.CharField()
    declared = serializers.BooleanField()
    scored = serializers.BooleanField()
    scores_open = serializers.BooleanField()
    mean = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    rank = serializers.IntegerField(allow_null=True)


class CouncilSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(read_only=True, help_text="selection | acceptance")
    status = serializers.CharField(read_only=True, help_text="scoring | decided")
    citation = serializers.CharField(source="ruleset.citation", read_only=True)
    members = CouncilMemberOutSerializer(many=True, read_only=True)
    dossiers = serializers.SerializerMethodField()

    class Meta:
        model = Council
        fields = [
            "id",
            "task",
            "kind",
            "name",
            "meeting_date",
            "status",
            "citation",
            "members",
            "dossiers",
            "conclusion",
        ]
        read_only_fields = fields

    @extend_schema_field(CouncilDossierSerializer(many=True))
    def get_dossiers(self, council) -> list:
        user = self.context["request"].user
        seat = council_seat(user, council)
        rows = []
        for result in selectors.council_results(council):
            mine = next((row for row in result.rows if seat and row.member.pk == seat.pk), None)
            if mine is not None and mine.conflict:
                continue  # never listed to a member who declared a conflict
            rows.append(
                {
                    "id": result.dossier.pk,
                    "title": result.dossier.title,
                    "organisation": result.dossier.organisation.name,
                    "pi": result.dossier.pi.full_name,
                    "declared": bool(mine and mine.declared),
                    "scored": bool(mine and mine.sheet),
                    "scores_open": result.is_open,
                    "mean": result.stats.get("mean") if result.is_open else None,
                    "rank": result.rank,
                }
            )
        return CouncilDossierSerializer(rows, many=True).data


class DeclarationSerializer(serializers.Serializer):
    dossier = serializers.IntegerField()
    has_conflict = serializers.BooleanField()
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ScoreSheetInSerializer(serializers.Serializer):
    dossier = serializers.IntegerField()
    scores = serializers.DictField(child=serializers.CharField(), help_text="Score by criterion key.")
    reasons = serializers.DictField(
        child=serializers.CharField(allow_blank=True), required=False, help_text="Reason by criterion key (for a 0)."
    )
    deviation_reason = serializers.CharField(required=False, allow_blank=True, default="")
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class ScoreSheetOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    dossier = serializers.IntegerField(source="dossier_id")
    total = serializers.DecimalField(max_digits=6, decimal_places=2)
    submitted_at = serializers.DateTimeField()


@extend_schema_view(
    list=extend_schema(summary="Councils I sit on", responses={200: CouncilSerializer, 401: ErrorSerializer}),
    retrieve=extend_schema(responses={200: CouncilSerializer, **_READ_ERRORS}),
)
class CouncilViewSet(viewsets.ReadOnlyModelViewSet):
    """Councils (hội đồng): their members see them (the secretariat sees all)."""

    serializer_class = CouncilSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        user = self.request.user
        return (
            selectors.councils_for(user, secretariat=is_task_secretariat(user))
            .prefetch_related("members__researcher")
            .order_by("-meeting_date", "pk")
        )

    def _member_dossier(self, request, council, dossier_id):
        seat = council_seat(request.user, council)
        require(seat is not None)
        return seat, get_object_or_404(selectors.council_dossiers(council), pk=dossier_id)

    @extend_schema(
        summary="Declare a conflict of interest (or none) with a dossier",
        request=DeclarationSerializer,
        responses={201: None, **_WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def declare(self, request, pk=None):
        council = self.get_object()
        data = DeclarationSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        seat, dossier = self._member_dossier(request, council, data.validated_data["dossier"])
        services.conflict_declare(
            member=seat,
            dossier=dossier,
            actor=request.user,
            has_conflict=data.validated_data["has_conflict"],
            note=data.validated_data["note"],
        )
        return Response(status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Submit my score sheet for a dossier",
        description="Refused: a score outside 0..max, a 0 without a reason, a total far from the mean without a reason.",
        request=ScoreSheetInSerializer,
        responses={201: ScoreSheetOutSerializer, **_WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def score(self, request, pk=None):
        council = self.get_object()
        data = ScoreSheetInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        seat, dossier = self._member_dossier(request, council, data.validated_data.pop("dossier"))
        sheet = services.score_sheet_submit(member=seat, dossier=dossier, actor=request.user, **data.validated_data)
        return Response(ScoreSheetOutSerializer(sheet).data, status=status.HTTP_201_CREATED)
