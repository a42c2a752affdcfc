"""The agreements, as staff enter them at intake: the party, the expected amount taken
from a payslip or letter, the schedule, and search terms typed the way staff type them
(the reference in one format, or the surname, or nothing at all).

Also the party's reference for the participant (personnel number, customer number,
contract number): staff typed it as a search term, wrote it in the agreement's
description (`notitie`), or recorded it nowhere."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from .personen import Persoon


@dataclass
class Regeling:
    index: int
    persoon: int
    partij: str
    soort: str  # the rubriek's name
    richting: str  # inkomsten / uitgaven
    bedrag: int  # cents, what staff entered
    ritme: str  # maand, week, vierweken, kwartaal
    dag: int
    geldig_van: dt.date
    geldig_tot: dt.date | None
    kenmerk: str  # the party's reference for this person ("" for none)
    zoektermen: tuple[str, ...] = ()
    variatie: float = 0.0
    label: str = ""  # WW, WIA, AOW, zorgtoeslag ... as the payer names it
    vervolg_op: int | None = None
    mandaat: str = ""
    notitie: str = ""

    def geldig(self, datum: dt.date) -> bool:
        return self.geldig_van <= datum and (self.geldig_tot is None or datum <= self.geldig_tot)


def nieuw_nummer(rng: random.Random, n: int, gebruikt: set[str]) -> str:
    while True:
        x = str(rng.randrange(10 ** (n - 1), 10**n))
        if x not in gebruikt and not 1900 <= int(x) <= 2100:
            gebruikt.add(x)
            return x


def zoekterm_zoals_getypt(
    rng: random.Random, p: Persoon, kenmerk: str, brief: str
) -> tuple[str, ...]:
    """What staff type as search terms: the reference (as digits, or as on the letter),
    the surname (with its tussenvoegsel and diacritics), or nothing."""
    r = rng.random()
    if kenmerk and r < 0.40:
        return (brief if rng.random() < 0.35 else kenmerk,)
    if r < 0.62:
        return (f"{p.tussenvoegsel} {p.achternaam}".strip(),)
    return ()


def op_cyclus(anker: dt.date, stap: int, vanaf: dt.date) -> dt.date:
    """The first payday of a `stap`-day cycle through `anker` on or after `vanaf`."""
    d = anker
    while d > vanaf:
        d -= dt.timedelta(days=stap)
    while d < vanaf:
        d += dt.timedelta(days=stap)
    return d
