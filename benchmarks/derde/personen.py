"""Participants, and the many ways payers write a participant's name.

Why the name forms matter: a payroll system, UWV and a health insurer each print the
same person differently ("Jansen, J.", "J JANSEN", "Dhr. J. Jansen", "Jansen"), and
when several participants share a surname at one payer the form decides whether a
careful staff member can tell them apart."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from benchmarks.onafhankelijk.namen import achternaam, vouw
from benchmarks.onafhankelijk.nummers import maak_bsn, maak_iban

VROUWEN = [
    "Johanna",
    "Maria",
    "Anna",
    "Sanne",
    "Fatima",
    "Ayse",
    "Elif",
    "Selam",
    "Noor",
    "Lotte",
    "Emma",
    "Julia",
    "Samira",
    "Ingrid",
    "Agnieszka",
    "Chantal",
    "Priya",
    "Hanna",
    "Zoë",
    "Wilma",
    "Linda",
    "Yasmina",
    "Petra",
    "Esther",
    "Mariëlle",
    "Nadia",
]
MANNEN = [
    "Jan",
    "Pieter",
    "Kees",
    "Henk",
    "Mohamed",
    "Ahmet",
    "Mehmet",
    "Yonas",
    "Abdullah",
    "Joost",
    "Thomas",
    "Daan",
    "Ibrahim",
    "Wim",
    "Piotr",
    "René",
    "Kevin",
    "Tesfay",
    "Jürgen",
    "Gerrit",
    "Ricardo",
    "Omar",
    "Johan",
    "Bart",
    "Hüseyin",
    "Youssef",
]
EIGEN_BANKEN = ["INGB", "INGB", "RABO", "ABNA", "SNSB", "ASNB", "KNAB", "BUNQ", "RBRB", "TRIO"]


@dataclass(frozen=True)
class Persoon:
    index: int
    voornamen: tuple[str, ...]
    tussenvoegsel: str
    achternaam: str
    vrouw: bool
    bsn: str
    iban: str
    geboortedatum: dt.date
    start: dt.date
    vertrek: dt.date | None

    @property
    def voorletters(self) -> str:
        return "".join(f"{vouw(n)[0].upper()}." for n in self.voornamen)

    @property
    def hhb(self) -> str:
        return f"{self.index + 1:05d}"


@dataclass(frozen=True)
class NaamTeken:
    """What a printed name says about who it is: the bare surname (folded, lower case),
    and the first initial or the first name when printed."""

    achternaam: str
    initiaal: str | None  # the printed initials, lower case without dots ("pv")
    voornaam: str | None

    def past(self, p: Persoon) -> bool:
        if vouw(p.achternaam).casefold() != self.achternaam:
            return False
        eigen = p.voorletters.replace(".", "").casefold()
        if self.initiaal and not eigen.startswith(self.initiaal):
            return False
        return not self.voornaam or vouw(p.voornamen[0]).casefold() == self.voornaam


NAAMVORMEN = ("komma", "kaal", "aanhef", "achteraan", "voluit", "alleen", "tnv")


def naamvorm(p: Persoon, vorm: str) -> tuple[str, NaamTeken]:
    """The name as a payer prints it in `vorm`, and what that print identifies."""
    tekst, opties = naamvormen(p, vorm)
    return tekst, opties[0][1]


def naamvormen(p: Persoon, vorm: str) -> tuple[str, list[tuple[tuple[str, ...], NaamTeken]]]:
    """The printed name, and what a reader still gets from it when the text is cut or a
    line border split a word: (parts that must all be readable, what they identify),
    most specific first."""
    vl = p.voorletters
    kaal = vl.replace(".", "")
    alle = kaal.casefold()
    tv, an = p.tussenvoegsel, p.achternaam
    vol = f"{tv} {an}".strip()
    sleutel = vouw(an).casefold()
    met_letters = NaamTeken(sleutel, alle, None)
    alleen_naam = ((an,), NaamTeken(sleutel, None, None))
    if vorm == "komma":
        tekst = f"{an}, {vl}{' ' + tv if tv else ''}"
        return tekst, [
            ((f"{an}, {vl}",), met_letters),
            ((f"{an}, {vl[:2]}",), NaamTeken(sleutel, alle[0], None)),
            alleen_naam,
        ]
    if vorm == "kaal":
        return f"{kaal} {vol}".upper(), [((kaal, an), met_letters), alleen_naam]
    if vorm == "aanhef":
        return f"{'Mevr.' if p.vrouw else 'Dhr.'} {vl} {vol}", [
            ((vl, an), met_letters),
            alleen_naam,
        ]
    if vorm == "achteraan":
        tekst = f"{vol} {kaal}".upper()
        return tekst, [
            ((tekst,), met_letters),
            ((f"{vol} {kaal[0]}",), NaamTeken(sleutel, alle[0], None)),
            alleen_naam,
        ]
    if vorm == "voluit":
        voor = vouw(p.voornamen[0]).casefold()
        return f"{p.voornamen[0]} {vol}", [
            ((p.voornamen[0], an), NaamTeken(sleutel, None, voor)),
            alleen_naam,
        ]
    if vorm == "alleen":
        return vol, [alleen_naam]
    return f"t.n.v. {vl[:2]} {vol}", [
        ((f"{vl[:2]} {vol}",), NaamTeken(sleutel, alle[0], None)),
        alleen_naam,
    ]


def maak_personen(
    rng: random.Random, aantal: int, begin: dt.date, eind: dt.date, ibans: set[str]
) -> list[Persoon]:
    """`aantal` participants: most joined before the period, some during its first half,
    a few leave in its second half."""
    bsns: set[str] = set()
    dagen = (eind - begin).days
    uit = []
    for i in range(aantal):
        vrouw = rng.random() < 0.52
        lijst = VROUWEN if vrouw else MANNEN
        voornamen = tuple(rng.sample(lijst, rng.choice([1, 1, 1, 2, 2, 3])))
        tv, an = achternaam(rng)
        r = rng.random()
        if r < 0.06:
            start = begin + dt.timedelta(days=rng.randrange(5, max(6, dagen // 2)))
        else:
            start = begin - dt.timedelta(days=rng.randrange(20, 1400))
        vertrek = None
        if rng.random() < 0.03 and dagen > 60:
            vertrek = begin + dt.timedelta(days=rng.randrange(dagen // 2, dagen - 25))
            if vertrek <= start + dt.timedelta(days=40):
                vertrek = None
        uit.append(
            Persoon(
                index=i,
                voornamen=voornamen,
                tussenvoegsel=tv,
                achternaam=an,
                vrouw=vrouw,
                bsn=maak_bsn(rng, bsns),
                iban=maak_iban(rng, rng.choice(EIGEN_BANKEN), ibans),
                geboortedatum=dt.date(
                    rng.randrange(1950, 2004), rng.randrange(1, 13), rng.randrange(1, 29)
                ),
                start=start,
                vertrek=vertrek,
            )
        )
    return uit
