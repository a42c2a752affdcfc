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
