"""API of the technology exchange: listings, search and matches.

Reads are open to everyone and show published listings only. Writes need a token of a
member of the listing's organisation (create, update, submit) or of a moderator
(publish, reject); they go through `exchange.services`, so the API refuses what the pages
refuse. `GET /api/v1/exchange/requests/{id}/matches/?limit=10` gives the ranked offers for
a request, `{id}` being the imported external id or the database id.
"""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.viewsets import ViewSet

from core.api import ErrorSerializer, ValidationErrorSerializer
from core.cache import PublicCacheMixin
from research.models import Organisation

from . import match_lists, selectors, services
from .matching import Match
from .models import Listing, listing_address
from .permissions import can_view_listing, require
from .search import clean_filters, search_listings

# Serializers ----------------------------------------------------------------------------------


class ListingSerializer(serializers.ModelSerializer):
    field = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    field_name = serializers.CharField(source="field.name", read_only=True, allow_null=True, default=None)
    transfer_modes = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Listing
        fields = [
            "id",
            "external_id",
            "kind",
            "status",
            "title",
            "description",
            "field",
            "field_name",
            "keywords",
            "trl",
            "ip_status",
            "ip_number",
            "transfer_modes",
            "price",
            "price_negotiable",
            "organisation",
            "region",
            "valid_from",
            "valid_until",
            "published_at",
            "url",
        ]
        read_only_fields = fields


_DATE, _DATETIME = serializers.DateField(), serializers.DateTimeField()
_PRICE = serializers.DecimalField(max_digits=15, decimal_places=0)


def listing_data(listing: Listing, url: str = "") -> dict:
    """`ListingSerializer(listing).data`, written directly for the search's pages: DRF builds the
    serializer's fields for each page and runs one field object per value (half the cost of an
    API search), and the transfer modes come from the listing's mode mask, not a query. A test
    keeps the two the same."""
    ids = listing.mode_ids
    modes = selectors.reference_data(modes=ids)[1].values()
    field, organisation = listing.field, listing.organisation
    return {
        "id": listing.pk,
        "external_id": listing.external_id,
        "kind": listing.kind,
        "status": listing.status,
        "title": listing.title,
        "description": listing.description,
        "field": field.code if field else None,
        "field_name": field.name if field else None,
        "keywords": listing.keywords,
        "trl": listing.trl,
        "ip_status": listing.ip_status,
        "ip_number": listing.ip_number,
        "transfer_modes": [mode.code for mode in modes if mode.pk in ids],
        "price": None if listing.price is None else _PRICE.to_representation(listing.price),
        "price_negotiable": listing.price_negotiable,
        "organisation": organisation.slug if organisation else None,
        "region": listing.region,
        "valid_from": None if listing.valid_from is None else _DATE.to_representation(listing.valid_from),
        "valid_until": None if listing.valid_until is None else _DATE.to_representation(listing.valid_until),
        "published_at": _DATETIME.to_representation(listing.published_at),
        "url": url or listing.get_absolute_url(),
    }


class ListingWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Listing.Kind.choices, required=False)
    organisation = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organisation.objects.all(), required=False, help_text="Slug of the organisation."
    )
    title = serializers.CharField(allow_blank=True, trim_whitespace=False)
    description = serializers.CharField(allow_blank=True, trim_whitespace=False)
    field = serializers.CharField(required=False, allow_blank=True, help_text="Code (207) or name of the field.")
    keywords = serializers.CharField(required=False, allow_blank=True, default="")
    trl = serializers.JSONField(required=False, allow_null=True, help_text="1 to 9.")
    ip_status = serializers.CharField(required=False, allow_blank=True, default="")
    ip_number = serializers.CharField(required=False, allow_blank=True, default="")
    transfer_modes = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    price = serializers.CharField(required=False, allow_blank=True, allow_null=True, default=None)
    price_negotiable = serializers.BooleanField(required=False, default=False)
    region = serializers.CharField(required=False, allow_blank=True, default="")
    valid_from = serializers.DateField(required=False, allow_null=True, default=None)
    valid_until = serializers.DateField(required=False, allow_null=True, default=None)


class RejectSerializer(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True)


# Views ----------------------------------------------------------------------------------------

_WRITE_ERRORS = {400: ValidationErrorSerializer, 401: ErrorSerializer, 403: ErrorSerializer, 404: ErrorSerializer}
LIMIT_MAX = 50


def _limit(request) -> int:
    raw = request.query_params.get("limit", "10")
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= LIMIT_MAX:
        raise serializers.ValidationError({"limit": [f"1..{LIMIT_MAX}"]})
    return int(raw)


def _signed_in(request) -> None:
    if not request.user.is_authenticated:
        raise NotAuthenticated


class ListingViewSet(PublicCacheMixin, ViewSet):
    """Listings (tin công nghệ): offers and requests. Reads show published listings; a search
    and a published listing's matches answer the same to every anonymous reader (cached), a
    listing itself may be a draft its owner sees."""

    public_actions = ("list", "matches")

    lookup_value_regex = "[^/]+"

    @extend_schema(
        operation_id="exchange_listings_list",
        parameters=[
            OpenApiParameter("q", str, description="Search words; accents and case do not matter."),
            OpenApiParameter("kind", str, enum=Listing.Kind.values),
            OpenApiParameter("field", str, description="Field code, level 1 (2) or 2 (207)."),
            OpenApiParameter("trl", int),
            OpenApiParameter("mode", str, description="Transfer mode code."),
            OpenApiParameter("region", str),
            OpenApiParameter("page", int),
        ],
        responses={200: OpenApiTypes.OBJECT},
    )
    def list(self, request):
        """Search: the published listings matching `q` and filters, best first, with facet counts."""
        page_no = request.query_params.get("page", "1")
        page = search_listings(
            request.query_params.get("q", "")[:200],
            clean_filters(request.query_params),
            page=int(page_no) if page_no.isascii() and page_no.isdigit() and 0 < int(page_no) <= 1000 else 1,
        )
        return Response(
            {
                "count": page.total,
                "page": page.page,
                "pages": page.pages,
                "results": [
                    {**listing_data(hit.listing, hit.url), "title_html": hit.title, "snippet_html": hit.snippet}
                    for hit in page.hits
                ],
                "facets": {
                    name: [{"value": f.value, "label": f.label, "count": f.count} for f in facets]
                    for name, facets in page.facets.items()
                },
            }
        )

    @extend_schema(responses={200: ListingSerializer, 404: ErrorSerializer})
    def retrieve(self, request, pk=None):
        listing = selectors.listing_by_any_id(pk)
        require(can_view_listing(request.user, listing))
        return Response(ListingSerializer(listing).data)

    @extend_schema(request=ListingWriteSerializer, responses={201: ListingSerializer, **_WRITE_ERRORS})
    def create(self, request):
        """Create a draft listing for an organisation the user is a member of."""
        _signed_in(request)
        data = _validated(ListingWriteSerializer, request.data)
        organisation = data.pop("organisation", None)
        kind = data.pop("kind", "")
        listing = services.listing_create(actor=request.user, organisation=organisation, kind=kind, **data)
        return Response(ListingSerializer(selectors.listing_get(listing.pk)).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ListingWriteSerializer, responses={200: ListingSerializer, **_WRITE_ERRORS})
    def update(self, request, pk=None):
        """Change a listing (members of its organisation); a published one goes back to moderation."""
        _signed_in(request)
        listing = selectors.listing_by_any_id(pk)
        data = _validated(ListingWriteSerializer, request.data)
        data.pop("organisation", None)
        data.pop("kind", None)
        listing = services.listing_update(listing=listing, actor=request.user, **data)
        return Response(ListingSerializer(selectors.listing_get(listing.pk)).data)

    @extend_schema(request=None, responses={200: ListingSerializer, **_WRITE_ERRORS})
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        _signed_in(request)
        listing = services.listing_submit(listing=selectors.listing_by_any_id(pk), actor=request.user)
        return Response(ListingSerializer(selectors.listing_get(listing.pk)).data)

    @extend_schema(request=None, responses={200: ListingSerializer, **_WRITE_ERRORS})
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        _signed_in(request)
        listing = services.listing_publish(listing=selectors.listing_by_any_id(pk), actor=request.user)
        return Response(ListingSerializer(selectors.listing_get(listing.pk)).data)

    @extend_schema(request=RejectSerializer, responses={200: ListingSerializer, **_WRITE_ERRORS})
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        _signed_in(request)
        data = _validated(RejectSerializer, request.data)
        listing = services.listing_reject(
            listing=selectors.listing_by_any_id(pk), actor=request.user, reason=data["reason"]
        )
        return Response(ListingSerializer(selectors.listing_get(listing.pk)).data)

    @extend_schema(
        parameters=[OpenApiParameter("limit", int, description="1 to 50, default 10.")],
        responses={200: OpenApiTypes.OBJECT, 400: ValidationErrorSerializer, 404: ErrorSerializer},
    )
    @action(detail=True, methods=["get"])
    def matches(self, request, pk=None):
        """The best matches of a published listing (offers for a request, requests for an offer)."""
        listing = selectors.listing_for_matches(pk)
        require(can_view_listing(request.user, listing))
        return Response(_matches_body(listing, _limit(request)))


def _validated(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _match_data(match: Match, address) -> dict:
    # Plain dicts: the most read answer of the exchange; a DRF serializer per match and reason
    # cost more than reading the stored list.
    return {
        "id": match.listing.pk,
        "external_id": match.listing.external_id,
        "title": match.listing.title,
        "score": match.score,
        "text_similarity": match.text_similarity,
        "explanation": match.explanation,
        "reasons": [
            {"kind": r.kind, "text": r.text, "score": float(r.score), "terms": list(r.terms)} for r in match.reasons
        ],
        "url": address(match.listing.pk),
    }


def _matches_body(listing: Listing, limit: int) -> dict:
    found, address = match_lists.listing_matches(listing, limit=limit), listing_address()
    return {
        "listing": {"id": listing.pk, "external_id": listing.external_id, "kind": listing.kind, "title": listing.title},
        "results": [_match_data(match, address) for match in found],
    }


class RequestMatchesView(PublicCacheMixin, APIView):
    """`GET /api/v1/exchange/requests/{id}/matches/?limit=10`: the ranked offers for a request
    (the same for every anonymous reader of a published request: cached under the data version)."""

    @extend_schema(
        parameters=[OpenApiParameter("limit", int, description="1 to 50, default 10.")],
        responses={200: OpenApiTypes.OBJECT, 400: ValidationErrorSerializer, 404: ErrorSerializer},
    )
    def get(self, request, pk):
        listing = selectors.listing_for_matches(pk)
        if listing.kind != Listing.Kind.REQUEST:
            raise Http404
        require(can_view_listing(request.user, listing))
        return Response(_matches_body(listing, _limit(request)))
