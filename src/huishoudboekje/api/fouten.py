"""Errors as `application/problem+json` (RFC 9457), listing every validation error."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler

TITELS = {
    400: "Ongeldige invoer",
    401: "Niet ingelogd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    409: "Conflict",
    415: "Niet-ondersteund mediatype",
    429: "Te veel verzoeken",
}


def _invalid_params(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """Flatten DRF's nested error detail into [{name, code, reason}]."""
    if isinstance(detail, dict):
        regels: list[dict[str, str]] = []
        for sleutel, waarde in detail.items():
            naam = f"{prefix}.{sleutel}" if prefix else str(sleutel)
            regels += _invalid_params(waarde, "" if naam == "non_field_errors" else naam)
        return regels
    if isinstance(detail, list):
        regels = []
        for index, waarde in enumerate(detail):
            if isinstance(waarde, dict | list) and not isinstance(waarde, exceptions.ErrorDetail):
                regels += _invalid_params(waarde, f"{prefix}[{index}]" if prefix else str(index))
            else:
                regels += _invalid_params(waarde, prefix)
        return regels
    code = getattr(detail, "code", "invalid")
    return [{"name": prefix or "nonFieldErrors", "code": str(code), "reason": str(detail)}]


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"nonFieldErrors": exc.messages}
        )
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    response = exception_handler(exc, context)
    if response is None:
        return None
    status = response.status_code
    body: dict[str, Any] = {
        "type": f"https://datatracker.ietf.org/doc/html/rfc9110#status.{status}",
        "title": TITELS.get(status, "Fout"),
        "status": status,
        "instance": context["request"].path if context.get("request") else "",
    }
    if isinstance(exc, exceptions.ValidationError):
        body["invalidParams"] = _invalid_params(exc.detail)
    else:
        body["detail"] = str(getattr(exc, "detail", exc))
    response.data = body
    response.content_type = "application/problem+json"
    return response
