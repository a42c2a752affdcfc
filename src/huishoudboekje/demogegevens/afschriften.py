"""Realistic bank statements of the demo municipality's account, with ground truth.

`genereer_afschriften(gemeente, van=..., maanden=..., seed=..., gemeente_iban=...)`
gives an `Afschriftenset`: one statement per TARGET2 business day with consecutive
balances, holding every income the agreements expect (paid by the agreement's
counter account with the payer's name and the search terms in the description, 0-3
days late), every fixed cost (direct debit with mandate and creditor id, or our
transfer), every leefgeld payout, and real-life noise (see `afschriftplan`).

Every transaction has a `Waarheid` (ground truth) under its bank reference (the
AcctSvcrRef / MT940 :61: reference, unique in the set): the agreement it belongs to,
what kind of transaction it is, and whether a correct matcher should book it
automatically. Statements are built lazily, one bank day at a time; iterating twice
gives the same result (everything is seeded). `schrijf_bestanden` writes them in a mix
of camt.053 versions and MT940 dialects (see `afschriftbestanden`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from functools import cached_property

from huishoudboekje.core.bank.schrijven import TeSchrijvenAfschrift
from huishoudboekje.core.schedules import dag_in_maand

from . import afschriftplan as plan
from .afschriftbestanden import schrijf_bestanden
from .afschriftdag import SOORTEN, Context, Dagafschrift, Dagbouwer, Ontbrekend, Waarheid
from .afschrifttekst import Partijen
from .gegevens import DemoGemeente

__all__ = [
    "SOORTEN",
    "Afschriftenset",
    "Dagafschrift",
    "Ontbrekend",
    "Waarheid",
    "genereer_afschriften",
    "schrijf_bestanden",
]


def _maanden_later(datum: dt.date, maanden: int) -> dt.date:
    jaar, maand = divmod(datum.year * 12 + datum.month - 1 + maanden, 12)
    return dag_in_maand(jaar, maand + 1, datum.day)


class Afschriftenset:
    """The statements of a period, generated lazily and deterministically."""

    def __init__(
        self,
        gemeente: DemoGemeente,
        *,
        van: dt.date,
        maanden: int,
        seed: int,
        gemeente_iban: str,
        beginsaldo: int | None = None,
        bedragmarge: int = 1000,
        tot: dt.date | None = None,
    ) -> None:
        if maanden < 1:
            raise ValueError("Genereer minstens één maand aan afschriften.")
        if tot is not None and tot < van:
            raise ValueError("De periode van de afschriften eindigt voor ze begint.")
        self.gemeente = gemeente
        self.van = van
        self.tot = tot or _maanden_later(van, maanden) - dt.timedelta(days=1)
        self.maanden = maanden
        self.seed = seed
        self.gemeente_iban = "".join(gemeente_iban.split()).upper()
        self.beginsaldo = beginsaldo if beginsaldo is not None else 100_000 * len(gemeente.burgers)
        self.bedragmarge = bedragmarge
        self.dagen = tuple(plan.bankdagen(van, self.tot))

    @cached_property
    def _plan(self) -> plan.Plan:
        return plan.maak_plan(self.gemeente, list(self.dagen), self.maanden, self.seed)

    @cached_property
    def _context(self) -> Context:
        return Context(
            self.gemeente, Partijen(self.gemeente), self._plan, self.seed, self.gemeente_iban,
            self.bedragmarge,
        )

    def __iter__(self) -> Iterator[Dagafschrift]:
        saldo = self.beginsaldo
        vorige = plan.vorige_bankdag(self.dagen[0])
        for i, datum in enumerate(self.dagen):
            dag = Dagbouwer(self._context, i, datum).bouw(saldo, vorige)
            assert dag.afschrift.kop.eindsaldo is not None
            saldo = dag.afschrift.kop.eindsaldo
            vorige = datum
            yield dag

    def afschriften(self) -> Iterator[TeSchrijvenAfschrift]:
        for dag in self:
            yield dag.afschrift

    def waarheid(self) -> dict[str, Waarheid]:
        """All ground truth by bank reference (builds every day once; for evaluation)."""
        return {w.sleutel: w for dag in self for w in dag.waarheid}

    def ontbrekend(self) -> list[Ontbrekend]:
        return [o for dag in self for o in dag.ontbrekend]

    def aantallen(self) -> Counter[str]:
        """Transactions per soort (batch parts counted one by one), plus "ontbrekend"."""
        telling: Counter[str] = Counter()
        for dag in self:
            telling.update(w.soort for w in dag.waarheid)
            telling["ontbrekend"] += len(dag.ontbrekend)
        return telling


def genereer_afschriften(
    gemeente: DemoGemeente,
    *,
    van: dt.date,
    maanden: int,
    seed: int,
    gemeente_iban: str,
    beginsaldo: int | None = None,
    bedragmarge: int = 1000,
    tot: dt.date | None = None,
) -> Afschriftenset:
    """Bank statements for `maanden` months from `van` (see the module docstring), or
    from `van` through `tot` (the noise is then planned for `maanden` months).
    `bedragmarge` (cents) is the amount margin a matcher allows: a changed amount
    within it stays `matchbaar`."""
    return Afschriftenset(
        gemeente, van=van, maanden=maanden, seed=seed, gemeente_iban=gemeente_iban,
        beginsaldo=beginsaldo, bedragmarge=bedragmarge, tot=tot,
    )
