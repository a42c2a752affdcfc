"""Back-office screens for bank statements: the statements list with upload, one
statement, and the transactions list with filters and bulk acceptance. Booking screens
for one transaction are in `views_transactie`. Thin adapters over services/selectors."""

from __future__ import annotations

import time

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from huishoudboekje.accounts.permissions import controleer_recht, vereist_recht
from huishoudboekje.accounts.roles import Recht
from huishoudboekje.boekhouding.afletteren import Afletteraar
from huishoudboekje.boekhouding.models import Afletterrun, Runsoort
from huishoudboekje.boekhouding.services_afletteren import afletteren_starten, lopende_afletterrun
from huishoudboekje.boekhouding.services_boeken import Boekdeel, Boekfout, journaalposten_boeken
from huishoudboekje.burgers.models import Burger
from huishoudboekje.keyset import keyset_pagina
from huishoudboekje.ui.zoekopdracht import zoekformulier, zoekopdracht

from . import selectors
from .forms import TransactieFilterFormulier, UploadFormulier
from .models import Bankafschrift, Importbron
from .services import Bestandsresultaat, bankafschrift_importeren

LEZEN = Recht.BANKAFSCHRIFTEN_LEZEN
IMPORTEREN = Recht.BANKAFSCHRIFTEN_IMPORTEREN
BOEKEN = Recht.BOEKEN
PER_PAGINA = 25


def kruimels(*stappen: tuple[str, str]) -> list[dict[str, str]]:
    return [{"label": _("Bankafschriften"), "url": reverse("bankafschriften:lijst")}] + [
        {"label": label, "url": url} for label, url in stappen
    ]


@vereist_recht(LEZEN)
@require_GET
def lijst(request: HttpRequest) -> HttpResponse:
    pagina = Paginator(selectors.afschriften_voor_lijst(), PER_PAGINA).get_page(
        request.GET.get("page")
    )
    aansluiting = selectors.aansluiting_per_afschrift()
    return render(
        request,
        "bankafschriften/lijst.html",
        {
            "page_obj": pagina,
            "rijen": [{"a": a, "aansluiting": aansluiting.get(a.pk)} for a in pagina],
            "gaten": selectors.afschrift_gaten(aansluiting),
            "upload": UploadFormulier() if request.user.mag(IMPORTEREN) else None,
            "tellingen": selectors.tellingen(),
        },
    )


@vereist_recht(IMPORTEREN)
@require_http_methods(["GET", "POST"])
def importeren(request: HttpRequest) -> HttpResponse:
    """Upload one or many files; each gets its own result (refused files change nothing)."""
    formulier = (
        UploadFormulier(request.POST, request.FILES)
        if request.method == "POST"
        else UploadFormulier()
    )
    resultaten: list[Bestandsresultaat] = []
    begin = time.perf_counter()
    if request.method == "POST" and formulier.is_valid():
        afletteraar = Afletteraar()
        for bestand in formulier.cleaned_data["bestanden"]:
            resultaten.append(
                bankafschrift_importeren(
                    stream=bestand,
                    bestandsnaam=bestand.name,
                    door=request.user,
                    bron=Importbron.SCHERM,
                    afletteraar=afletteraar,
                )
            )
    sjabloon = (
        "bankafschriften/_importresultaat.html"
        if request.htmx
        else "bankafschriften/importeren.html"
    )
    return render(
        request,
        sjabloon,
        {
            "upload": formulier if not resultaten else UploadFormulier(),
            "resultaten": resultaten,
            # shown with the results: how long staff waited (a day's statement of 4,000
            # lines takes about a second; the import runs within the request, see
            # docs/architecture.md)
            "seconden": time.perf_counter() - begin if resultaten else None,
            "kruimels": kruimels((_("Inlezen"), "")),
        },
        # htmx swaps only 2xx responses: the per-file result is shown even when every
        # file was refused; a full page says it with 422
        status=200 if request.htmx or not resultaten or any(r.gelukt for r in resultaten) else 422,
    )


@vereist_recht(LEZEN)
@require_GET
def afschrift(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_object_or_404(
        Bankafschrift.objects.select_related("rekening", "importbestand"), pk=pk
    )
    pagina = keyset_pagina(
        selectors.transactiesegmenten(selectors.Transactiefilter(afschrift_id=obj.pk)),
        volgorde=selectors.TRANSACTIEVOLGORDE,
        per_pagina=PER_PAGINA,
        parameters=request.GET,
    )
    return render(
        request,
        "bankafschriften/afschrift.html",
        {
            "afschrift": obj,
            "pagina": pagina,
            "rijen": [{"transactie": t} for t in pagina],
            "kruimels": kruimels((str(obj.afschrift_id or obj.pk), "")),
        },
    )


def _filter_uit(formulier: TransactieFilterFormulier) -> selectors.Transactiefilter:
    if not formulier.is_valid():
        return selectors.Transactiefilter(status="open")
    d = formulier.cleaned_data
    burger_id = None
    if d.get("deelnemer"):
        burger_id = (
            Burger.objects.filter(hhb_nummer=d["deelnemer"].strip().upper())  # its index
            .values_list("pk", flat=True)
            .first()
            or -1
        )
    return selectors.Transactiefilter(
        status=d.get("status") or "",
        van=d.get("van"),
        tot=d.get("tot"),
        min_bedrag=d.get("min_bedrag"),
        max_bedrag=d.get("max_bedrag"),
        iban=d.get("iban") or "",
        burger_id=burger_id,
        organisatie_id=d["organisatie"].pk if d.get("organisatie") else None,
        tekst=(d.get("tekst") or "").strip(),
    )


@vereist_recht(Recht.DEELNEMERTRANSACTIES_LEZEN)
@zoekformulier("iban", "deelnemer", "tekst")  # an IBAN, a name, a BSN: never in the URL
def transacties(request: HttpRequest) -> HttpResponse:
    gegevens = zoekopdracht(request)
    if "status" not in gegevens:
        gegevens["status"] = "open"  # the default work list, on every page of it
    formulier = TransactieFilterFormulier(gegevens)
    filter_ = _filter_uit(formulier)
    if filter_.burger_id is None:  # the whole municipal account: not the front office
        controleer_recht(request, LEZEN)
    pagina = keyset_pagina(
        selectors.transactiesegmenten(filter_),
        volgorde=selectors.TRANSACTIEVOLGORDE,
        per_pagina=PER_PAGINA,
        parameters=request.GET,
        # each row counted through a text costs a look-up; an organisation's are found
        # by probing the transactions one by one (a thousand of them: a second): not counted
        tellen_tot=0 if filter_.organisatie_id else 1_000 if filter_.tekst else None,
    )
    open_ = [t.pk for t in pagina if t.open_bedrag] if request.user.mag(BOEKEN) else []
    suggesties = reverse("bankafschriften:suggesties") + "?" + urlencode({"id": open_}, doseq=True)
    return render(
        request,
        "bankafschriften/transacties.html",
        {
            "filter": formulier,
            "pagina": pagina,
            "rijen": [{"transactie": t} for t in pagina],
            # the suggestions come after the page (see `transactiesuggesties`)
            "suggesties_url": suggesties if open_ else "",
            "afletterrun": lopende_afletterrun(),
            "kruimels": [{"label": _("Transacties"), "url": ""}],
        },
    )


@vereist_recht(LEZEN)
@require_GET
def transactiesuggesties(request: HttpRequest) -> HttpResponse:
    """The best suggestion of each open transaction of a list page (`?id=`), as
    out-of-band swaps into its row: the checkbox to accept it and what it suggests.
    Loaded by htmx once the list is shown, because the list should not wait for it: for
    a benefits agency's IBAN the agreements to compare run into the thousands."""
    ids = [int(i) for i in request.GET.getlist("id")[:PER_PAGINA] if i.isdigit()]
    transacties = (
        list(selectors.transacties_met_details().filter(pk__in=ids).exclude(geboekt=F("bedrag")))
        if request.user.mag(BOEKEN)
        else []
    )
    beste = selectors.suggesties_voor(transacties, aantal=1)
    rijen = [{"transactie": t, "suggestie": beste[t.pk][0]} for t in transacties if beste[t.pk]]
    return render(request, "bankafschriften/_suggesties_in_rijen.html", {"rijen": rijen})


@vereist_recht(BOEKEN)
@require_POST
def suggesties_accepteren(request: HttpRequest) -> HttpResponse:
    """Bulk: book the top suggestion of each selected transaction."""
    ids = [int(i) for i in request.POST.getlist("transactie") if i.isdigit()]
    geboekt, fouten = 0, []
    gekozen = list(selectors.transacties_met_details().filter(pk__in=ids))
    suggesties = selectors.suggesties_voor(gekozen, aantal=1)
    for transactie in gekozen:
        beste = suggesties[transactie.pk]
        if beste and beste[0].kandidaat.blokkade:
            fouten.append(
                _("Transactie van %(datum)s niet geboekt: %(reden)s; bekijk haar apart.")
                % {
                    "datum": f"{transactie.boekdatum:%d-%m-%Y}",
                    "reden": beste[0].kandidaat.blokkade,
                }
            )
            continue
        if not beste or not transactie.open_bedrag:
            fouten.append(
                _("Transactie van %(datum)s: geen suggestie.")
                % {"datum": f"{transactie.boekdatum:%d-%m-%Y}"}
            )
            continue
        try:
            journaalposten_boeken(
                door=request.user,
                transactie_id=transactie.pk,
                delen=[Boekdeel(bedrag=transactie.open_bedrag, afspraak=beste[0].afspraak)],
                toelichting=_("Suggestie geaccepteerd: %(reden)s")
                % {"reden": beste[0].kandidaat.toelichting},
            )
            geboekt += 1
        except Boekfout as fout:
            fouten.append(str(fout))
    if geboekt:
        messages.success(
            request,
            ngettext("%(n)d transactie geboekt.", "%(n)d transacties geboekt.", geboekt)
            % {"n": geboekt},
        )
    for fout in fouten:
        messages.error(request, fout)
    if not ids:
        messages.error(request, _("Kies eerst een of meer transacties."))
    terug = request.POST.get("terug", "")
    if not url_has_allowed_host_and_scheme(terug, allowed_hosts={request.get_host()}):
        terug = reverse("bankafschriften:transacties")
    return redirect(terug)


@vereist_recht(BOEKEN)
@require_POST
def afletteren(request: HttpRequest) -> HttpResponse:
    """Start the automatic matching over all open transactions as a background task,
    recorded as started by this staff member; while one is queued or running, a second
    click starts nothing. The transactions page shows its progress."""
    run, nieuw = afletteren_starten(door=request.user)
    if not nieuw:
        messages.info(
            request,
            _(
                "Afletteren loopt al (gestart door %(naam)s om %(tijd)s); "
                "de voortgang staat hieronder."
            )
            % {"naam": run.gestart_door_naam, "tijd": f"{timezone.localtime(run.gestart):%H:%M}"},
        )
    elif run.klaar:  # the immediate backend (demo) ran it inside this request
        messages.success(
            request,
            _(
                "Afletteren klaar: %(bekeken)d open transacties bekeken, "
                "%(geboekt)d automatisch geboekt."
            )
            % {"bekeken": run.bekeken, "geboekt": run.geboekt},
        )
    else:
        messages.success(request, _("Afletteren is gestart; de voortgang staat hieronder."))
    return redirect("bankafschriften:transacties")


@vereist_recht(LEZEN)
@require_GET
def afletterrun(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress of a matching run over the open transactions (polled by htmx from
    the transactions page until the run is done)."""
    run = get_object_or_404(Afletterrun, pk=pk, soort=Runsoort.ALLE_OPEN)
    return render(request, "bankafschriften/_afletteren_voortgang.html", {"run": run})
