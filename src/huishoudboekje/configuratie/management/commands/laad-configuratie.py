from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from huishoudboekje.boekhouding.services import rgs_laden
from huishoudboekje.configuratie.services import configuratie_laden
from huishoudboekje.core.identificatie import IdentificatieFout


def _meldingen(fout: ValidationError) -> list[str]:
    """Every message, prefixed with its setting where the error names one."""
    if hasattr(fout, "error_dict"):
        return [
            f"{veld}: {melding}" for veld, lijst in fout.message_dict.items() for melding in lijst
        ]
    return list(fout.messages)


class Command(BaseCommand):
    help = (
        "Laad de configuratie van de gemeente (rekeningen, marges, buffer, leefgeld) "
        "uit een YAML-bestand."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("bestand", type=Path)

    def handle(self, *args: Any, bestand: Path, **options: Any) -> None:
        if not bestand.exists():
            raise CommandError(f"Bestand niet gevonden: {bestand}")
        try:
            resultaat = configuratie_laden(bestand=bestand)
        except ValidationError as exc:
            raise CommandError(
                "Configuratie niet geladen, er is niets gewijzigd:\n" + "\n".join(_meldingen(exc))
            ) from exc
        except (IdentificatieFout, KeyError, TypeError) as exc:
            raise CommandError(f"Configuratie niet geladen, er is niets gewijzigd: {exc}") from exc
        rgs_laden()
        self.stdout.write(
            f"Configuratie geladen: {resultaat['instellingen']} instellingen, "
            f"{resultaat['rekeningen']} rekening(en) van de gemeente."
        )
