"""Background work of the ledger: matching all open transactions. Runs in-process in the
demo (immediate backend) and in `hhb db_worker` processes in production."""

from __future__ import annotations

from django_tasks import task

from huishoudboekje.door import TAAK

from .afletteren import afletteren_uitvoeren


@task()
def afletteren_taak(door_id: int | None = None) -> dict[str, int]:
    """`door_id`: the staff member who queued it (recorded on the run)."""
    from huishoudboekje.accounts.models import Medewerker

    door = Medewerker.objects.filter(pk=door_id).first() if door_id else None
    resultaat = afletteren_uitvoeren(door=door or TAAK)
    return {"bekeken": resultaat.bekeken, "geboekt": resultaat.geboekt}
