"""Build an independent municipality: the world into the database, its statements and
ground truth onto disk, and the import of those files through the real service.

One statement file per business day, the formats mixed as a municipality receives
them when banks and export settings change (half camt.053.001.02, half MT940 in the
ING, Rabobank and BNG dialects). Balances run on from file to file, so every file's
opening balance is the previous one's closing balance."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from huishoudboekje.configuratie.models import GemeenteRekening

from .boeking import bankbeeld
from .camt import schrijf_camt
from .database import bewaar_wereld
from .mt940 import ruimte, schrijf_mt940
from .regels import Regel, Regelmaker
from .waarheid import Rechter
from .wereld import maak_wereld

FORMATEN = ("camt", "ing", "camt", "rabobank", "camt", "bng")
BEGINSALDO = 250_000_000  # EUR 2.5 million on the derdengeldenrekening


@dataclass(frozen=True)
class Gebouwd:
    deelnemers: int
    afspraken: int
    bestanden: int
    regels: int
    matchbaar: int
    categorieen: dict[str, int]
    seconden: float


def periode(maanden: int, eind: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """`maanden` whole months ending with the last complete month before today (a
    statement dated in the future is refused)."""
    eind = eind or dt.date.today().replace(day=1) - dt.timedelta(days=1)
    jaar, maand = eind.year, eind.month - maanden + 1
    while maand < 1:
        jaar, maand = jaar - 1, maand + 12
    return dt.date(jaar, maand, 1), eind


def bouw_gemeente(
    map_: Path, *, deelnemers: int, maanden: int, seed: int, eind: dt.date | None = None
) -> Gebouwd:
    """Generate, store and write. Needs the municipality's configuration (`hhb
    laad-configuratie`): its first account is the one the statements are for."""
    begin_tijd = time.perf_counter()
    rekening = GemeenteRekening.objects.order_by("pk").first()
    if rekening is None:
        raise RuntimeError("Geen gemeenterekening: voer eerst 'hhb laad-configuratie' uit.")
    begin, eind = periode(maanden, eind)
    wereld = maak_wereld(
        deelnemers=deelnemers, seed=seed, begin=begin, eind=eind, gemeente_iban=rekening.iban
    )
    burger_ids, afspraak_ids = bewaar_wereld(wereld)
    maker = Regelmaker(wereld, seed)
    per_dag: dict[dt.date, list[Regel]] = defaultdict(list)
    for regel in [*maker.regels(), *maker.overig()]:
        per_dag[regel.datum].append(regel)
    rechter = Rechter(wereld)
    (map_ / "bestanden").mkdir(parents=True, exist_ok=True)
    saldo, aantal, matchbaar = BEGINSALDO, 0, 0
    categorieen: dict[str, int] = defaultdict(int)
    with open(map_ / "waarheid.jsonl", "w") as waarheid:
        for volgnummer, datum in enumerate(sorted(per_dag), 1):
            formaat = FORMATEN[volgnummer % len(FORMATEN)]
            boekingen = []
            for n, regel in enumerate(per_dag[datum], 1):
                ref = f"HO{datum:%y%m%d}{n:06d}"
                b = bankbeeld(regel, formaat, ref, 10_000)
                if formaat != "camt":
                    b = bankbeeld(regel, formaat, ref, ruimte(formaat, b))
                boekingen.append(b)
                w = rechter.beslis(regel, b)
                categorieen[w.categorie] += 1
                matchbaar += w.matchbaar
                rij = {
                    "ref": ref,
                    "categorie": w.categorie,
                    "matchbaar": w.matchbaar,
                    "afspraak": afspraak_ids[w.plan] if w.plan is not None else None,
                    "burger": burger_ids[w.deelnemer] if w.deelnemer is not None else None,
                }
                waarheid.write(json.dumps(rij) + "\n")
            aantal += len(boekingen)
            saldo = _schrijf(map_, formaat, rekening, volgnummer, datum, saldo, boekingen)
    return Gebouwd(
        deelnemers,
        len(afspraak_ids),
        len(per_dag),
        aantal,
        matchbaar,
        dict(categorieen),
        time.perf_counter() - begin_tijd,
    )


def _schrijf(map_, formaat, rekening, volgnummer, datum, saldo, boekingen) -> int:  # type: ignore[no-untyped-def]
    afschrift_id = f"HO{datum:%Y%m%d}{volgnummer:04d}"
    extensie = "xml" if formaat == "camt" else "sta"
    pad = map_ / "bestanden" / f"{datum.isoformat()}-{formaat}.{extensie}"
    with open(pad, "wb") as uit:
        if formaat == "camt":
            return schrijf_camt(
                uit,
                iban=rekening.iban,
                bic=rekening.bic or "BNGHNL2G",
                naam=rekening.rekeninghouder,
                afschrift_id=afschrift_id,
                volgnummer=volgnummer,
                datum=datum,
                beginsaldo=saldo,
                boekingen=boekingen,
            )
        return schrijf_mt940(
            uit,
            dialect=formaat,
            iban=rekening.iban,
            bic=rekening.bic or "BNGHNL2G",
            afschrift_id=afschrift_id,
            volgnummer=volgnummer,
            datum=datum,
            beginsaldo=saldo,
            boekingen=boekingen,
        )


def importeer_bestanden(map_: Path) -> list[object]:
    """Import every file, in date order, through `bankafschrift_importeren` with one
    `Afletteraar` reused across files (as a back office does on a busy morning).
    Returns the import results (`Bestandsresultaat`), one per file."""
    from huishoudboekje.bankafschriften.models import Importbron
    from huishoudboekje.bankafschriften.services import bankafschrift_importeren
    from huishoudboekje.boekhouding.afletteren import Afletteraar

    afletteraar = Afletteraar()
    resultaten = []
    for pad in sorted((map_ / "bestanden").iterdir()):
        with pad.open("rb") as stroom:
            resultaten.append(
                bankafschrift_importeren(
                    stream=stroom,
                    bestandsnaam=pad.name,
                    door=None,
                    bron=Importbron.DEMO,
                    afletteraar=afletteraar,
                )
            )
    return resultaten
