from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from huishoudboekje.accounts.models import Medewerker
from huishoudboekje.accounts.roles import ROL_LABELS, Rol

DEMO_WACHTWOORD = "demo-wachtwoord-2026"


class Command(BaseCommand):
    help = (
        "Maak voor de demo één medewerker per rol aan (gebruikersnaam = rol). "
        "Alleen met HHB_DEMO=true."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.HHB_DEMO:
            raise CommandError("Alleen voor de demo: zet HHB_DEMO=true.")
        for rol in Rol:
            gebruiker, _ = Medewerker.objects.get_or_create(
                username=rol.value,
                defaults={"first_name": ROL_LABELS[rol], "last_name": "(demo)", "rol": rol.value},
            )
            gebruiker.set_password(DEMO_WACHTWOORD)
            gebruiker.save()
        self.stdout.write(
            f"Demo-medewerkers: {', '.join(r.value for r in Rol)}; wachtwoord: {DEMO_WACHTWOORD}"
        )
