"""Read-only API of Techmart events: `GET /api/v1/techmart/events/` with exhibitors and the
offers they show, and how many of each day's meeting slots are still free per exhibitor is
left to the booking page (bookings are personal and are not published)."""

from django.db.models import Prefetch
from rest_framework import serializers, viewsets

from core.cache import PublicCacheMixin
from exchange.models import Listing

from .models import Event, Exhibitor


class ExhibitorSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.name")
    offers = serializers.PrimaryKeyRelatedField(many=True, read_only=True, help_text="Exchange listing ids.")

    class Meta:
        model = Exhibitor
        fields = ["booth", "organisation", "offers"]
        read_only_fields = fields


class EventSerializer(serializers.ModelSerializer):
    exhibitors = ExhibitorSerializer(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            "id",
            "name",
            "starts_on",
            "ends_on",
            "venue",
            "organiser",
            "day_start",
            "day_end",
            "slot_minutes",
            "exhibitors",
        ]
        read_only_fields = fields


class EventViewSet(PublicCacheMixin, viewsets.ReadOnlyModelViewSet):
    """Chợ công nghệ (Techmart events)."""

    serializer_class = EventSerializer

    def get_queryset(self):
        offers = Listing.objects.filter(status=Listing.Status.PUBLISHED).only("pk")
        exhibitors = Exhibitor.objects.select_related("organisation").prefetch_related(
            Prefetch("offers", queryset=offers)
        )
        return Event.objects.prefetch_related(Prefetch("exhibitors", queryset=exhibitors)).order_by("-starts_on", "pk")
