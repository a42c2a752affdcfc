from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from huishoudboekje.accounts.models import Medewerker
from huishoudboekje.accounts.roles import Rol
from huishoudboekje.accounts.services_rollen import rol_toekennen_op_de_server


class Command(BaseCommand):
    help = (
        "Geef een medewerker direct een rol, zonder goedkeuring in de applicatie: voor de "
        "eerste functioneel beheerder en de eerste teamleider van een nieuwe installatie. "
        "Wie de server beheert, kan dit; het komt in de audit trail met de reden."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gebruikersnaam")
        parser.add_argument("rol", choices=[r.value for r in Rol])
        parser.add_argument("--reden", required=True, help="komt in de audit trail")

    def handle(self, *args: Any, **options: Any) -> None:
        medewerker = Medewerker.objects.filter(username=options["gebruikersnaam"]).first()
        if medewerker is None:
            raise CommandError(f"Geen medewerker {options['gebruikersnaam']!r}.")
        try:
            medewerker = rol_toekennen_op_de_server(
                medewerker=medewerker, rol=options["rol"], reden=options["reden"].strip()
            )
        except ValidationError as fout:
            raise CommandError(" ".join(fout.messages)) from fout
        self.stdout.write(f"{medewerker.username} heeft nu de rol {medewerker.rol}.")
