"""Reads for statements and transactions: the statements list, the filtered transactions
list in segments for keyset pages (unbooked first); the suggestions for unbooked
transactions are in `suggesties` (imported here for the screens)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    TextField,
    Value,
)
from django.db.models.functions import Upper
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from huishoudboekje.boekhouding.models import Journaalpost
from huishoudboekje.core.bank.aansluiting import Aansluiting, Gat, Schakel, aansluitingen
from huishoudboekje.core.identificatie import formatteer_iban
from huishoudboekje.core.money import formatteer_bedrag
from huishoudboekje.keyset import geteld

from .models import Bankafschrift, Banktransactie
from .suggesties import (  # noqa: F401 (the screens read suggestions from here)
    Suggestie,
    afdelingen_voor_nieuwe_rekening,
    suggesties,
    suggesties_voor,
)


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


TRANSACTIEVOLGORDE = ("-boekdatum", "-id")


class _Zoektekst(Func):
    """What a text search of the transactions looks in: description, counterparty name
    and payment reference, in capitals. PostgreSQL keeps a trigram index on exactly this
    expression (migration 0008), so a name is found without reading every row."""

    template = "UPPER(%(expressions)s)"
    arg_joiner = " || ' ' || "
    output_field = TextField()

    def __init__(self) -> None:
        super().__init__(F("omschrijving"), F("tegen_naam"), F("betalingskenmerk"))


class _IsWaar(Func):
    """`(condition) IS TRUE`: PostgreSQL estimates "fully booked" right in this form, from
    the statistics of migration 0007 (a bare geboekt = bedrag it takes for 0.5% of the
    rows, and then scans the table instead of walking the index)."""

    template = "(%(expressions)s) IS TRUE"
    output_field = BooleanField()


def transactiesegmenten(f: Transactiefilter) -> list[QuerySet[Banktransactie]]:
    """Transactions matching the filter, as the list shows them: the ones not fully
    booked first, then the booked ones; each segment newest first (TRANSACTIEVOLGORDE,
    keyset-paged by `huishoudboekje.keyset`). The open segment is read through the
    partial index of open transactions, the booked one through (boekdatum, id); a
    participant's or an organisation's transactions through their own bookings."""
    qs = _gefilterd(f)
    open_ = qs.exclude(geboekt=F("bedrag"))
    geboekt = qs.filter(_IsWaar(ExpressionWrapper(Q(geboekt=F("bedrag")), BooleanField())))
    if f.status == "open":
        return [open_]
    if f.status == "geboekt":
        return [geboekt]
    return [open_, geboekt]


def _gefilterd(f: Transactiefilter) -> QuerySet[Banktransactie]:
    qs = Banktransactie.objects.all()
    if f.status in ("automatisch", "handmatig"):
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
        # by the participant's own bookings (index burger, datum): a few hundred rows,
        # not a probe of every transaction
        qs = qs.filter(
            pk__in=Journaalpost.objects.filter(burger_id=f.burger_id).values("transactie_id")
        )
    if f.organisatie_id:
        qs = qs.filter(
            pk__in=Journaalpost.objects.filter(
                afspraak__afdeling__organisatie_id=f.organisatie_id
            ).values("transactie_id")
        )
    if f.tekst:
        qs = qs.alias(zoektekst=_Zoektekst()).filter(zoektekst__contains=Upper(Value(f.tekst)))
    if f.afschrift_id:
        qs = qs.filter(afschrift_id=f.afschrift_id)
    return qs


def transacties_met_details() -> QuerySet[Banktransactie]:
    return Banktransactie.objects.select_related("afschrift__importbestand", "rekening")


def tellingen() -> dict[str, Any]:
    """Key figures for the statements page, without counting a million rows: the total
    is what the statements stored (each counts its new transactions; none is ever
    deleted), the open ones are counted up to 10,000 along their partial index."""
    totaal = Bankafschrift.objects.aggregate(totaal=Sum("aantal_nieuw"))["totaal"]
    open_, meer_dan = geteld(
        [Banktransactie.objects.exclude(geboekt=F("bedrag"))], volgorde=TRANSACTIEVOLGORDE
    )
    return {"totaal": totaal or 0, "open": open_, "open_meer_dan": meer_dan}


def _schakels(rekening_id: int | None = None) -> list[Schakel]:
    qs = Bankafschrift.objects.order_by()
    if rekening_id is not None:
        qs = qs.filter(rekening_id=rekening_id)
    return [
        Schakel(*rij)
        for rij in qs.values_list(
            "pk", "rekening_id", "formaat", "volgnummer", "begindatum", "einddatum",
            "beginsaldo", "eindsaldo",
        )
    ]


def aansluiting_per_afschrift() -> dict[int, Aansluiting]:
    """Per statement (pk): does it start where the previous one of its account ended?
    Computed from all stored statements (a few hundred a year per account), so a
    statement that arrives late closes the gap it filled."""
    return aansluitingen(_schakels())


@dataclass(frozen=True)
class Afschriftgat:
    """A work item: a break between two statements of one account, in words."""

    gat: Gat
    iban: str
    vorige: Bankafschrift
    afschrift: Bankafschrift
    omschrijving: str


def afschrift_gaten(aansluiting: dict[int, Aansluiting] | None = None) -> list[Afschriftgat]:
    """Every break in the statements' continuity (see `core.bank.aansluiting`), newest
    first: the work list of statements to ask the bank for. Pass `aansluiting` when
    already computed (the statements page)."""
    if aansluiting is None:
        aansluiting = aansluiting_per_afschrift()
    gaten = [g for a in aansluiting.values() for g in a.gaten]
    if not gaten:
        return []
    ids = {g.vorige for g in gaten} | {g.afschrift for g in gaten}
    afschriften = Bankafschrift.objects.select_related("rekening", "importbestand").in_bulk(ids)
    uit = [
        Afschriftgat(
            gat=g,
            iban=afschriften[g.afschrift].rekening.iban,
            vorige=afschriften[g.vorige],
            afschrift=afschriften[g.afschrift],
            omschrijving=beschrijf_gat(g, afschriften[g.vorige], afschriften[g.afschrift]),
        )
        for g in gaten
    ]
    uit.sort(key=lambda a: (a.afschrift.einddatum, a.afschrift.pk), reverse=True)
    return uit


def _periode(a: Bankafschrift) -> str:
    if a.begindatum and a.einddatum and a.begindatum != a.einddatum:
        return f"{a.begindatum:%d-%m-%Y} – {a.einddatum:%d-%m-%Y}"
    datum = a.einddatum or a.begindatum
    return f"{datum:%d-%m-%Y}" if datum else "?"


def beschrijf_gat(g: Gat, vorige: Bankafschrift, afschrift: Bankafschrift) -> str:
    """The gap in the staff member's language."""
    namen = {
        "iban": formatteer_iban(afschrift.rekening.iban),
        "vorige": _periode(vorige),
        "afschrift": _periode(afschrift),
    }
    if g.soort == "saldo":
        return _(
            "Rekening %(iban)s: het afschrift van %(afschrift)s begint met %(begin)s, maar het "
            "vorige afschrift (%(vorige)s) eindigde met %(eind)s: verschil %(verschil)s. "
            "Er ontbreekt een afschrift of er staat een transactie dubbel."
        ) % {
            **namen,
            "begin": formatteer_bedrag(afschrift.beginsaldo or 0),
            "eind": formatteer_bedrag(vorige.eindsaldo or 0),
            "verschil": formatteer_bedrag(g.verschil or 0),
        }
    if g.soort == "datum":
        dagen = ", ".join(f"{d:%d-%m-%Y}" for d in g.dagen[:5]) + (
            " …" if len(g.dagen) > 5 else ""
        )
        return ngettext(
            "Rekening %(iban)s: tussen het afschrift van %(vorige)s en dat van %(afschrift)s "
            "ontbreekt %(aantal)d werkdag (%(dagen)s); zonder saldi is niet te zien of er "
            "transacties ontbreken.",
            "Rekening %(iban)s: tussen het afschrift van %(vorige)s en dat van %(afschrift)s "
            "ontbreken %(aantal)d werkdagen (%(dagen)s); zonder saldi is niet te zien of er "
            "transacties ontbreken.",
            len(g.dagen),
        ) % {**namen, "aantal": len(g.dagen), "dagen": dagen}
    eerste, laatste = g.volgnummers
    nummers = str(eerste) if eerste == laatste else f"{eerste}–{laatste}"
    return _(
        "Rekening %(iban)s: tussen het afschrift van %(vorige)s en dat van %(afschrift)s "
        "ontbreekt volgnummer %(nummers)s."
    ) % {**namen, "nummers": nummers}
