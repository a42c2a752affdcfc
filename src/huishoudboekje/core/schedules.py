"""Payment schedules (betaalinstructies): on which dates is a payment expected?

Pure and Django-free. An agreement's schedule is a `Betaalschema`; `verwachte_datums`
yields the expected dates in a range, `valideer` explains in Dutch what is wrong with a
schedule, and `omschrijving` describes it in words for the UI.

Real life needs more than "day N of the month": 4-weekly salaries, quarterly and yearly
items, one-off payments, and skipped dates. Days 29-31 are clamped to the last day of
shorter months (the old system broke on them): "monthly on the 31st" is 28/29 February,
30 April, 31 May.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

WEEKDAGNAMEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MAANDNAMEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


class Frequentie(StrEnum):
    MAANDELIJKS = "maandelijks"
    WEKELIJKS = "wekelijks"
    KWARTAAL = "kwartaal"
    JAARLIJKS = "jaarlijks"
    EENMALIG = "eenmalig"


#: month-based frequencies and their step in months (multiplied by the interval)
MAANDSTAP = {Frequentie.MAANDELIJKS: 1, Frequentie.KWARTAAL: 3, Frequentie.JAARLIJKS: 12}


@dataclass(frozen=True)
class Betaalschema:
    """When payments of one agreement are expected.

    - maandelijks: on `dag_van_maand`, every `interval` months counted from the start month;
    - wekelijks: on `weekdag` (0 = Monday), every `interval` weeks from the first such day
      on or after the start date (interval 4 = 4-weekly);
    - kwartaal: on `dag_van_maand` in `maand` (default: the start month) and every third
      month after it;
    - jaarlijks: on `dag_van_maand` of `maand`, every `interval` years;
    - eenmalig: once, on the start date.
    Dates before `startdatum`, after `einddatum` or in `uitzonderingen` are not expected.
    """

    frequentie: Frequentie
    startdatum: dt.date
    einddatum: dt.date | None = None
    interval: int = 1
    dag_van_maand: int | None = None
    weekdag: int | None = None
    maand: int | None = None
    uitzonderingen: frozenset[dt.date] = field(default_factory=frozenset)


def dag_in_maand(jaar: int, maand: int, dag: int) -> dt.date:
    """Day `dag` of the month, or the month's last day when the month is shorter."""
    return dt.date(jaar, maand, min(dag, calendar.monthrange(jaar, maand)[1]))


def valideer(schema: Betaalschema) -> list[str]:
    """Every problem with this schedule, in Dutch ([] when it is valid)."""
    fouten: list[str] = []
    naam = _bijvoeglijk(schema.frequentie)
    if schema.interval < 1:
        fouten.append("Het interval moet 1 of meer zijn.")
    if schema.frequentie in MAANDSTAP:
        if schema.dag_van_maand is None:
            fouten.append(f"Vul de dag van de maand in (1 tot en met 31) voor een {naam} schema.")
        elif not 1 <= schema.dag_van_maand <= 31:
            fouten.append("De dag van de maand moet 1 tot en met 31 zijn.")
    if schema.frequentie is Frequentie.WEKELIJKS:
        if schema.weekdag is None:
            fouten.append("Kies een weekdag voor een wekelijks schema.")
        elif not 0 <= schema.weekdag <= 6:
            fouten.append("De weekdag moet maandag tot en met zondag zijn.")
    if schema.frequentie in (Frequentie.JAARLIJKS, Frequentie.KWARTAAL):
        if schema.maand is None and schema.frequentie is Frequentie.JAARLIJKS:
            fouten.append("Kies de maand voor een jaarlijks schema.")
        elif schema.maand is not None and not 1 <= schema.maand <= 12:
            fouten.append("De maand moet 1 (januari) tot en met 12 (december) zijn.")
    if schema.einddatum is not None and schema.einddatum < schema.startdatum:
        fouten.append("De einddatum ligt vóór de startdatum.")
    buiten = sorted(
        d
        for d in schema.uitzonderingen
        if d < schema.startdatum or (schema.einddatum is not None and d > schema.einddatum)
    )
    if buiten:
        lijst = ", ".join(d.strftime("%d-%m-%Y") for d in buiten)
        fouten.append(f"Uitzondering {lijst} valt buiten de geldigheid van de afspraak.")
    return fouten


def verwachte_datums(schema: Betaalschema, van: dt.date, tot: dt.date) -> Iterator[dt.date]:
    """The expected payment dates from `van` up to and including `tot`, in order.

    Works in constant time per date, however far `van` lies after the start, so it can
    be evaluated for many agreements over long periods (matching, forecasts)."""
    if valideer(schema):
        raise ValueError(f"Ongeldig betaalschema: {'; '.join(valideer(schema))}")
    begin = max(van, schema.startdatum)
    eind = tot if schema.einddatum is None else min(tot, schema.einddatum)
    if begin > eind:
        return
    for datum in _ruwe_datums(schema, begin, eind):
        if datum not in schema.uitzonderingen:
            yield datum


def _ruwe_datums(schema: Betaalschema, begin: dt.date, eind: dt.date) -> Iterator[dt.date]:
    """Schedule dates in [begin, eind] (begin >= start), before exceptions."""
    if schema.frequentie is Frequentie.EENMALIG:
        if begin <= schema.startdatum <= eind:
            yield schema.startdatum
    elif schema.frequentie is Frequentie.WEKELIJKS:
        yield from _wekelijks(schema, begin, eind)
    else:
        yield from _per_maanden(schema, begin, eind)


def _wekelijks(schema: Betaalschema, begin: dt.date, eind: dt.date) -> Iterator[dt.date]:
    assert schema.weekdag is not None
    eerste = schema.startdatum + dt.timedelta(
        days=(schema.weekdag - schema.startdatum.weekday()) % 7
    )
    stap = 7 * schema.interval
    achterstand = (begin - eerste).days
    datum = (
        eerste if achterstand <= 0 else eerste + dt.timedelta(days=-(-achterstand // stap) * stap)
    )
    while datum <= eind:
        yield datum
        datum += dt.timedelta(days=stap)


def _per_maanden(schema: Betaalschema, begin: dt.date, eind: dt.date) -> Iterator[dt.date]:
    assert schema.dag_van_maand is not None
    stap = MAANDSTAP[schema.frequentie] * schema.interval
    start = schema.startdatum
    ankermaand = schema.maand if schema.maand is not None else start.month
    if schema.frequentie is Frequentie.MAANDELIJKS:
        ankermaand = start.month
    # months counted from year 0: the anchor is the series month in (or before) the start year
    anker = start.year * 12 + ankermaand - 1
    startindex = start.year * 12 + start.month - 1
    if anker > startindex:  # the series runs before its named month too (Nov -> Feb, May, Aug)
        anker -= -(-(anker - startindex) // stap) * stap
    index = begin.year * 12 + begin.month - 1
    index = anker + max(0, -(-(index - anker) // stap)) * stap
    while True:
        datum = dag_in_maand(index // 12, index % 12 + 1, schema.dag_van_maand)
        if datum > eind:
            return
        if datum >= begin:
            yield datum
        index += stap


def omschrijving(schema: Betaalschema) -> str:
    """The schedule in Dutch words, e.g. 'Elke 4 weken op vrijdag'."""
    f, n = schema.frequentie, schema.interval
    if f is Frequentie.EENMALIG:
        tekst = f"Eenmalig op {schema.startdatum.strftime('%d-%m-%Y')}"
    elif f is Frequentie.WEKELIJKS:
        dag = WEEKDAGNAMEN[schema.weekdag or 0]
        tekst = f"Elke week op {dag}" if n == 1 else f"Elke {n} weken op {dag}"
    else:
        dag = _dag(schema.dag_van_maand or 1)
        if f is Frequentie.MAANDELIJKS:
            tekst = f"Elke maand op {dag}" if n == 1 else f"Elke {n} maanden op {dag}"
        elif f is Frequentie.KWARTAAL:
            eerste = schema.maand or schema.startdatum.month
            maanden = [MAANDNAMEN[(eerste - 1 + 3 * i * n) % 12] for i in range(4 // n or 1)]
            soort = "Elk kwartaal" if n == 1 else f"Elke {n} kwartalen"
            tekst = f"{soort} op {dag} ({', '.join(maanden)})"
        else:
            maand = MAANDNAMEN[(schema.maand or 1) - 1]
            soort = "Elk jaar" if n == 1 else f"Elke {n} jaar"
            tekst = f"{soort} op {schema.dag_van_maand} {maand}"
        if (schema.dag_van_maand or 0) > 28:
            tekst += " (in kortere maanden de laatste dag)"
    if schema.uitzonderingen:
        tekst += f", behalve {len(schema.uitzonderingen)} uitzondering(en)"
    return tekst


def _dag(dag: int) -> str:
    return f"de {dag}e"


def _bijvoeglijk(frequentie: Frequentie) -> str:
    return {
        Frequentie.MAANDELIJKS: "maandelijks",
        Frequentie.KWARTAAL: "driemaandelijks",
        Frequentie.JAARLIJKS: "jaarlijks",
        Frequentie.WEKELIJKS: "wekelijks",
        Frequentie.EENMALIG: "eenmalig",
    }[frequentie]
