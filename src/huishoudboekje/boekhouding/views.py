"""Rubrieken (classifications of incomes and expenses) and the read-only list of RGS
ledger accounts they are booked on."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from huishoudboekje.accounts.permissions import vereist_recht
from huishoudboekje.accounts.roles import Recht

from . import selectors, services
from .forms import RubriekFormulier
from .models import Rubriek


def _kruimels(label: str) -> list[dict[str, str]]:
    return [
        {"label": _("Rubrieken"), "url": reverse("boekhouding:rubrieken")},
        {"label": label, "url": ""},
    ]


@vereist_recht(Recht.RUBRIEKEN_LEZEN)
@require_http_methods(["GET", "HEAD"])
def rubrieken(request: HttpRequest) -> HttpResponse:
    lijst = selectors.rubrieken_met_gebruik()
    return render(
        request,
        "boekhouding/rubrieken.html",
        {
            "rubrieken": lijst,
            "mag_wijzigen": request.user.mag(Recht.RUBRIEKEN_WIJZIGEN),
        },
    )


@vereist_recht(Recht.RUBRIEKEN_LEZEN)
@require_http_methods(["GET", "HEAD"])
def grootboekrekeningen(request: HttpRequest) -> HttpResponse:
    lijst = selectors.grootboekrekeningen_met_rubrieken()
    return render(
        request,
        "boekhouding/grootboekrekeningen.html",
        {
            "grootboekrekeningen": lijst,
            "kruimels": _kruimels(_("Grootboekrekeningen")),
        },
    )


@vereist_recht(Recht.RUBRIEKEN_WIJZIGEN)
@require_http_methods(["GET", "POST"])
def rubriek_nieuw(request: HttpRequest) -> HttpResponse:
    return _formulier(request, Rubriek())


@vereist_recht(Recht.RUBRIEKEN_WIJZIGEN)
@require_http_methods(["GET", "POST"])
def rubriek_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    return _formulier(request, get_object_or_404(Rubriek, pk=pk))


def _formulier(request: HttpRequest, rubriek: Rubriek) -> HttpResponse:
    nieuw = rubriek.pk is None
    formulier = RubriekFormulier(request.POST or None, instance=rubriek)
    if request.method == "POST" and formulier.is_valid():
        try:
            opgeslagen = services.rubriek_opslaan(door=request.user, rubriek=formulier.instance)
        except ValidationError as fout:
            for veld, lijst in (
                fout.error_dict.items() if hasattr(fout, "error_dict") else [(None, fout)]
            ):
                formulier.add_error(veld if veld in formulier.fields else None, lijst)
        else:
            messages.success(
                request, _("Rubriek %(naam)s is opgeslagen.") % {"naam": opgeslagen.naam}
            )
            return redirect("boekhouding:rubrieken")
    titel = (
        _("Nieuwe rubriek")
        if nieuw
        else _("Rubriek %(naam)s wijzigen") % {"naam": Rubriek.objects.get(pk=rubriek.pk).naam}
    )
    return render(
        request,
        "boekhouding/rubriek_formulier.html",
        {
            "form": formulier,
            "titel": titel,
            "kruimels": _kruimels(titel),
        },
    )


@vereist_recht(Recht.RUBRIEKEN_WIJZIGEN)
@require_http_methods(["GET", "POST"])
def rubriek_verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    rubriek = get_object_or_404(Rubriek.objects.select_related("grootboekrekening"), pk=pk)
    in_gebruik = rubriek.afspraken.count()
    if request.method == "POST":
        try:
            services.rubriek_verwijderen(door=request.user, rubriek=rubriek)
        except ValidationError as fout:
            for melding in fout.messages:
                messages.error(request, melding)
            return redirect("boekhouding:rubriek_verwijderen", pk=rubriek.pk)
        messages.success(request, _("Rubriek %(naam)s is verwijderd.") % {"naam": rubriek.naam})
        return redirect("boekhouding:rubrieken")
    return render(
        request,
        "boekhouding/rubriek_verwijderen.html",
        {
            "rubriek": rubriek,
            "in_gebruik": in_gebruik,
            "kruimels": _kruimels(_("Rubriek verwijderen")),
        },
    )
