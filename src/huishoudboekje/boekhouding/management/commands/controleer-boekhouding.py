"""`hhb controleer-boekhouding`: check the ledger invariant (exit status 1 when it fails):
participants' balances + rubriek bookings + unbooked = movements on the municipal
accounts; per transaction its booked amount = the sum of its bookings; every statement's
balance adds up."""

from typing import Any

from django.core.management.base import BaseCommand

from huishoudboekje.boekhouding.selectors import boekhouding_controleren
from huishoudboekje.core.money import formatteer_bedrag


class Command(BaseCommand):
    help = "Controleer dat de boekhouding sluit."

    def handle(self, *args: Any, **options: Any) -> None:
        c = boekhouding_controleren()
        self.stdout.write(
            f"Mutaties op de rekeningen van de gemeente: {formatteer_bedrag(c.mutaties)}"
        )
        self.stdout.write(
            f"Saldi van deelnemers:                    {formatteer_bedrag(c.saldi_deelnemers)}"
        )
        self.stdout.write(
            f"Geboekt op rubrieken:                    {formatteer_bedrag(c.rubriekboekingen)}"
        )
        self.stdout.write(
            f"Nog niet geboekt:                        {formatteer_bedrag(c.ongeboekt)}"
        )
        if c.afwijkende_transacties:
            self.stderr.write(
                f"Transacties waarvan het geboekte bedrag niet klopt: {c.afwijkende_transacties}"
            )
        if c.afschriften_met_saldoverschil:
            self.stderr.write(
                f"Afschriften met een saldoverschil: {c.afschriften_met_saldoverschil}"
            )
        if not c.klopt:
            self.stderr.write("De boekhouding sluit NIET.")
            raise SystemExit(1)
        self.stdout.write("De boekhouding sluit.")
