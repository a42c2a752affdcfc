"""Background work of the ledger: matching all open transactions. Runs in-process in the
demo (immediate backend) and in `hhb db_worker` processes in production."""

from __future__ import annotations

from django_tasks import task

from .afletteren import afletteren_uitvoeren


@task()
def afletteren_taak() -> dict[str, int]:
    resultaat = afletteren_uitvoeren()
    return {"bekeken": resultaat.bekeken, "geboekt": resultaat.geboekt}
