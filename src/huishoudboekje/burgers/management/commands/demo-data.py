"""`hhb demo-data --deelnemers N --seed S [--leegmaken] [--peildatum JJJJ-MM-DD]
[--maanden M [--uitvoer MAP]]`.

With `--maanden` it also writes M months of bank statements for the demo municipality
(camt.053 and MT940 in every bank dialect, with real-life noise) into MAP (default: a
temporary folder) and imports them, so the demo shows matched transactions and balances.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from huishoudboekje.bankafschriften.demo import demo_afschriften_laden
from huishoudboekje.burgers.demo_laden import DemoDataFout, demo_data_laden

MAX_MAANDEN = 36


def _datum(waarde: str) -> dt.date:
    try:
        return dt.date.fromisoformat(waarde)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"'{waarde}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-15."
        ) from exc


def _getal(aantal: int) -> str:
    return f"{aantal:,}".replace(",", ".")


class Command(BaseCommand):
    help = (
        "Vul een lege database met een realistische, verzonnen gemeente: organisaties, "
        "huishoudens, deelnemers en hun afspraken. Dezelfde seed geeft dezelfde gegevens."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--deelnemers", type=int, default=200, help="Aantal deelnemers (standaard 200)."
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Startgetal van de toevalsgenerator (standaard 1)."
        )
        parser.add_argument(
            "--leegmaken",
            action="store_true",
            help="Verwijder eerst alle deelnemers, afspraken, organisaties en rekeningen.",
        )
        parser.add_argument(
            "--maanden", type=int, default=0,
            help="Schrijf en importeer ook zoveel maanden bankafschriften (standaard 0).",
        )
        parser.add_argument(
            "--uitvoer", type=Path, default=None,
            help="Map voor de afschriftbestanden (standaard een tijdelijke map).",
        )
        parser.add_argument(
            "--peildatum",
            type=_datum,
            default=None,
            help="De datum 'vandaag' voor de gegevens (JJJJ-MM-DD); standaard vandaag.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["leegmaken"] and not settings.HHB_DEMO:
            # Emptying deletes every participant, agreement and account: never on a real
            # municipality's database, only on one started in demo mode.
            raise CommandError(
                "--leegmaken verwijdert alle deelnemers, afspraken, organisaties en rekeningen "
                "en mag alleen in de demo: zet HHB_DEMO=true. Er is niets verwijderd."
            )
        self._controleer_afschriftopties(options["maanden"], options["uitvoer"])
        begin = time.perf_counter()
        try:
            resultaat = demo_data_laden(
                deelnemers=options["deelnemers"],
                seed=options["seed"],
                peildatum=options["peildatum"],
                leegmaken=options["leegmaken"],
            )
        except DemoDataFout as exc:
            raise CommandError(str(exc)) from exc
        seconden = f"{time.perf_counter() - begin:.1f}".replace(".", ",")
        r = resultaat
        self.stdout.write(
            f"Demo-data geladen in {seconden} s: {_getal(r.deelnemers)} deelnemers, "
            f"{_getal(r.huishoudens)} huishoudens, {_getal(r.afspraken)} afspraken, "
            f"{_getal(r.organisaties)} organisaties ({_getal(r.afdelingen)} afdelingen), "
            f"{_getal(r.rekeningen)} rekeningen."
        )
        if options["maanden"] > 0:
            self._afschriften(r, options)

    @staticmethod
    def _controleer_afschriftopties(maanden: int, uitvoer: Path | None) -> None:
        """Refuse wrong options before anything is loaded."""
        if not 0 <= maanden <= MAX_MAANDEN:
            raise CommandError(f"--maanden moet tussen 0 en {MAX_MAANDEN} liggen, niet {maanden}.")
        if uitvoer is not None and maanden == 0:
            raise CommandError("--uitvoer heeft alleen zin samen met --maanden.")
        if uitvoer is not None and uitvoer.exists() and not uitvoer.is_dir():
            raise CommandError(f"--uitvoer '{uitvoer}' is een bestand, geen map.")

    def _afschriften(self, r: Any, options: dict[str, Any]) -> None:
        begin = time.perf_counter()
        try:
            uitkomst = demo_afschriften_laden(
                r, maanden=options["maanden"], seed=options["seed"], map=options["uitvoer"],
                peildatum=options["peildatum"],
            )
        except DemoDataFout as exc:
            raise CommandError(str(exc)) from exc
        e = uitkomst.evaluatie
        seconden = f"{time.perf_counter() - begin:.1f}".replace(".", ",")
        self.stdout.write(
            f"Bankafschriften in {seconden} s: {_getal(uitkomst.bestanden)} bestanden, "
            f"{_getal(uitkomst.transacties)} transacties, "
            f"{_getal(uitkomst.automatisch)} automatisch "
            f"geboekt; van de {_getal(e.matchbaar)} herkenbare transacties "
            f"{e.automatisch_percentage:.1f}% automatisch, {e.automatisch_fout} verkeerd geboekt; "
            f"{_getal(uitkomst.handmatig)} oudere transacties door de backoffice geboekt."
        )
        if uitkomst.fouten:
            for fout in uitkomst.fouten:
                self.stderr.write(fout)
            raise CommandError("Niet alle afschriften konden worden ingelezen.")
