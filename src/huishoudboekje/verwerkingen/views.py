"""The read log for teamleider and auditor: a search (the typed participant kept out of
the URL, ui/zoekopdracht.py), pages newest first, the same as CSV (`?formaat=csv`), and
the register of processing activities.

Reading the log is itself a processing: every page and export of it is logged, naming
the participant when the search is about one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from huishoudboekje.accounts.permissions import vereist_recht
from huishoudboekje.accounts.roles import Recht
from huishoudboekje.audit.csvexport import csv_antwoord, tijdstip_cel
from huishoudboekje.keyset import keyset_pagina
from huishoudboekje.ui.zoekopdracht import zoekformulier, zoekopdracht

from . import register
from .forms import VerwerkingenZoekFormulier
from .selectors import PER_PAGINA, VOLGORDE, Zoekopdracht, rijen_voor_weergave, verwerkingen
from .services import verwerkingen_registreren
from .trace import trace_van

EXPORT_STUK = 1000
KOLOMMEN = [
    "Begin",
    "Einde",
    "Medewerker",
    "Gebruikersnaam",
    "Medewerker-id",
    "Rol",
    "Deelnemer",
    "Betrokkene (pseudoniem)",
    "Soort betrokkene-id",
    "Verwerkingsactiviteit",
    "Verwerkingsactiviteit-id",
    "Operatie",
    "Status",
    "Trace-id",
    "Operatie-id",
    "Aanroepende operatie",
]


def _log_het_lezen(request: HttpRequest, zoek: Zoekopdracht, begin: Any) -> None:
    betrokkenen = [(zoek.burger_id, zoek.betrokkene_id)] if zoek.betrokkene_id else []
    verwerkingen_registreren(
        medewerker=request.user,
        activiteit=register.VERWERKINGENLOG_RAADPLEGEN,
        naam="verwerkingen:lijst",
        trace=getattr(request, "hhb_trace", None) or trace_van(request.headers.get("traceparent")),
        begin=begin,
        einde=timezone.now(),
        betrokkenen=betrokkenen,
    )


@vereist_recht(Recht.VERWERKINGEN_LEZEN)
@zoekformulier("deelnemer", "trace_id")  # an HHB-number or a BSN: never in the URL
def lijst(request: HttpRequest) -> HttpResponse:
    begin = timezone.now()
    termen = zoekopdracht(request)
    formulier = VerwerkingenZoekFormulier(termen if termen else None)
    if formulier.is_bound and not formulier.is_valid():
        return render(request, "verwerkingen/lijst.html", {"form": formulier})
    zoek = formulier.zoekopdracht() if formulier.is_bound else Zoekopdracht()
    if request.GET.get("formaat") == "csv":
        bestandsnaam = f"verwerkingenlog-{timezone.localtime():%Y%m%d-%H%M}.csv"
        response: HttpResponse = csv_antwoord(bestandsnaam, KOLOMMEN, _csv_rijen(zoek))
    else:
        gevonden = keyset_pagina(
            [verwerkingen(zoek)], volgorde=VOLGORDE, per_pagina=PER_PAGINA, parameters=request.GET
        )
        params = request.GET.copy()
        for sleutel in ("voor", "na", "formaat"):
            params.pop(sleutel, None)
        response = render(
            request,
            "verwerkingen/lijst.html",
            {
                "form": formulier,
                "zoek": zoek,
                "pagina": gevonden,
                "rijen": rijen_voor_weergave(list(gevonden)),
                "querystring": params.urlencode(),
            },
        )
    _log_het_lezen(request, zoek, begin)
    return response


def _csv_rijen(zoek: Zoekopdracht) -> Iterator[list[Any]]:
    """Every row of the search, newest first, by keyset in batches (a fixed number of
    queries per batch, memory independent of the size of the log)."""
    voor = None
    while True:
        regels = verwerkingen(zoek)
        stuk = list((regels.filter(id__lt=voor) if voor else regels)[:EXPORT_STUK])
        if not stuk:
            return
        for rij in rijen_voor_weergave(stuk):
            regel = rij.regel
            deelnemer = rij.deelnemer
            if rij.deelnemer_weg:
                deelnemer = _("niet meer in Huishoudboekje")
            yield [
                tijdstip_cel(regel.begin),
                tijdstip_cel(regel.einde),
                regel.medewerker_naam,
                regel.medewerker_gebruikersnaam,
                regel.medewerker_id,
                rij.rol,
                deelnemer,
                regel.betrokkene_id,
                regel.betrokkene_id_type,
                rij.activiteit,
                f"{register.URI_PREFIX}{regel.verwerkingsactiviteit_id}",
                regel.naam,
                regel.get_status_display(),
                regel.trace_id,
                regel.operatie_id,
                regel.aanroepende_operatie_id,
            ]
        voor = stuk[-1].id


@vereist_recht(Recht.VERWERKINGEN_LEZEN)
@require_GET
def activiteiten(request: HttpRequest) -> HttpResponse:
    """The register of processing activities the log refers to."""
    return render(
        request,
        "verwerkingen/register.html",
        {"activiteiten": list(register.ACTIVITEITEN.values())},
    )
