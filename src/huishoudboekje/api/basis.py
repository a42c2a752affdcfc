"""Shared base for API views (NL API Design Rules): every response carries the
`API-Version` header; errors are problem+json (see api/fouten.py)."""

from typing import Any

from django.conf import settings
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response


class ApiView(GenericAPIView):  # type: ignore[type-arg]
    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-Version"] = settings.SPECTACULAR_SETTINGS["VERSION"]
        return response
