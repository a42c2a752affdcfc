"""Reads of the read log: a search (newest first, `VOLGORDE`, read by keyset pages:
huishoudboekje.keyset) and rows for display."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from huishoudboekje.accounts.roles import ROL_LABELS
from huishoudboekje.audit.weergave import deelnemer_label
from huishoudboekje.burgers.models import Burger

from .models import Verwerking
from .register import activiteit_naam

PER_PAGINA = 50
VOLGORDE = ("-id",)  # rows are inserted in time order; the id is unique and indexed


@dataclass(frozen=True)
class Zoekopdracht:
    """What the teamleider or auditor searches for."""

    betrokkene_id: str = ""
    burger_id: int | None = None
    deelnemer_label: str = ""
    medewerker_id: int | None = None
    activiteit_id: str = ""
    van: dt.date | None = None
    tot: dt.date | None = None
    trace_id: str = ""


def _begin_van_dag(datum: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(datum, dt.time.min))


def verwerkingen(zoek: Zoekopdracht) -> QuerySet[Verwerking]:
    """Logged reads, newest first, narrowed by every filter that is given; `van` and
    `tot` are whole local days, both inclusive."""
    regels = Verwerking.objects.order_by(*VOLGORDE)
    if zoek.betrokkene_id:
        regels = regels.filter(betrokkene_id=zoek.betrokkene_id)
    if zoek.medewerker_id is not None:
        regels = regels.filter(medewerker_id=zoek.medewerker_id)
    if zoek.activiteit_id:
        regels = regels.filter(verwerkingsactiviteit_id=zoek.activiteit_id)
    if zoek.van is not None:
        regels = regels.filter(begin__gte=_begin_van_dag(zoek.van))
    if zoek.tot is not None:
        regels = regels.filter(begin__lt=_begin_van_dag(zoek.tot + dt.timedelta(days=1)))
    if zoek.trace_id:
        regels = regels.filter(trace_id=zoek.trace_id)
    return regels


@dataclass(frozen=True)
class Rij:
    regel: Verwerking
    medewerker: str
    rol: str
    deelnemer: str
    deelnemer_weg: bool  # a participant was read who is no longer here
    activiteit: str


def rijen_voor_weergave(regels: list[Verwerking]) -> list[Rij]:
    """Names for a page of rows: the participants in one query; a participant who is no
    longer here shows as such (the pseudonym stays in the row)."""
    ids = {r.burger_id for r in regels if r.burger_id is not None}
    burgers = Burger.objects.only(
        "voorletters", "voornamen", "tussenvoegsel", "achternaam", "hhb_nummer"
    ).in_bulk(list(ids))
    rollen = {rol.value: str(label) for rol, label in ROL_LABELS.items()}
    rijen = []
    for regel in regels:
        gevonden = burgers.get(regel.burger_id) if regel.burger_id is not None else None
        naam = regel.medewerker_naam or regel.medewerker_gebruikersnaam
        if regel.medewerker_naam:
            naam = f"{regel.medewerker_naam} ({regel.medewerker_gebruikersnaam})"
        rijen.append(
            Rij(
                regel=regel,
                medewerker=naam,
                rol=rollen.get(regel.medewerker_rol, regel.medewerker_rol),
                deelnemer=deelnemer_label(gevonden) if gevonden else "",
                deelnemer_weg=gevonden is None and bool(regel.betrokkene_id),
                activiteit=activiteit_naam(regel.verwerkingsactiviteit_id),
            )
        )
    return rijen
