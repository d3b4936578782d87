"""One JSON shape for every refusal of the partner endpoints, in the request's language.

``{"error": {"code": "…", "message": "…", "fields": {"reason": ["…"]}}}`` — ``fields`` only when
the refusal is about given fields. The language is the one ``LocaleMiddleware`` picked from
``Accept-Language`` (French by default).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler


def error_response(
    http_status: int, code: str, message: str, fields: dict[str, list[str]] | None = None
) -> Response:
    body: dict[str, Any] = {"code": code, "message": message}
    if fields:
        body["fields"] = fields
    return Response({"error": body}, status=http_status)


def _flatten(detail: Any) -> dict[str, list[str]]:
    """DRF's nested error details as ``{field: [messages]}``."""
    if isinstance(detail, dict):
        flat: dict[str, list[str]] = {}
        for name, value in detail.items():
            if isinstance(value, dict):
                for sub, messages in _flatten(value).items():
                    flat[f"{name}.{sub}"] = messages
            elif isinstance(value, list):
                flat[str(name)] = [str(v) for v in value]
            else:
                flat[str(name)] = [str(value)]
        return flat
    if isinstance(detail, list):
        return {"non_field_errors": [str(v) for v in detail]}
    return {"non_field_errors": [str(detail)]}


def django_validation_fields(error: DjangoValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return {
            name: [str(m) for m in DjangoValidationError(errs).messages]
            for name, errs in error.error_dict.items()
        }
    return {"non_field_errors": [str(m) for m in error.messages]}


def partner_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, then our shape. Missing and not-yours are the same 404."""
    if isinstance(exc, Http404 | DjangoPermissionDenied):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoValidationError):
        return error_response(
            status.HTTP_400_BAD_REQUEST,
            "invalid",
            _("Some fields are not valid."),
            django_validation_fields(exc),
        )
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        replaced = error_response(
            response.status_code, "invalid", _("Some fields are not valid."), _flatten(exc.detail)
        )
    elif isinstance(exc, exceptions.NotFound):
        replaced = error_response(response.status_code, "not_found", _("Not found."))
    elif isinstance(exc, exceptions.APIException):
        detail = exc.detail
        message = str(detail.get("detail", detail)) if isinstance(detail, dict) else str(detail)
        replaced = error_response(response.status_code, str(exc.default_code), message)
    else:  # pragma: no cover - DRF answers only for APIException, Http404, PermissionDenied
        return response
    for header, value in response.items():
        replaced[header] = value
    return replaced


ErrorSerializer = inline_serializer(
    name="Error",
    fields={
        "error": inline_serializer(
            name="ErrorDetail",
            fields={
                "code": serializers.CharField(),
                "message": serializers.CharField(),
                "fields": serializers.DictField(
                    child=serializers.ListField(child=serializers.CharField()), required=False
                ),
            },
        )
    },
)
