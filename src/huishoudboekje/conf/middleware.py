"""Two guards every request passes: a cap on its size, and no caching of what the
server answers.

- `VerzoekGrootteMiddleware` refuses (413) a request whose body is larger than allowed,
  before anything reads it: on the bank statement upload routes (HHB_UPLOAD_ROUTES) up
  to HHB_MAX_UPLOAD_BYTES (one file of the bank reader's limit plus the form around
  it), every other body up to DATA_UPLOAD_MAX_MEMORY_SIZE. Django itself caps only form
  fields, not files nor a JSON body read by the API, so without this a 10 GB upload
  fills the disk before a view could refuse it. Without a Content-Length Django reads
  no body at all.
- `GeenCacheMiddleware` marks every response a view makes `Cache-Control: no-store`
  (and `Pragma: no-cache` for old proxies): pages and API answers with personal data
  stay out of browser caches, shared proxies and the back/forward cache. Static files
  never reach it (WhiteNoise serves them earlier, with their own long cache).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import Resolver404, resolve

_MB = 1024 * 1024


def _lengte(request: HttpRequest) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def verzoekgrens(request: HttpRequest) -> int:
    """The largest body this request may have, in bytes."""
    if request.content_type == "multipart/form-data":
        try:
            route = resolve(request.path_info).view_name
        except Resolver404:
            route = ""
        if route in settings.HHB_UPLOAD_ROUTES:
            return int(settings.HHB_MAX_UPLOAD_BYTES)
    return int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)


class VerzoekGrootteMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        lengte = _lengte(request)
        if lengte > settings.DATA_UPLOAD_MAX_MEMORY_SIZE and lengte > (
            grens := verzoekgrens(request)
        ):
            return _te_groot(request, lengte, grens)
        return self.get_response(request)


def _te_groot(request: HttpRequest, lengte: int, grens: int) -> HttpResponse:
    # Before the language and the session are known: both languages, no template.
    mb, max_mb = -(-lengte // _MB), max(grens // _MB, 1)
    nl = (
        f"Het verzoek is te groot ({mb} MB); de grens is {max_mb} MB. "
        "Lees grote bankbestanden een voor een in."
    )
    en = f"The request is too large ({mb} MB); the limit is {max_mb} MB."
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"type": "about:blank", "title": "Verzoek te groot", "status": 413, "detail": nl},
            status=413,
            content_type="application/problem+json",
        )
    return HttpResponse(f"{nl}\n{en}\n", status=413, content_type="text/plain; charset=utf-8")


class GeenCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "no-store" not in response.get("Cache-Control", ""):
            response["Cache-Control"] = "no-store"
        response["Pragma"] = "no-cache"
        return response
