"""Screens for departments of an organisation, their postal addresses and the bank
accounts linked to them. Every write returns to the organisation's detail page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from huishoudboekje.accounts.permissions import vereist_recht
from huishoudboekje.rekeningen.models import Rekening

from . import selectors, services, services_afdelingen
from .forms import AfdelingFormulier, PostadresFormulier, RekeningKoppelenFormulier
from .models import Afdeling, Organisatie, Postadres
from .views import (
    SCHRIJVEN,
    formulier_pagina,
    fouten_naar_formulier,
    kruimels,
    organisatie_kruimel,
    reden_van,
    verwijder_pagina,
)


def _detail_url(organisatie: Organisatie, afdeling: Afdeling | None = None) -> str:
    url = reverse("organisaties:detail", kwargs={"pk": organisatie.pk})
    return f"{url}#afdeling-{afdeling.pk}" if afdeling is not None and afdeling.pk else url


def _afdeling(pk: int) -> Afdeling:
    return get_object_or_404(Afdeling.objects.select_related("organisatie"), pk=pk)


def _post(request: HttpRequest) -> object:
    return request.POST if request.method == "POST" else None


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def afdeling_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    organisatie = get_object_or_404(Organisatie, pk=pk)
    formulier = AfdelingFormulier(_post(request))
    if request.method == "POST" and formulier.is_valid():
        try:
            afdeling = services.afdeling_aanmaken(
                door=request.user, organisatie=organisatie, gegevens=formulier.gegevens()
            )
        except ValidationError as fout:
            fouten_naar_formulier(fout, formulier)
        else:
            messages.success(
                request, _("Afdeling %(naam)s is toegevoegd.") % {"naam": afdeling.naam}
            )
            return redirect(_detail_url(organisatie, afdeling))
    return formulier_pagina(
        request,
        formulier,
        titel=_("Nieuwe afdeling van %(organisatie)s") % {"organisatie": organisatie.naam},
        knoptekst=_("Afdeling toevoegen"),
        annuleer_url=_detail_url(organisatie),
        kruimels=kruimels(organisatie_kruimel(organisatie), (_("Nieuwe afdeling"), "")),
    )


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def afdeling_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    afdeling = _afdeling(pk)
    organisatie = afdeling.organisatie
    formulier = AfdelingFormulier.voor(afdeling, _post(request))
    if request.method == "POST" and formulier.is_valid():
        try:
            services.afdeling_wijzigen(
                door=request.user, afdeling=afdeling, gegevens=formulier.gegevens()
            )
        except ValidationError as fout:
            fouten_naar_formulier(fout, formulier)
        else:
            messages.success(request, _("De afdeling is opgeslagen."))
            return redirect(_detail_url(organisatie, afdeling))
    return formulier_pagina(
        request,
        formulier,
        titel=_("Afdeling %(naam)s wijzigen") % {"naam": afdeling.naam},
        annuleer_url=_detail_url(organisatie, afdeling),
        kruimels=kruimels(
            organisatie_kruimel(organisatie), (_("Afdeling %(naam)s") % {"naam": afdeling.naam}, "")
        ),
    )


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def afdeling_verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    afdeling = _afdeling(pk)
    organisatie = afdeling.organisatie
    reden = selectors.afdeling_in_gebruik(afdeling)
    status = 200
    if request.method == "POST":
        try:
            services.afdeling_verwijderen(door=request.user, afdeling=afdeling)
        except ValidationError as fout:
            reden, status = reden_van(fout), 409
        else:
            messages.success(
                request, _("Afdeling %(naam)s is verwijderd.") % {"naam": afdeling.naam}
            )
            return redirect(_detail_url(organisatie))
    return verwijder_pagina(
        request,
        reden=reden,
        status=status,
        titel=_("Afdeling verwijderen"),
        vraag=_(
            "Weet u zeker dat u afdeling %(afdeling)s van %(organisatie)s wilt verwijderen? "
            "De postadressen van de afdeling worden ook verwijderd; "
            "gekoppelde rekeningen blijven bestaan."
        )
        % {"afdeling": afdeling.naam, "organisatie": organisatie.naam},
        terug_url=_detail_url(organisatie, afdeling),
        kruimels=kruimels(organisatie_kruimel(organisatie), (_("Afdeling verwijderen"), "")),
    )


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def postadres_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    afdeling = _afdeling(pk)
    organisatie = afdeling.organisatie
    formulier = PostadresFormulier(_post(request))
    if request.method == "POST" and formulier.is_valid():
        try:
            services_afdelingen.postadres_aanmaken(
                door=request.user, afdeling=afdeling, gegevens=formulier.gegevens()
            )
        except ValidationError as fout:
            fouten_naar_formulier(fout, formulier)
        else:
            messages.success(request, _("Het postadres is toegevoegd."))
            return redirect(_detail_url(organisatie, afdeling))
    return formulier_pagina(
        request,
        formulier,
        titel=_("Nieuw postadres voor %(afdeling)s") % {"afdeling": afdeling},
        knoptekst=_("Postadres toevoegen"),
        annuleer_url=_detail_url(organisatie, afdeling),
        kruimels=kruimels(organisatie_kruimel(organisatie), (_("Nieuw postadres"), "")),
    )


def _postadres(pk: int) -> Postadres:
    return get_object_or_404(Postadres.objects.select_related("afdeling__organisatie"), pk=pk)


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def postadres_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    adres = _postadres(pk)
    afdeling = adres.afdeling
    organisatie = afdeling.organisatie
    formulier = PostadresFormulier.voor(adres, _post(request))
    if request.method == "POST" and formulier.is_valid():
        try:
            services_afdelingen.postadres_wijzigen(
                door=request.user, postadres=adres, gegevens=formulier.gegevens()
            )
        except ValidationError as fout:
            fouten_naar_formulier(fout, formulier)
        else:
            messages.success(request, _("Het postadres is opgeslagen."))
            return redirect(_detail_url(organisatie, afdeling))
    return formulier_pagina(
        request,
        formulier,
        titel=_("Postadres van %(afdeling)s wijzigen") % {"afdeling": afdeling},
        annuleer_url=_detail_url(organisatie, afdeling),
        kruimels=kruimels(organisatie_kruimel(organisatie), (_("Postadres wijzigen"), "")),
    )


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def postadres_verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    adres = _postadres(pk)
    afdeling = adres.afdeling
    organisatie = afdeling.organisatie
    if request.method == "POST":
        services_afdelingen.postadres_verwijderen(door=request.user, postadres=adres)
        messages.success(request, _("Het postadres is verwijderd."))
        return redirect(_detail_url(organisatie, afdeling))
    return verwijder_pagina(
        request,
        reden=None,
        titel=_("Postadres verwijderen"),
        vraag=_("Weet u zeker dat u het postadres %(adres)s van %(afdeling)s wilt verwijderen?")
        % {"adres": adres, "afdeling": afdeling},
        terug_url=_detail_url(organisatie, afdeling),
        kruimels=kruimels(organisatie_kruimel(organisatie), (_("Postadres verwijderen"), "")),
    )


def _gedeeld_met(rekening: Rekening, afdeling: Afdeling) -> str:
    """Who else holds this account, for the message after linking (no personal names)."""
    andere = [
        str(a) for a in rekening.afdelingen.select_related("organisatie").exclude(pk=afdeling.pk)
    ]
    burgers = rekening.burgers.count()
    if burgers:
        andere.append(
            ngettext("%(aantal)d deelnemer", "%(aantal)d deelnemers", burgers) % {"aantal": burgers}
        )
    if not andere:
        return ""
    return " " + _("Deze rekening is ook gekoppeld aan: %(andere)s.") % {
        "andere": "; ".join(andere)
    }


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def rekening_koppelen(request: HttpRequest, pk: int) -> HttpResponse:
    afdeling = _afdeling(pk)
    organisatie = afdeling.organisatie
    formulier = RekeningKoppelenFormulier(_post(request))
    if request.method == "POST" and formulier.is_valid():
        try:
            rekening, nieuw = services_afdelingen.afdeling_rekening_koppelen(
                door=request.user, afdeling=afdeling, **formulier.gegevens()
            )
        except ValidationError as fout:
            fouten_naar_formulier(fout, formulier)
        else:
            if nieuw:
                melding = _(
                    "Nieuwe rekening %(iban)s (%(houder)s) is gekoppeld aan afdeling %(afdeling)s."
                )
            else:
                melding = _(
                    "Bestaande rekening %(iban)s (%(houder)s) is gekoppeld aan afdeling "
                    "%(afdeling)s."
                )
            gegevens = {
                "iban": rekening.iban_weergave,
                "houder": rekening.rekeninghouder,
                "afdeling": afdeling.naam,
            }
            messages.success(request, melding % gegevens + _gedeeld_met(rekening, afdeling))
            return redirect(_detail_url(organisatie, afdeling))
    return formulier_pagina(
        request,
        formulier,
        titel=_("Rekening koppelen aan %(afdeling)s") % {"afdeling": afdeling},
        knoptekst=_("Rekening koppelen"),
        annuleer_url=_detail_url(organisatie, afdeling),
        kruimels=kruimels(organisatie_kruimel(organisatie), (_("Rekening koppelen"), "")),
    )


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def rekening_ontkoppelen(request: HttpRequest, pk: int, rekening_pk: int) -> HttpResponse:
    afdeling = _afdeling(pk)
    organisatie = afdeling.organisatie
    rekening = get_object_or_404(afdeling.rekeningen.all(), pk=rekening_pk)
    reden = selectors.koppeling_in_gebruik(afdeling, rekening)
    status = 200
    if request.method == "POST":
        try:
            services_afdelingen.afdeling_rekening_ontkoppelen(
                door=request.user, afdeling=afdeling, rekening=rekening
            )
        except ValidationError as fout:
            reden, status = reden_van(fout), 409
        else:
            messages.success(
                request,
                _("Rekening %(iban)s is ontkoppeld van afdeling %(afdeling)s.")
                % {"iban": rekening.iban_weergave, "afdeling": afdeling.naam},
            )
            return redirect(_detail_url(organisatie, afdeling))
    return verwijder_pagina(
        request,
        reden=reden,
        status=status,
        titel=_("Rekening ontkoppelen"),
        knoptekst=_("Ontkoppelen"),
        vraag=_(
            "Weet u zeker dat u rekening %(iban)s wilt ontkoppelen van %(afdeling)s? "
            "De rekening zelf blijft bestaan."
        )
        % {"iban": rekening.iban_weergave, "afdeling": afdeling},
        terug_url=_detail_url(organisatie, afdeling),
        kruimels=kruimels(organisatie_kruimel(organisatie), (_("Rekening ontkoppelen"), "")),
    )
