"""The audit trail: a global, filterable page and a page per participant (read-only)."""

from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from huishoudboekje.accounts.permissions import vereist_recht
from huishoudboekje.accounts.roles import Recht
from huishoudboekje.core.money import formatteer_bedrag

from .forms import AuditFilterFormulier
from .models import AuditRegel
from .selectors import auditregels, soort_naam, veld_labels

PER_PAGINA = 50


def _waarde(waarde: Any, centen: bool) -> Any:
    if centen and isinstance(waarde, int) and not isinstance(waarde, bool):
        return formatteer_bedrag(waarde)
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    return waarde


def _regels_voor_weergave(regels: list[AuditRegel]) -> list[dict[str, Any]]:
    """Each line with its readable kind and changed fields (label, before, after).

    The primary key is left out: it is in the line itself and only adds noise.
    """
    labels_per_soort: dict[str, dict[str, tuple[str, bool]]] = {}
    rijen = []
    for regel in regels:
        labels = labels_per_soort.setdefault(regel.object_type, veld_labels(regel.object_type))
        wijzigingen = []
        for veld, voor, na in regel.wijzigingen():
            if veld == "id":
                continue
            label, centen = labels.get(veld, (veld, False))
            wijzigingen.append((label, _waarde(voor, centen), _waarde(na, centen)))
        rijen.append(
            {"regel": regel, "soort": soort_naam(regel.object_type), "wijzigingen": wijzigingen}
        )
    return rijen


def _pagina(request: HttpRequest, regels: QuerySet[AuditRegel]) -> dict[str, Any]:
    page_obj = Paginator(regels, PER_PAGINA).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return {
        "page_obj": page_obj,
        "rijen": _regels_voor_weergave(list(page_obj)),
        "querystring": params.urlencode(),
    }


@vereist_recht(Recht.AUDIT_LEZEN)
@require_http_methods(["GET", "HEAD"])
def lijst(request: HttpRequest) -> HttpResponse:
    formulier = AuditFilterFormulier(request.GET or None)
    if formulier.is_bound and formulier.is_valid():
        regels = auditregels(**formulier.filters())
    elif formulier.is_bound:
        regels = AuditRegel.objects.none()
    else:
        regels = auditregels()
    return render(request, "audit/lijst.html", {"form": formulier, **_pagina(request, regels)})


@vereist_recht(Recht.AUDIT_LEZEN)
@require_http_methods(["GET", "HEAD"])
def burger(request: HttpRequest, burger_pk: int) -> HttpResponse:
    """Every recorded change that concerns one participant, also after they were removed."""
    from huishoudboekje.burgers.models import Burger

    deelnemer = Burger.objects.filter(pk=burger_pk).first()
    regels = auditregels(burger_id=burger_pk)
    return render(
        request,
        "audit/burger.html",
        {
            "deelnemer": deelnemer,
            "burger_pk": burger_pk,
            **_pagina(request, regels),
        },
    )
