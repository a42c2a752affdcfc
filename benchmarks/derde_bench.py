"""Matching on a third, held-out municipality (`benchmarks.derde`), written without
looking at the matcher (issue 7, HOUSE.md rule 12).

For each size of HHB_BENCH_DERDE (participants, default 300,3000) and each database of
HHB_BENCH_DATABASES, a fresh process builds the municipality with
HHB_BENCH_DERDE_MAANDEN months (default 6) of statements, and a second fresh process
imports every file through the real import service (one Afletteraar reused) and scores
the automatic bookings against the generator's ground truth. Reported, never asserted:
lines, matchable lines, matchable lines booked on the right agreement, bookings on a
wrong participant, on the right participant but the wrong agreement, non-matchable
lines booked per category, and the shortfall per category; then a sample of lines the
matcher did not book right, with its own explanation.

Run: `python -m benchmarks derde`, e.g. `HHB_BENCH_DERDE=300 HHB_BENCH_DATABASES=sqlite`.
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

GROOTTES = [int(x) for x in os.environ.get("HHB_BENCH_DERDE", "300,3000").split(",")]
MAANDEN = int(os.environ.get("HHB_BENCH_DERDE_MAANDEN", "6"))
VOORBEELDEN = int(os.environ.get("HHB_BENCH_DERDE_VOORBEELDEN", "12"))
SEED = 2026


def run() -> None:
    genereer_en_importeer("benchmarks.derde_bench", GROOTTES, MAANDEN, regel)


def regel(db: str, grootte: int, r: dict) -> str:  # type: ignore[type-arg]
    """The figures of one run, and the sample of lines not booked right."""
    m = r["matcher"]
    niet = sum(m["niet_matchbaar_geboekt"].values())
    tekort = ", ".join(f"{k} {v}" for k, v in sorted(m["tekort"].items(), key=lambda kv: -kv[1]))
    regels = [
        f"{db:8} {grootte:>6,} deelnemers x {MAANDEN} mnd: {m['regels']:,} regels in "
        f"{r['bestanden']} bestanden, {m['matchbaar']:,} matchbaar "
        f"({r['gelukt']}/{r['bestanden']} bestanden gelukt, {m['niet_gevonden']} niet opgeslagen)",
        f"{'':8} matcher: {m['goed_pct']:.2f}% goed geboekt ({m['goed']:,}), verkeerde deelnemer "
        f"{m['fout_deelnemer']}, verkeerde afspraak {m['fout_afspraak']} "
        f"({m['fout_afspraak_pct']:.3f}%), niet-matchbaar geboekt {niet} "
        f"{m['niet_matchbaar_geboekt']}",
        f"{'':8} tekort per categorie: {tekort or 'geen'}",
        f"{'':8} import {r['import_s']:.0f} s, generator {r['generatie_s']:.0f} s; "
        f"categorieen {r['categorieen']}",
    ]
    grond = r["per_grond"]
    regels.append(
        f"{'':8} matchbaar en goed geboekt per grond (hoe staf de afspraak herkent): "
        + ", ".join(f"{k} {g}/{t}" for k, (g, t) in sorted(grond.items(), key=lambda kv: -kv[1][1]))
    )
    streng = {
        k: v for k, v in grond.items() if "omschrijving afspraak" not in k and "bedrag" not in k
    }
    goed, totaal = sum(g for g, _ in streng.values()), sum(t for _, t in streng.values())
    regels.append(
        f"{'':8} strenger (alleen zoekterm, naam of rekening, niet de omschrijving van de "
        f"afspraak of het bedrag alleen): {100 * goed / max(1, totaal):.2f}% ({goed:,}/{totaal:,})"
    )
    for v in r["voorbeelden"]:
        regels.append(
            f"{'':8} - [{v['soort']}] {v['categorie']}: {v['omschrijving']!r} "
            f"(tegen {v['tegen']}, {v['bedrag']}) waarheid afspraak {v['waarheid']}, "
            f"geboekt {v['geboekt']}; toelichting: {v['toelichting']}"
        )
    return "\n".join(regels)


def _stap(*argumenten: str, url: str) -> subprocess.CompletedProcess[str]:
    return stap_in("benchmarks.derde_bench", *argumenten, url=url)


def genereer(deelnemers: int, maanden: int, map_: Path) -> None:
    django_opzetten()
    from benchmarks.derde.bouw import bouw_gemeente

    gemeente_klaarzetten()
    g = bouw_gemeente(map_, deelnemers=deelnemers, maanden=maanden, seed=SEED)
    (map_ / "meta.json").write_text(
        json.dumps({"generatie_s": g.seconden, "bestanden": g.bestanden})
    )


def voorbeelden(map_: Path, aantal: int) -> tuple[list[dict[str, object]], dict[str, list[int]]]:
    """Up to `aantal` lines the matcher got wrong or left: wrong participant first, then
    wrong agreement, booked though not matchable, then matchable but not booked (one
    per category, so the sample shows different failures)."""
    from benchmarks.onafhankelijk.evaluatie import lees_waarheid
    from huishoudboekje.bankafschriften.models import Banktransactie
    from huishoudboekje.boekhouding.models import Journaalpost

    waarheid = {str(w["ref"]): w for w in lees_waarheid(map_)}
    geboekt: dict[int, set[tuple[int, int]]] = {}
    for t, a, b in Journaalpost.objects.filter(automatisch=True).values_list(
        "transactie_id", "afspraak_id", "burger_id"
    ):
        geboekt.setdefault(t, set()).add((a, b))
    soorten: dict[str, list[dict[str, object]]] = {
        "verkeerde deelnemer": [],
        "verkeerde afspraak": [],
        "niet-matchbaar geboekt": [],
        "niet geboekt": [],
    }
    gezien: set[tuple[str, str]] = set()
    per_grond: dict[str, list[int]] = {}
    for tx in Banktransactie.objects.order_by("pk").iterator(chunk_size=5000):
        w = waarheid.get(tx.bankreferentie)
        if w is None:
            continue
        g = geboekt.get(tx.pk, set())
        if w["matchbaar"]:
            teller = per_grond.setdefault(str(w.get("grond", "")), [0, 0])
            teller[0] += g == {(w["afspraak"], w["burger"])}
            teller[1] += 1
        if g and {b for _, b in g} != {w["burger"]}:
            soort = "verkeerde deelnemer"
        elif g and {a for a, _ in g} != {w["afspraak"]}:
            soort = "verkeerde afspraak"
        elif g and not w["matchbaar"]:
            soort = "niet-matchbaar geboekt"
        elif not g and w["matchbaar"]:
            soort = "niet geboekt"
        else:
            continue
        if (soort, str(w["categorie"])) in gezien and soort == "niet geboekt":
            continue
        gezien.add((soort, str(w["categorie"])))
        soorten[soort].append(
            {
                "soort": soort,
                "categorie": w["categorie"],
                "omschrijving": tx.omschrijving,
                "tegen": f"{tx.tegen_naam} {tx.tegen_iban}",
                "bedrag": tx.bedrag,
                "waarheid": w["afspraak"],
                "geboekt": sorted(a for a, _ in g),
                "toelichting": tx.afletter_toelichting,
            }
        )
    uit: list[dict[str, object]] = []
    for lijst in soorten.values():
        uit += lijst[:3]
    return uit[:aantal], per_grond


def importeer(map_: Path) -> dict[str, object]:
    django_opzetten()
    from benchmarks.derde.bouw import importeer_bestanden
    from benchmarks.onafhankelijk.evaluatie import evalueer_gemeente

    meta = json.loads((map_ / "meta.json").read_text())
    begin = time.perf_counter()
    resultaten = importeer_bestanden(map_)
    seconden = time.perf_counter() - begin
    gelukt = sum(1 for r in resultaten if r.gelukt)  # type: ignore[attr-defined]
    for r in resultaten:
        if not r.gelukt:  # type: ignore[attr-defined]
            print(f"{r.bestandsnaam}: {r.fouten}", file=sys.stderr)  # type: ignore[attr-defined]
    u = evalueer_gemeente(map_)
    lijst, per_grond = voorbeelden(map_, VOORBEELDEN)
    return {
        "matcher": u.matcher.als_dict(),
        "categorieen": dict(u.categorieen),
        "bestanden": meta["bestanden"],
        "gelukt": gelukt,
        "generatie_s": meta["generatie_s"],
        "import_s": seconden,
        "voorbeelden": lijst,
        "per_grond": per_grond,
    }


if __name__ == "__main__":
    if sys.argv[1] == "genereer":
        genereer(int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
    else:
        print(json.dumps(importeer(Path(sys.argv[2])), default=str))
