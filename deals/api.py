"""API of deals: the exchange's public figures, and deals for their parties only (token).

`GET /api/v1/exchange/figures/` is public. `GET /api/v1/exchange/deals/` lists the deals the
token's user is a party to (every deal for a broker); another user's deal answers 403.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.viewsets import ReadOnlyModelViewSet

from core.api import ErrorSerializer
from core.cache import PublicCacheMixin
from exchange.permissions import require

from . import selectors
from .models import Deal, DealEvent, DealMessage
from .permissions import can_view_deal


class DealEventSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", default=None)

    class Meta:
        model = DealEvent
        fields = ["from_stage", "to_stage", "note", "actor", "created_at"]


class DealMessageSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.username", default=None)

    class Meta:
        model = DealMessage
        fields = ["author", "body", "created_at"]


class DealSerializer(serializers.ModelSerializer):
    listing_title = serializers.CharField(source="listing.title")
    initiator_organisation = serializers.CharField(source="initiator_organisation.name", default=None)

    class Meta:
        model = Deal
        fields = [
            "id",
            "listing",
            "listing_title",
            "initiator_organisation",
            "stage",
            "value",
            "signed_at",
            "transferred_at",
            "created_at",
            "updated_at",
        ]


class DealDetailSerializer(DealSerializer):
    events = DealEventSerializer(many=True, read_only=True)
    messages = DealMessageSerializer(many=True, read_only=True)

    class Meta(DealSerializer.Meta):
        fields = [*DealSerializer.Meta.fields, "events", "messages"]


class DealViewSet(ReadOnlyModelViewSet):
    """Technology transfer deals the signed-in user is a party to."""

    permission_classes = [IsAuthenticated]
    serializer_class = DealSerializer

    queryset = Deal.objects.none()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Deal.objects.none()
        return selectors.deals_visible_to(self.request.user).order_by("-pk")

    @extend_schema(responses={200: DealDetailSerializer, 403: ErrorSerializer, 404: ErrorSerializer})
    def retrieve(self, request, pk=None):
        if not str(pk).isdigit():
            from django.http import Http404

            raise Http404
        deal = selectors.deal_get(int(pk))
        require(can_view_deal(request.user, deal))
        return Response(DealDetailSerializer(deal).data)


class StageCountSerializer(serializers.Serializer):
    stage = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class YearSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    deals = serializers.IntegerField()
    value = serializers.DecimalField(max_digits=18, decimal_places=0)


class FiguresSerializer(serializers.Serializer):
    offers = serializers.IntegerField()
    requests = serializers.IntegerField()
    matches = serializers.IntegerField()
    deals = serializers.IntegerField()
    stages = StageCountSerializer(many=True)
    years = YearSerializer(many=True)


class FiguresView(PublicCacheMixin, APIView):
    """Số liệu sàn giao dịch công nghệ: published listings, matches suggested, deals by stage,
    signed contract value (đồng) by year."""

    permission_classes = []

    @extend_schema(operation_id="exchange_figures", responses={200: FiguresSerializer})
    def get(self, request):
        data = selectors.exchange_figures()
        data["stages"] = [{"stage": s, "label": str(label), "count": n} for s, label, n in data["stages"]]
        return Response(FiguresSerializer(data).data)
