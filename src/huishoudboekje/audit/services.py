"""Recording changes. Every service that writes participant, agreement, organisation,
account or configuration data calls `audit_registreer` in the same transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models

from .models import AuditActie, AuditRegel


def momentopname(obj: models.Model) -> dict[str, Any]:
    """JSON-able snapshot of the concrete fields and many-to-many ids of `obj`."""
    data: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        waarde = getattr(obj, field.attname)
        data[field.attname] = _json(waarde)
    if obj.pk:
        for field in obj._meta.many_to_many:
            data[field.name] = sorted(getattr(obj, field.name).values_list("pk", flat=True))
    return data


def _json(waarde: Any) -> Any:
    if isinstance(waarde, dt.date | dt.datetime):
        return waarde.isoformat()
    if isinstance(waarde, list | tuple | set | frozenset):
        return [_json(v) for v in waarde]
    if isinstance(waarde, str | int | float | bool | dict) or waarde is None:
        return waarde
    return str(waarde)


def audit_registreer(
    *,
    door: Any,
    actie: AuditActie,
    obj: models.Model,
    voor: dict[str, Any] | None = None,
    na: dict[str, Any] | None = None,
    burger_id: int | None = None,
) -> AuditRegel:
    """Append one audit line. `door` is the staff member (or None for the system)."""
    if actie != AuditActie.VERWIJDERD and na is None:
        na = momentopname(obj)
    return AuditRegel.objects.create(
        medewerker=door if getattr(door, "pk", None) else None,
        medewerker_naam=(door.get_username() if getattr(door, "pk", None) else "systeem"),
        actie=actie,
        object_type=obj._meta.model_name or "",
        object_id=str(obj.pk),
        object_omschrijving=str(obj)[:200],
        burger_id=burger_id,
        voor=voor,
        na=na,
    )
