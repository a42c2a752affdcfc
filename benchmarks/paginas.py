"""Server time of every main page at scale: p50/p95 per page, on PostgreSQL (and SQLite).

A fresh process builds a municipality of 10,000 participants and imports the demo
generator's statements with automatic matching until the target number of transactions
is in, plus a year of audit lines; a second fresh process then requests every main
page (participants, a participant, their transactions, an agreement, organisations,
open and all transactions, a deep page, a transaction, statements, a statement,
rubrieken, the audit trail, the home page) HHB_BENCH_PAGINAS_HERHALINGEN times with
Django's test client, logged in with the role that uses it, and prints p50/p95/max in
milliseconds and the number of queries of the page. Target: p95 < 200 ms.

Run: `make bench` (all) or `python -m benchmarks paginas`; environment:
`HHB_BENCH_PAGINAS_TRANSACTIES=100000` (comma-separated sizes; 1000000 takes about
ten minutes to build), `HHB_BENCH_DEELNEMERS=10000`, `HHB_BENCH_PAGINAS_DATABASES=postgres`
(or `postgres,sqlite`), `HHB_BENCH_PAGINAS_AUDITREGELS=100000`, and
`HHB_BENCH_PAGINAS_HERGEBRUIK=1` to keep the database (PostgreSQL `hhb_paginas_<size>`,
SQLite in the temporary folder) and measure it again without building it anew, e.g.
to compare code before and after a change on the same data.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from benchmarks._proces import stap_in

DEELNEMERS = int(os.environ.get("HHB_BENCH_DEELNEMERS", "10000"))
DOELEN = [int(x) for x in os.environ.get("HHB_BENCH_PAGINAS_TRANSACTIES", "100000").split(",")]
DATABASES = os.environ.get("HHB_BENCH_PAGINAS_DATABASES", "postgres").split(",")
AUDITREGELS = int(os.environ.get("HHB_BENCH_PAGINAS_AUDITREGELS", "100000"))
HERHALINGEN = int(os.environ.get("HHB_BENCH_PAGINAS_HERHALINGEN", "20"))
HERGEBRUIK = os.environ.get("HHB_BENCH_PAGINAS_HERGEBRUIK", "") not in ("", "0")
PG_BASIS = os.environ.get("HHB_BENCH_PG", "postgres://postgres@127.0.0.1:5432")
MODULE = "benchmarks._paginas_run"


def run() -> None:
    for doel in DOELEN:
        for db, url, nieuw in _databases(doel):
            if nieuw:
                proces = stap_in(
                    MODULE, "opbouwen", str(doel), str(DEELNEMERS), str(AUDITREGELS), url=url
                )
                if proces.returncode != 0:
                    print(f"{db} {doel:,}: opbouwen MISLUKT\n{proces.stderr[-3000:]}", flush=True)
                    continue
                r = json.loads(proces.stdout.strip().splitlines()[-1])
                print(
                    f"{db} {r['transacties']:,} transacties ({r['open']:,} open), "
                    f"{r['deelnemers']:,} deelnemers, {r['afspraken']:,} afspraken, "
                    f"{AUDITREGELS:,} auditregels: opgebouwd in {r['seconden']:.0f} s",
                    flush=True,
                )
            proces = stap_in(MODULE, "meten", str(HERHALINGEN), url=url)
            if proces.returncode != 0:
                print(f"{db} {doel:,}: meten MISLUKT\n{proces.stderr[-3000:]}", flush=True)
                continue
            print(f"{db}, {doel:,} transacties, {HERHALINGEN} verzoeken per pagina, ms:")
            print(f"  {'pagina':28} {'p50':>7} {'p95':>7} {'max':>7} {'queries':>7}")
            for regel in proces.stdout.strip().splitlines():
                p = json.loads(regel)
                fout = "" if p["status"] == [200] else f"  status {p['status']}"
                print(
                    f"  {p['pagina']:28} {p['p50']:7.1f} {p['p95']:7.1f} {p['max']:7.1f} "
                    f"{p['queries']:7d}{fout}",
                    flush=True,
                )


def _databases(doel: int) -> Iterator[tuple[str, str, bool]]:
    """(name, DATABASE_URL, must be built) per database of HHB_BENCH_PAGINAS_DATABASES;
    one that cannot be reached is reported and skipped."""
    for db in DATABASES:
        naam = f"hhb_paginas_{doel}"
        if db == "sqlite":
            with tempfile.TemporaryDirectory(prefix="hhb-paginas-") as map_:
                pad = Path(tempfile.gettempdir() if HERGEBRUIK else map_) / f"{naam}.sqlite3"
                nieuw = not (HERGEBRUIK and pad.exists())
                if nieuw:
                    pad.unlink(missing_ok=True)
                yield db, f"sqlite:///{pad}", nieuw
            continue
        try:
            import psycopg

            with psycopg.connect(f"{PG_BASIS}/postgres", autocommit=True) as verbinding:
                bestaat = verbinding.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [naam]
                ).fetchone()
                nieuw = not (HERGEBRUIK and bestaat)
                if nieuw:
                    verbinding.execute(f"DROP DATABASE IF EXISTS {naam}")
                    verbinding.execute(f"CREATE DATABASE {naam}")
        except Exception:  # noqa: BLE001 (report and skip)
            print(f"{db}: overgeslagen (niet bereikbaar)")
            continue
        yield db, f"{PG_BASIS}/{naam}", nieuw
        if not HERGEBRUIK:
            with psycopg.connect(f"{PG_BASIS}/postgres", autocommit=True) as verbinding:
                verbinding.execute(f"DROP DATABASE IF EXISTS {naam}")
