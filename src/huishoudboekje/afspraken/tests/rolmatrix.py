"""Rows of the role matrix (accounts/tests/test_rolmatrix.py) for agreement screens:
only frontoffice and teamleider may write; valid data, so allowed roles change the DB."""

from __future__ import annotations

from typing import Any

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.accounts.tests.rolmatrix import Schrijfactie
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.fabrieken import AfspraakFabriek

from .hulp import afdeling, burger_met_rekening, huur_post

WIJZIGERS = frozenset({Rol.FRONTOFFICE, Rol.TEAMLEIDER})


def _burger() -> dict[str, Any]:
    return {"burger_pk": burger_met_rekening().pk}


def _afspraak() -> dict[str, Any]:
    return {"pk": AfspraakFabriek().pk}


def _nieuwe_huur(_: dict[str, Any]) -> dict[str, Any]:
    return huur_post(afdeling())


def _huur_van(kwargs: dict[str, Any], **extra: Any) -> dict[str, Any]:
    from huishoudboekje.afspraken.models import Afspraak

    bestaand = Afspraak.objects.get(pk=kwargs["pk"])
    return huur_post(bestaand.afdeling, **extra)


SCHRIJFACTIES = [
    Schrijfactie("afspraken:nieuw", WIJZIGERS, opzet=_burger, data=_nieuwe_huur),
    Schrijfactie(
        "afspraken:wijzigen",
        WIJZIGERS,
        opzet=_afspraak,
        data=lambda kw: _huur_van(kw, bedrag="750,00"),
    ),
    Schrijfactie(
        "afspraken:vervolg",
        WIJZIGERS,
        opzet=_afspraak,
        data=lambda kw: _huur_van(kw, bedrag="760,00", geldig_van="01-07-2026"),
    ),
    Schrijfactie(
        "afspraken:vervolg_rubriek",
        WIJZIGERS,
        opzet=_afspraak,
        data=lambda kw: {
            "einddatum": "30-06-2026",
            "richting": "uitgaven",
            "rubriek": Rubriek.objects.get(naam="Energie").pk,
            "betaalwijze": "overschrijving",
        },
    ),
    Schrijfactie("afspraken:kopie", WIJZIGERS, opzet=_afspraak, data=lambda kw: _huur_van(kw)),
    Schrijfactie(
        "afspraken:beeindigen",
        WIJZIGERS,
        opzet=_afspraak,
        data=lambda kw: {"einddatum": "30-06-2026"},
    ),
    Schrijfactie("afspraken:verwijderen", WIJZIGERS, opzet=_afspraak),
]
