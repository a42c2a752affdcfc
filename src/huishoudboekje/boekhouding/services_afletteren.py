"""The matching run over all open transactions started from the screen ("Nu afletteren"):
queued as a background task, one at a time, its progress readable while it runs.

The run is recorded first (`grootboek.run_starten`: who pressed the button, when), then
queued; the task counts what it will look at and the run counts its progress per chunk
(`afletteren_uitvoeren`), so the page can show "looked at / booked / of total". With the
immediate task backend (the demo) the task runs inside the request and the run is done
when this returns; with the database backend a `hhb db_worker` process picks it up.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from huishoudboekje.configuratie.models import Gemeente
from huishoudboekje.door import Door

from . import grootboek
from .models import Afletterrun, Runsoort

# A run not finished this long after it was queued is taken to have died with its
# worker (a run over a million open transactions takes a few minutes).
VERLOPEN = dt.timedelta(hours=1)


def lopende_afletterrun() -> Afletterrun | None:
    """The run over the open transactions that is queued or running, if any."""
    return (
        Afletterrun.objects.filter(
            soort=Runsoort.ALLE_OPEN,
            klaar__isnull=True,
            gestart__gte=timezone.now() - VERLOPEN,
        )
        .order_by("-gestart", "-id")
        .first()
    )


def afletteren_starten(*, door: Door) -> tuple[Afletterrun, bool]:
    """Queue a matching run over all open transactions, started by `door`; when one is
    already queued or running, that one and False (a second click starts nothing).

    The municipality's row is locked while looking, so two clicks at the same moment
    start one run. The task is queued after the run is committed: a worker always finds
    it, and the immediate backend runs it right here."""
    from .tasks import afletteren_taak  # the task module imports the matching

    with transaction.atomic():
        list(Gemeente.objects.select_for_update().filter(pk=1))
        lopend = lopende_afletterrun()
        if lopend is not None:
            return lopend, False
        run = grootboek.run_starten(door=door, soort=Runsoort.ALLE_OPEN)
    try:
        afletteren_taak.enqueue(run_id=run.pk)
    except Exception:
        run.klaar = timezone.now()  # never queued: do not block the next click
        run.save(update_fields=["klaar"])
        raise
    run.refresh_from_db()
    return run, True
