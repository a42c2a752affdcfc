"""Screens for participants: list and search, detail, create, change, delete, own
accounts and participation (deelname).

Thin adapters: forms parse, services decide and write; errors a service raises are put
back on the form field they belong to.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from huishoudboekje.accounts.permissions import vereist_recht
from huishoudboekje.accounts.roles import Recht
from huishoudboekje.rekeningen.models import Rekening
from huishoudboekje.ui.zoekopdracht import zoekformulier, zoekopdracht

from . import selectors, services
from .forms import (
    BeeindigenFormulier,
    BurgerFormulier,
    DeelnameFormulier,
    RekeningFormulier,
    ZoekFormulier,
)
from .models import Burger, Deelname

PER_PAGINA = 25
LEZEN = Recht.BURGERS_LEZEN
SCHRIJVEN = Recht.BURGERS_WIJZIGEN


def fouten_naar_formulieren(fout: ValidationError, *formulieren: Form) -> None:
    """Put each error of a service on the first form that has that field."""
    if not hasattr(fout, "error_dict"):
        formulieren[0].add_error(None, fout)
        return
    for veld, lijst in fout.error_dict.items():
        doel = next((f for f in formulieren if veld in f.fields), None)
        if doel is None:
            formulieren[0].add_error(None, lijst)
        else:
            doel.add_error(veld, lijst)


def kruimels(*stappen: tuple[str, str]) -> list[dict[str, str]]:
    return [{"label": _("Deelnemers"), "url": reverse("burgers:lijst")}] + [
        {"label": label, "url": url} for label, url in stappen
    ]


def _burger_kruimel(burger: Burger) -> tuple[str, str]:
    return (burger.naam, reverse("burgers:detail", kwargs={"pk": burger.pk}))


@vereist_recht(LEZEN)
@zoekformulier("q")  # a BSN, IBAN or e-mail address never in the URL
def lijst(request: HttpRequest) -> HttpResponse:
    zoek = ZoekFormulier(zoekopdracht(request))
    q = zoek.cleaned_data.get("q", "") if zoek.is_valid() else ""
    page_obj = Paginator(selectors.burgers_voor_lijst(q), PER_PAGINA).get_page(
        request.GET.get("page")
    )
    vandaag = timezone.localdate()
    rijen = [
        {
            "burger": burger,
            "status": selectors.deelname_status(
                burger.deelname_start,
                burger.deelname_einde,
                burger.deelname_variant,
                vandaag=vandaag,
            ),
        }
        for burger in page_obj
    ]
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "zoek": zoek,
        "q": q,
        "page_obj": page_obj,
        "rijen": rijen,
        "querystring": params.urlencode(),
    }
    return render(request, "burgers/lijst.html", context)


@vereist_recht(LEZEN)
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    from huishoudboekje.afspraken.selectors import afspraken_van_burger

    burger = get_object_or_404(selectors.burger_met_details(pk))
    deelnames = [
        {
            "deelname": d,
            "status": selectors.status_van(d),
            "buffergrens": selectors.effectieve_buffergrens(d),
            "einde_minimum": selectors.einde_minimale_looptijd(d),
        }
        for d in burger.deelnames.all()
    ]
    context = {
        "burger": burger,
        "rekeningen": list(burger.rekeningen.all()),
        "deelnames": deelnames,
        "kan_nieuwe_deelname": all(d.einddatum is not None for d in burger.deelnames.all()),
        "afspraken": afspraken_van_burger(burger),
        "kruimels": kruimels((burger.naam, "")),
        **_saldo_context(burger, deelnames[0]["buffergrens"] if deelnames else None),
    }
    return render(request, "burgers/detail.html", context)


def _saldo_context(burger: Any, buffergrens: int | None) -> dict[str, Any]:
    """The balance block: today's balance, buffer use, the last bookings, the monthly course."""
    from huishoudboekje.boekhouding import selectors as boekhouding

    saldo = boekhouding.saldo(burger.pk)
    return {
        "saldo": saldo,
        "saldo_buffergrens": buffergrens,
        "saldo_buiten_buffer": buffergrens is not None and saldo < -buffergrens,
        "boekingen": list(boekhouding.journaalposten_van_burger(burger.pk)[:10]),
        "saldoverloop": boekhouding.saldoverloop(burger.pk, maanden=6),
    }


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def nieuw(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        persoon = BurgerFormulier(request.POST)
        deelname = DeelnameFormulier(request.POST, prefix="deelname")
        rekening = RekeningFormulier(request.POST, prefix="rekening", verplicht=False)
        formulieren = (persoon, deelname, rekening)
        if all([f.is_valid() for f in formulieren]):
            try:
                burger = services.burger_aanmaken(
                    door=request.user,
                    gegevens=persoon.gegevens(),
                    deelname=deelname.gegevens(),
                    rekeningen=[rekening.gegevens()],
                )
            except ValidationError as fout:
                fouten_naar_formulieren(fout, *formulieren)
            else:
                messages.success(
                    request,
                    _("Deelnemer %(naam)s is aangemaakt met nummer %(nummer)s.")
                    % {"naam": burger.naam, "nummer": burger.hhb_nummer},
                )
                return redirect("burgers:detail", pk=burger.pk)
    else:
        begin = {"huishouden": request.GET.get("huishouden", "")}
        persoon = BurgerFormulier(initial=begin)
        deelname = DeelnameFormulier(initial=DeelnameFormulier.begin_nieuw(), prefix="deelname")
        rekening = RekeningFormulier(prefix="rekening", verplicht=False)
    secties = [
        (_("Persoonsgegevens"), persoon),
        (_("Deelname"), deelname),
        (_("Eigen bankrekening"), rekening),
    ]
    return render(
        request,
        "burgers/formulier.html",
        {
            "titel": _("Nieuwe deelnemer"),
            "secties": secties,
            "formulieren": [f for _kop, f in secties],
            "fouten": any(f.errors for _kop, f in secties),
            "knoptekst": _("Deelnemer aanmaken"),
            "annuleer_url": reverse("burgers:lijst"),
            "kruimels": kruimels((_("Nieuwe deelnemer"), "")),
        },
    )


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    burger = get_object_or_404(Burger, pk=pk)
    if request.method == "POST":
        formulier = BurgerFormulier(request.POST)
        if formulier.is_valid():
            try:
                services.burger_wijzigen(
                    door=request.user, burger=burger, gegevens=formulier.gegevens()
                )
            except ValidationError as fout:
                fouten_naar_formulieren(fout, formulier)
            else:
                messages.success(request, _("De gegevens van de deelnemer zijn opgeslagen."))
                return redirect("burgers:detail", pk=burger.pk)
    else:
        formulier = BurgerFormulier(initial=BurgerFormulier.begin_uit(burger))
    return _formulier(request, _("Gegevens wijzigen"), formulier, burger, _("Opslaan"))


def _formulier(
    request: HttpRequest, titel: str, formulier: Form, burger: Burger, knoptekst: str, **extra: Any
) -> HttpResponse:
    annuleer = reverse("burgers:detail", kwargs={"pk": burger.pk})
    context = {
        "titel": titel,
        "secties": [("", formulier)],
        "formulieren": [formulier],
        "fouten": bool(formulier.errors),
        "knoptekst": knoptekst,
        "annuleer_url": annuleer,
        "burger": burger,
        "kruimels": kruimels(_burger_kruimel(burger), (titel, "")),
        **extra,
    }
    return render(request, "burgers/formulier.html", context)


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    burger = get_object_or_404(Burger, pk=pk)
    reden = services.burger_in_gebruik(burger)
    if request.method == "POST" and not reden:
        try:
            services.burger_verwijderen(door=request.user, burger=burger)
        except ValidationError as fout:
            reden = " ".join(fout.messages)
        else:
            messages.success(
                request, _("Deelnemer %(nummer)s is verwijderd.") % {"nummer": burger.hhb_nummer}
            )
            return redirect("burgers:lijst")
    context = {
        "burger": burger,
        "reden": reden,
        "kruimels": kruimels(_burger_kruimel(burger), (_("Verwijderen"), "")),
    }
    return render(
        request,
        "burgers/verwijderen.html",
        context,
        status=409 if reden and request.method == "POST" else 200,
    )


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def rekening_koppelen(request: HttpRequest, pk: int) -> HttpResponse:
    burger = get_object_or_404(Burger, pk=pk)
    if request.method == "POST":
        formulier = RekeningFormulier(request.POST)
        if formulier.is_valid():
            try:
                rekening = services.burger_rekening_koppelen(
                    door=request.user, burger=burger, **formulier.gegevens()
                )
            except ValidationError as fout:
                fouten_naar_formulieren(fout, formulier)
            else:
                messages.success(
                    request,
                    _("Rekening %(iban)s is gekoppeld.") % {"iban": rekening.iban_weergave},
                )
                return redirect("burgers:detail", pk=burger.pk)
    else:
        formulier = RekeningFormulier()
    return _formulier(request, _("Rekening toevoegen"), formulier, burger, _("Rekening toevoegen"))


@vereist_recht(SCHRIJVEN)
@require_POST
def rekening_ontkoppelen(request: HttpRequest, pk: int, rekening_pk: int) -> HttpResponse:
    burger = get_object_or_404(Burger, pk=pk)
    rekening = get_object_or_404(Rekening, pk=rekening_pk)
    try:
        services.burger_rekening_ontkoppelen(door=request.user, burger=burger, rekening=rekening)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(
            request, _("Rekening %(iban)s is ontkoppeld.") % {"iban": rekening.iban_weergave}
        )
    return redirect("burgers:detail", pk=burger.pk)


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def deelname_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    burger = get_object_or_404(Burger, pk=pk)
    if request.method == "POST":
        formulier = DeelnameFormulier(request.POST)
        if formulier.is_valid():
            try:
                services.deelname_aanmaken(
                    door=request.user, burger=burger, gegevens=formulier.gegevens()
                )
            except ValidationError as fout:
                fouten_naar_formulieren(fout, formulier)
            else:
                messages.success(request, _("De nieuwe deelname is vastgelegd."))
                return redirect("burgers:detail", pk=burger.pk)
    else:
        formulier = DeelnameFormulier(initial=DeelnameFormulier.begin_nieuw())
    return _formulier(request, _("Nieuwe deelname"), formulier, burger, _("Deelname starten"))


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def deelname_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    deelname = get_object_or_404(Deelname.objects.select_related("burger"), pk=pk)
    if request.method == "POST":
        formulier = DeelnameFormulier(request.POST)
        if formulier.is_valid():
            try:
                services.deelname_wijzigen(
                    door=request.user, deelname=deelname, gegevens=formulier.gegevens()
                )
            except ValidationError as fout:
                fouten_naar_formulieren(fout, formulier)
            else:
                messages.success(request, _("De deelname is opgeslagen."))
                return redirect("burgers:detail", pk=deelname.burger_id)
    else:
        velden = (
            "startdatum",
            "minimale_looptijd_maanden",
            "variant",
            "buffergrens",
            "signaal_negatief_saldo",
        )
        formulier = DeelnameFormulier(initial={v: getattr(deelname, v) for v in velden})
    return _formulier(request, _("Deelname wijzigen"), formulier, deelname.burger, _("Opslaan"))


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def deelname_beeindigen(request: HttpRequest, pk: int) -> HttpResponse:
    deelname = get_object_or_404(Deelname.objects.select_related("burger"), pk=pk)
    if request.method == "POST":
        formulier = BeeindigenFormulier(request.POST)
        if formulier.is_valid():
            try:
                services.deelname_beeindigen(
                    door=request.user,
                    deelname=deelname,
                    einddatum=formulier.cleaned_data["einddatum"],
                    toch_beeindigen=formulier.cleaned_data["toch_beeindigen"],
                )
            except ValidationError as fout:
                fouten_naar_formulieren(fout, formulier)
            else:
                messages.success(request, _("De deelname is beëindigd."))
                return redirect("burgers:detail", pk=deelname.burger_id)
    else:
        formulier = BeeindigenFormulier(
            initial={"einddatum": deelname.einddatum or timezone.localdate()}
        )
    einde_minimum = selectors.einde_minimale_looptijd(deelname)
    return _formulier(
        request,
        _("Deelname beëindigen"),
        formulier,
        deelname.burger,
        _("Deelname beëindigen"),
        deelname=deelname,
        einde_minimum=einde_minimum,
        binnen_minimum=timezone.localdate() < einde_minimum,
    )
