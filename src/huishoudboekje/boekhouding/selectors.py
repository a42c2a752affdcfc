"""Reads for rubrieken, ledger accounts, bookings and balances (computed in the
database, never by fetching every transaction)."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    BigIntegerField,
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from .models import Grootboekrekening, Journaalpost, Rubriek


def rubrieken_met_gebruik() -> QuerySet[Rubriek]:
    """All rubrieken with their ledger account and how many agreements use them."""
    return (
        Rubriek.objects.select_related("grootboekrekening")
        .annotate(aantal_afspraken=Count("afspraken"))
        .order_by("grootboekrekening__soort", "naam")
    )


def grootboekrekeningen_met_rubrieken() -> QuerySet[Grootboekrekening]:
    return Grootboekrekening.objects.annotate(aantal_rubrieken=Count("rubrieken")).order_by(
        "soort", "referentiecode"
    )


# -- balances and bookings ------------------------------------------------------------------


def saldo(burger_id: int, *, op: dt.date | None = None) -> int:
    """A participant's balance in cents on a date (default: all bookings), summed in the
    database from its bookings."""
    posten = Journaalpost.objects.filter(burger_id=burger_id)
    if op is not None:
        posten = posten.filter(datum__lte=op)
    return int(posten.aggregate(s=Coalesce(Sum("bedrag"), 0))["s"])


def saldo_subquery(burger_ref: str = "pk") -> Coalesce:
    """An annotation: the balance of the participant in the outer query."""
    som = (
        Journaalpost.objects.filter(burger_id=OuterRef(burger_ref))
        .order_by()
        .values("burger_id")
        .annotate(s=Sum("bedrag"))
        .values("s")
    )
    return Coalesce(Subquery(som, output_field=BigIntegerField()), Value(0))


def saldoverloop(
    burger_id: int, *, maanden: int = 12, tot: dt.date | None = None
) -> list[tuple[dt.date, int]]:
    """The balance at the end of each of the last `maanden` months (for a chart/table)."""
    tot = tot or dt.date.today()
    eindes = []
    jaar, maand = tot.year, tot.month
    for _ in range(maanden):
        volgende = dt.date(jaar + (maand == 12), maand % 12 + 1, 1)
        eindes.append(min(volgende - dt.timedelta(days=1), tot))
        jaar, maand = (jaar - 1, 12) if maand == 1 else (jaar, maand - 1)
    eindes.reverse()
    begin = eindes[0].replace(day=1)
    voor = saldo(burger_id, op=begin - dt.timedelta(days=1))
    per_dag = dict(
        Journaalpost.objects.filter(burger_id=burger_id, datum__gte=begin, datum__lte=tot)
        .values("datum")
        .annotate(s=Sum("bedrag"))
        .values_list("datum", "s")
    )
    uitkomst = []
    lopend = voor
    dagen = sorted(per_dag)
    i = 0
    for einde in eindes:
        while i < len(dagen) and dagen[i] <= einde:
            lopend += per_dag[dagen[i]]
            i += 1
        uitkomst.append((einde, lopend))
    return uitkomst


def journaalposten_van_burger(burger_id: int) -> QuerySet[Journaalpost]:
    """The participant's bookings, newest first; reversed ones and their reversals are
    there too (each marked), so the history shows what happened."""
    return (
        Journaalpost.objects.filter(burger_id=burger_id)
        .select_related("transactie", "afspraak", "rubriek", "tegenboeking", "tegenboeking_van")
        .order_by("-datum", "-id")
    )


def journaalposten_van_transactie(transactie_id: int) -> QuerySet[Journaalpost]:
    """A transaction's bookings in the order they were made, with what each reverses or
    is reversed by and the run an automatic one came from."""
    return (
        Journaalpost.objects.filter(transactie_id=transactie_id)
        .select_related(
            "afspraak__burger",
            "rubriek",
            "burger",
            "tegenboeking",
            "tegenboeking_van",
            "afletterrun__importbestand",
        )
        .order_by("id")
    )


@dataclass(frozen=True)
class Boekhoudcontrole:
    """The ledger invariant: participants' balances + rubriek-only bookings + unbooked
    amounts = all movements on the municipal accounts; and per transaction the booked
    amount equals the sum of its bookings."""

    mutaties: int
    saldi_deelnemers: int
    rubriekboekingen: int
    ongeboekt: int
    afwijkende_transacties: list[int]
    afschriften_met_saldoverschil: list[int]

    @property
    def klopt(self) -> bool:
        return (
            self.saldi_deelnemers + self.rubriekboekingen + self.ongeboekt == self.mutaties
            and not self.afwijkende_transacties
            and not self.afschriften_met_saldoverschil
        )


def boekhouding_controleren() -> Boekhoudcontrole:
    from huishoudboekje.bankafschriften.models import Bankafschrift, Banktransactie

    tx = Banktransactie.objects.aggregate(
        m=Coalesce(Sum("bedrag"), 0), g=Coalesce(Sum("geboekt"), 0)
    )
    posten = Journaalpost.objects.aggregate(
        b=Coalesce(Sum("bedrag", filter=Q(burger__isnull=False)), 0),
        r=Coalesce(Sum("bedrag", filter=Q(burger__isnull=True)), 0),
    )
    som_posten = (
        Journaalpost.objects.filter(transactie_id=OuterRef("pk"))
        .order_by()
        .values("transactie_id")
        .annotate(s=Sum("bedrag"))
        .values("s")
    )
    afwijkend = list(
        Banktransactie.objects.annotate(
            p=Coalesce(Subquery(som_posten, output_field=BigIntegerField()), Value(0))
        )
        .exclude(p=F("geboekt"))
        .values_list("pk", flat=True)[:100]
    )
    verschil = list(
        Bankafschrift.objects.exclude(saldo_verschil=0)
        .exclude(saldo_verschil__isnull=True)
        .values_list("pk", flat=True)[:100]
    )
    return Boekhoudcontrole(
        mutaties=int(tx["m"]),
        saldi_deelnemers=int(posten["b"]),
        rubriekboekingen=int(posten["r"]),
        ongeboekt=int(tx["m"]) - int(tx["g"]),
        afwijkende_transacties=afwijkend,
        afschriften_met_saldoverschil=verschil,
    )
