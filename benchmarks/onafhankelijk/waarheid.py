"""Ground truth per bank line: the true participant and agreement, a category, and
whether a careful staff member would book it on that agreement without asking.

`matchbaar` is decided from the line as it arrives (after the bank folded and cut it)
and from what staff know (the agreements with their search terms, the participants'
names), never from any matcher:
1. Lines that must go to a human by their nature are not matchable: the second of a
   double payment, a correction, a refund, a payment after the agreement ended, a
   fixed cost that suddenly doubled, bank costs, a relative's transfer.
2. Candidates are the valid agreements of the same kind and direction on the line's
   counterparty account (a new, unlinked IBAN has none: not matchable).
3. A reference that staff typed as a search term and that is still readable on the
   line identifies its agreement (a printed name must agree with it).
4. Else the printed surname (with the initial, if printed) must fit exactly one
   candidate; two Jansens at one payer without an initial go to a human.
5. Else a counterparty with exactly one candidate identifies it; a payroll bureau
   line without reference does not."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from .boeking import Boeking, zichtbaar
from .namen import vouw
from .regels import NIET_MATCHBAAR, Regel
from .wereld import Plan, Wereld


@dataclass(frozen=True)
class Waarheid:
    bankreferentie: str
    plan: int | None
    deelnemer: int | None
    categorie: str
    matchbaar: bool


class Rechter:
    """Decides the truth of lines of one world; indexes the agreements once."""

    def __init__(self, wereld: Wereld) -> None:
        self.w = wereld
        self.index: dict[tuple[str, str, str], list[Plan]] = defaultdict(list)
        for x in wereld.plannen:
            p = wereld.partijen.get(x.partij)
            iban = p.iban if p else wereld.deelnemers[x.deelnemer].iban
            self.index[(iban, x.richting, x.soort)].append(x)

    def _naam(self, x: Plan) -> tuple[str, str]:
        d = self.w.deelnemers[x.deelnemer]
        return vouw(d.familienaam).casefold(), vouw(d.voornamen[0])[0].upper()

    def beslis(self, regel: Regel, boeking: Boeking) -> Waarheid:
        ref = boeking.bankreferentie
        if regel.categorie in NIET_MATCHBAAR or regel.plan is None:
            return Waarheid(ref, regel.plan, regel.deelnemer, regel.categorie, False)
        x = self.w.plannen[regel.plan]
        kandidaten = [
            c
            for c in self.index.get((regel.tegen_iban, x.richting, x.soort), [])
            if _geldig(c, regel.datum)
        ]
        goed, reden = self._identificeer(x, regel, boeking, kandidaten)
        return Waarheid(ref, x.index, x.deelnemer, regel.categorie if goed else reden, goed)

    def _identificeer(
        self, x: Plan, regel: Regel, boeking: Boeking, kandidaten: list[Plan]
    ) -> tuple[bool, str]:
        if not kandidaten:
            return False, regel.categorie  # e.g. nieuwe_iban
        t = regel.tekst
        kenmerk = zichtbaar(t.kenmerk, boeking)
        familienaam = self.w.deelnemers[x.deelnemer].familienaam
        naam = bool(t.naam) and (zichtbaar(t.naam, boeking) or zichtbaar(familienaam, boeking))
        voorletter = t.voorletter if zichtbaar(t.naam, boeking) else ""
        eigen = self._naam(x)

        def past(c: Plan) -> bool:
            achternaam, letter = self._naam(c)
            return achternaam == eigen[0] and (not voorletter or letter == voorletter)

        if kenmerk:
            raak = [c for c in kandidaten if c.kenmerk_bekend and c.kenmerk == x.kenmerk]
            if naam:
                raak = [c for c in raak if past(c)]
            if len(raak) == 1:
                return raak[0] is x, "kenmerk_dubbelzinnig"
        if naam:
            raak = [c for c in kandidaten if past(c)]
            if len(raak) == 1:
                return raak[0] is x, "naam_dubbelzinnig"
            if len(raak) > 1:
                return False, "achternaam_gedeeld"
        if len(kandidaten) == 1:
            return kandidaten[0] is x, "tegenrekening_dubbelzinnig"
        if t.kenmerk and not kenmerk:
            return False, "afgekapt"
        partij = self.w.partijen.get(x.partij)
        if partij is not None and partij.soort == "bureau":
            return False, "bureau_zonder_referentie"
        return False, "zonder_kenmerk"


def _geldig(x: Plan, datum: dt.date) -> bool:
    return x.geldig_van <= datum and (x.geldig_tot is None or datum <= x.geldig_tot)
