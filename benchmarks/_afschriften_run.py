"""One benchmark step in its own process (DATABASE_URL set by benchmarks/afschriften.py):

    python -m benchmarks._afschriften_run genereer TRANSACTIES DEELNEMERS MAP
    python -m benchmarks._afschriften_run importeer MAP
    python -m benchmarks._afschriften_run demodata DEELNEMERS

The first builds the municipality and writes the files plus the ground truth (pickled
per day) into MAP; the second, a fresh process so its peak memory is the import's own,
imports the files and prints one JSON line with the figures. The third times
`hhb demo-data` itself (participants, households, agreements) and prints one JSON line."""

from __future__ import annotations

import json
import os
import pickle
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "huishoudboekje.conf.settings")
    import django

    django.setup()


def genereer(doel: int, deelnemers: int, map_: Path) -> None:
    _django()
    from django.core.management import call_command

    from huishoudboekje.bankafschriften.demo import demo_afschriftenset
    from huishoudboekje.burgers.demo_laden import demo_data_laden
    from huishoudboekje.demogegevens.afschriftbestanden import (
        STANDAARDMIX,
        bestandsnaam,
        schrijf_dag,
    )

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as stil:
        call_command("laad-configuratie", str(Path("config/demo-gemeente.yaml")), stdout=stil)
    samenvatting = demo_data_laden(deelnemers=deelnemers, seed=1)
    # months needed: about 7.3 transactions per participant per month (the files are
    # written only until the target is reached)
    maanden = max(1, -(-doel // int(deelnemers * 7)))
    reeks = demo_afschriftenset(samenvatting, maanden=maanden, seed=1, peildatum=None)
    begin = time.perf_counter()
    (map_ / "bestanden").mkdir()
    paden, aantal = [], 0
    waarheid = open(map_ / "waarheid.pickle", "wb")  # noqa: SIM115
    for i, dag in enumerate(reeks):
        formaat = STANDAARDMIX[i % len(STANDAARDMIX)]
        if formaat.startswith("mt940") and dag.heeft_batch:
            formaat = "camt053-001.02"
        pad = map_ / "bestanden" / bestandsnaam(dag.datum.isoformat(), formaat)
        with open(pad, "wb") as uit:
            schrijf_dag(uit, dag, formaat)
        paden.append(pad)
        pickle.dump(dag.waarheid, waarheid)
        aantal += len(dag.waarheid)
        if aantal >= doel:
            break
    waarheid.close()
    (map_ / "meta.json").write_text(
        json.dumps(
            {"afspraak_ids": samenvatting.afspraak_ids, "generatie_s": time.perf_counter() - begin}
        )
    )


def _waarheid(map_: Path) -> Iterator[Any]:
    with open(map_ / "waarheid.pickle", "rb") as bron:
        while True:
            try:
                yield from pickle.load(bron)  # noqa: S301 (our own file, just written)
            except EOFError:
                return


def importeer(map_: Path) -> dict[str, float]:
    _django()
    from huishoudboekje.bankafschriften.evaluatie import evalueer
    from huishoudboekje.bankafschriften.models import Importbron
    from huishoudboekje.bankafschriften.services import bankafschrift_importeren
    from huishoudboekje.boekhouding.afletteren import Afletteraar
    from huishoudboekje.boekhouding.selectors import boekhouding_controleren

    meta = json.loads((map_ / "meta.json").read_text())
    paden = sorted((map_ / "bestanden").iterdir())
    basis = _rss_mb()
    begin = time.perf_counter()
    afletteraar = Afletteraar()
    transacties = 0
    for pad in paden:
        with pad.open("rb") as stream:
            r = bankafschrift_importeren(
                stream=stream,
                bestandsnaam=pad.name,
                door=None,
                bron=Importbron.DEMO,
                afletteraar=afletteraar,
            )
        if not r.gelukt:
            raise SystemExit(f"{pad.name}: {r.fouten}")
        transacties += r.nieuw
    seconden = time.perf_counter() - begin
    piek = _rss_mb()
    e = evalueer(_waarheid(map_), meta["afspraak_ids"])
    if not boekhouding_controleren().klopt:
        raise SystemExit("De boekhouding sluit niet na de benchmark.")
    return {
        "transacties": transacties,
        "bestanden": len(paden),
        "seconden": seconden,
        "per_seconde": transacties / seconden,
        "basis_mb": basis,
        "piek_mb": piek,
        "grootste_bestand_mb": max(p.stat().st_size for p in paden) / 1e6,
        "matchbaar": e.matchbaar,
        "automatisch_pct": e.automatisch_percentage,
        "fout": e.automatisch_fout,
        "fout_pct": e.fout_percentage,
        "generatie_s": meta["generatie_s"],
    }


def demodata(deelnemers: int) -> dict[str, float]:
    _django()
    from django.core.management import call_command

    from huishoudboekje.burgers.demo_laden import demo_data_laden

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as stil:
        call_command("laad-configuratie", str(Path("config/demo-gemeente.yaml")), stdout=stil)
    begin = time.perf_counter()
    r = demo_data_laden(deelnemers=deelnemers, seed=1)
    return {
        "deelnemers": r.deelnemers,
        "huishoudens": r.huishoudens,
        "afspraken": r.afspraken,
        "rekeningen": r.rekeningen,
        "seconden": time.perf_counter() - begin,
        "piek_mb": _rss_mb(),
    }


if __name__ == "__main__":
    if sys.argv[1] == "genereer":
        genereer(int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
    elif sys.argv[1] == "demodata":
        print(json.dumps(demodata(int(sys.argv[2]))))
    else:
        print(json.dumps(importeer(Path(sys.argv[2]))))
