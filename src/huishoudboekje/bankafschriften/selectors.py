"""Reads for statements and transactions: the statements list, the filtered and
paginated transactions list (unbooked first), and the suggestions for one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, QuerySet, Value, When

from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.boekhouding.afletteren import (
    afspraak_infos,
    als_te_matchen,
    eerdere_boekingen,
    laad_marges,
    leerregel_infos,
)
from huishoudboekje.boekhouding.models import Journaalpost, Leerregel
from huishoudboekje.core.afletteren import (
    Afspraakindex,
    Kandidaat,
    TeMatchen,
    beoordeel,
    stel_zoekterm_voor,
    tekst_van,
)
from huishoudboekje.core.afletterindex import MIN_NAAMLENGTE, partijsleutel
from huishoudboekje.organisaties.models import Organisatie
from huishoudboekje.rekeningen.models import Rekening

from .models import Bankafschrift, Banktransactie


def afschriften_voor_lijst() -> QuerySet[Bankafschrift]:
    return Bankafschrift.objects.select_related("rekening", "importbestand").order_by(
        "-einddatum", "-id"
    )


@dataclass(frozen=True)
class Transactiefilter:
    status: str = ""  # "" | "open" | "geboekt" | "automatisch" | "handmatig"
    van: dt.date | None = None
    tot: dt.date | None = None
    min_bedrag: int | None = None  # cents, on the absolute amount
    max_bedrag: int | None = None
    iban: str = ""
    burger_id: int | None = None
    organisatie_id: int | None = None
    tekst: str = ""
    afschrift_id: int | None = None


def transacties_voor_lijst(f: Transactiefilter) -> QuerySet[Banktransactie]:
    """Transactions matching the filter; unbooked first, then newest first."""
    qs = Banktransactie.objects.all()
    if f.status == "open":
        qs = qs.exclude(geboekt=F("bedrag"))
    elif f.status == "geboekt":
        qs = qs.filter(geboekt=F("bedrag"))
    elif f.status in ("automatisch", "handmatig"):
        qs = qs.filter(
            Exists(
                Journaalpost.objects.filter(
                    transactie=OuterRef("pk"), automatisch=f.status == "automatisch"
                )
            )
        )
    if f.van:
        qs = qs.filter(boekdatum__gte=f.van)
    if f.tot:
        qs = qs.filter(boekdatum__lte=f.tot)
    if f.min_bedrag is not None:
        qs = qs.filter(Q(bedrag__gte=f.min_bedrag) | Q(bedrag__lte=-f.min_bedrag))
    if f.max_bedrag is not None:
        qs = qs.filter(bedrag__lte=f.max_bedrag, bedrag__gte=-f.max_bedrag)
    if f.iban:
        qs = qs.filter(tegen_iban=f.iban)
    if f.burger_id:
        qs = qs.filter(
            Exists(Journaalpost.objects.filter(transactie=OuterRef("pk"), burger_id=f.burger_id))
        )
    if f.organisatie_id:
        qs = qs.filter(
            Exists(
                Journaalpost.objects.filter(
                    transactie=OuterRef("pk"), afspraak__afdeling__organisatie_id=f.organisatie_id
                )
            )
        )
    if f.tekst:
        qs = qs.filter(
            Q(omschrijving__icontains=f.tekst)
            | Q(tegen_naam__icontains=f.tekst)
            | Q(betalingskenmerk__icontains=f.tekst)
        )
    if f.afschrift_id:
        qs = qs.filter(afschrift_id=f.afschrift_id)
    if f.status == "open":
        return qs.order_by("-boekdatum", "-id")  # served by the partial index of open ones
    return qs.annotate(
        volgorde=Case(
            When(geboekt=F("bedrag"), then=Value(1)), default=Value(0), output_field=IntegerField()
        )
    ).order_by("volgorde", "-boekdatum", "-id")


def transacties_met_details() -> QuerySet[Banktransactie]:
    return Banktransactie.objects.select_related("afschrift__importbestand", "rekening")


def journaalposten_van(transactie: Banktransactie) -> QuerySet[Journaalpost]:
    return transactie.journaalposten.select_related(
        "afspraak__burger", "rubriek", "burger"
    ).order_by("id")


@dataclass(frozen=True)
class Suggestie:
    afspraak: Afspraak
    kandidaat: Kandidaat
    zoekterm_voorstel: str | None = None  # a word of the text this agreement could learn


def suggesties(
    transactie: Banktransactie, *, extra_burger_id: int | None = None, aantal: int = 8
) -> list[Suggestie]:
    """Ranked agreements for one transaction, each with its score and reasons: those of
    the counterparty IBAN and of learned rules (and of a participant staff looked up)."""
    return suggesties_voor([transactie], extra_burger_id=extra_burger_id, aantal=aantal)[
        transactie.pk
    ]


def suggesties_voor(
    transacties: list[Banktransactie], *, extra_burger_id: int | None = None, aantal: int = 8
) -> dict[int, list[Suggestie]]:
    """Suggestions for several transactions (a list page) with a fixed number of queries.

    Agreements of the counterparty IBANs are read lightly (no model objects) and narrowed
    like the automatic matching does, so a shared IBAN with thousands of agreements
    (UWV, SVB) still finds the right one; only the chosen agreements are loaded fully."""
    uitkomst: dict[int, list[Suggestie]] = {t.pk: [] for t in transacties}
    if not transacties:
        return uitkomst
    ibans = {t.tegen_iban for t in transacties if t.tegen_iban}
    regels = leerregel_infos(Leerregel.objects.filter(tegen_iban__in=ibans | {""}))
    voorwaarde = (
        Q(pk__in=[r.afspraak_id for r in regels])
        | Q(tegenrekening__iban__in=ibans)
        | Q(afdeling__rekeningen__iban__in=ibans)
        | Q(afdeling__organisatie_id__in=_partijen_bij_naam(transacties))
    )
    if extra_burger_id:
        voorwaarde |= Q(burger_id=extra_burger_id)
    infos = list(afspraak_infos(Afspraak.objects.filter(voorwaarde).distinct()))
    index = Afspraakindex.bouw(infos, regels)
    marges = laad_marges()
    per_tx: dict[int, tuple[TeMatchen, list[int], dict[int, Any]]] = {}
    for t in transacties:
        tx = als_te_matchen(t)
        gevonden, gevonden_regels = index.kandidaten(tx, tekst_van(tx))
        if not gevonden and tx.tegen_iban and index.partij_van(tx.tegen_iban) is None:
            gevonden = index.bekende_partij(tx)  # a known party on a new account
        gekozen = {
            a.id
            for a in gevonden
            if a.richting == tx.richting or (tx.tegen_iban and tx.tegen_iban in a.ibans)
        }  # the other direction only from the same party: a refund or reversal
        if extra_burger_id:
            gekozen |= {
                a.id for a in infos if a.burger_id == extra_burger_id and a.richting == tx.richting
            }
        per_tx[t.pk] = (tx, sorted(gekozen), gevonden_regels)
    alle = {i for _, ids, _ in per_tx.values() for i in ids}
    eerder = eerdere_boekingen(alle, [t.boekdatum for t in transacties])
    afspraken = Afspraak.objects.select_related(
        "burger", "rubriek", "afdeling__organisatie"
    ).in_bulk(alle)
    for t in transacties:
        tx, ids, gevonden_regels = per_tx[t.pk]
        beoordeeld = sorted(
            (
                beoordeel(
                    tx,
                    index.afspraken[i],
                    marges=marges,
                    leerregel=gevonden_regels.get(i),
                    eerder_geboekt=[d for tid, d in eerder.get(i, ()) if tid != t.pk],
                    nieuwe_rekening=bool(tx.tegen_iban)
                    and tx.tegen_iban not in index.afspraken[i].ibans
                    and index.partij_van(tx.tegen_iban) is None,
                )
                for i in ids
            ),
            key=lambda k: (-k.score, k.afspraak_id),
        )
        uitkomst[t.pk] = [
            Suggestie(
                afspraak=afspraken[k.afspraak_id],
                kandidaat=k,
                zoekterm_voorstel=stel_zoekterm_voor(
                    t.omschrijving, afspraken[k.afspraak_id].zoektermen
                )
                if afspraken[k.afspraak_id].richting == tx.richting
                else None,  # a refund teaches nothing: its words would block the payments
            )
            for k in beoordeeld[:aantal]
        ]
    return uitkomst


def _partijen_bij_naam(transacties: list[Banktransactie]) -> set[int]:
    """Organisations whose name a transaction from an unknown account carries."""
    ibans = {t.tegen_iban for t in transacties if t.tegen_iban and t.tegen_naam}
    bekend = set(Rekening.objects.filter(iban__in=ibans).values_list("iban", flat=True))
    namen = {
        partijsleutel(t.tegen_naam)
        for t in transacties
        if t.tegen_iban in ibans and t.tegen_iban not in bekend
    }
    namen = {n for n in namen if len(n) >= MIN_NAAMLENGTE}
    if not namen:
        return set()
    gevonden = set()
    for pk, naam in Organisatie.objects.values_list("pk", "naam"):
        sleutel = partijsleutel(naam)
        for n in namen:
            korter, langer = sorted((sleutel, n), key=len)
            if sleutel == n or (len(korter) >= 2 * MIN_NAAMLENGTE and langer.startswith(korter)):
                gevonden.add(pk)
    return gevonden


def tellingen() -> dict[str, Any]:
    """Key figures for the statements page."""
    qs = Banktransactie.objects.all()
    return {
        "totaal": qs.count(),
        "open": qs.exclude(geboekt=F("bedrag")).count(),
    }
