"""`hhb demo-data` at national scale: 10,000 participants (target: well under a minute),
on SQLite and on PostgreSQL, each in a fresh process and database.

Run: `python -m benchmarks demodata`; `HHB_BENCH_DEELNEMERS` and `HHB_BENCH_DATABASES`
as for the statements benchmark."""

from __future__ import annotations

import json

from .afschriften import DEELNEMERS, databases, stap


def run() -> None:
    for db, url, _map in databases():
        proces = stap("demodata", str(DEELNEMERS), url=url)
        if proces.returncode != 0:
            print(f"{db}: MISLUKT\n{proces.stderr[-3000:]}")
            continue
        r = json.loads(proces.stdout.strip().splitlines()[-1])
        print(
            f"{db:8} demo-data {r['deelnemers']:,} deelnemers, {r['huishoudens']:,} "
            f"huishoudens, {r['afspraken']:,} afspraken, {r['rekeningen']:,} rekeningen "
            f"in {r['seconden']:.1f} s; piekgeheugen {r['piek_mb']:,.0f} MB",
            flush=True,
        )
