"""Expected payment dates: how fast `core.schedules.verwachte_datums` evaluates a year
of dates for many agreements (matching and forecasts call it per agreement)."""

from __future__ import annotations

import datetime as dt
import time

from huishoudboekje.core.schedules import Betaalschema, Frequentie, verwachte_datums


def run() -> None:
    schemas = [
        Betaalschema(Frequentie.MAANDELIJKS, dt.date(2020, 1, 1), dag_van_maand=1 + i % 31)
        for i in range(5_000)
    ] + [
        Betaalschema(Frequentie.WEKELIJKS, dt.date(2020, 1, 1), interval=4, weekdag=i % 7)
        for i in range(5_000)
    ]
    begin = time.perf_counter()
    aantal = sum(
        1 for s in schemas for _ in verwachte_datums(s, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    )
    duur = time.perf_counter() - begin
    print(
        f"schema's: {len(schemas):,} afspraken x 1 jaar -> {aantal:,} datums in {duur:.3f} s "
        f"({aantal / duur:,.0f} datums/s)"
    )
