"""Bank lines on the municipal account, per agreement over the period, with the noise
of real life.

Why each irregularity: salaries vary by hours, overtime and holiday pay (May or June)
and 4-weekly or weekly payroll shifts by days; rents rise on 1 July without staff
updating the agreement; an energy company changes the instalment; a payment arrives
twice, a correction follows, a party refunds in the other direction, a fixed cost
suddenly doubles; parties keep paying for a participant who has left; an employer
moves to another bank. Every line knows its true agreement and a category; whether it
is matchable is decided afterwards from the line as it arrives (`waarheid`)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from . import omschrijvingen
from .nummers import maak_iban
from .partijen import Partij
from .teksten import Tekst
from .wereld import Deelnemer, Plan, Wereld

NIET_MATCHBAAR = frozenset(
    {
        "dubbel",
        "correctie",
        "terugbetaling",
        "vertrokken",
        "verdubbeld",
        "bankkosten",
        "onbekende_storting",
    }
)


@dataclass
class Regel:
    datum: dt.date
    bedrag: int  # signed cents, > 0 money in
    tegen_iban: str
    tegen_naam: str
    tekst: Tekst
    plan: int | None  # index of the true agreement (None: none)
    deelnemer: int | None
    categorie: str
    incasso: bool = False
    mandaat: str = ""
    incassant: str = ""
    eref: str = ""


def werkdag(datum: dt.date, terug: bool) -> dt.date:
    while datum.weekday() >= 5:
        datum += dt.timedelta(days=-1 if terug else 1)
    return datum


def _maanddagen(
    begin: dt.date, eind: dt.date, dag: int, terug: bool, stap: int = 1
) -> Iterator[dt.date]:
    jaar, maand = begin.year, begin.month
    while dt.date(jaar, maand, 1) <= eind:
        if (maand - 1) % stap == 0:
            yield werkdag(dt.date(jaar, maand, min(dag, 28)), terug)
        jaar, maand = (jaar + 1, 1) if maand == 12 else (jaar, maand + 1)


def betaaldagen(
    rng: random.Random, x: Plan, p: Partij | None, begin: dt.date, eind: dt.date
) -> list[dt.date]:
    """When the money really moves: payroll on its cycle (shifted by days now and
    then), benefits and costs on their day of the month, moved off weekends."""
    if x.frequentie in ("vierweken", "week") and p is not None and p.anker is not None:
        stap = 28 if x.frequentie == "vierweken" else 7
        dagen, datum = [], p.anker
        while datum <= eind:
            verschoven = datum + dt.timedelta(
                days=rng.choice([-2, -1, 1, 2]) if rng.random() < 0.25 else 0
            )
            dagen.append(werkdag(verschoven, terug=True))
            datum += dt.timedelta(days=stap)
    elif x.soort == "leefgeld":
        if x.frequentie == "week":
            maandag = begin - dt.timedelta(days=begin.weekday())
            dagen = [
                maandag + dt.timedelta(days=7 * i) for i in range((eind - maandag).days // 7 + 1)
            ]
        else:
            dagen = list(_maanddagen(begin, eind, 1, terug=False))
    elif x.soort == "kinderbijslag":
        dagen = list(_maanddagen(begin, eind, rng.choice([1, 2, 3]), terug=False, stap=3))
    else:
        dag = p.dag if p is not None else 1
        dagen = list(_maanddagen(begin, eind, dag, terug=x.soort == "loon"))
    return [d for d in dagen if begin <= d <= eind]


def _bedrag(
    rng: random.Random,
    x: Plan,
    p: Partij | None,
    datum: dt.date,
    eerste_in_maand: bool,
    verhoging: dt.date | None = None,
) -> tuple[int, str]:
    """(cents, category) of one regular payment."""
    bedrag = x.bedrag
    if x.soort == "loon":
        bedrag = round(bedrag * (1 + rng.uniform(-x.spreiding, x.spreiding)))
        if p is not None and datum.month == p.vakantiegeld_maand and eerste_in_maand:
            maandloon = {"vierweken": x.bedrag * 13 / 12, "week": x.bedrag * 52 / 12}.get(
                x.frequentie, x.bedrag
            )
            return bedrag + round(maandloon * 0.96), "vakantiegeld"
        if p is not None and p.soort == "bureau":
            return bedrag, "loon_bureau"
        return bedrag, "loon_variabel" if x.spreiding >= 0.05 else "loon_vast"
    if x.soort == "uwv":
        return round(bedrag * (1 + rng.uniform(-x.spreiding, x.spreiding))), "uitkering"
    if x.soort == "huur" and verhoging and x.geldig_van < verhoging <= datum:
        return round(bedrag * 1.045), "huur"  # the rise nobody entered
    if x.soort == "energie" and x.index % 7 == 0 and datum.month >= 9:
        return round(bedrag * 1.2), "energie"
    categorie = {
        "bijstand": "uitkering",
        "aow": "uitkering",
        "zorgtoeslag": "toeslag",
        "huurtoeslag": "toeslag",
    }.get(x.soort, x.soort)
    return bedrag, categorie


class Regelmaker:
    """Makes all lines of one world; `eref` numbers make every payment distinct."""

    def __init__(self, wereld: Wereld, seed: int) -> None:
        self.w = wereld
        self.rng = random.Random(seed + 1)
        self.teller = 0

    def _regel(
        self,
        x: Plan,
        p: Partij | None,
        d: Deelnemer,
        datum: dt.date,
        bedrag: int,
        tekst: Tekst,
        categorie: str,
        teken: int = 0,
    ) -> Regel:
        """`teken` overrides the agreement's direction (a refund comes the other way)."""
        self.teller += 1
        teken = teken or (1 if x.richting == "inkomsten" else -1)
        if p is None:
            iban, naam = d.iban, f"{d.voornamen[0]} {d.familienaam}"
        else:
            iban, naam = p.iban_op(datum), p.naam
            if p.wissel and datum >= p.wissel and categorie not in NIET_MATCHBAAR:
                categorie = "nieuwe_iban"
        incasso = p is not None and p.incasso and teken < 0
        return Regel(
            datum,
            teken * bedrag,
            iban,
            naam,
            tekst,
            x.index,
            d.index,
            categorie,
            incasso,
            f"M{x.index:07d}" if incasso else "",
            p.incassant_id if incasso and p else "",
            f"E{self.teller:010d}",
        )

    def _tekst(self, x: Plan, p: Partij | None, d: Deelnemer, datum: dt.date) -> Tekst:
        if p is None:
            wanneer = (
                f"week {datum.isocalendar().week}" if x.frequentie == "week" else f"{datum:%m-%Y}"
            )
            return Tekst(f"Leefgeld {wanneer} HHB{d.index + 1:06d}")
        if x.soort == "loon":
            return omschrijvingen.loon(self.rng, x, p, d, datum)
        if x.richting == "inkomsten":
            return omschrijvingen.uitkering(self.rng, x, p, d, datum)
        return omschrijvingen.last(self.rng, x, p, d, datum, x.zoektermen[0])

    def regels(self) -> Iterator[Regel]:
        w, rng = self.w, self.rng
        for x in w.plannen:
            d, p = w.deelnemers[x.deelnemer], w.partijen.get(x.partij)
            gezien: set[tuple[int, int]] = set()
            for datum in betaaldagen(rng, x, p, w.begin, w.eind):
                eerste = (datum.year, datum.month) not in gezien
                gezien.add((datum.year, datum.month))
                if d.vertrek and datum > d.vertrek:
                    yield from self._na_vertrek(x, p, d, datum)
                    continue
                if datum < x.geldig_van or (x.geldig_tot and datum > x.geldig_tot):
                    continue  # a follow-up agreement covers it
                verhoging = None if x.heeft_vervolg or x.vervolg_op is not None else w.huurverhoging
                bedrag, categorie = _bedrag(rng, x, p, datum, eerste, verhoging)
                tekst = self._tekst(x, p, d, datum)
                if (
                    x.richting == "uitgaven"
                    and p is not None
                    and p.incasso
                    and rng.random() < 0.004
                ):
                    bedrag, categorie = bedrag * 2, "verdubbeld"
                yield (regel := self._regel(x, p, d, datum, bedrag, tekst, categorie))
                yield from self._ruis(x, p, d, regel)

    def _na_vertrek(
        self, x: Plan, p: Partij | None, d: Deelnemer, datum: dt.date
    ) -> Iterator[Regel]:
        """Incomes keep coming once or twice, a direct debit is collected once more;
        our own transfers and leefgeld stop."""
        if p is None or (x.richting == "uitgaven" and not p.incasso):
            return
        if (datum - d.vertrek).days > 70 or self.rng.random() < 0.3:  # type: ignore[operator]
            return
        bedrag, _ = _bedrag(self.rng, x, p, datum, False)
        yield self._regel(x, p, d, datum, bedrag, self._tekst(x, p, d, datum), "vertrokken")

    def _ruis(self, x: Plan, p: Partij | None, d: Deelnemer, regel: Regel) -> Iterator[Regel]:
        rng = self.rng
        if p is None:
            return
        later = werkdag(regel.datum + dt.timedelta(days=rng.randrange(1, 5)), terug=False)
        if later > self.w.eind:
            return
        r = rng.random()
        if x.richting == "inkomsten" and r < 0.004:
            yield self._regel(x, p, d, later, abs(regel.bedrag), regel.tekst, "dubbel")
        elif x.soort == "loon" and r < 0.011:
            tekst = Tekst(f"Correctie {regel.tekst.omschrijving}"[:120])
            yield self._regel(x, p, d, later, rng.randrange(500, 9000), tekst, "correctie")
        elif x.richting == "uitgaven" and r < 0.006:
            tekst = Tekst(f"Restitutie {regel.tekst.omschrijving}"[:120])
            yield self._regel(
                x, p, d, later, rng.randrange(1000, 15000), tekst, "terugbetaling", teken=1
            )

    def overig(self) -> Iterator[Regel]:
        """Lines that belong to no agreement: the bank's own costs, and a relative who
        transfers money "for" a participant from an account nobody knows."""
        w, rng = self.w, self.rng
        for datum in _maanddagen(w.begin, w.eind, 1, terug=False):
            yield Regel(
                datum,
                -rng.randrange(2500, 9000),
                "",
                "BNG Bank",
                Tekst(f"Kosten betalingsverkeer {datum:%m-%Y}"),
                None,
                None,
                "bankkosten",
            )
        ibans: set[str] = set()
        for d in rng.sample(w.deelnemers, max(1, len(w.deelnemers) // 40)):
            datum = werkdag(
                w.begin + dt.timedelta(days=rng.randrange((w.eind - w.begin).days)), False
            )
            if datum <= w.eind:
                tekst = Tekst(f"voor {d.voornamen[0]} {d.familienaam} verjaardag")
                yield Regel(
                    datum,
                    rng.randrange(2000, 20000),
                    maak_iban(rng, "INGB", ibans),
                    "Familie",
                    tekst,
                    None,
                    d.index,
                    "onbekende_storting",
                )
