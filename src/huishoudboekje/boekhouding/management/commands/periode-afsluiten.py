"""`hhb periode-afsluiten --tot JJJJ-MM-DD [--door NAAM] [--toelichting TEKST]`: close
the ledger through a date (only forward): later bookings and undos are dated after it,
so balances up to it never change again. Recorded as the command line and `--door`
(default: the operating-system user), with an audit line."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from huishoudboekje.boekhouding.grootboek import afgesloten_tot
from huishoudboekje.boekhouding.services_periode import Periodefout, periode_afsluiten
from huishoudboekje.door import Systeem


def _datum(waarde: str) -> dt.date:
    try:
        return dt.date.fromisoformat(waarde)
    except ValueError as exc:
        raise CommandError(f"'{waarde}' is geen datum; schrijf JJJJ-MM-DD.") from exc


class Command(BaseCommand):
    help = "Sluit de boekingen af tot en met een datum (alleen vooruit)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tot", required=True, help="Laatste afgesloten dag (JJJJ-MM-DD).")
        parser.add_argument("--door", default="", help="Wie afsluit; standaard de OS-gebruiker.")
        parser.add_argument("--toelichting", default="", help="Waarom (bijv. 'jaarafsluiting').")

    def handle(self, *args: Any, **opties: Any) -> None:
        try:
            afsluiting = periode_afsluiten(
                door=Systeem.opdrachtregel(opties["door"]),
                tot_en_met=_datum(opties["tot"]),
                toelichting=opties["toelichting"],
            )
        except Periodefout as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write(
            f"Boekingen afgesloten tot en met {afsluiting.tot_en_met:%d-%m-%Y} "
            f"(door {afsluiting.door_naam}); nu afgesloten tot en met "
            f"{afgesloten_tot():%d-%m-%Y}."
        )
