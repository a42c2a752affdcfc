"""End-to-end bank statements: import + match + book, on SQLite and on PostgreSQL.

For each database a fresh process builds a demo municipality of 10,000 participants,
writes the generator's bank statements (camt.053 and MT940 in every dialect, with
real-life noise) and then imports them file by file with automatic matching, until the
target number of transactions is reached. Reported: transactions/s for the import
(parse + dedupe + match + book, the files already on disk), peak memory (RSS) of the
importing process, and the automatic booking rate and wrong-booking rate against the
generator's ground truth.

Run: `make bench` (all), or `python -m benchmarks afschriften` / with environment
`HHB_BENCH_TRANSACTIES=100000,1000000` and `HHB_BENCH_DATABASES=sqlite,postgres`
(`HHB_BENCH_PG_NAAM`: the PostgreSQL database to use, default hhb_bench).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

DEELNEMERS = int(os.environ.get("HHB_BENCH_DEELNEMERS", "10000"))
DOELEN = [int(x) for x in os.environ.get("HHB_BENCH_TRANSACTIES", "100000,1000000").split(",")]
DATABASES = os.environ.get("HHB_BENCH_DATABASES", "postgres,sqlite").split(",")
PG_BASIS = os.environ.get("HHB_BENCH_PG", "postgres://postgres@127.0.0.1:5432")
# the PostgreSQL database that is dropped and created per run (another name lets two
# benchmarks run side by side)
PG_NAAM = os.environ.get("HHB_BENCH_PG_NAAM", "hhb_bench")


def run() -> None:
    for doel in DOELEN:
        for db, url, map_ in databases():
            proces = stap("genereer", str(doel), str(DEELNEMERS), map_, url=url)
            if proces.returncode == 0:
                proces = stap("importeer", map_, url=url)
            if proces.returncode != 0:
                print(f"{db} {doel:,}: MISLUKT\n{proces.stderr[-3000:]}")
                continue
            r = json.loads(proces.stdout.strip().splitlines()[-1])
            print(
                f"{db:8} {r['transacties']:>9,} transacties in {r['bestanden']:>3} bestanden: "
                f"import+afletteren {r['seconden']:7.1f} s = {r['per_seconde']:>7,.0f} tx/s; "
                f"piekgeheugen {r['piek_mb']:,.0f} MB (bij de start {r['basis_mb']:,.0f} MB, "
                f"grootste bestand {r['grootste_bestand_mb']:.1f} MB); automatisch geboekt "
                f"{r['automatisch_pct']:.2f}% van {r['matchbaar']:,} herkenbare, "
                f"verkeerd {r['fout']} "
                f"({r['fout_pct']:.3f}%); generator {r['generatie_s']:.0f} s",
                flush=True,
            )


def databases() -> Iterator[tuple[str, str, str]]:
    """(name, DATABASE_URL, working folder) per database of HHB_BENCH_DATABASES, each
    fresh; a database that cannot be reached is reported and skipped."""
    for db in DATABASES:
        with tempfile.TemporaryDirectory(prefix="hhb-bench-") as map_:
            url = _database(db, Path(map_))
            if url is None:
                print(f"{db}: overgeslagen (niet bereikbaar)")
                continue
            yield db, url, map_


def stap(*argumenten: str, url: str) -> subprocess.CompletedProcess[str]:
    """One step of `benchmarks._afschriften_run` in a fresh process on database `url`."""
    return subprocess.run(  # noqa: S603 (our own module)
        [sys.executable, "-m", "benchmarks._afschriften_run", *argumenten],
        env={**os.environ, "DATABASE_URL": url, "HHB_OTP_REQUIRED": "false"},
        capture_output=True,
        text=True,
        check=False,
    )


def _database(db: str, map_: Path) -> str | None:
    if db == "sqlite":
        return f"sqlite:///{map_ / 'bench.sqlite3'}"
    naam = PG_NAAM
    try:
        import psycopg

        with psycopg.connect(f"{PG_BASIS}/postgres", autocommit=True) as verbinding:
            verbinding.execute(f"DROP DATABASE IF EXISTS {naam}")
            verbinding.execute(f"CREATE DATABASE {naam}")
    except Exception:  # noqa: BLE001 (report and skip)
        return None
    return f"{PG_BASIS}/{naam}"
