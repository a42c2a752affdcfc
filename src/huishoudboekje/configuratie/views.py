"""Configuration screens for the functional administrator: the municipality's settings
and its own bank accounts. Readers (teamleider, auditor) see them; only the beheerder
changes them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from huishoudboekje.accounts.permissions import vereist_recht
from huishoudboekje.accounts.roles import Recht

from . import selectors, services
from .forms import GemeenteFormulier, GemeenteRekeningFormulier
from .models import GemeenteRekening


def _fouten_naar_formulier(formulier: Form, fout: ValidationError) -> None:
    if hasattr(fout, "error_dict"):
        for veld, lijst in fout.error_dict.items():
            formulier.add_error(veld if veld in formulier.fields else None, lijst)
    else:
        formulier.add_error(None, fout)


def _kruimels(label: str) -> list[dict[str, str]]:
    return [
        {"label": _("Configuratie"), "url": reverse("configuratie:overzicht")},
        {"label": label, "url": ""},
    ]


@vereist_recht(Recht.CONFIGURATIE_LEZEN)
@require_http_methods(["GET", "HEAD"])
def overzicht(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "configuratie/overzicht.html",
        {
            "gemeente": selectors.gemeente(),
            "rekeningen": selectors.gemeenterekeningen(),
            "mag_wijzigen": request.user.mag(Recht.CONFIGURATIE_WIJZIGEN),
        },
    )


@vereist_recht(Recht.CONFIGURATIE_WIJZIGEN)
@require_http_methods(["GET", "POST"])
def wijzigen(request: HttpRequest) -> HttpResponse:
    gemeente = selectors.gemeente()
    formulier = GemeenteFormulier.voor(gemeente, request.POST or None)
    if request.method == "POST" and formulier.is_valid():
        try:
            services.gemeente_wijzigen(door=request.user, **formulier.cleaned_data)
        except ValidationError as fout:
            _fouten_naar_formulier(formulier, fout)
        else:
            messages.success(request, _("De instellingen van de gemeente zijn opgeslagen."))
            return redirect("configuratie:overzicht")
    return render(
        request,
        "configuratie/formulier.html",
        {
            "form": formulier,
            "titel": _("Instellingen wijzigen"),
            "kruimels": _kruimels(_("Instellingen wijzigen")),
        },
    )


@vereist_recht(Recht.CONFIGURATIE_WIJZIGEN)
@require_http_methods(["GET", "POST"])
def rekening_nieuw(request: HttpRequest) -> HttpResponse:
    return _rekening_formulier(request, None)


@vereist_recht(Recht.CONFIGURATIE_WIJZIGEN)
@require_http_methods(["GET", "POST"])
def rekening_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    return _rekening_formulier(request, get_object_or_404(GemeenteRekening, pk=pk))


def _rekening_formulier(request: HttpRequest, rekening: GemeenteRekening | None) -> HttpResponse:
    begin = (
        {veld: getattr(rekening, veld) for veld in GemeenteRekeningFormulier.base_fields}
        if rekening
        else None
    )
    formulier = GemeenteRekeningFormulier(request.POST or None, initial=begin)
    if request.method == "POST" and formulier.is_valid():
        try:
            opgeslagen = services.gemeenterekening_opslaan(
                door=request.user, rekening=rekening, **formulier.cleaned_data
            )
        except ValidationError as fout:
            _fouten_naar_formulier(formulier, fout)
        else:
            messages.success(
                request,
                _("Rekening %(houder)s is opgeslagen.") % {"houder": opgeslagen.rekeninghouder},
            )
            return redirect("configuratie:overzicht")
    titel = (
        _("Rekening van de gemeente wijzigen") if rekening else _("Nieuwe rekening van de gemeente")
    )
    return render(
        request,
        "configuratie/formulier.html",
        {
            "form": formulier,
            "titel": titel,
            "kruimels": _kruimels(titel),
        },
    )


@vereist_recht(Recht.CONFIGURATIE_WIJZIGEN)
@require_http_methods(["GET", "POST"])
def rekening_verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    rekening = get_object_or_404(GemeenteRekening, pk=pk)
    reden = selectors.gemeenterekening_in_gebruik(rekening)
    status = 200
    if request.method == "POST":
        try:
            services.gemeenterekening_verwijderen(door=request.user, rekening=rekening)
        except ValidationError as fout:
            reden, status = " ".join(fout.messages), 409
        else:
            messages.success(
                request,
                _("Rekening %(houder)s is verwijderd.") % {"houder": rekening.rekeninghouder},
            )
            return redirect("configuratie:overzicht")
    return render(
        request,
        "configuratie/rekening_verwijderen.html",
        {
            "rekening": rekening,
            "reden": reden,
            "kruimels": _kruimels(_("Rekening verwijderen")),
        },
        status=status,
    )
