"""Reads of the municipality's configuration."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Gemeente, GemeenteRekening


def gemeente() -> Gemeente:
    """The configuration row; created with defaults on first use."""
    obj, _gemaakt = Gemeente.objects.get_or_create(pk=1)
    return obj


def gemeente_naam() -> str:
    naam = Gemeente.objects.filter(pk=1).values_list("naam", flat=True).first()
    return naam or "Huishoudboekje"


def gemeenterekeningen() -> QuerySet[GemeenteRekening]:
    return GemeenteRekening.objects.order_by("iban")


def gemeente_ibans() -> set[str]:
    return set(GemeenteRekening.objects.values_list("iban", flat=True))


def gemeenterekening_in_gebruik(rekening: GemeenteRekening) -> str | None:
    """Why this account cannot be deleted (its statements and transactions are the
    ledger's source), or None when nothing refers to it."""
    aantal = rekening.afschriften.count()
    if aantal:
        return ngettext(
            "Deze rekening kan niet worden verwijderd: er is %(aantal)s bankafschrift van "
            "ingelezen. De boekhouding van de deelnemers rust daarop.",
            "Deze rekening kan niet worden verwijderd: er zijn %(aantal)s bankafschriften van "
            "ingelezen. De boekhouding van de deelnemers rust daarop.",
            aantal,
        ) % {"aantal": aantal}
    if rekening.transacties.exists():
        return _("Deze rekening kan niet worden verwijderd: er zijn transacties op geboekt.")
    return None
