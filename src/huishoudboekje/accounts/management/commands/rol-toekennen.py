from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from huishoudboekje.accounts.models import Medewerker
from huishoudboekje.accounts.momentopname import medewerker_momentopname
from huishoudboekje.accounts.roles import Rol
from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer


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

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        reden = options["reden"].strip()
        if not reden:
            raise CommandError("Geef een reden (--reden).")
        try:
            medewerker = Medewerker.objects.select_for_update().get(
                username=options["gebruikersnaam"]
            )
        except Medewerker.DoesNotExist as exc:
            raise CommandError(f"Geen medewerker {options['gebruikersnaam']!r}.") from exc
        voor = medewerker_momentopname(medewerker)
        medewerker.rol = options["rol"]
        medewerker.save(update_fields=["rol"])
        audit_registreer(
            door=None,
            actie=AuditActie.GEWIJZIGD,
            obj=medewerker,
            voor=voor,
            na={**medewerker_momentopname(medewerker), "via": f"opdrachtregel: {reden}"},
        )
        self.stdout.write(f"{medewerker.username} heeft nu de rol {medewerker.rol}.")
