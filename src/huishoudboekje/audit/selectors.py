"""Reads of the audit trail: filtered lists for the global and per-participant pages."""

import datetime as dt
from typing import Any

from django.apps import apps
from django.db.models import QuerySet
from django.utils import timezone

from .models import AuditRegel

AUDITVOLGORDE = ("-tijdstip", "-id")  # newest first; the id keeps equal times in order


def auditregels(
    *,
    object_type: str = "",
    actie: str = "",
    medewerker_id: int | None = None,
    van: dt.date | None = None,
    tot: dt.date | None = None,
    tekst: str = "",
    burger_id: int | None = None,
) -> QuerySet[AuditRegel]:
    """Audit lines, newest first, narrowed by every filter that is given.

    `van` and `tot` are whole days in the local time zone, both inclusive.
    """
    regels = AuditRegel.objects.select_related("medewerker").order_by(*AUDITVOLGORDE)
    if object_type:
        regels = regels.filter(object_type=object_type)
    if actie:
        regels = regels.filter(actie=actie)
    if medewerker_id is not None:
        regels = regels.filter(medewerker_id=medewerker_id)
    if van is not None:
        regels = regels.filter(tijdstip__gte=_begin_van_dag(van))
    if tot is not None:
        regels = regels.filter(tijdstip__lt=_begin_van_dag(tot + dt.timedelta(days=1)))
    if tekst:
        regels = regels.filter(object_omschrijving__icontains=tekst)
    if burger_id is not None:
        regels = regels.filter(burger_id=burger_id)
    return regels


def _begin_van_dag(datum: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(datum, dt.time.min))


def object_types() -> list[tuple[str, str]]:
    """(object_type, readable name) for every kind of object that occurs in the trail."""
    aanwezig = AuditRegel.objects.order_by().values_list("object_type", flat=True).distinct()
    return sorted(((t, soort_naam(t)) for t in aanwezig), key=lambda paar: paar[1])


def soort_naam(object_type: str) -> str:
    """The model's verbose name ("deelnemer") for an object_type ("burger")."""
    model = model_van(object_type)
    return str(model._meta.verbose_name) if model else object_type


def model_van(object_type: str) -> Any:
    """The model class of an object_type ("burger"), or None when it no longer exists."""
    for model in apps.get_models():
        if model._meta.model_name == object_type:
            return model
    return None
