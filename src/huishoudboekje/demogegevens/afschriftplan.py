"""The plan behind the demo bank statements: which agreement is paid on which bank day,
and where real life interferes (delays, duplicates, missing payments, changed amounts,
payments after the participation ended, refunds, unknown senders, cash, bank costs).

The plan is compact on purpose: one 64-bit integer per payment in an array per bank
day (agreement index, days late, kind), so a million payments take 8 MB; the
transactions themselves are only built when a day's statement is written.

Every kind of real-life noise is drawn with a small probability, and when the draw
gave none while candidates exist, one is forced: a test (or a demo) of 200
participants then still sees each kind at least once.
"""

from __future__ import annotations

import datetime as dt
import random
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field

import holidays

from huishoudboekje.core.schedules import Betaalschema, Frequentie, verwachte_datums

from .afspraakbasis import INCASSO, INKOMSTEN
from .gegevens import DemoAfspraak, DemoGemeente

# Kinds of planned payment (the low 4 bits of a plan entry)
NORMAAL = 0
DUBBEL = 1
GEINDEXEERD = 2  # +2.5% from some date on (indexation the agreement does not know yet)
AFWIJKEND = 3  # one payment with a deviating amount
NA_EINDE = 4
BATCH = 5  # a toeslag paid in a Belastingdienst batch
TERUGBETALING = 6
ONBEKEND = 7
STORTING = 8
BANKKOSTEN = 9

# Probabilities (per payment unless said otherwise)
P_VERTRAGING = (0.76, 0.12, 0.08, 0.04)  # an income 0, 1, 2 or 3 days late
P_DUBBEL = 0.02  # a salary paid twice
P_ONTBREEKT = 0.015  # a benefit not paid at all
P_INDEXATIE = 0.03  # per income agreement
P_AFWIJKEND_IN = 0.015
P_AFWIJKEND_UIT = 0.01  # a direct debit of a different amount
P_NA_EINDE = 0.5  # per income agreement that ended with the participation
P_BATCH = 0.12  # per toeslag payment
P_TERUG = 0.03  # per energy agreement in the period
ONBEKEND_PER_DEELNEMER_MAAND = 0.02
STORTING_PER_DEELNEMER_MAAND = 0.004
TOESLAGEN = frozenset({"Zorgtoeslag", "Huurtoeslag", "Kindgebonden budget"})
INDEXATIE_PROMILLE = 25


def pak(afspraak: int, te_laat: int, soort: int) -> int:
    return (afspraak << 8) | (min(te_laat, 15) << 4) | soort


def uitpak(waarde: int) -> tuple[int, int, int]:
    """(agreement index, days between the expected date and the booking day, kind)."""
    return waarde >> 8, (waarde >> 4) & 15, waarde & 15


def gesloten_dagen(van: dt.date, tot: dt.date) -> set[dt.date]:
    """TARGET2 closing days (New Year, Good Friday, Easter Monday, 1 May, 25-26 December)
    from the year before `van` to the year after `tot`."""
    return set(holidays.financial_holidays("XECB", years=range(van.year - 1, tot.year + 2)))


def bankdagen(van: dt.date, tot: dt.date) -> list[dt.date]:
    """TARGET2 business days from `van` up to and including `tot`."""
    gesloten = gesloten_dagen(van, tot)
    dagen = []
    dag = van
    while dag <= tot:
        if dag.weekday() < 5 and dag not in gesloten:
            dagen.append(dag)
        dag += dt.timedelta(days=1)
    return dagen


def vorige_bankdag(datum: dt.date) -> dt.date:
    """The TARGET2 business day before `datum` (the date of the previous closing balance)."""
    gesloten = gesloten_dagen(datum - dt.timedelta(days=10), datum)
    dag = datum - dt.timedelta(days=1)
    while dag.weekday() >= 5 or dag in gesloten:
        dag -= dt.timedelta(days=1)
    return dag


def schema_van(a: DemoAfspraak, *, zonder_einde: bool = False) -> Betaalschema:
    return Betaalschema(
        frequentie=Frequentie(a.frequentie),
        startdatum=a.geldig_van,
        einddatum=None if zonder_einde else a.geldig_tot,
        interval=a.interval,
        dag_van_maand=a.dag_van_maand,
        weekdag=a.weekdag,
        maand=a.maand,
        uitzonderingen=frozenset(a.uitzonderingen),
    )


@dataclass
class Plan:
    """Per bank day (same index as `dagen`) the packed payments and the missing ones."""

    dagen: list[dt.date]
    posten: list[array[int]]
    ontbrekend: list[list[tuple[int, dt.date]]]
    geindexeerd: dict[int, dt.date] = field(default_factory=dict)


class _Planner:
    def __init__(self, gemeente: DemoGemeente, dagen: list[dt.date], seed: int) -> None:
        self.g = gemeente
        self.dagen = dagen
        self.rng = random.Random(seed)
        self.plan = Plan(dagen, [array("q") for _ in dagen], [[] for _ in dagen])
        self.eerste, self.laatste = dagen[0], dagen[-1]
        self._index = {dag: i for i, dag in enumerate(dagen)}
        self._gesloten = gesloten_dagen(self.eerste, self.laatste)
        self._boekdag: dict[dt.date, int | None] = {}
        self.kandidaten: dict[int, list[tuple[int, int]]] = {k: [] for k in range(10)}
        self.ontbreek_kandidaten: list[tuple[int, int]] = []
        self.aantal = [0] * 10
        self.aantal_ontbrekend = 0

    def boekdag(self, datum: dt.date) -> int | None:
        """Index of the bank day a payment due on `datum` is booked (the first TARGET2
        business day on or after it); None when that lies outside the period."""
        if datum not in self._boekdag:
            dag = datum
            while dag.weekday() >= 5 or dag in self._gesloten:
                dag += dt.timedelta(days=1)
            self._boekdag[datum] = self._index.get(dag)
        return self._boekdag[datum]

    def voeg(self, dag: int, afspraak: int, te_laat: int, soort: int) -> None:
        self.plan.posten[dag].append(pak(afspraak, te_laat, soort))
        self.aantal[soort] += 1

    # -- the agreements ---------------------------------------------------------------------

    def afspraken(self) -> None:
        rng = self.rng
        begin = self.eerste - dt.timedelta(days=10)
        for index, a in enumerate(self.g.afspraken):
            if a.geldig_tot is not None and a.geldig_tot < begin and a.richting != INKOMSTEN:
                continue
            inkomen = a.richting == INKOMSTEN
            if inkomen and rng.random() < P_INDEXATIE:
                vanaf = self.eerste + dt.timedelta(days=rng.randrange(0, 60))
                self.plan.geindexeerd[index] = vanaf
            if a.geldig_tot is None or a.geldig_tot >= begin:
                for verwacht in verwachte_datums(schema_van(a), begin, self.laatste):
                    self._betaling(index, a, verwacht, inkomen)
            if inkomen:
                self._na_einde(index, a)
            if a.rubriek == "Energie" and a.richting != INKOMSTEN:
                self._terugbetaling(index, a)

    def _betaling(self, index: int, a: DemoAfspraak, verwacht: dt.date, inkomen: bool) -> None:
        rng = self.rng
        te_laat = 0
        if inkomen:
            worp, grens = rng.random(), 0.0
            for dagen, kans in enumerate(P_VERTRAGING):
                grens += kans
                if worp < grens:
                    te_laat = dagen
                    break
        dag = self.boekdag(verwacht + dt.timedelta(days=te_laat))
        if dag is None:
            return  # booked before or after the period
        te_laat = (self.dagen[dag] - verwacht).days
        if not inkomen:
            soort = AFWIJKEND if (
                a.betaalwijze == INCASSO and not a.leefgeld and rng.random() < P_AFWIJKEND_UIT
            ) else NORMAAL
            self.voeg(dag, index, te_laat, soort)
            return
        loon = a.rubriek == "Loon"
        if not loon and rng.random() < P_ONTBREEKT:
            self.plan.ontbrekend[dag].append((index, verwacht))
            self.aantal_ontbrekend += 1
            return
        vanaf = self.plan.geindexeerd.get(index)
        if vanaf is not None and verwacht >= vanaf:
            soort = GEINDEXEERD
        elif rng.random() < P_AFWIJKEND_IN:
            soort = AFWIJKEND
        elif a.rubriek in TOESLAGEN and rng.random() < P_BATCH:
            soort = BATCH
        else:
            soort = NORMAAL
        self.voeg(dag, index, te_laat, soort)
        if soort == NORMAAL:
            self.kandidaten[AFWIJKEND].append((dag, pak(index, te_laat, NORMAAL)))
            if a.rubriek in TOESLAGEN:
                self.kandidaten[BATCH].append((dag, pak(index, te_laat, NORMAAL)))
            elif not loon:
                self.ontbreek_kandidaten.append((dag, pak(index, te_laat, NORMAAL)))
        if loon:
            if rng.random() < P_DUBBEL:
                self.voeg(dag, index, te_laat, DUBBEL)
            else:
                self.kandidaten[DUBBEL].append((dag, pak(index, te_laat, DUBBEL)))

    def _na_einde(self, index: int, a: DemoAfspraak) -> None:
        """An income that keeps coming after the participation ended (the payer was never
        told): at most three payments after the agreement's end date."""
        burger = self.g.burgers[a.burger]
        einde = burger.deelname.einddatum
        if einde is None or a.geldig_tot is None or a.geldig_tot != einde:
            return
        if einde >= self.laatste:
            return
        datums = [
            d
            for d in verwachte_datums(
                schema_van(a, zonder_einde=True), einde + dt.timedelta(days=1), self.laatste
            )
            if d >= self.eerste - dt.timedelta(days=3)
        ][:3]
        if not datums:
            return
        dagen = [dag for d in datums if (dag := self.boekdag(d)) is not None]
        paren = [(dag, pak(index, (self.dagen[dag] - d).days, NA_EINDE))
                 for d, dag in zip(datums, dagen, strict=False)]
        if self.rng.random() < P_NA_EINDE:
            for dag, waarde in paren:
                self.plan.posten[dag].append(waarde)
                self.aantal[NA_EINDE] += 1
        else:
            self.kandidaten[NA_EINDE] += paren

    def _terugbetaling(self, index: int, a: DemoAfspraak) -> None:
        if a.geldig_van > self.laatste or (a.geldig_tot and a.geldig_tot < self.eerste):
            return
        gekozen: int | None = self.rng.randrange(len(self.dagen))
        if gekozen is not None and self.dagen[gekozen] < a.geldig_van:
            gekozen = self.boekdag(a.geldig_van)
        if gekozen is None:
            return
        dag = gekozen
        if self.rng.random() < P_TERUG:
            self.voeg(dag, index, 0, TERUGBETALING)
        else:
            self.kandidaten[TERUGBETALING].append((dag, pak(index, 0, TERUGBETALING)))

    # -- noise without an agreement -----------------------------------------------------------

    def los(self, maanden: int) -> None:
        rng = self.rng
        deelnemers = len(self.g.burgers)
        for soort, per in ((ONBEKEND, ONBEKEND_PER_DEELNEMER_MAAND),
                           (STORTING, STORTING_PER_DEELNEMER_MAAND)):
            for volgnummer in range(max(1, round(deelnemers * per * maanden))):
                self.voeg(rng.randrange(len(self.dagen)), volgnummer, 0, soort)
        maand = None
        for dag, datum in enumerate(self.dagen):
            if datum.month != maand:
                maand = datum.month
                if dag or datum.day <= 3:
                    self.voeg(dag, 0, 0, BANKKOSTEN)

    # -- at least one of each -----------------------------------------------------------------

    def forceer(self) -> None:
        rng = self.rng
        for soort in (DUBBEL, NA_EINDE, TERUGBETALING):
            kandidaten = self.kandidaten[soort]
            if not self.aantal[soort] and kandidaten:
                dag, waarde = kandidaten[rng.randrange(len(kandidaten))]
                self.plan.posten[dag].append(waarde)
                self.aantal[soort] += 1
        if not self.aantal[AFWIJKEND]:
            self._wijzig(self.kandidaten[AFWIJKEND], lambda w: w - NORMAAL + AFWIJKEND)
        if not self.aantal_ontbrekend:
            gekozen = self._wijzig(self.ontbreek_kandidaten, None)
            if gekozen is not None:
                dag, waarde = gekozen
                afspraak, te_laat, _ = uitpak(waarde)
                verwacht = self.dagen[dag] - dt.timedelta(days=te_laat)
                self.plan.ontbrekend[dag].append((afspraak, verwacht))
                self.aantal_ontbrekend += 1
        if self.aantal[BATCH] < 2:
            self._forceer_batch()

    def _wijzig(
        self, kandidaten: list[tuple[int, int]], nieuw: Callable[[int], int] | None
    ) -> tuple[int, int] | None:
        """Change (or with `nieuw` None: remove) one planned payment chosen at random."""
        while kandidaten:
            dag, waarde = kandidaten.pop(self.rng.randrange(len(kandidaten)))
            posten = self.plan.posten[dag]
            try:
                plek = posten.index(waarde)
            except ValueError:
                continue
            if nieuw is None:
                del posten[plek]
            else:
                posten[plek] = nieuw(waarde)
                self.aantal[nieuw(waarde) & 15] += 1
            return dag, waarde
        return None

    def _forceer_batch(self) -> None:
        per_dag: dict[int, list[int]] = {}
        for dag, waarde in self.kandidaten[BATCH]:
            per_dag.setdefault(dag, []).append(waarde)
        if not per_dag:
            return
        dag = max(per_dag, key=lambda d: (len(per_dag[d]), -d))
        posten = self.plan.posten[dag]
        for waarde in per_dag[dag][:3]:
            if waarde in posten:
                posten[posten.index(waarde)] = waarde - NORMAAL + BATCH
                self.aantal[BATCH] += 1


def maak_plan(gemeente: DemoGemeente, dagen: list[dt.date], maanden: int, seed: int) -> Plan:
    """The deterministic payment plan for these bank days."""
    if not dagen:
        raise ValueError("De periode bevat geen bankdagen.")
    planner = _Planner(gemeente, dagen, seed)
    planner.afspraken()
    planner.los(maanden)
    planner.forceer()
    return planner.plan
