"""Searches whose terms can be personal data (a BSN, an IBAN, an e-mail address, a name)
never carry those terms in a URL, so they stay out of access logs, proxy logs, the
Referer header and the browser's history.

The search form POSTs; the view's decorator (`zoekformulier`) keeps the terms in the
session under an opaque token and redirects to `?zoek=<token>` (Post/Redirect/Get).
Pagination, reloading and the back button work as before: the page links carry the
token, not the terms. A GET that still carries a term (an old bookmark, a link such as
"all transactions of this participant") is redirected the same way before the view
runs. The view reads the terms with `zoekopdracht(request)`.

A token is valid for one path within one session: a URL passed to a colleague shows the
unfiltered list, never someone else's search.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, QueryDict
from django.shortcuts import redirect

TOKEN = "zoek"
# Paging parameters start over with a new search (page numbers, keyset keys).
PAGINERING = frozenset({"page", "na", "voor"})
_SESSIE = "hhb_zoekopdrachten"
_BEWAARD = 30  # searches kept per session (the oldest go first)
_MAX_VELDEN, _MAX_WAARDE = 40, 1000  # what one search keeps (forms cap their fields lower)
_NIET_BEWAREN = frozenset({"csrfmiddlewaretoken", TOKEN}) | PAGINERING


def zoekopdracht(request: HttpRequest) -> QueryDict:
    """The search terms of this request: those stored behind `?zoek=<token>` for this
    path, with the other GET parameters (paging, non-sensitive filters) on top."""
    gegevens = QueryDict(mutable=True)
    for sleutel, waarden in _bewaard(request).items():
        gegevens.setlist(sleutel, waarden)
    for sleutel, waarden in request.GET.lists():
        if sleutel != TOKEN:
            gegevens.setlist(sleutel, waarden)
    return gegevens


def zoekformulier(
    *gevoelig: str, alleen_met: str | None = None
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorator of a view with a search form whose fields `gevoelig` may hold personal
    data. It accepts GET (and HEAD) and the form's POST, which it answers with a
    redirect to `?zoek=<token>`. Without `alleen_met` the view takes no other POST; with
    it only a POST carrying that field is a search, other POSTs reach the view."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "POST" and (alleen_met is None or alleen_met in request.POST):
                return _opslaan_en_door(request, request.POST.lists())
            if request.method in ("GET", "HEAD"):
                if any(request.GET.get(veld) for veld in gevoelig):
                    bewaard = list(_bewaard(request).items())
                    return _opslaan_en_door(request, [*bewaard, *request.GET.lists()])
                return view(request, *args, **kwargs)
            if alleen_met is not None:
                return view(request, *args, **kwargs)
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])

        return wrapper

    return decorator


def _opslaan_en_door(request: HttpRequest, paren: Iterable[tuple[str, list[str]]]) -> HttpResponse:
    termen: dict[str, list[str]] = {}
    for sleutel, waarden in paren:
        if sleutel not in _NIET_BEWAREN and len(termen) < _MAX_VELDEN:
            termen[sleutel[:100]] = [
                w[:_MAX_WAARDE] for w in waarden[:_MAX_VELDEN] if w is not None
            ]
    if not termen:
        return redirect(request.path)
    token = secrets.token_urlsafe(9)
    opgeslagen = dict(request.session.get(_SESSIE, {}))
    opgeslagen[token] = {"pad": request.path, "termen": termen}
    request.session[_SESSIE] = dict(list(opgeslagen.items())[-_BEWAARD:])
    antwoord = redirect(f"{request.path}?{TOKEN}={token}")
    antwoord.status_code = 303  # the browser GETs the result page
    return antwoord


def _bewaard(request: HttpRequest) -> dict[str, list[str]]:
    token = request.GET.get(TOKEN, "")
    if not token or not hasattr(request, "session"):
        return {}
    bewaard = request.session.get(_SESSIE, {}).get(token)
    if not bewaard or bewaard.get("pad") != request.path:
        return {}
    return {k: list(v) for k, v in bewaard["termen"].items()}
