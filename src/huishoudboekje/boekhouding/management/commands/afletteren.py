"""`hhb afletteren`: match every open bank transaction and book the clear cases."""

from typing import Any

from django.core.management.base import BaseCommand

from huishoudboekje.boekhouding.afletteren import afletteren_uitvoeren


class Command(BaseCommand):
    help = "Letter alle open banktransacties af: boek automatisch wat eenduidig is."

    def handle(self, *args: Any, **options: Any) -> None:
        r = afletteren_uitvoeren()
        self.stdout.write(f"{r.bekeken} open transacties bekeken, {r.geboekt} automatisch geboekt.")
