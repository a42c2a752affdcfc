"""Write a demo `Afschriftenset` to files: one file per bank day, as a bank delivers them.

A municipality gets one format from its bank; the demo exercises all of them, so the
days rotate through a mix: mostly camt.053.001.02 (what Dutch banks send), some
001.04 and 001.08, and MT940 in the ING, Rabobank, ABN AMRO (structured and the old
fixed-width text) and BNG dialects. A day with a batch entry is written as camt even
when the rotation says MT940, so that every part keeps its own bank reference (MT940
can only show the batch total) and the ground truth stays usable for every file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from huishoudboekje.core.bank.schrijven import (
    CamtVersie,
    Mt940Dialect,
    Uitvoer,
    schrijf_camt053,
    schrijf_mt940,
)

if TYPE_CHECKING:
    from .afschriften import Afschriftenset, Dagafschrift

CAMT = ("camt053-001.02", "camt053-001.04", "camt053-001.08")
MT940 = ("mt940-ing", "mt940-rabobank", "mt940-abnamro", "mt940-abnamro-oud", "mt940-bng")
FORMATEN = CAMT + MT940

STANDAARDMIX: tuple[str, ...] = (
    "camt053-001.02", "camt053-001.02", "camt053-001.04", "mt940-ing",
    "camt053-001.02", "camt053-001.08", "camt053-001.02", "mt940-rabobank",
    "camt053-001.02", "mt940-abnamro", "camt053-001.02", "mt940-bng",
    "camt053-001.02", "camt053-001.04", "mt940-abnamro-oud", "camt053-001.08",
)
"""The rotation over bank days: half camt.053.001.02, every other format at least once
in any 16 consecutive bank days."""

_BANK = {
    "mt940-ing": "ING",
    "mt940-rabobank": "RABOBANK",
    "mt940-abnamro": "ABNAMRO",
    "mt940-abnamro-oud": "ABNAMRO-oud",
    "mt940-bng": "BNG",
}


def bestandsnaam(datum_iso: str, formaat: str) -> str:
    """e.g. "2026-05-12_BNG_camt053-001.02.xml", "2026-05-12_ING.mt940"."""
    if formaat in CAMT:
        return f"{datum_iso}_BNG_{formaat}.xml"
    return f"{datum_iso}_{_BANK[formaat]}.mt940"


def _controleer(formaten: Sequence[str]) -> str | None:
    """Check the rotation; returns the camt format batch days fall back to (or None)."""
    if not formaten:
        raise ValueError("Kies minstens één formaat.")
    onbekend = [f for f in formaten if f not in FORMATEN]
    if onbekend:
        raise ValueError(f"Onbekend formaat {onbekend[0]!r}; kies uit {', '.join(FORMATEN)}.")
    return next((f for f in formaten if f in CAMT), None)


def schrijf_bestanden(
    afschriften: Afschriftenset,
    map: Path,
    *,
    formaten: Sequence[str] = STANDAARDMIX,
) -> list[Path]:
    """Write one file per bank day into `map` (created if needed); returns the paths in
    date order. `formaten` is the rotation (one format = every day in that format)."""
    camt = _controleer(formaten)
    map.mkdir(parents=True, exist_ok=True)
    paden: list[Path] = []
    for i, dag in enumerate(afschriften):
        formaat = formaten[i % len(formaten)]
        if formaat in MT940 and camt is not None and dag.heeft_batch:
            formaat = camt
        pad = map / bestandsnaam(dag.datum.isoformat(), formaat)
        with open(pad, "wb") as uit:
            schrijf_dag(uit, dag, formaat)
        paden.append(pad)
    return paden


def schrijf_dag(uit: Uitvoer, dag: Dagafschrift, formaat: str) -> None:
    """One day's statement in one of `FORMATEN`."""
    if formaat in CAMT:
        schrijf_camt053(uit, [dag.afschrift], versie=_VERSIE[formaat])
    elif formaat in MT940:
        schrijf_mt940(
            uit, [dag.afschrift], dialect=_DIALECT[formaat],
            ongestructureerd=formaat.endswith("-oud"),
        )
    else:
        raise ValueError(f"Onbekend formaat {formaat!r}; kies uit {', '.join(FORMATEN)}.")


_VERSIE: dict[str, CamtVersie] = {
    "camt053-001.02": "001.02", "camt053-001.04": "001.04", "camt053-001.08": "001.08",
}
_DIALECT: dict[str, Mt940Dialect] = {
    "mt940-ing": "ing", "mt940-rabobank": "rabobank", "mt940-abnamro": "abnamro",
    "mt940-abnamro-oud": "abnamro", "mt940-bng": "bng",
}
