"""Build the third municipality: generate, store, write one statement file per
business day with running balances, and the ground truth `waarheid.jsonl` in the form
`benchmarks.onafhankelijk.evaluatie` reads.

The municipal account is at BNG Bank, whose export settings changed over the years:
most days arrive as camt.053.001.02, Tuesdays as BNG MT940, and on Thursdays the
mirror exports of the ING and Rabobank accounts (MT940) are used."""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from benchmarks.onafhankelijk.bouwen import importeer_bestanden, periode
from benchmarks.onafhankelijk.camt import schrijf_camt
from benchmarks.onafhankelijk.mt940 import schrijf_mt940
from benchmarks.onafhankelijk.namen import achternaam
from huishoudboekje.configuratie.models import GemeenteRekening

from .beeld import bankbeeld
from .instanties import Partij, Partijmaker
from .laden import laad
from .oordeel import Rechter
from .personen import Persoon, maak_personen
from .posten import Post, Postmaker
from .toewijzing import Toewijzer

BEGINSALDO = 180_000_000  # EUR 1.8 million
__all__ = ["Gebouwd", "bouw_gemeente", "importeer_bestanden"]


@dataclass(frozen=True)
class Gebouwd:
    deelnemers: int
    afspraken: int
    bestanden: int
    regels: int
    matchbaar: int
    categorieen: dict[str, int]
    seconden: float


def _formaat(datum: dt.date) -> str:
    dag = datum.weekday()
    if dag == 1:
        return "bng"
    if dag == 3:
        return "ing" if datum.isocalendar()[1] % 2 else "rabobank"
    return "camt"


def maak_wereld(
    deelnemers: int, seed: int, begin: dt.date, eind: dt.date, gemeente_iban: str
) -> tuple[list[Persoon], dict[str, Partij], Toewijzer, random.Random]:
    rng = random.Random(seed)
    ibans = {gemeente_iban}
    personen = maak_personen(rng, deelnemers, begin, eind, ibans)
    maker = Partijmaker(rng, begin, eind, ibans)
    maker.werkgevers(max(6, deelnemers // 10))
    maker.uitzendbureaus(2 + deelnemers // 800)
    for i in range(1 + deelnemers // 1500):
        maker.bureau(i, 4 + deelnemers // 80)
    maker.vaste(min(7, 3 + deelnemers // 500))
    toewijzer = Toewijzer(rng, begin, eind, maker.partijen)
    toewijzer.verhuurder = lambda p: maker.verhuurder(achternaam(rng)[1])
    toewijzer.eigen = {}
    for p in personen:
        e = Partij(
            sleutel=f"eigen{p.index:06d}",
            soort="eigen",
            naam=p.achternaam,
            banknaam=f"{p.voorletters} {p.achternaam}",
            iban=p.iban,
            kvk="",
            dag=1,
            ritme="week",
            anker=maker._anker(0),
        )
        maker.partijen[e.sleutel] = e
        toewijzer.eigen[p.index] = e
    for p in personen:
        toewijzer.persoon(p)
    return personen, maker.partijen, toewijzer, rng


def bouw_gemeente(
    map_: Path, *, deelnemers: int, maanden: int, seed: int, eind: dt.date | None = None
) -> Gebouwd:
    """Generate, store and write. Needs `hhb laad-configuratie` first (its first
    municipal account receives the statements)."""
    t0 = time.perf_counter()
    rekening = GemeenteRekening.objects.order_by("pk").first()
    if rekening is None:
        raise RuntimeError("Geen gemeenterekening: voer eerst 'hhb laad-configuratie' uit.")
    begin, eind = periode(maanden, eind)
    personen, partijen, toewijzer, rng = maak_wereld(deelnemers, seed, begin, eind, rekening.iban)
    regelingen = toewijzer.regelingen
    burger_ids, afspraak_ids = laad(personen, partijen, regelingen)
    bekend = {p.iban for p in partijen.values()} | {p.nieuw_iban for p in partijen.values()}
    maker = Postmaker(rng, begin, eind, personen, partijen, regelingen, bekend | {rekening.iban})
    per_dag: dict[dt.date, list[Post]] = defaultdict(list)
    for post in maker.posten():
        per_dag[post.datum].append(post)
    rechter = Rechter(personen, partijen, regelingen)
    (map_ / "bestanden").mkdir(parents=True, exist_ok=True)
    saldo, aantal, matchbaar, categorieen = BEGINSALDO, 0, 0, Counter[str]()
    with open(map_ / "waarheid.jsonl", "w") as waarheid:
        for volgnummer, datum in enumerate(sorted(per_dag), 1):
            posten = per_dag[datum]
            rng.shuffle(posten)
            _dubbel_na_origineel(posten)
            formaat = _formaat(datum)
            boekingen = []
            for n, post in enumerate(posten, 1):
                ref = f"DG{datum:%y%m%d}{n:06d}"
                b = bankbeeld(post, formaat, ref)
                boekingen.append(b)
                u = rechter.beslis(post, b)
                categorieen[u.categorie] += 1
                matchbaar += u.matchbaar
                waarheid.write(
                    json.dumps(
                        {
                            "ref": ref,
                            "categorie": u.categorie,
                            "matchbaar": u.matchbaar,
                            "afspraak": afspraak_ids[u.regeling]
                            if u.regeling is not None
                            else None,
                            "burger": burger_ids[u.persoon] if u.persoon is not None else None,
                            "grond": u.grond,
                            "omschrijving": b.omschrijving,
                        }
                    )
                    + "\n"
                )
            aantal += len(boekingen)
            saldo = _schrijf(map_, formaat, rekening, volgnummer, datum, saldo, boekingen)
    return Gebouwd(
        deelnemers,
        len(afspraak_ids),
        len(per_dag),
        aantal,
        matchbaar,
        dict(categorieen),
        time.perf_counter() - t0,
    )


def _dubbel_na_origineel(posten: list[Post]) -> None:
    """A double paid on the same day is the second of the two identical lines: swap it
    behind the line it repeats when the shuffle put it first."""
    plaats = {id(p): i for i, p in enumerate(posten)}
    for i, p in enumerate(list(posten)):
        j = plaats.get(p.tweede_van, -1) if p.tweede_van else -1
        if j > i:
            posten[i], posten[j] = posten[j], posten[i]
            plaats[id(posten[i])], plaats[id(posten[j])] = i, j


def _schrijf(map_, formaat, rekening, volgnummer, datum, saldo, boekingen) -> int:  # type: ignore[no-untyped-def]
    afschrift_id = f"DG{datum:%Y%m%d}{volgnummer:04d}"
    pad = (
        map_
        / "bestanden"
        / f"{datum.isoformat()}-{formaat}.{'xml' if formaat == 'camt' else 'sta'}"
    )
    gemeen = {
        "iban": rekening.iban,
        "bic": rekening.bic or "BNGHNL2G",
        "afschrift_id": afschrift_id,
        "volgnummer": volgnummer,
        "datum": datum,
        "beginsaldo": saldo,
        "boekingen": boekingen,
    }
    with open(pad, "wb") as uit:
        if formaat == "camt":
            return schrijf_camt(uit, naam=rekening.rekeninghouder, **gemeen)  # type: ignore[arg-type]
        return schrijf_mt940(uit, dialect=formaat, **gemeen)  # type: ignore[arg-type]
