"""Finding the agreements worth scoring for one bank transaction, fast at national scale.

Candidates come from the counterparty IBAN (every account of the agreement's
department, so a party that moved to another bank is found again once staff linked the
new account), from rules learned from staff, and, for an IBAN nobody knows, from the
counterparty NAME: a known party on a new account becomes a suggestion.

Large IBAN groups (UWV, SVB, Toeslagen, a payroll bureau pay hundreds of participants
from one account) are narrowed before scoring: an agreement is looked up by the rarest
key of its search terms (a reference number, else its longest word) and by its
participant's surname; agreements without search terms by exact amount. The narrowing is
complete for what matters: every agreement whose search terms are all in the text, and
every one whose participant's surname is in it, is among the candidates, so a
look-alike of another participant is never left out of the comparison.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from huishoudboekje.core.tekstvergelijking import Tekst, term, vouw

from .afletterdata import AfspraakInfo, Leerregel, TeMatchen

GROTE_GROEP = 40  # above this many agreements per IBAN, narrow by text and amount first
MIN_NAAMLENGTE = 6  # a shortened party name must keep this many characters to count
_RECHTSVORMEN = ("bv", "nv", "vof", "cv", "bvba", "stichting", "holding")


def partijsleutel(naam: str) -> str:
    """A party name as banks write it: folded, without separators or legal form
    (`Bouwbedrijf De Vries B.V.` and `BOUWBEDRIJF DE VRIES BV` are the same)."""
    woorden = [w for w in "".join(c if c.isalnum() else " " for c in vouw(naam)).split() if w]
    while woorden and woorden[-1] in _RECHTSVORMEN:
        woorden.pop()
    while woorden and woorden[0] in ("stichting",):
        woorden.pop(0)
    return "".join(woorden)


@dataclass
class Afspraakindex:
    """All agreements and learned rules, indexed for fast candidate lookup."""

    afspraken: dict[int, AfspraakInfo] = field(default_factory=dict)
    per_iban: dict[str, list[AfspraakInfo]] = field(default_factory=lambda: defaultdict(list))
    regels_per_iban: dict[str, list[Leerregel]] = field(default_factory=lambda: defaultdict(list))
    per_partij: dict[str, list[AfspraakInfo]] = field(default_factory=lambda: defaultdict(list))
    _sleutels: dict[str, dict[str, list[AfspraakInfo]]] = field(default_factory=dict)
    _bedragen: dict[str, dict[int, list[AfspraakInfo]]] = field(default_factory=dict)
    voornamen: frozenset[str] = frozenset()  # every participant's first name, folded
    _aantallen: dict[tuple[str, str], int] = field(default_factory=dict)

    @classmethod
    def bouw(
        cls, afspraken: Iterable[AfspraakInfo], regels: Iterable[Leerregel] = ()
    ) -> Afspraakindex:
        index = cls()
        for a in afspraken:
            index.afspraken[a.id] = a
            for iban in a.ibans:
                index.per_iban[iban].append(a)
            if a.partijnaam and a.afdeling_id is not None:
                index.per_partij[partijsleutel(a.partijnaam)].append(a)
        for r in regels:
            index.regels_per_iban[r.tegen_iban].append(r)
        index.voornamen = frozenset(a.voornaam for a in index.afspraken.values() if a.voornaam)
        for iban, groep in index.per_iban.items():
            for a in groep:
                sleutel = (iban, a.richting)
                index._aantallen[sleutel] = index._aantallen.get(sleutel, 0) + 1
            if len(groep) > GROTE_GROEP:
                index._indexeer_groep(iban, groep)
        return index

    def _indexeer_groep(self, iban: str, groep: list[AfspraakInfo]) -> None:
        telling: dict[str, int] = defaultdict(int)
        for a in groep:
            for s in {term(t).sleutel for t in a.zoektermen}:
                telling[s] += 1
        per_sleutel: dict[str, list[AfspraakInfo]] = defaultdict(list)
        per_bedrag: dict[int, list[AfspraakInfo]] = defaultdict(list)
        for a in groep:
            per_bedrag[a.bedrag].append(a)
            sleutels = [s for s in (term(t).sleutel for t in a.zoektermen) if s]
            if sleutels:
                # its rarest key: present whenever all its terms are
                per_sleutel[min(sleutels, key=lambda s: (telling[s], s))].append(a)
            naam = a.naam_sleutel
            if naam:
                per_sleutel[naam].append(a)
        self._sleutels[iban] = per_sleutel
        self._bedragen[iban] = per_bedrag

    def kandidaten(
        self, tx: TeMatchen, tekst: Tekst
    ) -> tuple[list[AfspraakInfo], dict[int, Leerregel]]:
        """Agreements worth scoring for `tx` (any direction), and matching learned rules."""
        regels: dict[int, Leerregel] = {}
        for regel in (
            *self.regels_per_iban.get(tx.tegen_iban, ()),
            *self.regels_per_iban.get("", ()),
        ):
            if regel.afspraak_id in self.afspraken and tekst.bevat(term(regel.patroon).vorm):
                regels.setdefault(regel.afspraak_id, regel)
        groep = self.per_iban.get(tx.tegen_iban, []) if tx.tegen_iban else []
        if tx.tegen_iban in self._sleutels:
            groep = self._versmal(tx, tekst)
        gezien = {a.id for a in groep}
        extra = [self.afspraken[i] for i in regels if i not in gezien]
        return groep + extra, regels

    def _versmal(self, tx: TeMatchen, tekst: Tekst) -> list[AfspraakInfo]:
        """The part of a large IBAN group worth scoring (see the module docstring).
        Agreements without search terms come only with exactly this amount: in a group
        this large the amount alone never books (`core.afletteren`), it only suggests."""
        gekozen: dict[int, AfspraakInfo] = {}
        per_sleutel = self._sleutels[tx.tegen_iban]
        for s in tekst.sleutels:
            for a in per_sleutel.get(s, ()):
                gekozen[a.id] = a
        zelfde = self._bedragen[tx.tegen_iban].get(abs(tx.bedrag), ())
        if len(zelfde) <= GROTE_GROEP:
            for a in zelfde:
                if not gekozen or not a.zoektermen:
                    gekozen.setdefault(a.id, a)
        return list(gekozen.values())

    def bekende_partij(self, tx: TeMatchen) -> list[AfspraakInfo]:
        """Agreements of a known party whose name the counterparty of `tx` carries, for a
        transaction from an account nobody knows (the party changed banks)."""
        naam = partijsleutel(tx.tegen_naam)
        if len(naam) < MIN_NAAMLENGTE:
            return []
        if naam in self.per_partij:
            return list(self.per_partij[naam])
        # a bank that cuts the name, or adds a place: one starts with the other
        for sleutel, groep in self.per_partij.items():
            korter, langer = sorted((sleutel, naam), key=len)
            if len(korter) >= MIN_NAAMLENGTE * 2 and langer.startswith(korter):
                return list(groep)
        return []

    def aantal(self, iban: str, richting: str) -> int:
        """How many agreements of this direction have this counterparty account."""
        return self._aantallen.get((iban, richting), 0)

    def is_groot(self, iban: str) -> bool:
        """Whether the agreements of this IBAN are narrowed before scoring."""
        return iban in self._sleutels

    def partij_van(self, iban: str) -> str | None:
        """The party name behind a known counterparty IBAN, or None when unknown."""
        groep = self.per_iban.get(iban) if iban else None
        return groep[0].partijnaam if groep else None
