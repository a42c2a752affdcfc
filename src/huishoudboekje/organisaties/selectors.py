"""Reads on organisations: the searchable list, the detail with departments, addresses
and accounts, and why something cannot be deleted."""

from __future__ import annotations

import re

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from huishoudboekje.rekeningen.models import Rekening
from huishoudboekje.rekeningen.selectors import rekeningen_met_gebruik

from .models import Afdeling, Organisatie


def _meervoud(aantal: int, enkel: str, meer: str) -> str:
    return f"{aantal} {enkel if aantal == 1 else meer}"


def organisaties_voor_lijst(zoek: str = "") -> QuerySet[Organisatie]:
    """All organisations with their number of departments; `zoek` matches name, KvK
    number (also typed with spaces) or the IBAN of one of its departments' accounts."""
    qs = Organisatie.objects.annotate(aantal_afdelingen=Count("afdelingen", distinct=True))
    zoek = (zoek or "").strip()
    if not zoek:
        return qs.order_by("naam", "pk")
    compact = re.sub(r"\s", "", zoek).upper()
    filter_ = Q(naam__icontains=zoek)
    if compact.isdigit():
        filter_ |= Q(kvk_nummer__startswith=compact) | Q(vestigingsnummer__startswith=compact)
    if len(compact) >= 4 and compact.isalnum() and any(c.isdigit() for c in compact):
        met_iban = Afdeling.objects.filter(
            organisatie=OuterRef("pk"), rekeningen__iban__icontains=compact
        )
        filter_ |= Q(Exists(met_iban))
    return qs.filter(filter_).order_by("naam", "pk")


def organisatie_met_details(pk: int) -> QuerySet[Organisatie]:
    """One organisation (as a queryset, for get_object_or_404) with departments, their
    postal addresses and accounts, each annotated with how many agreements use it."""
    rekeningen = (
        rekeningen_met_gebruik()
        .prefetch_related(
            Prefetch("afdelingen", queryset=Afdeling.objects.select_related("organisatie"))
        )
        .order_by("iban")
    )
    afdelingen = (
        Afdeling.objects.annotate(aantal_afspraken=Count("afspraken", distinct=True))
        .prefetch_related("postadressen", Prefetch("rekeningen", queryset=rekeningen))
        .order_by("naam", "pk")
    )
    return Organisatie.objects.filter(pk=pk).prefetch_related(
        Prefetch("afdelingen", queryset=afdelingen)
    )


def organisatie_in_gebruik(organisatie: Organisatie) -> str | None:
    """Why this organisation cannot be deleted, in Dutch; None when it may go."""
    afdelingen = organisatie.afdelingen.count()
    if afdelingen:
        afspraken = organisatie.afdelingen.aggregate(n=Count("afspraken"))["n"]
        extra = (
            f", die in {_meervoud(afspraken, 'afspraak', 'afspraken')} worden gebruikt"
            if afspraken
            else ""
        )
        return (
            f"Deze organisatie heeft nog {_meervoud(afdelingen, 'afdeling', 'afdelingen')}{extra}. "
            "Verwijder eerst de afdelingen."
        )
    return None


def afdeling_in_gebruik(afdeling: Afdeling) -> str | None:
    """Why this department cannot be deleted: agreements with it as counterparty, or
    agreements paying to or from one of its accounts."""
    afspraken = afdeling.afspraken.count()
    if afspraken:
        return (
            f"Deze afdeling wordt gebruikt in {_meervoud(afspraken, 'afspraak', 'afspraken')} "
            "en kan daarom niet worden verwijderd."
        )
    gebruikt = [
        r for r in rekeningen_met_gebruik().filter(afdelingen=afdeling) if r.aantal_afspraken
    ]
    if gebruikt:
        delen = ", ".join(
            f"{r.iban_weergave} ({_meervoud(r.aantal_afspraken, 'afspraak', 'afspraken')})"
            for r in gebruikt
        )
        return (
            f"Rekeningen van deze afdeling worden gebruikt in afspraken: {delen}. "
            "Ontkoppel die rekeningen eerst als de afspraken bij een andere partij horen."
        )
    return None


def koppeling_in_gebruik(afdeling: Afdeling, rekening: Rekening) -> str | None:
    """Why this account cannot be unlinked from this department: agreements with this
    department as counterparty that pay to or from this account."""
    afspraken = afdeling.afspraken.filter(tegenrekening=rekening).count()
    if afspraken:
        return (
            f"Deze rekening wordt bij deze afdeling gebruikt in "
            f"{_meervoud(afspraken, 'afspraak', 'afspraken')} en kan daarom niet worden "
            "ontkoppeld."
        )
    return None
