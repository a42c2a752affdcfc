"""Reads of the municipality's configuration."""

from django.db.models import QuerySet

from .models import Gemeente, GemeenteRekening


def gemeente() -> Gemeente:
    """The configuration row; created with defaults on first use."""
    obj, _ = Gemeente.objects.get_or_create(pk=1)
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
        return (
            f"Deze rekening kan niet worden verwijderd: er {'is' if aantal == 1 else 'zijn'} "
            f"{aantal} bankafschrift{'' if aantal == 1 else 'en'} van ingelezen. "
            "De boekhouding van de deelnemers rust daarop."
        )
    if rekening.transacties.exists():
        return "Deze rekening kan niet worden verwijderd: er zijn transacties op geboekt."
    return None
