"""Participants and their agreements, entered the way staff would enter them.

An agreement (`Plan`) holds what staff know and type: the counterparty account, the
expected amount (a typical salary, not the exact one), the schedule, the validity and
search terms: a personnel number, contract or policy number in ONE of the formats the
party uses, or only a surname where that is all they have. Beside it the plan keeps
what only the generator knows: how the party really pays (spread of the amount, the
reference the party prints), used to write the statements and the ground truth."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from .namen import achternaam, volledige_achternaam, voorletters, voornamen
from .nummers import maak_bsn, maak_iban, maak_nummer
from .partijen import Partij, maak_partijen
from .teksten import typ_kenmerk

RUBRIEK = {
    "loon": "Loon",
    "uwv": "Uitkering UWV",
    "bijstand": "Bijstandsuitkering",
    "aow": "AOW/Anw",
    "kinderbijslag": "Kinderbijslag",
    "zorgtoeslag": "Zorgtoeslag",
    "huurtoeslag": "Huurtoeslag",
    "huur": "Huur",
    "energie": "Energie",
    "water": "Water",
    "zorgverzekering": "Zorgverzekering",
    "telefoon": "Telefoon",
    "leefgeld": "Leefgeld",
}
INKOMSTEN = frozenset(
    {"loon", "uwv", "bijstand", "aow", "kinderbijslag", "zorgtoeslag", "huurtoeslag"}
)


@dataclass
class Deelnemer:
    index: int
    bsn: str
    voornamen: list[str]
    tussenvoegsel: str
    achternaam: str
    geboortedatum: dt.date
    iban: str
    start: dt.date
    vertrek: dt.date | None = None

    @property
    def voorletters(self) -> str:
        return voorletters(self.voornamen)

    @property
    def familienaam(self) -> str:
        return volledige_achternaam(self.tussenvoegsel, self.achternaam)


@dataclass
class Plan:
    index: int
    deelnemer: int
    partij: str  # Partij.sleutel, "" for leefgeld to the participant's own account
    soort: str  # key of RUBRIEK
    bedrag: int  # the agreed (expected) amount in cents
    geldig_van: dt.date
    geldig_tot: dt.date | None
    kenmerk: str = ""  # the reference the party prints (canonical: digits, or code)
    zoektermen: list[str] = field(default_factory=list)
    kenmerk_bekend: bool = False  # staff typed the reference as a search term
    spreiding: float = 0.0  # relative spread of the real amounts
    werkgever: str = ""  # payroll bureau: the client employer
    frequentie: str = "maandelijks"  # maandelijks | vierweken | week | kwartaal
    vervolg_op: int | None = None  # index of the agreement this one continues
    heeft_vervolg: bool = False

    @property
    def richting(self) -> str:
        return "inkomsten" if self.soort in INKOMSTEN else "uitgaven"


@dataclass
class Wereld:
    begin: dt.date
    eind: dt.date
    gemeente_iban: str
    deelnemers: list[Deelnemer]
    partijen: dict[str, Partij]
    plannen: list[Plan]
    huurverhoging: dt.date  # the rent rise of 1 July (the latest before the end)


def _kies(rng: random.Random, partijen: dict[str, Partij], voorvoegsel: str) -> Partij:
    return partijen[rng.choice([k for k in partijen if k.startswith(voorvoegsel)])]


def maak_wereld(
    *, deelnemers: int, seed: int, begin: dt.date, eind: dt.date, gemeente_iban: str
) -> Wereld:
    rng = random.Random(seed)
    verhoging = dt.date(eind.year if eind.month >= 7 else eind.year - 1, 7, 1)
    ibans, bsns = {gemeente_iban}, set()
    partijen = maak_partijen(rng, deelnemers, begin, eind, ibans)
    mensen, plannen = [], []
    kenmerken: dict[str, set[str]] = {}

    def plan(d: Deelnemer, p: Partij | None, soort: str, bedrag: int, **kw: object) -> Plan:
        x = Plan(len(plannen), d.index, p.sleutel if p else "", soort, bedrag, d.start, None, **kw)  # type: ignore[arg-type]
        plannen.append(x)
        return x

    def kenmerk(p: Partij, cijfers: int) -> str:
        return maak_nummer(rng, cijfers, kenmerken.setdefault(p.sleutel, set()))

    for i in range(deelnemers):
        tv, naam = achternaam(rng)
        start = begin - dt.timedelta(days=rng.randrange(30, 540))
        d = Deelnemer(
            i,
            maak_bsn(rng, bsns),
            voornamen(rng),
            tv,
            naam,
            dt.date(rng.randrange(1950, 2005), rng.randrange(1, 13), rng.randrange(1, 29)),
            maak_iban(rng, rng.choice(["INGB", "RABO", "ABNA", "SNSB", "BUNQ", "ASNB"]), ibans),
            start,
        )
        if rng.random() < 0.03:
            d.vertrek = begin + dt.timedelta(
                days=rng.randrange(30, max(31, (eind - begin).days - 20))
            )
        mensen.append(d)
        _inkomsten(rng, d, partijen, plan, kenmerk)
        _lasten(rng, d, partijen, plan, kenmerk, verhoging)
    for x in plannen:
        vertrek = mensen[x.deelnemer].vertrek
        if vertrek:
            x.geldig_tot = min(x.geldig_tot or vertrek, vertrek)
    return Wereld(begin, eind, gemeente_iban, mensen, partijen, plannen, verhoging)


def _zoekterm_loon(rng: random.Random, d: Deelnemer, x: Plan, kans_nummer: float) -> None:
    """Staff type the personnel number when the pay slip shows it, else the surname as
    it is in the system (with its diacritics), sometimes nothing at all."""
    r = rng.random()
    if r < kans_nummer:
        x.zoektermen, x.kenmerk_bekend = [typ_kenmerk(rng, x.kenmerk)], True
    elif r < 0.93:
        x.zoektermen = [d.achternaam]
    else:
        x.zoektermen = []


def _inkomsten(rng, d, partijen, plan, kenmerk) -> None:  # type: ignore[no-untyped-def]
    if rng.random() < 0.6:
        r = rng.random()
        p = _kies(rng, partijen, "groot" if r < 0.45 else "klein" if r < 0.75 else "bureau")
        netto = rng.randrange(110_000, 260_000)
        netto = {"vierweken": netto * 12 // 13, "week": netto * 12 // 52}.get(p.frequentie, netto)
        x = plan(
            d,
            p,
            "loon",
            netto // 100 * 100,
            kenmerk=kenmerk(p, rng.choice([4, 5, 6])),
            spreiding=rng.choice([0.02, 0.05, 0.12, 0.18, 0.25]),
        )
        x.frequentie = p.frequentie
        if p.soort == "bureau":
            x.werkgever = rng.choice(p.klanten)
        _zoekterm_loon(rng, d, x, 0.65 if p.groot or p.soort == "bureau" else 0.25)
        if rng.random() < 0.25:
            _uitkering(rng, d, partijen, plan, kenmerk, aanvulling=True)
    else:
        _uitkering(rng, d, partijen, plan, kenmerk, aanvulling=False)
    toeslagnummer = kenmerk(partijen["toeslagen"], 9)
    for soort, kans, laag, hoog in (
        ("zorgtoeslag", 0.8, 11_000, 13_200),
        ("huurtoeslag", 0.55, 9_000, 38_000),
    ):
        if rng.random() < kans:
            bedrag = rng.randrange(laag, hoog)
            plan(
                d,
                partijen["toeslagen"],
                soort,
                bedrag,
                kenmerk=toeslagnummer,
                kenmerk_bekend=True,
                zoektermen=[soort, typ_kenmerk(rng, toeslagnummer)],
            )
    if rng.random() < 0.35:
        nummer = kenmerk(partijen["svb"], 8)
        x = plan(
            d,
            partijen["svb"],
            "kinderbijslag",
            rng.choice([29_145, 58_290, 87_435]),
            kenmerk=nummer,
            kenmerk_bekend=True,
            zoektermen=["kinderbijslag", typ_kenmerk(rng, nummer)],
        )
        x.frequentie = "kwartaal"


def _uitkering(rng, d, partijen, plan, kenmerk, *, aanvulling: bool) -> None:  # type: ignore[no-untyped-def]
    soort = rng.choices(["bijstand", "uwv", "aow"], weights=[45, 35, 20 if not aanvulling else 0])[
        0
    ]
    p = partijen[{"bijstand": "gemeente", "uwv": "uwv", "aow": "svb"}[soort]]
    bedrag = rng.randrange(30_000, 80_000) if aanvulling else rng.randrange(95_000, 145_000)
    nummer = kenmerk(p, 7 if soort != "aow" else 8)
    zoektermen = [typ_kenmerk(rng, nummer)] + (["aow"] if soort == "aow" else [])
    plan(
        d,
        p,
        soort,
        bedrag,
        kenmerk=nummer,
        kenmerk_bekend=True,
        zoektermen=zoektermen,
        spreiding=0.06 if soort == "uwv" else 0.0,
    )


def _lasten(rng, d, partijen, plan, kenmerk, verhoging) -> None:  # type: ignore[no-untyped-def]
    """Fixed costs. Rents rise on 1 July; for most tenants staff enter the new rent
    as a follow-up agreement (the letter came), for the rest the old amount stays."""
    for soort, kans, laag, hoog in (
        ("huur", 0.9, 45_000, 85_000),
        ("energie", 0.85, 8_000, 22_000),
        ("water", 0.7, 1_500, 3_500),
        ("zorgverzekering", 0.9, 13_500, 16_000),
        ("telefoon", 0.45, 1_500, 4_500),
    ):
        if rng.random() < kans:
            p = _kies(rng, partijen, soort)
            nummer = kenmerk(p, rng.choice([7, 8, 9]))
            if soort == "zorgverzekering":
                nummer = p.naam[:2].upper() + nummer
            x = plan(
                d,
                p,
                soort,
                rng.randrange(laag, hoog) // 5 * 5,
                kenmerk=nummer,
                kenmerk_bekend=True,
                zoektermen=[typ_kenmerk(rng, nummer)],
            )
            later = d.vertrek is None or d.vertrek > verhoging
            if soort == "huur" and d.start < verhoging and later and rng.random() < 0.6:
                y = plan(
                    d,
                    p,
                    soort,
                    round(x.bedrag * 1.045),
                    kenmerk=nummer,
                    kenmerk_bekend=True,
                    zoektermen=list(x.zoektermen),
                    vervolg_op=x.index,
                )
                x.geldig_tot, y.geldig_van = verhoging - dt.timedelta(days=1), verhoging
                x.heeft_vervolg = True
    bedrag = rng.choice([5_000, 7_500, 10_000, 12_500])
    maandelijks = rng.random() < 0.45
    x = plan(d, None, "leefgeld", bedrag * 4 if maandelijks else bedrag)
    x.frequentie = "maandelijks" if maandelijks else "week"
