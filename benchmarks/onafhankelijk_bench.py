"""Matching on a municipality nobody here tuned to (issue 7, HOUSE.md rule 12).

For each size of HHB_BENCH_ONAFHANKELIJK (participants, default 300,3000,10000) and
each database of HHB_BENCH_DATABASES, a fresh process builds the independent
municipality (`benchmarks.onafhankelijk`) with HHB_BENCH_ONAFHANKELIJK_MAANDEN months
(default 6) of statements, and a second fresh process imports every file through the
real import service (one Afletteraar reused) and scores the automatic bookings against
the generator's ground truth, beside the old VNG rule (IBAN + all search terms) over
the same lines. Reported, never asserted: matchable lines booked on the right
agreement, bookings on a wrong participant, on the right participant but the wrong
agreement, non-matchable lines booked, and the shortfall per category.

Run: `python -m benchmarks onafhankelijk`, e.g. with
`HHB_BENCH_ONAFHANKELIJK=300 HHB_BENCH_DATABASES=sqlite`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks._proces import (
    django_opzetten,
    gemeente_klaarzetten,
    genereer_en_importeer,
    stap_in,
)

GROOTTES = [int(x) for x in os.environ.get("HHB_BENCH_ONAFHANKELIJK", "300,3000,10000").split(",")]
MAANDEN = int(os.environ.get("HHB_BENCH_ONAFHANKELIJK_MAANDEN", "6"))
SEED = 7


def run() -> None:
    genereer_en_importeer("benchmarks.onafhankelijk_bench", GROOTTES, MAANDEN, regel)


def _tekort(c: dict[str, object]) -> str:
    tekort = sorted(c["tekort"].items(), key=lambda kv: -kv[1])  # type: ignore[attr-defined]
    return ", ".join(f"{k} {v}" for k, v in tekort) or "geen"


def regel(db: str, grootte: int, r: dict[str, object]) -> str:
    """One line of figures per run (plus the VNG baseline and the shortfall)."""
    m, v = r["matcher"], r["vng"]

    def deel(c: dict[str, object]) -> str:
        niet = sum(c["niet_matchbaar_geboekt"].values())  # type: ignore[attr-defined]
        return (
            f"{c['goed_pct']:.2f}% goed geboekt, verkeerde deelnemer {c['fout_deelnemer']}, "
            f"verkeerde afspraak {c['fout_afspraak']} ({c['fout_afspraak_pct']:.3f}%), "
            f"niet-matchbaar geboekt {niet} {c['niet_matchbaar_geboekt']}"
        )

    return (
        f"{db:8} {grootte:>6,} deelnemers x {MAANDEN} mnd: {m['regels']:,} regels in "
        f"{r['bestanden']} bestanden, {m['matchbaar']:,} matchbaar; matcher {deel(m)}; "
        f"import {r['import_s']:.0f} s, generator {r['generatie_s']:.0f} s\n"
        f"{'':8} VNG-regel: {deel(v)}\n"
        f"{'':8} tekort matcher per categorie: {_tekort(m)}\n"
        f"{'':8} tekort VNG per categorie: {_tekort(v)}"
    )


def _stap(*argumenten: str, url: str) -> subprocess.CompletedProcess[str]:
    return stap_in("benchmarks.onafhankelijk_bench", *argumenten, url=url)


def genereer(deelnemers: int, maanden: int, map_: Path) -> None:
    django_opzetten()
    from benchmarks.onafhankelijk.bouwen import bouw_gemeente

    gemeente_klaarzetten()
    g = bouw_gemeente(map_, deelnemers=deelnemers, maanden=maanden, seed=SEED)
    (map_ / "meta.json").write_text(
        json.dumps({"generatie_s": g.seconden, "bestanden": g.bestanden})
    )


def importeer(map_: Path) -> dict[str, object]:
    django_opzetten()
    from benchmarks.onafhankelijk.bouwen import importeer_bestanden
    from benchmarks.onafhankelijk.evaluatie import evalueer_gemeente

    meta = json.loads((map_ / "meta.json").read_text())
    begin = time.perf_counter()
    for r in importeer_bestanden(map_):
        if not r.gelukt:  # type: ignore[attr-defined]
            raise SystemExit(f"{r.bestandsnaam}: {r.fouten}")  # type: ignore[attr-defined]
    seconden = time.perf_counter() - begin
    u = evalueer_gemeente(map_)
    return {
        "matcher": u.matcher.als_dict(),
        "vng": u.vng.als_dict(),
        "categorieen": dict(u.categorieen),
        "bestanden": meta["bestanden"],
        "generatie_s": meta["generatie_s"],
        "import_s": seconden,
    }


if __name__ == "__main__":
    if sys.argv[1] == "genereer":
        genereer(int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
    else:
        print(json.dumps(importeer(Path(sys.argv[2]))))
