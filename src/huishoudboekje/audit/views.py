"""The audit trail: a global, filterable page, a page per participant (read-only), and
each as CSV (`?formaat=csv`) for the auditor."""

from collections.abc import Iterator
from itertools import islice
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from huishoudboekje.accounts.permissions import vereist_recht
from huishoudboekje.accounts.roles import Recht
from huishoudboekje.keyset import keyset_pagina
from huishoudboekje.ui.zoekopdracht import zoekformulier, zoekopdracht

from .csvexport import csv_antwoord, tijdstip_cel
from .forms import AuditFilterFormulier
from .models import AuditRegel
from .selectors import AUDITVOLGORDE, auditregels
from .weergave import LEEG, auditregels_voor_weergave

PER_PAGINA = 50
EXPORT_STUK = 500


def _pagina(request: HttpRequest, regels: QuerySet[AuditRegel]) -> dict[str, Any]:
    """One keyset page of `regels` (newest first; no OFFSET, the count stops at 10,000);
    `querystring` is the filters without the page, for the CSV link."""
    pagina = keyset_pagina(
        [regels], volgorde=AUDITVOLGORDE, per_pagina=PER_PAGINA, parameters=request.GET
    )
    params = request.GET.copy()
    for sleutel in ("page", "na", "voor"):
        params.pop(sleutel, None)
    return {
        "pagina": pagina,
        "rijen": auditregels_voor_weergave(list(pagina)),
        "querystring": params.urlencode(),
    }


def _gefilterd(request: HttpRequest) -> tuple[AuditFilterFormulier, QuerySet[AuditRegel]]:
    formulier = AuditFilterFormulier(zoekopdracht(request) or None)
    if formulier.is_bound and formulier.is_valid():
        return formulier, auditregels(**formulier.filters())
    if formulier.is_bound:
        return formulier, AuditRegel.objects.none()
    return formulier, auditregels()


@vereist_recht(Recht.AUDIT_LEZEN)
@zoekformulier("tekst")  # a searched text (a name, an IBAN) never in the URL
def lijst(request: HttpRequest) -> HttpResponse:
    formulier, regels = _gefilterd(request)
    if request.GET.get("formaat") == "csv":
        return _export(regels, "audittrail")
    return render(request, "audit/lijst.html", {"form": formulier, **_pagina(request, regels)})


@vereist_recht(Recht.AUDIT_LEZEN)
@require_http_methods(["GET", "HEAD"])
def burger(request: HttpRequest, burger_pk: int) -> HttpResponse:
    """Every recorded change that concerns one participant, also after they were removed."""
    from huishoudboekje.burgers.models import Burger

    deelnemer = Burger.objects.filter(pk=burger_pk).first()
    regels = auditregels(burger_id=burger_pk)
    if request.GET.get("formaat") == "csv":
        return _export(regels, f"audittrail-deelnemer-{burger_pk}")
    return render(
        request,
        "audit/burger.html",
        {
            "deelnemer": deelnemer,
            "burger_pk": burger_pk,
            **_pagina(request, regels),
        },
    )


KOLOMMEN = [
    "Tijdstip",
    "Medewerker",
    "Actie",
    "Soort gegeven",
    "Gegeven",
    "Deelnemer",
    "Veld",
    "Oude waarde",
    "Nieuwe waarde",
]


def _csv_rijen(regels: QuerySet[AuditRegel]) -> Iterator[list[Any]]:
    """One row per changed field (a line without field changes: one row), resolved in
    batches so the export needs a fixed number of queries per batch."""
    alle = regels.iterator(chunk_size=EXPORT_STUK)
    while stuk := list(islice(alle, EXPORT_STUK)):
        for rij in auditregels_voor_weergave(stuk):
            regel = rij.regel
            vast = [
                tijdstip_cel(regel.tijdstip),
                regel.medewerker_naam or _("systeem"),
                regel.get_actie_display(),
                capfirst(rij.soort),
                regel.object_omschrijving,
                rij.deelnemer,
            ]
            if not rij.wijzigingen:
                yield [*vast, "", "", ""]
            for wijziging in rij.wijzigingen:
                voor = "" if wijziging.voor == LEEG else wijziging.voor
                na = "" if wijziging.na == LEEG else wijziging.na
                yield [*vast, wijziging.veld, voor, na]


def _export(regels: QuerySet[AuditRegel], naam: str) -> HttpResponse:
    """What the page shows (`?formaat=csv`: same filters, every page of them) as CSV."""
    bestandsnaam = f"{naam}-{timezone.localtime():%Y%m%d-%H%M}.csv"
    return csv_antwoord(bestandsnaam, KOLOMMEN, _csv_rijen(regels))
