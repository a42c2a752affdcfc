"""Reads for statements and transactions: the statements list, the filtered transactions
list in segments for keyset pages (unbooked first), and the suggestions for one
transaction."""

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

from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.boekhouding.afletteren import (
    afspraak_infos,
    als_te_matchen,
    bedragen_geboekt,
    eerdere_boekingen,
    laad_marges,
    leerregel_infos,
)
from huishoudboekje.boekhouding.grootboek import beeindigde_deelnames
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
from huishoudboekje.core.bank.aansluiting import Aansluiting, Gat, Schakel, aansluitingen
from huishoudboekje.core.identificatie import formatteer_iban
from huishoudboekje.core.money import formatteer_bedrag
from huishoudboekje.keyset import geteld
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


@dataclass(frozen=True)
class Suggestie:
    afspraak: Afspraak
    kandidaat: Kandidaat
    zoekterm_voorstel: str | None = None  # a word of the text this agreement could learn
    let_op: str = ""  # not valid on the date, or the participation had ended: confirm


def _beeindigd(info: Any, datum: dt.date) -> bool:
    return info.geldig_tot is not None and info.geldig_tot < datum


def _let_op(afspraak: Afspraak, datum: dt.date, einde: dt.date | None) -> str:
    redenen = []
    if not afspraak.is_geldig_op(datum):
        redenen.append(
            _("de afspraak gold niet op %(datum)s") % {"datum": f"{datum:%d-%m-%Y}"}
        )
    if einde is not None:
        redenen.append(
            _("de deelname was beëindigd op %(einde)s") % {"einde": f"{einde:%d-%m-%Y}"}
        )
    return "; ".join(redenen)


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
    (UWV, SVB) still finds the right one; only the chosen agreements are loaded fully.
    An agreement that had ended before the transaction's date is not suggested, except
    among the agreements of a participant staff looked up (then marked, like one of a
    participant whose participation had ended: booking it needs a confirmation)."""
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
            if (a.richting == tx.richting or (tx.tegen_iban and tx.tegen_iban in a.ibans))
            and not _beeindigd(a, t.boekdatum)
        }  # the other direction only from the same party: a refund or reversal
        if extra_burger_id:
            gekozen |= {
                a.id for a in infos if a.burger_id == extra_burger_id and a.richting == tx.richting
            }
        per_tx[t.pk] = (tx, sorted(gekozen), gevonden_regels)
    alle = {i for _, ids, _ in per_tx.values() for i in ids}
    eerder = eerdere_boekingen(alle, [t.boekdatum for t in transacties])
    bedragen = bedragen_geboekt(alle, [t.boekdatum for t in transacties])
    afspraken = Afspraak.objects.select_related(
        "burger", "rubriek", "afdeling__organisatie"
    ).in_bulk(alle)
    geeindigd = beeindigde_deelnames(
        (afspraken[i].burger_id, t.boekdatum) for t in transacties for i in per_tx[t.pk][1]
    )
    for t in transacties:
        tx, ids, gevonden_regels = per_tx[t.pk]
        beoordeeld = sorted(
            (
                beoordeel(
                    tx,
                    index.afspraken[i],
                    marges=marges,
                    leerregel=gevonden_regels.get(i),
                    eerder_geboekt=[b for tid, b in eerder.get(i, ()) if tid != t.pk],
                    geschiedenis=bedragen.get(i, ()),
                    voornamen=index.voornamen,
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
                let_op=_let_op(
                    afspraken[k.afspraak_id],
                    t.boekdatum,
                    geeindigd.get((afspraken[k.afspraak_id].burger_id, t.boekdatum)),
                ),
            )
            for k in beoordeeld[:aantal]
        ]
    return uitkomst


def afdelingen_voor_nieuwe_rekening(
    transactie: Banktransactie, suggesties: list[Suggestie]
) -> list[Any]:
    """The departments of the suggested agreements that the transaction's unknown
    counterparty account could be linked to (a known party that changed banks)."""
    if not transactie.tegen_iban or Rekening.objects.filter(
        iban=transactie.tegen_iban, afdelingen__isnull=False
    ).exists():
        return []
    richting = "inkomsten" if transactie.bedrag > 0 else "uitgaven"
    gezien: dict[int, Any] = {}
    for s in suggesties:
        afdeling = s.afspraak.afdeling
        if afdeling is not None and s.afspraak.richting == richting:
            gezien.setdefault(afdeling.pk, afdeling)
    return list(gezien.values())


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
