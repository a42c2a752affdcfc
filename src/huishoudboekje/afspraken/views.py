"""Screens for agreements: create, detail, change, follow-up, copy, end and delete.

Thin adapters: the form parses, `regels` checks, a service writes; errors the service
raises are put back on the form field they belong to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from huishoudboekje.accounts.permissions import vereist_recht
from huishoudboekje.accounts.roles import Recht
from huishoudboekje.burgers.models import Burger
from huishoudboekje.core import schedules
from huishoudboekje.ui.zoekopdracht import zoekformulier, zoekopdracht

from . import selectors, services
from .forms import AfspraakFormulier, begin_leefgeld, begin_uit_afspraak
from .forms_acties import DeelnemerKiezenFormulier, EinddatumFormulier
from .models import Afspraak

ONGEBONDEN_KNOP = "_rekeningen_tonen"  # no-JS: reload the account choices for a department
VASTE_VELDEN_NA_BOEKING = ("richting", "rubriek")  # fixed once bookings exist (services refuse it)


def burger_url(burger: Burger) -> str:
    """The participant's page (the burgers app owns it; fall back to the list)."""
    try:
        return reverse("burgers:detail", kwargs={"pk": burger.pk})
    except NoReverseMatch:
        return reverse("burgers:lijst")


def _kruimels(burger: Burger, *stappen: tuple[str, str]) -> list[dict[str, str]]:
    kruimels = [
        {"label": _("Deelnemers"), "url": reverse("burgers:lijst")},
        {"label": burger.naam, "url": burger_url(burger)},
    ]
    return kruimels + [{"label": label, "url": url} for label, url in stappen]


def _fouten_naar_formulier(formulier: Form, fout: ValidationError) -> None:
    if hasattr(fout, "error_dict"):
        for veld, lijst in fout.error_dict.items():
            formulier.add_error(veld if veld in formulier.fields else None, lijst)
    else:
        formulier.add_error(None, fout)


def _haal(pk: int) -> Afspraak:
    return get_object_or_404(selectors.afspraak_met_details(pk))


def _met_htmx(formulier: AfspraakFormulier, burger: Burger) -> AfspraakFormulier:
    """Choosing a department reloads the account choices, choosing the direction the
    rubrieken that fit it (htmx; without JavaScript the server filters on reload)."""
    formulier.fields["afdeling"].widget.attrs.update(
        {
            "hx-get": reverse("afspraken:rekeningkeuze", kwargs={"burger_pk": burger.pk}),
            "hx-trigger": "change",
            "hx-target": "#hhb-tegenrekening",
            "hx-swap": "outerHTML",
        }
    )
    formulier.fields["richting"].widget.attrs.update(
        {
            "hx-get": reverse("afspraken:rubriekkeuze", kwargs={"burger_pk": burger.pk}),
            "hx-trigger": "change",
            "hx-include": "[name='rubriek']",
            "hx-target": "#hhb-rubriek",
            "hx-swap": "outerHTML",
        }
    )
    return formulier


def _formulier_pagina(
    request: HttpRequest,
    *,
    burger: Burger,
    begin: dict[str, Any],
    opslaan: Callable[[dict[str, Any]], Afspraak],
    titel: str,
    melding: str,  # translated, with {omschrijving}
    kruimels: list[dict[str, str]],
    annuleer_url: str,
    vaste_velden: tuple[str, ...] = (),
    **extra: Any,
) -> HttpResponse:
    opties: dict[str, Any] = {"burger": burger, "vaste_velden": vaste_velden}
    if request.method == "POST" and ONGEBONDEN_KNOP in request.POST:
        vast = {veld: begin.get(veld) for veld in vaste_velden}
        formulier = AfspraakFormulier(initial=request.POST.dict() | vast, **opties)
    elif request.method == "POST":
        # A fixed (disabled) field takes its value from `initial`, never from the post.
        formulier = AfspraakFormulier(request.POST, initial=begin, **opties)
        if formulier.is_valid():
            try:
                afspraak = opslaan(formulier.gegevens())
            except ValidationError as fout:
                _fouten_naar_formulier(formulier, fout)
            else:
                messages.success(request, melding.format(omschrijving=afspraak.omschrijving))
                return redirect("afspraken:detail", pk=afspraak.pk)
    else:
        formulier = AfspraakFormulier(initial=begin, **opties)
    context = {
        "form": _met_htmx(formulier, burger),
        "burger": burger,
        "titel": titel,
        "kruimels": kruimels,
        "annuleer_url": annuleer_url,
        "ongebonden_knop": ONGEBONDEN_KNOP,
        **extra,
    }
    return render(request, "afspraken/formulier.html", context)


def _vandaag() -> dt.date:
    return timezone.localdate()


@vereist_recht(Recht.AFSPRAKEN_WIJZIGEN)
@require_http_methods(["GET", "POST"])
def nieuw(request: HttpRequest, burger_pk: int) -> HttpResponse:
    burger = get_object_or_404(Burger, pk=burger_pk)
    leefgeld = request.GET.get("leefgeld") == "1"
    begin = begin_leefgeld(burger) if leefgeld else {"geldig_van": _vandaag(), "interval": 1}
    titel = _("Nieuwe leefgeldafspraak") if leefgeld else _("Nieuwe afspraak")
    return _formulier_pagina(
        request,
        burger=burger,
        begin=begin,
        opslaan=lambda gegevens: services.afspraak_aanmaken(
            door=request.user, burger=burger, gegevens=gegevens
        ),
        titel=titel,
        melding=_("Afspraak '{omschrijving}' is aangemaakt."),
        kruimels=_kruimels(burger, (titel, "")),
        annuleer_url=burger_url(burger),
        leefgeld_url=None
        if leefgeld
        else reverse("afspraken:nieuw", kwargs={"burger_pk": burger.pk}) + "?leefgeld=1",
    )


@vereist_recht(Recht.AFSPRAKEN_LEZEN)
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    afspraak = _haal(pk)
    vandaag = _vandaag()
    return render(
        request,
        "afspraken/detail.html",
        {
            "afspraak": afspraak,
            "burger": afspraak.burger,
            "burger_url": burger_url(afspraak.burger),
            "schema_in_woorden": schedules.omschrijving(afspraak.betaalschema),
            "verwachte_datums": selectors.verwachte_datums(afspraak, vanaf=vandaag),
            "vandaag": vandaag,
            "keten": selectors.keten(afspraak),
            "heeft_vervolg": hasattr(afspraak, "vervolg"),
            "in_gebruik": services.afspraak_in_gebruik(afspraak),
            "mag_wijzigen": request.user.mag(Recht.AFSPRAKEN_WIJZIGEN),
            "kruimels": _kruimels(afspraak.burger, (afspraak.omschrijving, "")),
        },
    )


@vereist_recht(Recht.AFSPRAKEN_WIJZIGEN)
@require_http_methods(["GET", "POST"])
def wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    afspraak = _haal(pk)
    detail_url = reverse("afspraken:detail", kwargs={"pk": afspraak.pk})
    geboekt = selectors.heeft_boekingen(afspraak)
    return _formulier_pagina(
        request,
        burger=afspraak.burger,
        begin=begin_uit_afspraak(afspraak),
        vaste_velden=VASTE_VELDEN_NA_BOEKING if geboekt else (),
        vervolg_rubriek_url=reverse("afspraken:vervolg_rubriek", kwargs={"pk": afspraak.pk})
        if geboekt and not hasattr(afspraak, "vervolg")
        else None,
        opslaan=lambda gegevens: services.afspraak_wijzigen(
            door=request.user, afspraak=afspraak, gegevens=gegevens
        ),
        titel=_("Afspraak wijzigen"),
        melding=_("Afspraak '{omschrijving}' is gewijzigd."),
        kruimels=_kruimels(
            afspraak.burger, (afspraak.omschrijving, detail_url), (_("Wijzigen"), "")
        ),
        annuleer_url=detail_url,
        uitleg=_(
            "Gebruik wijzigen om een vergissing te herstellen. Verandert de afspraak vanaf een "
            "bepaalde datum (bijvoorbeeld een nieuw bedrag), maak dan een vervolgafspraak."
        ),
    )


def _begin_vervolg(afspraak: Afspraak) -> dt.date:
    """Default start of a follow-up: the day after the old one ends, else the first of
    next month (but always after the old one started)."""
    if afspraak.geldig_tot:
        return afspraak.geldig_tot + dt.timedelta(days=1)
    vandaag = _vandaag()
    eerste = (vandaag.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return max(eerste, afspraak.geldig_van + dt.timedelta(days=1))


def naar_het_vervolg(request: HttpRequest, afspraak: Afspraak) -> HttpResponse:
    """A second follow-up is refused: to the follow-up there is, with the reason."""
    messages.error(
        request,
        _("Deze afspraak heeft al een vervolgafspraak; maak een vervolg op die afspraak."),
    )
    return redirect("afspraken:detail", pk=afspraak.vervolg.pk)


@vereist_recht(Recht.AFSPRAKEN_WIJZIGEN)
@require_http_methods(["GET", "POST"])
def vervolg(request: HttpRequest, pk: int) -> HttpResponse:
    afspraak = _haal(pk)
    detail_url = reverse("afspraken:detail", kwargs={"pk": afspraak.pk})
    if hasattr(afspraak, "vervolg"):
        return naar_het_vervolg(request, afspraak)
    begin = begin_uit_afspraak(afspraak) | {
        "geldig_van": _begin_vervolg(afspraak),
        "geldig_tot": None,
    }
    return _formulier_pagina(
        request,
        burger=afspraak.burger,
        begin=begin,
        opslaan=lambda gegevens: services.afspraak_vervolgen(
            door=request.user, afspraak=afspraak, gegevens=gegevens
        ),
        titel=_("Vervolgafspraak maken"),
        melding=_(
            "Vervolgafspraak '{omschrijving}' is aangemaakt; de vorige afspraak is beëindigd."
        ),
        kruimels=_kruimels(
            afspraak.burger, (afspraak.omschrijving, detail_url), (_("Vervolg"), "")
        ),
        annuleer_url=detail_url,
        uitleg=_(
            "De huidige afspraak eindigt op de dag vóór 'Geldig vanaf' van de vervolgafspraak. "
            "Pas aan wat verandert, bijvoorbeeld het bedrag."
        ),
    )


@vereist_recht(Recht.AFSPRAKEN_WIJZIGEN)
@zoekformulier("deelnemer", alleen_met="deelnemer_kiezen")  # what is typed: not in the URL
@require_http_methods(["GET", "POST"])
def kopie(request: HttpRequest, pk: int) -> HttpResponse:
    bron = _haal(pk)
    detail_url = reverse("afspraken:detail", kwargs={"pk": bron.pk})
    gekozen = zoekopdracht(request)
    kiezen = DeelnemerKiezenFormulier(
        gekozen if "deelnemer" in gekozen else None,
        initial={"deelnemer": bron.burger.hhb_nummer},
    )
    burger = (
        kiezen.cleaned_data["deelnemer"] if kiezen.is_bound and kiezen.is_valid() else bron.burger
    )
    begin = begin_uit_afspraak(bron)
    if burger != bron.burger and bron.afdeling_id is None:
        begin["tegenrekening"] = None  # the source's own account belongs to someone else
    return _formulier_pagina(
        request,
        burger=burger,
        begin=begin,
        opslaan=lambda gegevens: services.afspraak_kopieren(
            door=request.user, bron=bron, burger=burger, gegevens=gegevens
        ),
        titel=_("Afspraak kopiëren"),
        melding=_("Kopie '{omschrijving}' is aangemaakt."),
        kruimels=_kruimels(bron.burger, (bron.omschrijving, detail_url), (_("Kopiëren"), "")),
        annuleer_url=detail_url,
        kiezen=kiezen,
        uitleg=_(
            "Een nieuwe afspraak voor %(naam)s (%(nummer)s), met de gegevens van "
            "'%(omschrijving)s' al ingevuld."
        )
        % {"naam": burger.naam, "nummer": burger.hhb_nummer, "omschrijving": bron.omschrijving},
    )


@vereist_recht(Recht.AFSPRAKEN_WIJZIGEN)
@require_http_methods(["GET", "POST"])
def beeindigen(request: HttpRequest, pk: int) -> HttpResponse:
    afspraak = _haal(pk)
    detail_url = reverse("afspraken:detail", kwargs={"pk": afspraak.pk})
    formulier = EinddatumFormulier(
        request.POST or None, initial={"einddatum": afspraak.geldig_tot or _vandaag()}
    )
    if request.method == "POST" and formulier.is_valid():
        try:
            services.afspraak_beeindigen(
                door=request.user, afspraak=afspraak, einddatum=formulier.cleaned_data["einddatum"]
            )
        except ValidationError as fout:
            _fouten_naar_formulier(formulier, fout)
        else:
            messages.success(
                request,
                _("Afspraak '%(omschrijving)s' is beëindigd.")
                % {"omschrijving": afspraak.omschrijving},
            )
            return redirect("afspraken:detail", pk=afspraak.pk)
    return render(
        request,
        "afspraken/beeindigen.html",
        {
            "form": formulier,
            "afspraak": afspraak,
            "annuleer_url": detail_url,
            "kruimels": _kruimels(
                afspraak.burger, (afspraak.omschrijving, detail_url), (_("Beëindigen"), "")
            ),
        },
    )


@vereist_recht(Recht.AFSPRAKEN_WIJZIGEN)
@require_http_methods(["GET", "POST"])
def verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    afspraak = _haal(pk)
    burger = afspraak.burger
    detail_url = reverse("afspraken:detail", kwargs={"pk": afspraak.pk})
    if request.method == "POST":
        try:
            services.afspraak_verwijderen(door=request.user, afspraak=afspraak)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
            return redirect(detail_url)
        messages.success(
            request,
            _("Afspraak '%(omschrijving)s' is verwijderd.")
            % {"omschrijving": afspraak.omschrijving},
        )
        return redirect(burger_url(burger))
    return render(
        request,
        "afspraken/verwijderen.html",
        {
            "afspraak": afspraak,
            "reden": services.afspraak_in_gebruik(afspraak),
            "annuleer_url": detail_url,
            "kruimels": _kruimels(
                burger, (afspraak.omschrijving, detail_url), (_("Verwijderen"), "")
            ),
        },
    )


@vereist_recht(Recht.AFSPRAKEN_LEZEN)  # only shows choices; every write page checks WIJZIGEN
@require_GET
def rekeningkeuze(request: HttpRequest, burger_pk: int) -> HttpResponse:
    """htmx fragment: the account field for the chosen department (`?afdeling=<id>`)."""
    burger = get_object_or_404(Burger, pk=burger_pk)
    formulier = AfspraakFormulier(
        initial={"afdeling": request.GET.get("afdeling", "")}, burger=burger
    )
    return render(request, "afspraken/_tegenrekening.html", {"form": formulier})


@vereist_recht(Recht.AFSPRAKEN_LEZEN)  # only shows choices; every write page checks WIJZIGEN
@require_GET
def rubriekkeuze(request: HttpRequest, burger_pk: int) -> HttpResponse:
    """htmx fragment: the rubriek field for the chosen direction (`?richting=`), keeping
    the chosen rubriek when it fits."""
    burger = get_object_or_404(Burger, pk=burger_pk)
    formulier = AfspraakFormulier(
        initial={
            "richting": request.GET.get("richting", ""),
            "rubriek": request.GET.get("rubriek", ""),
        },
        burger=burger,
    )
    return render(request, "afspraken/_rubriek.html", {"form": formulier})
