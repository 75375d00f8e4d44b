"""API plumbing shared by every app: pagination, one error body for every failure, and the
schema hook that documents the errors every operation can answer with (rate limits: core.throttling)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import exceptions, pagination, serializers
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler


class Pagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500


def _flatten(errors, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested errors ({"lines": [{}, {"amount": [...]}]}) as one level: {"lines.1.amount": [...]}."""
    if not isinstance(errors, dict):
        errors = {api_settings.NON_FIELD_ERRORS_KEY: errors} if not prefix else {"": errors}
    flat: dict[str, list[str]] = {}
    for key, value in errors.items():
        # A nested list's own error ("this list may not be empty") is the field's error.
        own = key == "" or (prefix and key == api_settings.NON_FIELD_ERRORS_KEY)
        name = prefix if own else f"{prefix}.{key}".strip(".")
        if isinstance(value, dict):
            flat.update(_flatten(value, name))
        elif isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value):
            for index, item in enumerate(value):
                if item:
                    flat.update(_flatten(item if isinstance(item, dict) else {"": item}, f"{name}.{index}"))
        else:
            flat.setdefault(name, []).extend(str(item) for item in (value if isinstance(value, list) else [value]))
    return flat


def exception_handler(exc, context):
    """Turn domain errors into API errors. Every error body is {"detail": "..."}; a 400 adds
    "errors": {field: [messages]} (nested fields joined with dots, "non_field_errors" for the
    input as a whole)."""
    if isinstance(exc, ValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}
        )
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = {"detail": _("Dữ liệu không hợp lệ."), "errors": _flatten(response.data)}
    elif not isinstance(response.data, dict) or not isinstance(response.data.get("detail"), str):
        response.data = {"detail": str(getattr(exc, "detail", exc))}
    return response


# Schemas -------------------------------------------------------------------------------------------


@extend_schema_serializer(many=False)
class ErrorSerializer(serializers.Serializer):
    """The body of every error response (401, 403, 404, 405, 429...)."""

    detail = serializers.CharField()


@extend_schema_serializer(many=False)
class ValidationErrorSerializer(ErrorSerializer):
    """The body of a 400 response: a summary and, for bad input, the messages by field."""

    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text='Messages by field name (nested fields joined with dots, e.g. "lines.0.amount"); '
        '"non_field_errors" holds those about the input as a whole.',
    )


@extend_schema_field(OpenApiTypes.BINARY)
class UploadField(serializers.FileField):
    """A file sent in a multipart/form-data request body."""


@extend_schema_field(
    {"oneOf": [{"type": "string", "format": "uri"}, {"type": "string", "maxLength": 0}], "readOnly": True}
)
class OptionalURLField(serializers.URLField):
    """A URL in a response, or "" when there is none (a blank model URLField)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)


_ERROR_REF = {"$ref": "#/components/schemas/Error"}
_VALIDATION_REF = {"$ref": "#/components/schemas/ValidationError"}
_DESCRIPTIONS = {
    "400": "Bad input: the messages by field.",
    "401": "No credentials, or a token that is not valid.",
    "403": "The signed-in user may not do this.",
    "404": "Not found (or a page past the last).",
    "405": "Method not allowed.",
    "429": "Too many requests: wait the seconds in Retry-After.",
}


def _error(code: str) -> dict:
    response = {
        "description": _DESCRIPTIONS[code],
        "content": {"application/json": {"schema": _VALIDATION_REF if code == "400" else _ERROR_REF}},
    }
    if code == "429":
        response["headers"] = {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}}
    return response


def document_errors(result, generator, request, public):
    """drf-spectacular post-processing hook: every operation may be throttled (429); writes and
    signed-in reads answer 401/403; anything with parameters may answer 400 and 404; so the
    schema lists these with the one error body."""
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            codes = ["429"]
            if method != "get" or {} not in operation.get("security", [{}]):
                codes += ["401", "403"]
            if method != "get" or operation.get("parameters"):
                codes += ["400"]
            if "{" in _path_of(result, path_item) or any(
                p.get("name") == "page" for p in operation.get("parameters", [])
            ):
                codes += ["404"]
            for code in codes:
                responses.setdefault(code, _error(code))
    return result


def _path_of(result, path_item) -> str:
    return next(path for path, item in result["paths"].items() if item is path_item)
