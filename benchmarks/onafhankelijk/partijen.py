"""The parties a municipality deals with, sized to the number of participants.

Why these: issue 7 lists what real data holds. Large employers with hundreds of
participants (monthly, 4-weekly and weekly payroll), many small employers with one to
three, one payroll bureau paying for many client employers from ONE IBAN, the benefit
agencies (UWV, SVB, the municipality's own benefit department) and Belastingdienst
Toeslagen each paying many participants from one IBAN, and the fixed-cost parties
(housing corporations, energy, water, health insurance, phone), some collecting by
direct debit and some paid by transfer. One large employer moves to another bank
halfway through the period (same name, same references, new IBAN)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from .nummers import BANKEN, maak_iban, maak_kvk


@dataclass
class Partij:
    sleutel: str
    naam: str
    soort: str  # werkgever | bureau | uwv | svb | gemeente | toeslagen | huur | energie | ...
    iban: str
    kvk: str
    frequentie: str = "maandelijks"  # maandelijks | vierweken | week (employers)
    dag: int = 25  # day of month, or the weekday for weekly payroll
    anker: dt.date | None = None  # first 4-weekly or weekly payday of the cycle
    incasso: bool = False
    incassant_id: str = ""
    stijl: int = 0  # which description template this party's system uses
    vaste_opmaak: int = 0  # the reference format it mostly prints
    nieuwe_iban: str = ""  # after `wissel` the party pays from this IBAN
    wissel: dt.date | None = None
    klanten: list[str] = field(default_factory=list)  # payroll bureau: client employers
    vakantiegeld_maand: int = 5
    groot: bool = False

    @property
    def bic(self) -> str:
        return BANKEN[self.iban[4:8]]

    def iban_op(self, datum: dt.date) -> str:
        return self.nieuwe_iban if self.wissel and datum >= self.wissel else self.iban


_GROOT = [
    ("Schoonmaakbedrijf Glans B.V.", "maandelijks"),
    ("Distributiecentrum Oost B.V.", "vierweken"),
    ("Zorggroep Rivierenland", "maandelijks"),
    ("FlexWerk Uitzendbureau B.V.", "week"),
    ("Bouwbedrijf Van Dam & Zn. B.V.", "vierweken"),
    ("Thuiszorg Stad en Ommeland", "maandelijks"),
]
_KLEIN_SOORT = [
    "Bakkerij",
    "Café",
    "Kapsalon",
    "Autobedrijf",
    "Schildersbedrijf",
    "Tuincentrum",
    "Restaurant",
    "Hoveniersbedrijf",
    "Installatiebedrijf",
    "Supermarkt",
    "Drukkerij",
]
_KLEIN_NAAM = [
    "De Korenschoof",
    "Het Hoekje",
    "De Zon",
    "Van Rijn",
    "Bolsius",
    "De Linde",
    "Ilse",
    "Anatolia",
    "Atlas",
    "De Vaart",
    "Het Anker",
    "Noord",
    "Zuidwijk",
    "De Molen",
    "Yildiz",
]
_VAST = {
    "huur": [
        "Woonstichting Het Anker",
        "Wooncorporatie Stadswonen",
        "Woningstichting De Kern",
        "Portaal Wonen Midden",
    ],
    "energie": ["Groenstroom Nederland B.V.", "Energie Direct Noord", "Volt Energie B.V."],
    "water": ["Waterbedrijf Midden-Nederland", "Drinkwater Groenlanden N.V."],
    "zorgverzekering": ["Zorgverzekeraar Zuid U.A.", "Menzo Zorgverzekeringen", "IZA-VGZ Basis"],
    "telefoon": ["Belnet Mobiel B.V.", "KPM Telecom"],
}
_INCASSO = {
    "huur": [True, False, True, False],
    "energie": [True] * 3,
    "water": [True] * 2,
    "zorgverzekering": [True, True, False],
    "telefoon": [True, True],
}
_BANKCODES = ["INGB", "RABO", "ABNA", "INGB", "RABO", "ABNA", "SNSB", "TRIO", "KNAB", "BUNQ"]


def _incassant(rng: random.Random) -> str:
    return f"NL{rng.randrange(10, 99)}ZZZ{rng.randrange(10**11, 10**12)}"


def maak_partijen(
    rng: random.Random, deelnemers: int, begin: dt.date, eind: dt.date, ibans: set[str]
) -> dict[str, Partij]:
    """All parties; small employers and bureau clients scale with `deelnemers`."""
    kvks: set[str] = set()
    partijen: dict[str, Partij] = {}

    def nieuw(sleutel: str, naam: str, soort: str, bank: str = "", **kw: object) -> Partij:
        iban = maak_iban(rng, bank or rng.choice(_BANKCODES), ibans)
        p = Partij(sleutel, naam, soort, iban, maak_kvk(rng, kvks), **kw)  # type: ignore[arg-type]
        p.stijl, p.vaste_opmaak = rng.randrange(3), rng.randrange(5)
        partijen[sleutel] = p
        return p

    for i, (naam, freq) in enumerate(_GROOT):
        p = nieuw(f"groot{i}", naam, "werkgever", frequentie=freq, groot=True)
        p.dag = rng.choice([24, 25, 26, 28]) if freq == "maandelijks" else rng.choice([3, 4])
        p.anker = begin - dt.timedelta(days=(begin.weekday() - p.dag) % 7 + 7 * rng.randrange(4))
        p.vakantiegeld_maand = rng.choice([5, 5, 6])
    # halfway through the period the second monthly employer moves to another bank
    wisselaar = partijen["groot2"]
    wisselaar.nieuwe_iban = maak_iban(
        rng, "RABO" if wisselaar.iban[4:8] != "RABO" else "INGB", ibans
    )
    wisselaar.wissel = begin + (eind - begin) / 2
    for i in range(max(3, deelnemers // 9)):
        naam = f"{rng.choice(_KLEIN_SOORT)} {rng.choice(_KLEIN_NAAM)}"
        if rng.random() < 0.5:
            naam += rng.choice([" B.V.", " V.O.F.", ""])
        freq = rng.choices(["maandelijks", "vierweken", "week"], weights=[7, 2, 1])[0]
        p = nieuw(f"klein{i}", naam, "werkgever", frequentie=freq)
        p.dag = rng.randrange(20, 29) if freq == "maandelijks" else rng.randrange(0, 5)
        p.anker = begin - dt.timedelta(days=(begin.weekday() - p.dag) % 7 + 7 * rng.randrange(4))
        p.vakantiegeld_maand = rng.choice([5, 5, 6, 6, 0])
    bureau = nieuw("bureau", "Salarisverwerking Midden B.V.", "bureau", "ABNA", dag=23)
    bureau.klanten = [
        f"{rng.choice(_KLEIN_SOORT)} {rng.choice(_KLEIN_NAAM)} {i + 1}"
        for i in range(max(4, deelnemers // 25))
    ]
    nieuw("uwv", "UWV", "uwv", "INGB", dag=rng.choice([22, 23]))
    nieuw("svb", "Sociale Verzekeringsbank", "svb", "INGB", dag=21)
    nieuw("gemeente", "Gemeente Voorbeeldstad Werk en Inkomen", "gemeente", "BNGH", dag=27)
    nieuw("toeslagen", "Belastingdienst Toeslagen", "toeslagen", "INGB", dag=20)
    for soort, namen in _VAST.items():
        for i, naam in enumerate(namen):
            incasso = _INCASSO[soort][i]
            p = nieuw(f"{soort}{i}", naam, soort, incasso=incasso, dag=rng.choice([1, 2, 27, 28]))
            if incasso:
                p.incassant_id = _incassant(rng)
    return partijen
