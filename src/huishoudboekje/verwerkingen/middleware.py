"""Logs every read of a participant's personal data by a staff member.

Runs around the view: it gives the request its trace (`request.hhb_trace`, from a
`traceparent` header or new), and after a successful GET of a page in
`registratie.PAGINAS` writes the rows of the read log in one bulk insert. The views do
not know about it. The response carries `traceresponse`.

Fail closed: when the log cannot be written the page is not shown (the error
propagates and Django answers 500), so no read goes unrecorded.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from .registratie import PAGINAS
from .services import betrokkenen_van, verwerkingen_registreren
from .trace import trace_van


class VerwerkingenMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        trace = trace_van(request.headers.get("traceparent"))
        request.hhb_trace = trace  # type: ignore[attr-defined]
        begin = timezone.now()
        response = self.get_response(request)
        response.headers["traceresponse"] = trace.traceresponse
        if not _getoond(request, response):
            return response
        match = request.resolver_match
        pagina = PAGINAS.get(match.view_name) if match is not None else None
        if pagina is None:
            return response
        verwerkingen_registreren(
            medewerker=request.user,
            activiteit=pagina.activiteit,
            naam=match.view_name,
            trace=trace,
            begin=begin,
            einde=timezone.now(),
            betrokkenen=betrokkenen_van(pagina.betrokkenen(request, dict(match.kwargs))),
        )
        return response


def _getoond(request: HttpRequest, response: HttpResponse) -> bool:
    """A staff member got a page shown: a successful GET. A refused (403), missing (404)
    or redirected page showed nothing; a failed one (5xx) is in the error log."""
    gebruiker = getattr(request, "user", None)
    return (
        request.method == "GET"
        and gebruiker is not None
        and gebruiker.is_authenticated
        and 200 <= response.status_code < 300
    )
