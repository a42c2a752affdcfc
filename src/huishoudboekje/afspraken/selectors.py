"""Reads of agreements and of what the agreement form offers."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.burgers.models import Burger
from huishoudboekje.core import schedules
from huishoudboekje.organisaties.models import Afdeling
from huishoudboekje.rekeningen.models import Rekening

from .models import Afspraak
from .regels import LEEFGELD_GROOTBOEKREKENING


def afspraken_van_burger(burger: Burger) -> QuerySet[Afspraak]:
    """All agreements of a participant, incomes first, with what the table shows."""
    return (
        Afspraak.objects.filter(burger=burger)
        .select_related("rubriek", "afdeling__organisatie", "tegenrekening", "vervolg")
        .order_by("richting", "-geldig_van", "omschrijving")
    )


def afspraak_met_details(pk: int) -> QuerySet[Afspraak]:
    """One agreement (filter on pk) with everything the detail page shows."""
    return Afspraak.objects.filter(pk=pk).select_related(
        "burger",
        "rubriek__grootboekrekening",
        "afdeling__organisatie",
        "tegenrekening",
        "vervolg_op",
        "vervolg",
    )


def heeft_boekingen(afspraak: Afspraak) -> bool:
    """Whether bank transactions were booked on this agreement (its direction and
    rubriek are then fixed)."""
    return bool(afspraak.pk) and afspraak.journaalposten.exists()


def afdelingen_voor_keuze() -> QuerySet[Afdeling]:
    return Afdeling.objects.select_related("organisatie").order_by("organisatie__naam", "naam")


def rekeningen_van_afdeling(afdeling_id: int | None) -> QuerySet[Rekening]:
    if not afdeling_id:
        return Rekening.objects.none()
    return Rekening.objects.filter(afdelingen__pk=afdeling_id).order_by("iban")


def rekeningen_van_burger(burger: Burger) -> QuerySet[Rekening]:
    if not burger.pk:
        return Rekening.objects.none()
    return burger.rekeningen.order_by("iban")


def rubrieken_voor_keuze() -> QuerySet[Rubriek]:
    return Rubriek.objects.select_related("grootboekrekening").order_by(
        "grootboekrekening__soort", "naam"
    )


def leefgeld_rubriek() -> Rubriek | None:
    """The rubriek for the leefgeld payout (by its RGS ledger account, not its name)."""
    return (
        Rubriek.objects.filter(grootboekrekening__referentiecode=LEEFGELD_GROOTBOEKREKENING)
        .order_by("naam")
        .first()
    )


def keten(afspraak: Afspraak) -> list[Afspraak]:
    """The whole follow-up chain this agreement belongs to, oldest first."""
    eerste = afspraak
    gezien = {eerste.pk}
    while eerste.vervolg_op_id and eerste.vervolg_op_id not in gezien:
        eerste = Afspraak.objects.select_related("rubriek").get(pk=eerste.vervolg_op_id)
        gezien.add(eerste.pk)
    rij = [eerste]
    while True:
        volgende = Afspraak.objects.select_related("rubriek").filter(vervolg_op=rij[-1]).first()
        if volgende is None or volgende.pk in {a.pk for a in rij}:
            return rij
        rij.append(volgende)


def verwachte_datums(afspraak: Afspraak, *, vanaf: dt.date, aantal: int = 6) -> list[dt.date]:
    """The next `aantal` dates on which a payment is expected, from `vanaf` on."""
    schema = afspraak.betaalschema
    datums: list[dt.date] = []
    begin = max(vanaf, afspraak.geldig_van)
    # Look ahead in growing windows: a yearly schedule needs years for six dates.
    for jaren in (1, 3, 7):
        eind = (
            begin.replace(year=begin.year + jaren)
            if not (begin.month == 2 and begin.day == 29)
            else (begin.replace(year=begin.year + jaren, day=28))
        )
        datums = list(schedules.verwachte_datums(schema, begin, eind))
        if len(datums) >= aantal:
            break
    return datums[:aantal]
