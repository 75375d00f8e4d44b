"""API of S&T tasks: tasks and selection calls (public), dossiers (one's own) and councils
(their members). Writes need a signed-in user (token) and go through `research_tasks.services`.

Council scores follow the pages' rules: a member sees no other member's score until every
member without a conflict has scored, and never a dossier they declared a conflict with.
"""

import django_filters
from django import forms
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api import ErrorSerializer, UploadField, ValidationErrorSerializer
from core.cache import PublicCacheMixin

from . import selectors, services
from .models import (
    Application,
    BudgetLine,
    ChangeRequest,
    Contract,
    ContractMilestone,
    ContractProduct,
    Council,
    Dossier,
    ProgressReport,
    ResearchTask,
    SelectionCall,
)
from .permissions import (
    can_record_results,
    can_report_on,
    council_seat,
    is_pi,
    is_task_secretariat,
    require,
    researcher_of,
)

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


@extend_schema_field(
    {
        "oneOf": [{"type": "number"}, {"type": "string", "example": "1.500,5"}],
        "description": 'Million đồng, at most 3 decimals; a string may use a decimal comma ("1.500,5").',
    }
)
class MoneyInputField(serializers.CharField):
    """An amount as a user types it; the service parses and checks it (`core` parse_decimal)."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (int, float, str)):
            self.fail("invalid")
        return super().to_internal_value(str(data))


@extend_schema_field(OpenApiTypes.INT)
class IntegerFilter(django_filters.NumberFilter):
    """A whole number every database can compare (larger ones are a bad request)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", 32767)
        super().__init__(*args, **kwargs)


class ResearchTaskFilter(django_filters.FilterSet):
    stage = django_filters.ChoiceFilter(choices=ResearchTask.Stage.choices)
    kind = django_filters.ChoiceFilter(choices=ResearchTask.Kind.choices)
    year = IntegerFilter()
    host = django_filters.CharFilter(field_name="host__slug", help_text="Slug of the host organisation.")

    class Meta:
        model = ResearchTask
        fields = ["stage", "kind", "year", "host"]


class ContractSummarySerializer(serializers.ModelSerializer):
    """What the public task page shows of a contract."""

    class Meta:
        model = Contract
        fields = ["id", "number", "signed_on", "start_date", "end_date", "total_budget"]
        read_only_fields = fields


class AcceptanceOutSerializer(serializers.Serializer):
    decided_on = serializers.DateField()
    grade = serializers.CharField(help_text="excellent | pass | fail")
    grade_label = serializers.CharField(source="get_grade_display")
    mean_score = serializers.DecimalField(max_digits=6, decimal_places=2)
    citation = serializers.CharField(source="ruleset.citation", help_text="The rule set it was graded under.")
    note = serializers.CharField()


class ApplicationSerializer(serializers.ModelSerializer):
    evidence = serializers.FileField(read_only=True, allow_null=True, help_text="URL of the evidence file.")

    class Meta:
        model = Application
        fields = ["id", "applied_by", "place", "effect", "year", "evidence", "recorded_at"]
        read_only_fields = fields


class TaskCouncilSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(help_text="selection | acceptance")
    status = serializers.CharField(help_text="scoring | decided")

    class Meta:
        model = Council
        fields = ["id", "kind", "name", "meeting_date", "status"]
        read_only_fields = fields


class TaskCallSerializer(serializers.ModelSerializer):
    class Meta:
        model = SelectionCall
        fields = ["id", "title", "opens_at", "closes_at"]
        read_only_fields = fields


class ResearchTaskDetailSerializer(ResearchTaskSerializer):
    """A task with the public facts of its life: calls, councils, contract, acceptance, applications."""

    host_name = serializers.CharField(source="host.name", read_only=True, allow_null=True, default=None)
    calls = TaskCallSerializer(many=True, read_only=True)
    councils = TaskCouncilSerializer(many=True, read_only=True)
    contract = serializers.SerializerMethodField()
    acceptance = serializers.SerializerMethodField()
    applications = ApplicationSerializer(
        many=True, read_only=True, help_text="Applications of the results, newest first."
    )

    class Meta(ResearchTaskSerializer.Meta):
        fields = [
            *ResearchTaskSerializer.Meta.fields,
            "host_name",
            "calls",
            "councils",
            "contract",
            "acceptance",
            "applications",
        ]
        read_only_fields = fields

    @extend_schema_field(ContractSummarySerializer(allow_null=True))
    def get_contract(self, task):
        contract = getattr(task, "contract", None)
        return None if contract is None else ContractSummarySerializer(contract).data

    @extend_schema_field(AcceptanceOutSerializer(allow_null=True))
    def get_acceptance(self, task):
        acceptance = getattr(task, "acceptance", None)
        return None if acceptance is None else AcceptanceOutSerializer(acceptance).data


class BudgetLineSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=1900, max_value=2200)
    item = serializers.ChoiceField(choices=BudgetLine.Item.choices)
    amount = MoneyInputField(max_length=30)


class MilestoneInSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=300)
    due_date = serializers.DateField()


class ProductInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=400)
    requirements = serializers.CharField(required=False, allow_blank=True, default="")
    quantity = serializers.IntegerField(min_value=1, max_value=32767, required=False, default=1)


def _lines(rows: list[dict]) -> dict:
    """Budget lines as the services take them, {(year, item): amount}; one line per year and item."""
    lines = {}
    for row in rows:
        key = (row["year"], row["item"])
        if key in lines:
            raise serializers.ValidationError({"lines": [_("Mỗi khoản chi chỉ nhập một lần cho mỗi năm.")]})
        lines[key] = row["amount"]
    return lines


class ContractSignSerializer(serializers.Serializer):
    """A contract with its budget by year and item (the lines must add up to the total), its
    milestones and the products owed."""

    number = serializers.CharField(max_length=100)
    signed_on = serializers.DateField()
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    total_budget = MoneyInputField(max_length=30)
    lines = BudgetLineSerializer(many=True, allow_empty=False)
    milestones = MilestoneInSerializer(many=True, required=False, default=list)
    products = ProductInSerializer(many=True, allow_empty=False)


class ApplicationCreateSerializer(serializers.Serializer):
    """An application of the results; send multipart/form-data to attach evidence."""

    applied_by = serializers.CharField(max_length=300)
    place = serializers.CharField(max_length=300)
    effect = serializers.CharField()
    year = serializers.IntegerField(min_value=1900, max_value=2200)
    evidence = UploadField(required=False, help_text="Evidence file (PDF, Office document or image).")


def _task_queryset():
    return ResearchTask.objects.select_related("pi", "host", "acceptance").prefetch_related("outputs")


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
class SelectionCallViewSet(PublicCacheMixin, viewsets.ReadOnlyModelViewSet):
    """Selection calls (thông báo tuyển chọn); public. Whether a call is open changes with time, so
    an answer is cached only until the next call opens or closes."""

    queryset = SelectionCall.objects.order_by("-closes_at", "pk")
    serializer_class = SelectionCallSerializer

    def cache_seconds(self) -> int:
        return selectors.seconds_until_a_call_opens_or_closes(cap=super().cache_seconds())


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


class CouncilDecideSerializer(serializers.Serializer):
    conclusion = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Left blank: the conclusion the scores give."
    )


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
        operation_id="councils_decide",
        summary="Record the council's conclusion",
        description="Allowed to the secretariat once every member without a conflict has scored and every "
        "outlying score is explained. A selection council gives the task its PI; an acceptance council "
        "records the task's acceptance grade under the council's rule set.",
        request=CouncilDecideSerializer,
        responses={200: CouncilSerializer, **_WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        council = self.get_object()
        require(is_task_secretariat(request.user))
        data = CouncilDecideSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.council_decide(council=council, actor=request.user, **data.validated_data)
        council = self.get_queryset().get(pk=council.pk)
        return Response(CouncilSerializer(council, context=self.get_serializer_context()).data)

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


# Contracts -----------------------------------------------------------------------------------------


class BudgetLineOutSerializer(serializers.ModelSerializer):
    item_label = serializers.CharField(source="get_item_display", read_only=True)

    class Meta:
        model = BudgetLine
        fields = ["year", "item", "item_label", "amount"]
        read_only_fields = fields


class ContractMilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContractMilestone
        fields = ["id", "title", "due_date", "done_on"]
        read_only_fields = fields


class ContractProductSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContractProduct
        fields = ["id", "name", "requirements", "quantity", "delivered_on", "output"]
        read_only_fields = fields


class ProgressReportSerializer(serializers.ModelSerializer):
    attachment = serializers.FileField(read_only=True, allow_null=True, help_text="URL of the report file.")

    class Meta:
        model = ProgressReport
        fields = ["id", "period_end", "progress", "summary", "problems", "attachment", "submitted_at"]
        read_only_fields = fields


class ChangeRequestSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(help_text="extension | budget")
    status = serializers.CharField(help_text="pending | approved | rejected")
    new_lines = serializers.DictField(
        child=serializers.CharField(), help_text='The whole budget after the change: {"<year>:<item>": "<amount>"}.'
    )

    class Meta:
        model = ChangeRequest
        fields = [
            "id",
            "kind",
            "reason",
            "new_end_date",
            "new_lines",
            "status",
            "requested_at",
            "decided_at",
            "decision_note",
        ]
        read_only_fields = fields


class ContractSerializer(serializers.ModelSerializer):
    """A contract as its PI, host organisation and the secretariat see it."""

    task = serializers.PrimaryKeyRelatedField(read_only=True)
    task_code = serializers.CharField(source="task.code", read_only=True)
    budget_lines = BudgetLineOutSerializer(many=True, read_only=True)
    milestones = ContractMilestoneSerializer(many=True, read_only=True)
    products = ContractProductSerializer(many=True, read_only=True)
    progress_reports = ProgressReportSerializer(many=True, read_only=True)
    change_requests = ChangeRequestSerializer(many=True, read_only=True)

    class Meta:
        model = Contract
        fields = [
            "id",
            "task",
            "task_code",
            "number",
            "signed_on",
            "start_date",
            "end_date",
            "total_budget",
            "budget_lines",
            "milestones",
            "products",
            "progress_reports",
            "change_requests",
        ]
        read_only_fields = fields


class ProgressReportCreateSerializer(serializers.Serializer):
    """The PI's periodic report; send multipart/form-data to attach the report file."""

    period_end = serializers.DateField()
    progress = serializers.IntegerField(min_value=0, max_value=100, help_text="Per cent of the work done.")
    summary = serializers.CharField()
    problems = serializers.CharField(required=False, allow_blank=True, default="")
    attachment = UploadField(required=False, help_text="Report file (PDF, Office document or image).")


class ChangeRequestCreateSerializer(serializers.Serializer):
    """An extension (give `new_end_date`) or a budget adjustment (give every line of the new
    budget in `new_lines`; the total stays the same)."""

    kind = serializers.ChoiceField(choices=ChangeRequest.Kind.choices)
    reason = serializers.CharField()
    new_end_date = serializers.DateField(required=False, allow_null=True, default=None)
    new_lines = BudgetLineSerializer(many=True, required=False, default=list)


class ChangeDecisionSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    note = serializers.CharField(required=False, allow_blank=True, default="", help_text="Required to reject.")


def _contracts():
    return Contract.objects.select_related("task").prefetch_related(
        Prefetch("budget_lines", queryset=BudgetLine.objects.order_by("year", "item")),
        Prefetch("milestones", queryset=ContractMilestone.objects.order_by("due_date", "pk")),
        Prefetch("products", queryset=ContractProduct.objects.order_by("pk")),
        Prefetch("progress_reports", queryset=ProgressReport.objects.order_by("-period_end", "-pk")),
        Prefetch("change_requests", queryset=ChangeRequest.objects.order_by("-requested_at", "-pk")),
    )


def _contract(pk: int) -> Contract:
    return _contracts().get(pk=pk)


def contracts_for(user):
    """The contracts a user may read: all for the secretariat, else those of tasks they lead or
    their organisation hosts."""
    contracts = _contracts()
    if is_task_secretariat(user):
        return contracts
    researcher = researcher_of(user)
    if researcher is None:
        return contracts.none()
    visible = Q(task__pi=researcher)
    if researcher.organisation_id:
        visible |= Q(task__host_id=researcher.organisation_id)
    return contracts.filter(visible)


@extend_schema_view(
    list=extend_schema(summary="Contracts I may read", responses={200: ContractSerializer}),
    retrieve=extend_schema(responses={200: ContractSerializer, **_READ_ERRORS}),
)
class ContractViewSet(viewsets.ReadOnlyModelViewSet):
    """Contracts (hợp đồng): the PI and host organisation of the task, and the secretariat.
    Sign one with POST /research-tasks/{id}/contract/."""

    serializer_class = ContractSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return contracts_for(self.request.user).order_by("-signed_on", "-pk")

    def _respond(self, request, contract, code=status.HTTP_200_OK):
        return Response(ContractSerializer(_contract(contract.pk), context={"request": request}).data, status=code)

    @extend_schema(
        operation_id="contracts_progress_reports_create",
        summary="Submit a progress report",
        description="Allowed to the PI while the task is in progress.",
        request={
            "application/json": ProgressReportCreateSerializer,
            "multipart/form-data": ProgressReportCreateSerializer,
        },
        responses={201: ProgressReportSerializer, **_WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="progress-reports")
    def progress_reports(self, request, pk=None):
        contract = self.get_object()
        require(can_report_on(request.user, contract.task))
        data = ProgressReportCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.progress_report_submit(contract=contract, actor=request.user, **data.validated_data)
        return Response(ProgressReportSerializer(report, context={"request": request}).data, status=201)

    @extend_schema(
        operation_id="contracts_change_requests_create",
        summary="Ask for an extension or a budget adjustment",
        description="Allowed to the PI while the task is in progress and no other request is pending. "
        "A budget adjustment keeps the total and never plans a year below what was paid.",
        request=ChangeRequestCreateSerializer,
        responses={201: ChangeRequestSerializer, **_WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="change-requests")
    def change_requests(self, request, pk=None):
        contract = self.get_object()
        require(can_report_on(request.user, contract.task))
        data = ChangeRequestCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        fields["new_lines"] = {f"{year}:{item}": amount for (year, item), amount in _lines(fields["new_lines"]).items()}
        change = services.change_request_submit(contract=contract, actor=request.user, **fields)
        return Response(ChangeRequestSerializer(change).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="contracts_change_requests_decide",
        summary="Approve or reject a change request",
        description="Allowed to the secretariat; an approved change takes effect on the contract.",
        request=ChangeDecisionSerializer,
        responses={200: ContractSerializer, **_WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"], url_path=r"change-requests/(?P<change_id>\d+)/decide")
    def change_decide(self, request, pk=None, change_id=None):
        contract = self.get_object()
        require(is_task_secretariat(request.user))
        change = get_object_or_404(ChangeRequest, pk=change_id, contract=contract)
        data = ChangeDecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.change_request_decide(change=change, actor=request.user, **data.validated_data)
        return self._respond(request, contract)


# Tasks (reads and the writes of their lifecycle) -------------------------------------------------


@extend_schema_view(
    list=extend_schema(responses={200: ResearchTaskSerializer, 400: ValidationErrorSerializer}),
    retrieve=extend_schema(responses={200: ResearchTaskDetailSerializer, 404: ErrorSerializer}),
)
class ResearchTaskViewSet(PublicCacheMixin, viewsets.ReadOnlyModelViewSet):
    """S&T tasks (nhiệm vụ KH&CN): from ordering to acceptance; public."""

    serializer_class = ResearchTaskSerializer
    filterset_class = ResearchTaskFilter

    def get_queryset(self):
        queryset = _task_queryset()
        if self.action not in ("list",):
            queryset = queryset.select_related("host", "contract", "acceptance__ruleset").prefetch_related(
                Prefetch("calls", queryset=SelectionCall.objects.order_by("-closes_at", "pk")),
                Prefetch("councils", queryset=Council.objects.order_by("meeting_date", "pk")),
                Prefetch("applications", queryset=Application.objects.order_by("-year", "-pk")),
            )
        return queryset.order_by("-year", "code")

    def get_serializer_class(self):
        return ResearchTaskDetailSerializer if self.action == "retrieve" else ResearchTaskSerializer

    def _task(self, request, allowed) -> ResearchTask:
        task = self.get_object()
        require(allowed(request.user, task))
        return task

    @extend_schema(
        operation_id="research_tasks_contract_create",
        summary="Sign the contract of an approved task",
        description="Allowed to the secretariat. The budget lines (by year and item) must add up to the total; "
        "a total above the ordered ceiling, dates out of order, no product: 400 with the field named.",
        request=ContractSignSerializer,
        responses={201: ContractSerializer, **_WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def contract(self, request, pk=None):
        task = self._task(request, lambda user, _task: is_task_secretariat(user))
        data = ContractSignSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        fields["lines"] = _lines(fields["lines"])
        contract = services.contract_sign(task=task, actor=request.user, **fields)
        return Response(ContractSerializer(_contract(contract.pk)).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="research_tasks_applications_create",
        summary="Record an application of the results",
        description="Allowed to the PI and the secretariat, for a task accepted with a pass grade.",
        request={"application/json": ApplicationCreateSerializer, "multipart/form-data": ApplicationCreateSerializer},
        responses={201: ApplicationSerializer, **_WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def applications(self, request, pk=None):
        task = self._task(request, can_record_results)
        data = ApplicationCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        application = services.application_record(task=task, actor=request.user, **data.validated_data)
        return Response(ApplicationSerializer(application, context={"request": request}).data, status=201)

    @extend_schema(
        operation_id="research_tasks_acceptance_dossier_create",
        summary="Open the acceptance dossier of a task under contract",
        description="Allowed to the PI; the dossier is then filled and submitted through /dossiers/.",
        request=None,
        responses={201: DossierSerializer, **_WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="acceptance-dossier")
    def acceptance_dossier(self, request, pk=None):
        task = self._task(request, can_report_on)
        dossier = services.acceptance_dossier_open(task=task, actor=request.user)
        return Response(DossierSerializer(dossier).data, status=status.HTTP_201_CREATED)
