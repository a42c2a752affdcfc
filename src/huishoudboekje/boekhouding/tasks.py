"""Background work of the ledger: matching all open transactions. Runs in-process in the
demo (immediate backend) and in `hhb db_worker` processes in production."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from huishoudboekje.door import TAAK

from .afletteren import afletteren_uitvoeren, te_bekijken
from .models import Afletterrun


@task()
def afletteren_taak(run_id: int | None = None, door_id: int | None = None) -> dict[str, int]:
    """Match every open transaction. `run_id`: the run recorded when the button was
    pressed (`services_afletteren.afletteren_starten`); its starter is who did it, and it
    gets the number to look at first, so its page can show the progress. Without a run,
    `door_id`: the staff member who queued it."""
    from huishoudboekje.accounts.models import Medewerker

    run = Afletterrun.objects.select_related("gestart_door").filter(pk=run_id).first()
    if run is not None and run.klaar is not None:  # done already (a task run twice)
        return {"bekeken": run.bekeken, "geboekt": run.geboekt}
    if run is not None:
        door = run.gestart_door or TAAK
        run.te_bekijken = te_bekijken().count()
        run.save(update_fields=["te_bekijken"])
    else:
        door = (Medewerker.objects.filter(pk=door_id).first() if door_id else None) or TAAK
    try:
        resultaat = afletteren_uitvoeren(door=door, run=run)
    except BaseException:
        if run is not None:  # closed, so the button can start a new one
            run.klaar = timezone.now()
            run.save(update_fields=["klaar"])
        raise
    return {"bekeken": resultaat.bekeken, "geboekt": resultaat.geboekt}
