"""Reads on organisations: the searchable list, the detail with departments, addresses
and accounts, and why something cannot be deleted."""

from __future__ import annotations

import re

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from huishoudboekje.rekeningen.models import Rekening
from huishoudboekje.rekeningen.selectors import rekeningen_met_gebruik

from .models import Afdeling, Organisatie


def _afspraken(aantal: int) -> str:
    """"1 afspraak" / "3 afspraken", in the staff member's language."""
    return ngettext("%(aantal)s afspraak", "%(aantal)s afspraken", aantal) % {"aantal": aantal}


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
    """Why this organisation cannot be deleted, in the staff member's language; None when
    it may go."""
    afdelingen = organisatie.afdelingen.count()
    if afdelingen:
        afspraken = organisatie.afdelingen.aggregate(n=Count("afspraken"))["n"]
        if afspraken:
            return ngettext(
                "Deze organisatie heeft nog %(aantal)s afdeling, die in %(afspraken)s worden "
                "gebruikt. Verwijder eerst de afdelingen.",
                "Deze organisatie heeft nog %(aantal)s afdelingen, die in %(afspraken)s worden "
                "gebruikt. Verwijder eerst de afdelingen.",
                afdelingen,
            ) % {"aantal": afdelingen, "afspraken": _afspraken(afspraken)}
        return ngettext(
            "Deze organisatie heeft nog %(aantal)s afdeling. Verwijder eerst de afdelingen.",
            "Deze organisatie heeft nog %(aantal)s afdelingen. Verwijder eerst de afdelingen.",
            afdelingen,
        ) % {"aantal": afdelingen}
    return None


def afdeling_in_gebruik(afdeling: Afdeling) -> str | None:
    """Why this department cannot be deleted: agreements with it as counterparty, or
    agreements paying to or from one of its accounts."""
    afspraken = afdeling.afspraken.count()
    if afspraken:
        return ngettext(
            "Deze afdeling wordt gebruikt in %(aantal)s afspraak en kan daarom niet worden "
            "verwijderd.",
            "Deze afdeling wordt gebruikt in %(aantal)s afspraken en kan daarom niet worden "
            "verwijderd.",
            afspraken,
        ) % {"aantal": afspraken}
    gebruikt = [
        r for r in rekeningen_met_gebruik().filter(afdelingen=afdeling) if r.aantal_afspraken
    ]
    if gebruikt:
        delen = ", ".join(f"{r.iban_weergave} ({_afspraken(r.aantal_afspraken)})" for r in gebruikt)
        return _(
            "Rekeningen van deze afdeling worden gebruikt in afspraken: %(rekeningen)s. "
            "Ontkoppel die rekeningen eerst als de afspraken bij een andere partij horen."
        ) % {"rekeningen": delen}
    return None


def koppeling_in_gebruik(afdeling: Afdeling, rekening: Rekening) -> str | None:
    """Why this account cannot be unlinked from this department: agreements with this
    department as counterparty that pay to or from this account."""
    afspraken = afdeling.afspraken.filter(tegenrekening=rekening).count()
    if afspraken:
        return ngettext(
            "Deze rekening wordt bij deze afdeling gebruikt in %(aantal)s afspraak en kan "
            "daarom niet worden ontkoppeld.",
            "Deze rekening wordt bij deze afdeling gebruikt in %(aantal)s afspraken en kan "
            "daarom niet worden ontkoppeld.",
            afspraken,
        ) % {"aantal": afspraken}
    return None
