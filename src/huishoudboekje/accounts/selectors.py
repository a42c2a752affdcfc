"""Reads for staff accounts: pending role requests."""

from collections.abc import Iterable

from django.db.models import QuerySet

from .models import Medewerker, Rolverzoek, RolverzoekStatus


def open_rolverzoek(medewerker: Medewerker) -> Rolverzoek | None:
    return (
        Rolverzoek.objects.select_related("aangevraagd_door")
        .filter(medewerker=medewerker, status=RolverzoekStatus.OPEN)
        .first()
    )


def open_rollen(medewerker_ids: Iterable[int]) -> dict[int, Rolverzoek]:
    """Open request per staff member id, for a page of the staff list."""
    return {
        v.medewerker_id: v
        for v in Rolverzoek.objects.filter(
            medewerker_id__in=list(medewerker_ids), status=RolverzoekStatus.OPEN
        )
    }


def rolverzoeken_open() -> QuerySet[Rolverzoek]:
    return (
        Rolverzoek.objects.filter(status=RolverzoekStatus.OPEN)
        .select_related("medewerker", "aangevraagd_door")
        .order_by("aangevraagd_op", "id")
    )


def rolverzoeken_afgehandeld(aantal: int = 25) -> QuerySet[Rolverzoek]:
    return (
        Rolverzoek.objects.exclude(status=RolverzoekStatus.OPEN)
        .select_related("medewerker", "aangevraagd_door", "beoordeeld_door")
        .order_by("-beoordeeld_op", "-id")[:aantal]
    )
