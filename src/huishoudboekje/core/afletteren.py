"""Automatic matching (afletteren): which agreement does a bank transaction belong to?

Pure and Django-free. Candidates come from the counterparty IBAN (and from rules learned
from staff), then only agreements with the SAME direction count (money in can only be an
income, money out only a cost), then search terms, amount and date closeness to the
agreement's schedule are scored. Every score comes with its reasons in Dutch words
("IBAN bekend bij Eneco, bedrag gelijk, verwacht op 28-05").

A transaction is booked automatically only when exactly one candidate is clearly best:
its score is at least `DREMPEL_AUTOMATISCH`, it leads the runner-up by at least
`MINIMALE_VOORSPRONG`, and nothing blocks it (an agreement not valid on the booking date,
a second payment for the same expected date, or a search term of the agreement missing
from the text). Everything else becomes a ranked list of
suggestions for staff. The thresholds are explicit so the behaviour can be explained.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from huishoudboekje.core.money import formatteer_bedrag
from huishoudboekje.core.schedules import Betaalschema, verwachte_datums

# -- scores (explicit, see module docstring) -------------------------------------------------
PUNTEN_IBAN = 40  # the counterparty account belongs to this agreement
PUNTEN_LEERREGEL = 30  # staff booked this (IBAN, description pattern) here before
PUNTEN_HHB_NUMMER = 15  # the participant's HHB-number is in the text (our own payments)
PUNTEN_ZOEKTERMEN_ALLE = 25
PUNTEN_ZOEKTERMEN_SOMMIGE = 10
STRAF_ZOEKTERMEN_GEEN = -15  # the agreement has search terms and none is in the text
PUNTEN_BEDRAG_GELIJK = 25
PUNTEN_BEDRAG_BINNEN_MARGE = 15
STRAF_BEDRAG_AFWIJKEND = -25
PUNTEN_DATUM_BINNEN_MARGE = 10
PUNTEN_DATUM_IN_DE_BUURT = 5
STRAF_NIET_GELDIG = -40

DREMPEL_AUTOMATISCH = 75  # e.g. IBAN + exact amount + expected date, nothing against it
MINIMALE_VOORSPRONG = 20
DATUM_BUURT_DAGEN = 7  # "near" an expected date, beyond the margin
GROTE_GROEP = 40  # above this many agreements per IBAN, narrow by text and amount first

INKOMSTEN = "inkomsten"
UITGAVEN = "uitgaven"

_WOORD = re.compile(r"[0-9a-zà-ÿ]+")


@dataclass(frozen=True)
class AfspraakInfo:
    """What matching needs to know of one agreement."""

    id: int
    burger_id: int
    richting: str  # "inkomsten" | "uitgaven"
    bedrag: int  # cents, > 0
    geldig_van: dt.date
    geldig_tot: dt.date | None
    zoektermen: tuple[str, ...]
    tegen_iban: str
    partijnaam: str  # "Eneco" or "eigen rekening"
    schema: Betaalschema | None = None
    rubriek_id: int = 0
    hhb_nummer: str = ""  # the participant's number, which our own payments carry

    def geldig_op(self, datum: dt.date) -> bool:
        return self.geldig_van <= datum and (self.geldig_tot is None or datum <= self.geldig_tot)


@dataclass(frozen=True)
class Leerregel:
    """Learned from staff: a transaction from `tegen_iban` ("" = any or none) whose
    description contains `patroon` belongs to agreement `afspraak_id`."""

    id: int
    tegen_iban: str
    patroon: str
    afspraak_id: int


@dataclass(frozen=True)
class TeMatchen:
    bedrag: int  # signed cents: > 0 money in
    boekdatum: dt.date
    tegen_iban: str
    omschrijving: str
    tegen_naam: str = ""

    @property
    def richting(self) -> str:
        return INKOMSTEN if self.bedrag > 0 else UITGAVEN


@dataclass(frozen=True)
class Marges:
    dagen: int = 3  # the municipality's alert margin in days
    bedrag: int = 1000  # the municipality's alert margin in cents


@dataclass(frozen=True)
class Kandidaat:
    afspraak_id: int
    burger_id: int
    score: int
    redenen: tuple[str, ...]
    blokkade: str = ""  # why this candidate may never be booked automatically
    leerregel_id: int | None = None

    @property
    def toelichting(self) -> str:
        return ", ".join(self.redenen)


@dataclass(frozen=True)
class Besluit:
    """The outcome for one transaction: book on `afspraak_id`, or not (and why)."""

    afspraak_id: int | None
    kandidaten: tuple[Kandidaat, ...]
    uitkomst: str  # "geboekt" | "geen_kandidaat" | "twijfel" | "geblokkeerd" | "te_laag"
    toelichting: str

    @property
    def automatisch(self) -> bool:
        return self.afspraak_id is not None


def woorden(tekst: str) -> set[str]:
    return set(_WOORD.findall(tekst.lower()))


def _bevat(tekst: str, term: str) -> bool:
    return term.lower() in tekst


@dataclass
class Afspraakindex:
    """All agreements and learned rules, indexed for fast candidate lookup.

    Large IBAN groups (UWV, SVB, the municipality's own benefit department pay hundreds of
    participants from one account) are narrowed by rare words of the search terms and by
    exact amount before scoring, so matching stays fast at national scale."""

    afspraken: dict[int, AfspraakInfo] = field(default_factory=dict)
    per_iban: dict[str, list[AfspraakInfo]] = field(default_factory=lambda: defaultdict(list))
    regels_per_iban: dict[str, list[Leerregel]] = field(default_factory=lambda: defaultdict(list))
    _woordindex: dict[str, dict[str, list[AfspraakInfo]]] = field(default_factory=dict)
    _bedragindex: dict[str, dict[int, list[AfspraakInfo]]] = field(default_factory=dict)

    @classmethod
    def bouw(
        cls, afspraken: Iterable[AfspraakInfo], regels: Iterable[Leerregel] = ()
    ) -> Afspraakindex:
        index = cls()
        for a in afspraken:
            index.afspraken[a.id] = a
            index.per_iban[a.tegen_iban].append(a)
        for r in regels:
            index.regels_per_iban[r.tegen_iban].append(r)
        for iban, groep in index.per_iban.items():
            if len(groep) > GROTE_GROEP:
                index._indexeer_groep(iban, groep)
        return index

    def _indexeer_groep(self, iban: str, groep: list[AfspraakInfo]) -> None:
        per_woord: dict[str, list[AfspraakInfo]] = defaultdict(list)
        per_bedrag: dict[int, list[AfspraakInfo]] = defaultdict(list)
        for a in groep:
            per_bedrag[a.bedrag].append(a)
            for w in {w for term in a.zoektermen for w in woorden(term)}:
                per_woord[w].append(a)
        # words shared by many agreements ("klantnummer") do not narrow anything
        self._woordindex[iban] = {w: g for w, g in per_woord.items() if len(g) <= GROTE_GROEP}
        self._bedragindex[iban] = per_bedrag

    def kandidaten(self, tx: TeMatchen) -> tuple[list[AfspraakInfo], dict[int, Leerregel]]:
        """Agreements worth scoring for `tx` (any direction), and matching learned rules."""
        tekst = tx.omschrijving.lower()
        regels: dict[int, Leerregel] = {}
        for regel in (
            *self.regels_per_iban.get(tx.tegen_iban, ()),
            *self.regels_per_iban.get("", ()),
        ):
            if (
                regel.patroon
                and regel.patroon.lower() in tekst
                and regel.afspraak_id in self.afspraken
            ):
                regels.setdefault(regel.afspraak_id, regel)
        groep = self.per_iban.get(tx.tegen_iban, []) if tx.tegen_iban else []
        if tx.tegen_iban in self._woordindex:
            groep = self._versmal(tx)
        gezien = {a.id for a in groep}
        extra = [self.afspraken[i] for i in regels if i not in gezien]
        return groep + extra, regels


    def _versmal(self, tx: TeMatchen) -> list[AfspraakInfo]:
        """The part of a large IBAN group worth scoring: agreements with a rare word of
        their search terms in the text. When a word matched, the agreements with exactly
        this amount join only if they have no search terms (the text cannot point to
        them); agreements whose search terms are not in the text stay out, or every
        standard benefit amount would put dozens of look-alikes beside the right one.
        Without any word match, the exact amount narrows the group, if it narrows
        (an amount shared by more than `GROTE_GROEP` agreements does not)."""
        gekozen: dict[int, AfspraakInfo] = {}
        for w in woorden(tx.omschrijving):
            for a in self._woordindex[tx.tegen_iban].get(w, ()):
                gekozen[a.id] = a
        zelfde_bedrag = self._bedragindex[tx.tegen_iban].get(abs(tx.bedrag), ())
        if not gekozen:
            return list(zelfde_bedrag)
        if len(zelfde_bedrag) <= GROTE_GROEP:
            for a in zelfde_bedrag:
                if not a.zoektermen:
                    gekozen.setdefault(a.id, a)
        return list(gekozen.values())

    def partij_van(self, iban: str) -> str | None:
        """The party name behind a known counterparty IBAN, or None when unknown."""
        groep = self.per_iban.get(iban) if iban else None
        return groep[0].partijnaam if groep else None


def beoordeel(
    tx: TeMatchen,
    afspraak: AfspraakInfo,
    *,
    marges: Marges,
    leerregel: Leerregel | None = None,
    eerder_geboekt: Sequence[dt.date] = (),
) -> Kandidaat:
    """Score one agreement for one transaction, with the reasons in words."""
    score = 0
    redenen: list[str] = []
    blokkade = ""
    tekst = tx.omschrijving.lower()
    if tx.tegen_iban and tx.tegen_iban == afspraak.tegen_iban:
        score += PUNTEN_IBAN
        redenen.append(f"IBAN bekend bij {afspraak.partijnaam}")
    if leerregel is not None:
        score += PUNTEN_LEERREGEL
        redenen.append(f"eerder zo geboekt ('{leerregel.patroon}')")
    if afspraak.hhb_nummer and afspraak.hhb_nummer.lower() in tekst:
        score += PUNTEN_HHB_NUMMER
        redenen.append(f"HHB-nummer {afspraak.hhb_nummer} gevonden")
    score += _zoektermen(afspraak, tekst, redenen)
    if (
        leerregel is None
        and afspraak.zoektermen
        and not all(_bevat(tekst, t) for t in afspraak.zoektermen)
    ):
        # a missing search term points at another agreement of the same party (the
        # participant's huurtoeslag vs zorgtoeslag): never book that automatically
        blokkade = "een zoekterm van de afspraak ontbreekt"
    score += _bedrag(abs(tx.bedrag), afspraak.bedrag, marges, redenen)
    verwacht = _dichtstbijzijnde_datum(afspraak, tx.boekdatum)
    if verwacht is not None:
        afstand = abs((tx.boekdatum - verwacht).days)
        if afstand <= marges.dagen:
            score += PUNTEN_DATUM_BINNEN_MARGE
            redenen.append(f"verwacht op {verwacht:%d-%m}")
        elif afstand <= DATUM_BUURT_DAGEN:
            score += PUNTEN_DATUM_IN_DE_BUURT
            redenen.append(f"verwacht op {verwacht:%d-%m} ({afstand} dagen verschil)")
        # a second payment for the same expected date (a salary paid twice)
        dubbel = [d for d in eerder_geboekt if _dichtstbijzijnde_datum(afspraak, d) == verwacht]
        if dubbel:
            blokkade = f"al een betaling geboekt rond {verwacht:%d-%m} (op {dubbel[0]:%d-%m})"
    if not afspraak.geldig_op(tx.boekdatum):
        score += STRAF_NIET_GELDIG
        blokkade = f"afspraak geldt niet op {tx.boekdatum:%d-%m-%Y}"
    if afspraak.richting != tx.richting:
        # money back from the party of a cost (a refund, a reversed direct debit) or
        # paid back to the payer of an income: it belongs to the participant, but only
        # staff decide that
        blokkade = f"terugbetaling of storno: de afspraak is voor {afspraak.richting}"
    if blokkade:
        redenen.append(blokkade)
    return Kandidaat(
        afspraak_id=afspraak.id,
        burger_id=afspraak.burger_id,
        score=score,
        redenen=tuple(redenen),
        blokkade=blokkade,
        leerregel_id=leerregel.id if leerregel else None,
    )


def _zoektermen(afspraak: AfspraakInfo, tekst: str, redenen: list[str]) -> int:
    if not afspraak.zoektermen:
        return 0
    gevonden = [t for t in afspraak.zoektermen if _bevat(tekst, t)]
    if len(gevonden) == len(afspraak.zoektermen):
        redenen.append(
            f"zoekterm{'en' if len(gevonden) > 1 else ''} gevonden: {', '.join(gevonden)}"
        )
        return PUNTEN_ZOEKTERMEN_ALLE
    if gevonden:
        ontbreekt = [t for t in afspraak.zoektermen if t not in gevonden]
        redenen.append(
            f"zoekterm gevonden: {', '.join(gevonden)}; niet gevonden: {', '.join(ontbreekt)}"
        )
        return PUNTEN_ZOEKTERMEN_SOMMIGE
    redenen.append("zoektermen niet gevonden")
    return STRAF_ZOEKTERMEN_GEEN


def _bedrag(bedrag: int, verwacht: int, marges: Marges, redenen: list[str]) -> int:
    verschil = bedrag - verwacht
    if verschil == 0:
        redenen.append("bedrag gelijk")
        return PUNTEN_BEDRAG_GELIJK
    tekst = f"bedrag {formatteer_bedrag(abs(verschil))} {'hoger' if verschil > 0 else 'lager'}"
    if abs(verschil) <= marges.bedrag:
        redenen.append(f"{tekst} (binnen marge)")
        return PUNTEN_BEDRAG_BINNEN_MARGE
    redenen.append(f"{tekst} dan afgesproken")
    return STRAF_BEDRAG_AFWIJKEND


def _dichtstbijzijnde_datum(afspraak: AfspraakInfo, datum: dt.date) -> dt.date | None:
    return None if afspraak.schema is None else _dichtstbij(afspraak.schema, datum)


@lru_cache(maxsize=262_144)
def _dichtstbij(schema: Betaalschema, datum: dt.date) -> dt.date | None:
    """The expected date nearest to `datum` (within 45 days); cached, because a run asks
    the same (schedule, date) pairs many times (every weekly leefgeld, every batch day)."""
    venster = dt.timedelta(days=45)
    datums = list(verwachte_datums(schema, datum - venster, datum + venster))
    return min(datums, key=lambda d: (abs((d - datum).days), d)) if datums else None


def besluit(
    tx: TeMatchen,
    index: Afspraakindex,
    *,
    marges: Marges,
    eerder_geboekt: Mapping[int, Sequence[dt.date]] | None = None,
) -> Besluit:
    """Decide for one transaction: book automatically, or list ranked suggestions."""
    eerder_geboekt = eerder_geboekt or {}
    afspraken, regels = index.kandidaten(tx)
    if not afspraken:
        return Besluit(None, (), "geen_kandidaat", _geen_kandidaat(tx, index))
    zelfde = [a for a in afspraken if a.richting == tx.richting]
    if not zelfde:
        soort = "inkomst" if tx.richting == INKOMSTEN else "uitgave"
        return Besluit(
            None,
            (),
            "geen_kandidaat",
            f"IBAN bekend, maar geen afspraak voor een {soort} met deze tegenrekening: "
            "een terugbetaling of storno? Dat beslist een medewerker (zie de suggesties)",
        )
    kandidaten = sorted(
        (
            beoordeel(
                tx,
                a,
                marges=marges,
                leerregel=regels.get(a.id),
                eerder_geboekt=eerder_geboekt.get(a.id, ()),
            )
            for a in zelfde
        ),
        key=lambda k: (-k.score, k.afspraak_id),
    )
    beste = kandidaten[0]
    tweede = kandidaten[1] if len(kandidaten) > 1 else None
    if beste.blokkade:
        return Besluit(
            None, tuple(kandidaten), "geblokkeerd", f"niet automatisch: {beste.blokkade}"
        )
    if beste.score < DREMPEL_AUTOMATISCH:
        return Besluit(
            None,
            tuple(kandidaten),
            "te_laag",
            f"beste kandidaat scoort {beste.score} (drempel {DREMPEL_AUTOMATISCH}): "
            f"{beste.toelichting}",
        )
    if tweede is not None and beste.score - tweede.score < MINIMALE_VOORSPRONG:
        return Besluit(
            None,
            tuple(kandidaten),
            "twijfel",
            f"twee kandidaten liggen dicht bij elkaar ({beste.score} en {tweede.score})",
        )
    return Besluit(beste.afspraak_id, tuple(kandidaten), "geboekt", beste.toelichting)


def _geen_kandidaat(tx: TeMatchen, index: Afspraakindex) -> str:
    if not tx.tegen_iban:
        return "geen tegenrekening op de transactie en geen geleerde regel"
    partij = index.partij_van(tx.tegen_iban)
    if partij is None:
        return "IBAN onbekend: bij geen enkele afspraak hoort deze tegenrekening"
    aantal = len(index.per_iban[tx.tegen_iban])
    return (
        f"IBAN bekend bij {partij} ({aantal} afspraken), maar geen zoekterm in de "
        "omschrijving en geen bedrag wijst een afspraak aan"
    )


def stel_zoekterm_voor(omschrijving: str, bestaande: Iterable[str] = ()) -> str | None:
    """A search term to learn from a manual booking: the most distinctive word of the
    description (a reference or customer number, else the longest word) that the
    agreement does not have yet."""
    bekend = {w for t in bestaande for w in woorden(t)}
    kandidaten = [
        w for w in _WOORD.findall(omschrijving.lower()) if len(w) >= 4 and w not in bekend
    ]
    if not kandidaten:
        return None
    met_cijfers = [w for w in kandidaten if any(c.isdigit() for c in w) and len(w) >= 5]
    gekozen: str = max(met_cijfers or kandidaten, key=len)
    return gekozen
