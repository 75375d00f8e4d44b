"""API plumbing shared by every app: pagination and one error body for every failure."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import exceptions, pagination, serializers
from rest_framework.views import exception_handler as drf_exception_handler


class Pagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500


def exception_handler(exc, context):
    """Turn domain errors into API errors; every error body has "detail" and, for bad input,
    "errors" keyed by field."""
    if isinstance(exc, ValidationError):
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages})
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.ValidationError):
        response.data = {"detail": _("Dữ liệu không hợp lệ."), "errors": response.data}
    return response


@extend_schema_serializer(many=False)
class ErrorSerializer(serializers.Serializer):
    """The body of every error response (401, 403, 404, 405...)."""

    detail = serializers.CharField()


@extend_schema_serializer(many=False)
class ValidationErrorSerializer(ErrorSerializer):
    """The body of a 400 response: a summary and, for bad input, the messages by field."""

    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text='Messages by field name; "non_field_errors" holds those about the input as a whole.',
    )


@extend_schema_field(OpenApiTypes.BINARY)
class UploadField(serializers.FileField):
    """A file sent in a multipart/form-data request body."""
