"""Reads on bank accounts: look-up by IBAN (used by matching) and who uses an account."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Rekening

if TYPE_CHECKING:
    from huishoudboekje.organisaties.models import Afdeling


def compacte_iban(iban: str) -> str:
    """The stored form of an IBAN: no spaces, upper case (no checksum test here)."""
    return re.sub(r"\s", "", iban or "").upper()


def rekening_zoeken_op_iban(iban: str) -> Rekening | None:
    """The account with this IBAN (typed with or without spaces), or None."""
    compact = compacte_iban(iban)
    if not compact:
        return None
    return Rekening.objects.filter(iban=compact).first()


def afdelingen_met_rekening(iban: str) -> QuerySet[Afdeling]:
    """Every department (of any organisation) that this IBAN is linked to."""
    from huishoudboekje.organisaties.models import Afdeling

    return (
        Afdeling.objects.filter(rekeningen__iban=compacte_iban(iban))
        .select_related("organisatie")
        .order_by("organisatie__naam", "naam", "pk")
    )


def rekeningen_met_gebruik() -> QuerySet[Rekening]:
    """Accounts annotated with how many agreements, departments and participants use them."""
    return Rekening.objects.annotate(
        aantal_afspraken=Count("afspraken", distinct=True),
        aantal_afdelingen=Count("afdelingen", distinct=True),
        aantal_burgers=Count("burgers", distinct=True),
    )


def rekening_met_gebruik(pk: int) -> QuerySet[Rekening]:
    """One account (as a queryset for get_object_or_404) with its departments and participants."""
    return (
        rekeningen_met_gebruik()
        .filter(pk=pk)
        .prefetch_related("afdelingen__organisatie", "burgers")
    )


def rekening_in_gebruik(rekening: Rekening) -> str | None:
    """Why this account cannot be deleted, in the staff member's language; None when
    nothing uses it."""
    afspraken = rekening.afspraken.count()
    if afspraken:
        return ngettext(
            "Deze rekening wordt gebruikt in %(aantal)s afspraak en kan daarom niet worden "
            "verwijderd.",
            "Deze rekening wordt gebruikt in %(aantal)s afspraken en kan daarom niet worden "
            "verwijderd.",
            afspraken,
        ) % {"aantal": afspraken}
    delen = []
    afdelingen = rekening.afdelingen.count()
    if afdelingen:
        delen.append(
            ngettext("%(aantal)s afdeling", "%(aantal)s afdelingen", afdelingen)
            % {"aantal": afdelingen}
        )
    burgers = rekening.burgers.count()
    if burgers:
        delen.append(
            ngettext("%(aantal)s deelnemer", "%(aantal)s deelnemers", burgers)
            % {"aantal": burgers}
        )
    if len(delen) == 2:
        wie = _("%(afdelingen)s en %(deelnemers)s") % {
            "afdelingen": delen[0],
            "deelnemers": delen[1],
        }
    elif delen:
        wie = delen[0]
    else:
        return None
    return _(
        "Deze rekening is nog gekoppeld aan %(wie)s. "
        "Ontkoppel de rekening eerst; daarna kan hij worden verwijderd."
    ) % {"wie": wie}
