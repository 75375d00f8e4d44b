"""API plumbing shared by every app: pagination and one error body for every failure."""

from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework import exceptions, pagination
from django.utils.translation import gettext as _
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
