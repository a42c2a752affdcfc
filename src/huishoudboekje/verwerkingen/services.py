"""Writing the read log: one bulk insert per request, never an update or a delete."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q

from huishoudboekje.burgers.models import Burger

from .models import Status, Verwerking
from .pseudoniem import BETROKKENE_TYPE, pseudoniem
from .register import Verwerkingsactiviteit
from .trace import Trace, nieuwe_span_id

# A data subject of a logged read: (the participant's id here, if known; pseudonym).
Betrokkene = tuple[int | None, str]


def betrokkenen_van(filter_: Q | None) -> list[Betrokkene]:
    """The participants a page is about (one query), with their pseudonyms."""
    if filter_ is None:
        return []
    rijen = Burger.objects.filter(filter_).order_by("pk").values_list("pk", "bsn").distinct()
    return [(pk, pseudoniem(bsn)) for pk, bsn in rijen]


def verwerkingen_registreren(
    *,
    medewerker: Any,
    activiteit: Verwerkingsactiviteit,
    naam: str,
    trace: Trace,
    begin: dt.datetime,
    einde: dt.datetime,
    betrokkenen: list[Betrokkene],
    status: Status = Status.OK,
) -> list[Verwerking]:
    """Log one read: a row per participant, or one row without a data subject.

    Every row is an operation of its own (a new operation id) under the request's span,
    so rows of one page share the trace and the parent operation.
    """
    gemeenschappelijk = {
        "trace_id": trace.trace_id,
        "aanroepende_operatie_id": trace.span_id,
        "status": status,
        "naam": naam[:100],
        "begin": begin,
        "einde": einde,
        "verwerkingsactiviteit_id": activiteit.id,
        "medewerker_id": getattr(medewerker, "pk", None),
        "medewerker_gebruikersnaam": medewerker.get_username()[:150],
        "medewerker_naam": (medewerker.get_full_name() or "")[:300],
        "medewerker_rol": getattr(medewerker, "rol", "") or "",
    }
    if not betrokkenen:
        return Verwerking.objects.bulk_create(
            [Verwerking(operatie_id=nieuwe_span_id(), **gemeenschappelijk)]
        )
    return Verwerking.objects.bulk_create(
        [
            Verwerking(
                operatie_id=nieuwe_span_id(),
                betrokkene_id=pseudo,
                betrokkene_id_type=BETROKKENE_TYPE,
                burger_id=burger_id,
                **gemeenschappelijk,
            )
            for burger_id, pseudo in betrokkenen
        ]
    )
