"""Screen for a follow-up under another direction or rubriek: the way to change them
once an agreement has bookings (the change form shows them fixed and links here)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from huishoudboekje.accounts.permissions import vereist_recht
from huishoudboekje.accounts.roles import Recht

from . import services
from .forms_acties import RubriekVervolgFormulier
from .views import _fouten_naar_formulier, _haal, _kruimels, _vandaag, naar_het_vervolg


@vereist_recht(Recht.AFSPRAKEN_WIJZIGEN)
@require_http_methods(["GET", "POST"])
def vervolg_rubriek(request: HttpRequest, pk: int) -> HttpResponse:
    afspraak = _haal(pk)
    detail_url = reverse("afspraken:detail", kwargs={"pk": afspraak.pk})
    if hasattr(afspraak, "vervolg"):
        return naar_het_vervolg(request, afspraak)
    einde = max(afspraak.geldig_van, _vandaag())
    if afspraak.geldig_tot is not None:
        einde = min(einde, afspraak.geldig_tot)
    formulier = RubriekVervolgFormulier(
        request.POST or None,
        initial={
            "einddatum": einde,
            "richting": afspraak.richting,
            "rubriek": afspraak.rubriek_id,
            "betaalwijze": afspraak.betaalwijze,
        },
    )
    if request.method == "POST" and formulier.is_valid():
        try:
            nieuw = services.afspraak_vervolgen_met_rubriek(
                door=request.user, afspraak=afspraak, **formulier.cleaned_data
            )
        except ValidationError as fout:
            _fouten_naar_formulier(formulier, fout)
        else:
            messages.success(
                request,
                _(
                    "Vervolgafspraak '%(omschrijving)s' is aangemaakt met rubriek %(rubriek)s; "
                    "de vorige afspraak eindigt op %(datum)s en houdt haar boekingen."
                )
                % {
                    "omschrijving": nieuw.omschrijving,
                    "rubriek": nieuw.rubriek.naam,
                    "datum": f"{formulier.cleaned_data['einddatum']:%d-%m-%Y}",
                },
            )
            return redirect("afspraken:detail", pk=nieuw.pk)
    return render(
        request,
        "afspraken/vervolg_rubriek.html",
        {
            "form": formulier,
            "afspraak": afspraak,
            "burger": afspraak.burger,
            "annuleer_url": detail_url,
            "kruimels": _kruimels(
                afspraak.burger,
                (afspraak.omschrijving, detail_url),
                (_("Vervolg met andere rubriek"), ""),
            ),
        },
    )
