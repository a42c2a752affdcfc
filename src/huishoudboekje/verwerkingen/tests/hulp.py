"""Helpers for the read-log tests."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from huishoudboekje.verwerkingen.models import Verwerking
from huishoudboekje.verwerkingen.trace import Trace


def rij(**velden: object) -> Verwerking:
    """One logged read written the way the application writes them (bulk insert)."""
    nu = timezone.now()
    waarden: dict[str, object] = {
        "trace_id": "a" * 32,
        "operatie_id": f"{Verwerking.objects.count() + 1:016x}",
        "naam": "burgers:detail",
        "begin": nu,
        "einde": nu + dt.timedelta(milliseconds=5),
        "verwerkingsactiviteit_id": "deelnemer-raadplegen",
        "medewerker_id": 1,
        "medewerker_gebruikersnaam": "frida",
    }
    waarden.update(velden)
    return Verwerking.objects.bulk_create([Verwerking(**waarden)])[0]  # type: ignore[arg-type]


TRACE = Trace("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7")
