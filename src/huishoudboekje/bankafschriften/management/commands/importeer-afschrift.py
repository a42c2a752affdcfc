"""`hhb importeer-afschrift FILE... [--json] [--geen-afletteren] [--door NAAM]`: read
bank statement files (camt.053 or MT940, detected from the content). Each file is
imported completely or not at all; the exit status is 1 when any file was refused. Who
imported it is recorded as the command line and `--door` (default: the operating-system
user)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from huishoudboekje.bankafschriften.models import Importbron
from huishoudboekje.bankafschriften.services import Bestandsresultaat, bankafschrift_importeren
from huishoudboekje.boekhouding.afletteren import Afletteraar
from huishoudboekje.door import Door, Systeem


def importeer_bestanden(
    paden: list[Path],
    *,
    afletteren: bool = True,
    bron: str = Importbron.OPDRACHTREGEL,
    door: Door | None = None,
) -> list[Bestandsresultaat]:
    door = door or Systeem.opdrachtregel()
    afletteraar = Afletteraar() if afletteren else None
    resultaten = []
    for pad in paden:
        if not pad.is_file():
            resultaten.append(
                Bestandsresultaat(bestandsnaam=str(pad), fouten=[f"{pad}: bestand niet gevonden."])
            )
            continue
        with pad.open("rb") as stream:
            resultaten.append(
                bankafschrift_importeren(
                    stream=stream,
                    bestandsnaam=pad.name,
                    door=door,
                    bron=bron,
                    afletteraar=afletteraar,
                    afletteren=afletteren,
                )
            )
    return resultaten


def samenvatting(resultaten: list[Bestandsresultaat]) -> dict[str, Any]:
    return {
        "bestanden": len(resultaten),
        "bestanden_geweigerd": sum(not r.gelukt for r in resultaten),
        "transacties_nieuw": sum(r.nieuw for r in resultaten),
        "transacties_dubbel": sum(r.dubbel for r in resultaten),
        "automatisch_geboekt": sum(r.automatisch for r in resultaten),
        "fouten": [f for r in resultaten for f in r.fouten],
        "waarschuwingen": [w for r in resultaten for w in r.waarschuwingen],
        "per_bestand": [
            {
                "bestand": r.bestandsnaam,
                "gelukt": r.gelukt,
                "formaat": r.formaat,
                "transacties": r.transacties,
                "nieuw": r.nieuw,
                "dubbel": r.dubbel,
                "automatisch": r.automatisch,
                "al_ingelezen": r.al_ingelezen,
                "mogelijk_dubbel": r.mogelijk_dubbel,
                "fouten": r.fouten,
            }
            for r in resultaten
        ],
    }


class Command(BaseCommand):
    help = "Lees bankafschriften in (camt.053 of MT940) en letter de nieuwe transacties af."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("bestanden", nargs="+", type=Path)
        parser.add_argument("--json", action="store_true", help="Eén JSON-object als uitvoer.")
        parser.add_argument(
            "--geen-afletteren", action="store_true", help="Alleen inlezen, niet boeken."
        )
        parser.add_argument(
            "--door",
            default="",
            help="Wie inleest (vastgelegd bij het bestand en de afletterrun); standaard de "
            "gebruiker van het besturingssysteem.",
        )

    def handle(self, *args: Any, bestanden: list[Path], **opties: Any) -> None:
        resultaten = importeer_bestanden(
            bestanden,
            afletteren=not opties["geen_afletteren"],
            door=Systeem.opdrachtregel(opties["door"]),
        )
        uitkomst = samenvatting(resultaten)
        if opties["json"]:
            self.stdout.write(json.dumps(uitkomst, ensure_ascii=False))
        else:
            for r in resultaten:
                if r.gelukt:
                    self.stdout.write(
                        f"{r.bestandsnaam}: {r.transacties} transacties, {r.nieuw} nieuw, "
                        f"{r.dubbel} al ingelezen, {r.automatisch} automatisch geboekt"
                    )
                    for waarschuwing in r.waarschuwingen:
                        self.stderr.write(f"LET OP {waarschuwing}")
                else:
                    for fout in r.fouten:
                        self.stderr.write(f"GEWEIGERD {fout}")
            self.stdout.write(
                f"Totaal: {uitkomst['bestanden']} bestanden "
                f"({uitkomst['bestanden_geweigerd']} geweigerd), "
                f"{uitkomst['transacties_nieuw']} nieuwe transacties, "
                f"{uitkomst['transacties_dubbel']} dubbel, "
                f"{uitkomst['automatisch_geboekt']} automatisch geboekt."
            )
        if uitkomst["bestanden_geweigerd"]:
            raise SystemExit(1)
