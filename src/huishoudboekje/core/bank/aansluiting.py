"""Continuity of an account's statements: does each one start where the previous ended?

Pure: statements in (`Schakel`), per statement its continuity out. Per account the
statements are put in order of end date (then start date, sequence number, arrival);
the previous statement is the latest earlier one. A statement with the same end date and
the same opening and closing balance as an earlier one is the same statement delivered
again (another format, another file) and is left out of the chain.

Between two consecutive statements:

- **saldo**: the opening balance differs from the previous closing balance. Always a gap:
  money is missing or counted twice.
- **datum**: a TARGET2 business day lies strictly between the previous end date and this
  start date, and the balances cannot show that nothing is missing (one of them is
  absent, on an account whose bank sends no balances). When both balances are there and
  connect, a day without a statement is a day without movement (banks send none then).
- **volgnummer**: both statements (same format) have a numeric sequence number, this one
  skips numbers, and again the balances cannot show that nothing is missing.

So where the bank sends balances, the balance is the proof; the dates and sequence
numbers are what is left to check on an account whose bank sends none (`zonder_saldi`).

Arrival order does not matter: a statement that fills a gap later closes it, because
the chain is computed from what is stored, not at import.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

import holidays

Soort = Literal["saldo", "datum", "volgnummer"]
Status = Literal["eerste", "sluit_aan", "gat", "herhaald"]

_NUMMER = re.compile(r"^\s*0*(\d{1,9})(?:\s*/.*)?$")


@dataclass(frozen=True)
class Schakel:
    """One stored statement as the chain needs it (amounts in cents)."""

    pk: int
    rekening_id: int
    formaat: str
    volgnummer: str
    begindatum: dt.date | None
    einddatum: dt.date | None
    beginsaldo: int | None
    eindsaldo: int | None


@dataclass(frozen=True)
class Gat:
    """A break between `vorige` and `afschrift` (pks) of one account."""

    rekening_id: int
    vorige: int
    afschrift: int
    soort: Soort
    verschil: int | None = None  # saldo: this opening minus the previous closing
    dagen: tuple[dt.date, ...] = ()  # datum: business days no statement covers
    volgnummers: tuple[int, int] = (0, 0)  # volgnummer: first and last missing number


@dataclass(frozen=True)
class Aansluiting:
    """The continuity of one statement."""

    status: Status
    vorige: int | None = None
    gaten: tuple[Gat, ...] = field(default=())


@lru_cache(maxsize=64)
def _sluitingsdagen(jaar: int) -> frozenset[dt.date]:
    return frozenset(holidays.financial_holidays("XECB", years=jaar))


def is_werkdag(dag: dt.date) -> bool:
    """A TARGET2 business day: not a weekend, not a TARGET2 closing day."""
    return dag.weekday() < 5 and dag not in _sluitingsdagen(dag.year)


def volgnummer_als_getal(volgnummer: str) -> int | None:
    """"148", "00148", "148/1" -> 148; anything else None."""
    match = _NUMMER.match(volgnummer or "")
    return int(match.group(1)) if match else None


def _familie(formaat: str) -> str:
    return "camt" if formaat.startswith("camt") else formaat


def _volgorde(s: Schakel) -> tuple[object, ...]:
    assert s.einddatum is not None
    return (
        s.einddatum,
        s.begindatum or s.einddatum,
        volgnummer_als_getal(s.volgnummer) or 0,
        s.pk,
    )


def aansluitingen(
    afschriften: Iterable[Schakel], *, werkdag: Callable[[dt.date], bool] = is_werkdag
) -> dict[int, Aansluiting]:
    """The continuity of every statement given (those without any date are skipped)."""
    per_rekening: dict[int, list[Schakel]] = defaultdict(list)
    for s in afschriften:
        if s.einddatum is not None:
            per_rekening[s.rekening_id].append(s)
    uit: dict[int, Aansluiting] = {}
    for reeks in per_rekening.values():
        uit.update(_reeks(sorted(reeks, key=_volgorde), werkdag))
    return uit


def gaten(
    afschriften: Iterable[Schakel], *, werkdag: Callable[[dt.date], bool] = is_werkdag
) -> list[Gat]:
    """Every break in the statements' chains, oldest first per account."""
    alle = aansluitingen(afschriften, werkdag=werkdag)
    return [g for a in alle.values() for g in a.gaten]


def _reeks(reeks: Sequence[Schakel], werkdag: Callable[[dt.date], bool]) -> dict[int, Aansluiting]:
    uit: dict[int, Aansluiting] = {}
    gezien: dict[tuple[object, ...], int] = {}
    vorige: Schakel | None = None
    for s in reeks:
        if s.beginsaldo is not None and s.eindsaldo is not None:
            inhoud = (s.einddatum, s.beginsaldo, s.eindsaldo)
            if inhoud in gezien:
                uit[s.pk] = Aansluiting(status="herhaald", vorige=gezien[inhoud])
                continue
            gezien[inhoud] = s.pk
        if vorige is None:
            uit[s.pk] = Aansluiting(status="eerste")
        else:
            breuken = tuple(_breuken(vorige, s, werkdag))
            uit[s.pk] = Aansluiting(
                status="gat" if breuken else "sluit_aan", vorige=vorige.pk, gaten=breuken
            )
        vorige = s
    return uit


def _breuken(p: Schakel, s: Schakel, werkdag: Callable[[dt.date], bool]) -> Iterable[Gat]:
    if p.eindsaldo is not None and s.beginsaldo is not None:
        if p.eindsaldo != s.beginsaldo:
            yield Gat(p.rekening_id, p.pk, s.pk, "saldo", verschil=s.beginsaldo - p.eindsaldo)
        return  # the balances show whether anything is missing
    assert p.einddatum is not None
    begin = s.begindatum or s.einddatum
    assert begin is not None
    if begin > p.einddatum + dt.timedelta(days=1):
        dagen = tuple(
            p.einddatum + dt.timedelta(days=n)
            for n in range(1, (begin - p.einddatum).days)
            if werkdag(p.einddatum + dt.timedelta(days=n))
        )
        if dagen:
            yield Gat(p.rekening_id, p.pk, s.pk, "datum", dagen=dagen)
    a, b = volgnummer_als_getal(p.volgnummer), volgnummer_als_getal(s.volgnummer)
    if (
        a is not None
        and b is not None
        and _familie(p.formaat) == _familie(s.formaat)
        and b > a + 1
    ):
        yield Gat(p.rekening_id, p.pk, s.pk, "volgnummer", volgnummers=(a + 1, b - 1))
