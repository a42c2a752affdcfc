"""Rubrieken (classifications of incomes and expenses), the read-only list of RGS
ledger accounts they are booked on, and closing the ledger through a date (shown on the
ledger accounts page)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from huishoudboekje.accounts.permissions import vereist_recht
from huishoudboekje.accounts.roles import Recht

from . import selectors, services
from .forms import PeriodeFormulier, RubriekFormulier
from .grootboek import afgesloten_tot
from .models import Periodeafsluiting, Rubriek
from .services_periode import Periodefout, periode_afsluiten


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
    mag_afsluiten = request.user.mag(Recht.BOEKPERIODE_WIJZIGEN)  # type: ignore[union-attr]
    return render(
        request,
        "boekhouding/grootboekrekeningen.html",
        {
            "grootboekrekeningen": lijst,
            "afgesloten_tot": afgesloten_tot(),
            "afsluitingen": Periodeafsluiting.objects.order_by("-tot_en_met")[:5],
            "periodeformulier": PeriodeFormulier() if mag_afsluiten else None,
            "kruimels": _kruimels(_("Grootboekrekeningen")),
        },
    )


@vereist_recht(Recht.BOEKPERIODE_WIJZIGEN)
@require_POST
def periode_afsluiten_view(request: HttpRequest) -> HttpResponse:
    """Close the ledger through the chosen date (teamleider); refused: says why."""
    formulier = PeriodeFormulier(request.POST)
    if not formulier.is_valid():
        for fouten in formulier.errors.values():
            for fout in fouten:
                messages.error(request, fout)
        return redirect("boekhouding:grootboekrekeningen")
    try:
        afsluiting = periode_afsluiten(
            door=request.user,  # type: ignore[arg-type]
            tot_en_met=formulier.cleaned_data["tot_en_met"],
            toelichting=formulier.cleaned_data.get("toelichting") or "",
        )
    except Periodefout as fout:
        messages.error(request, str(fout))
    else:
        messages.success(
            request,
            _("De boekingen zijn afgesloten tot en met %(datum)s.")
            % {"datum": f"{afsluiting.tot_en_met:%d-%m-%Y}"},
        )
    return redirect("boekhouding:grootboekrekeningen")


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
