"""`hhb afletteren`: match every open bank transaction and book the clear cases."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from huishoudboekje.boekhouding.afletteren import afletteren_uitvoeren
from huishoudboekje.door import Systeem


class Command(BaseCommand):
    help = "Letter alle open banktransacties af: boek automatisch wat eenduidig is."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--door",
            default="",
            help="Wie de run start (vastgelegd bij de run); standaard de gebruiker van het "
            "besturingssysteem.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        r = afletteren_uitvoeren(door=Systeem.opdrachtregel(options["door"]))
        self.stdout.write(f"{r.bekeken} open transacties bekeken, {r.geboekt} automatisch geboekt.")
