"""One transaction: its raw source, bookings and ranked suggestions; booking on an
agreement (one click, optionally learning a search term or a rule), on a rubriek,
splitting, and undo (a reversing booking, with a reason). Every write is a service call;
a refused booking changes nothing and says why. A booking on an agreement that was not
valid on the date, or after the participation ended, asks for a confirmation with a
reason first."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huishoudboekje.accounts.permissions import controleer_recht, vereist_recht
from huishoudboekje.accounts.roles import Recht
from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.boekhouding import selectors as boekhouding
from huishoudboekje.boekhouding.models import Journaalpost, Soort
from huishoudboekje.boekhouding.services_boeken import (
    BevestigingNodig,
    Boekdeel,
    Boekfout,
    geldigheid,
    journaalpost_ongedaan_maken,
    journaalposten_boeken,
    leerregel_aanmaken,
    zoekterm_toevoegen,
)
from huishoudboekje.boekhouding.services_nieuwe_rekening import nieuwe_rekening_bevestigen
from huishoudboekje.burgers.models import Burger
from huishoudboekje.ui.zoekopdracht import zoekformulier, zoekopdracht

from . import selectors
from .forms import BoekFormulier, OngedaanFormulier, RubriekFormulier, SplitsFormulier
from .models import Banktransactie
from .views import BOEKEN, LEZEN


def _soort(transactie: Banktransactie) -> str:
    return Soort.INKOMSTEN if transactie.bedrag > 0 else Soort.UITGAVEN


def _terug(transactie: Banktransactie) -> HttpResponse:
    return redirect("bankafschriften:transactie", pk=transactie.pk)


def _zoek_burger(q: str) -> Burger | None:
    """A participant by HHB-number or surname (never by BSN: this is a GET parameter, and
    a BSN must not end up in URLs, access logs or browser history)."""
    q = q.strip()
    if not q:
        return None
    return (
        Burger.objects.filter(hhb_nummer__iexact=q).first()
        or Burger.objects.filter(achternaam__icontains=q).order_by("achternaam", "pk").first()
    )


def _splits_formulier(
    transactie: Banktransactie, suggesties: list[selectors.Suggestie], data: object = None
) -> SplitsFormulier:
    keuzes = [
        (
            s.afspraak.pk,
            f"{s.afspraak.burger.hhb_nummer} · {s.afspraak.omschrijving} "
            f"({geldigheid(s.afspraak)})",
        )
        for s in suggesties
    ]
    return SplitsFormulier(data, afspraak_keuzes=keuzes, soort=_soort(transactie))  # type: ignore[arg-type]


@vereist_recht(Recht.DEELNEMERTRANSACTIES_LEZEN)
@zoekformulier("deelnemer")  # what is typed (a name, a BSN by mistake): not in the URL
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_pagina(request, pk)


def _detail_pagina(request: HttpRequest, pk: int, **extra: object) -> HttpResponse:
    """The detail page; also re-rendered (status 422) with a refused form's errors."""
    transactie = get_object_or_404(selectors.transacties_met_details(), pk=pk)
    posten = boekhouding.journaalposten_van_transactie(transactie.pk)
    if not any(post.burger_id for post in posten):  # the front office: its participants' only
        controleer_recht(request, LEZEN)
    deelnemer_q = zoekopdracht(request).get("deelnemer") or request.POST.get("deelnemer", "")
    gezochte = _zoek_burger(deelnemer_q)
    # the page offers them only to who may book an amount still open: not computed for
    # the rest (for a benefits agency's IBAN that is thousands of agreements)
    suggesties = (
        selectors.suggesties(
            transactie, extra_burger_id=gezochte.pk if gezochte else None, aantal=20
        )
        if transactie.open_bedrag and request.user.mag(BOEKEN)
        else []
    )
    context = {
        "transactie": transactie,
        "posten": posten,
        "ongedaanformulier": OngedaanFormulier(),
        "bevestigen": extra.get("bevestigen"),
        "suggesties": suggesties,
        "rubriekformulier": extra.get("rubriekformulier")
        or RubriekFormulier(soort=_soort(transactie)),
        "splitsformulier": extra.get("splitsformulier")
        or _splits_formulier(transactie, suggesties),
        "gezochte": gezochte,
        "deelnemer_q": deelnemer_q,
        "nieuwe_rekening_bij": selectors.afdelingen_voor_nieuwe_rekening(transactie, suggesties),
        "kruimels": [
            {"label": _("Transacties"), "url": reverse("bankafschriften:transacties")},
            {"label": f"{transactie.boekdatum:%d-%m-%Y} {transactie.tegen_naam}", "url": ""},
        ],
    }
    return render(
        request, "bankafschriften/transactie.html", context, status=int(extra.get("status", 200))
    )  # type: ignore[call-overload]


@vereist_recht(BOEKEN)
@require_POST
def boeken(request: HttpRequest, pk: int) -> HttpResponse:
    """One click: book the open amount on the chosen agreement (and learn, if asked)."""
    transactie = get_object_or_404(Banktransactie, pk=pk)
    formulier = BoekFormulier(request.POST)
    if not formulier.is_valid():
        messages.error(request, _("Kies een afspraak om op te boeken."))
        return _terug(transactie)
    afspraak = Afspraak.objects.filter(pk=formulier.cleaned_data["afspraak"]).first()
    if afspraak is None:
        messages.error(request, _("Deze afspraak bestaat niet (meer)."))
        return _terug(transactie)
    leer = formulier.cleaned_data.get("leer") or ""
    patroon = (formulier.cleaned_data.get("patroon") or "").strip()
    try:
        with transaction.atomic():  # booking and learning together, or neither
            journaalposten_boeken(
                door=request.user,  # type: ignore[arg-type]
                transactie_id=transactie.pk,
                delen=[Boekdeel(bedrag=transactie.open_bedrag, afspraak=afspraak)],
                toelichting=_("Handmatig geboekt"),
                bevestiging=formulier.cleaned_data.get("bevestiging") or "",
            )
            if leer == "zoekterm" and patroon:
                zoekterm_toevoegen(door=request.user, afspraak=afspraak, zoekterm=patroon)
            elif leer == "regel" and patroon:
                leerregel_aanmaken(
                    door=request.user,
                    afspraak=afspraak,
                    tegen_iban=transactie.tegen_iban,
                    patroon=patroon,
                )
    except BevestigingNodig as fout:
        bevestigen = {"afspraak": afspraak, "redenen": fout.redenen, "leer": leer}
        bevestigen["patroon"] = patroon
        return _detail_pagina(request, pk, bevestigen=bevestigen, status=422)
    except Boekfout as fout:
        messages.error(request, str(fout))
        return _terug(transactie)
    messages.success(
        request,
        _("Geboekt op '%(afspraak)s' van %(naam)s.")
        % {"afspraak": afspraak.omschrijving, "naam": afspraak.burger.naam},
    )
    if leer == "zoekterm" and patroon:
        messages.info(
            request, _("Zoekterm '%(term)s' toegevoegd aan de afspraak.") % {"term": patroon}
        )
    elif leer == "regel" and patroon:
        messages.info(
            request,
            _("Onthouden: '%(term)s' van deze rekening hoort bij deze afspraak.")
            % {"term": patroon},
        )
    return _terug(transactie)


@vereist_recht(BOEKEN)
@require_POST
def rekening_koppelen(request: HttpRequest, pk: int) -> HttpResponse:
    """A known party on a new account: staff confirm the account is the party's; the
    open transactions from it are matched again."""
    transactie = get_object_or_404(Banktransactie, pk=pk)
    if not request.user.mag(Recht.ORGANISATIES_WIJZIGEN):  # type: ignore[union-attr]
        messages.error(request, _("Alleen wie organisaties mag wijzigen, koppelt een rekening."))
        return _terug(transactie)
    try:
        resultaat = nieuwe_rekening_bevestigen(
            door=request.user,
            transactie_id=transactie.pk,
            afdeling_id=int(request.POST.get("afdeling") or 0),
        )
    except (ValidationError, ValueError) as fout:
        tekst = "; ".join(getattr(fout, "messages", [])) or _("Kies een afdeling.")
        messages.error(request, tekst)
        return _terug(transactie)
    messages.success(
        request,
        _(
            "Rekening %(iban)s gekoppeld aan de partij; %(geboekt)s van %(bekeken)s open "
            "transacties van deze rekening zijn nu automatisch geboekt."
        )
        % {
            "iban": transactie.tegen_iban,
            "geboekt": resultaat.geboekt,
            "bekeken": resultaat.bekeken,
        },
    )
    return _terug(transactie)


@vereist_recht(BOEKEN)
@require_POST
def op_rubriek(request: HttpRequest, pk: int) -> HttpResponse:
    transactie = get_object_or_404(Banktransactie, pk=pk)
    formulier = RubriekFormulier(request.POST, soort=_soort(transactie))
    if not formulier.is_valid():
        return _detail_pagina(request, pk, rubriekformulier=formulier, status=422)
    try:
        journaalposten_boeken(
            door=request.user,  # type: ignore[arg-type]
            transactie_id=transactie.pk,
            delen=[
                Boekdeel(bedrag=transactie.open_bedrag, rubriek=formulier.cleaned_data["rubriek"])
            ],
            toelichting=formulier.cleaned_data.get("toelichting") or "",
        )
    except Boekfout as fout:
        formulier.add_error(None, str(fout))
        return _detail_pagina(request, pk, rubriekformulier=formulier, status=422)
    messages.success(
        request,
        _("Geboekt op rubriek %(rubriek)s.") % {"rubriek": formulier.cleaned_data["rubriek"].naam},
    )
    return _terug(transactie)


@vereist_recht(BOEKEN)
@require_POST
def splitsen(request: HttpRequest, pk: int) -> HttpResponse:
    transactie = get_object_or_404(Banktransactie, pk=pk)
    gezochte = _zoek_burger(request.POST.get("deelnemer", ""))
    suggesties = selectors.suggesties(
        transactie, extra_burger_id=gezochte.pk if gezochte else None, aantal=20
    )
    formulier = _splits_formulier(transactie, suggesties, request.POST)
    if not formulier.is_valid():
        return _detail_pagina(request, pk, splitsformulier=formulier, status=422)
    teken = 1 if transactie.bedrag > 0 else -1
    afspraken = {s.afspraak.pk: s.afspraak for s in suggesties}
    delen = [
        Boekdeel(bedrag=teken * bedrag, afspraak=afspraken.get(a) if a else None, rubriek=r)
        for a, r, bedrag in formulier.delen()
    ]
    try:
        journaalposten_boeken(
            door=request.user,  # type: ignore[arg-type]
            transactie_id=transactie.pk,
            delen=delen,
            volledig=True,
            toelichting=_("Gesplitst"),
            bevestiging=formulier.cleaned_data.get("bevestiging") or "",
        )
    except BevestigingNodig as fout:
        formulier.add_error("bevestiging", str(fout))
        return _detail_pagina(request, pk, splitsformulier=formulier, status=422)
    except Boekfout as fout:
        formulier.add_error(None, str(fout))
        return _detail_pagina(request, pk, splitsformulier=formulier, status=422)
    messages.success(
        request, _("De transactie is gesplitst over %(n)d boekingen.") % {"n": len(delen)}
    )
    return _terug(transactie)


@vereist_recht(BOEKEN)
@require_POST
def ongedaan_maken(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo a booking by a reversing booking, with the reason the staff member gives."""
    post = get_object_or_404(Journaalpost, pk=pk)
    formulier = OngedaanFormulier(request.POST)
    if not formulier.is_valid():
        for fouten in formulier.errors.values():
            for fout in fouten:
                messages.error(request, fout)
        return redirect("bankafschriften:transactie", pk=post.transactie_id)
    try:
        transactie = journaalpost_ongedaan_maken(
            door=request.user,  # type: ignore[arg-type]
            journaalpost_id=post.pk,
            reden=formulier.cleaned_data["reden"],
        )
    except Boekfout as fout:
        messages.error(request, str(fout))
        return redirect("bankafschriften:transactie", pk=post.transactie_id)
    messages.success(
        request,
        _(
            "De boeking is ongedaan gemaakt met een tegenboeking; het bedrag staat weer open. "
            "De boeking en de tegenboeking blijven zichtbaar."
        ),
    )
    return _terug(transactie)
