from typing import Any

from django.apps import AppConfig
from django.core import checks


class VerwerkingenConfig(AppConfig):
    name = "huishoudboekje.verwerkingen"
    label = "verwerkingen"
    verbose_name = "Verwerkingenlog"

    def ready(self) -> None:
        checks.register(pseudoniem_sleutel_ingesteld, checks.Tags.security)


def pseudoniem_sleutel_ingesteld(
    app_configs: Any = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """Outside demo mode the pseudonym key must be set: a key derived from SECRET_KEY
    would change with it, and the log could no longer be searched per participant."""
    from django.conf import settings

    if getattr(settings, "HHB_DEMO", False) or getattr(settings, "HHB_PSEUDONIEM_SLEUTEL", ""):
        return []
    return [
        checks.Warning(
            "HHB_PSEUDONIEM_SLEUTEL is niet ingesteld: de pseudoniemen in het verwerkingenlog "
            "hangen dan af van SECRET_KEY.",
            hint="Zet HHB_PSEUDONIEM_SLEUTEL (een lange geheime waarde) en wijzig die nooit.",
            id="verwerkingen.W001",
        )
    ]
