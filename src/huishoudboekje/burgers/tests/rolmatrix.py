"""Rows of the role matrix (accounts/tests/test_rolmatrix.py) for participant and
household screens: only frontoffice and teamleider may write; the data is valid, so
allowed roles change the database."""

from __future__ import annotations

from typing import Any

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.accounts.tests.rolmatrix import Schrijfactie
from huishoudboekje.burgers.models import Burger
from huishoudboekje.fabrieken import (
    BurgerFabriek,
    DeelnameFabriek,
    HuishoudenFabriek,
    RekeningFabriek,
)

from .hulp import post_deelname, post_nieuw, post_persoon

WIJZIGERS = frozenset({Rol.FRONTOFFICE, Rol.TEAMLEIDER})


def _burger() -> dict[str, Any]:
    return {"pk": BurgerFabriek().pk}


def _burger_met_rekening() -> dict[str, Any]:
    burger = BurgerFabriek()
    rekening = RekeningFabriek()
    burger.rekeningen.add(rekening)
    return {"pk": burger.pk, "rekening_pk": rekening.pk}


def _deelname() -> dict[str, Any]:
    return {"pk": DeelnameFabriek().pk}


def _huishouden() -> dict[str, Any]:
    return {"pk": HuishoudenFabriek().pk}


def _huishouden_en_buitenstaander() -> dict[str, Any]:
    BurgerFabriek()
    return {"pk": HuishoudenFabriek().pk}


def _huishouden_met_lid() -> dict[str, Any]:
    lid = BurgerFabriek(huishouden=HuishoudenFabriek())
    return {"pk": lid.huishouden_id, "burger_pk": lid.pk}


SCHRIJFACTIES = [
    Schrijfactie("burgers:nieuw", WIJZIGERS, data=lambda kw: post_nieuw()),
    Schrijfactie(
        "burgers:wijzigen",
        WIJZIGERS,
        opzet=_burger,
        data=lambda kw: post_persoon(Burger.objects.get(pk=kw["pk"]), voornamen="Gewijzigd"),
    ),
    Schrijfactie("burgers:verwijderen", WIJZIGERS, opzet=_burger),
    Schrijfactie(
        "burgers:rekening_koppelen",
        WIJZIGERS,
        opzet=_burger,
        data=lambda kw: {"iban": "NL91 ABNA 0417 1643 00", "rekeninghouder": "J. de Vries"},
    ),
    Schrijfactie("burgers:rekening_ontkoppelen", WIJZIGERS, opzet=_burger_met_rekening),
    Schrijfactie(
        "burgers:deelname_nieuw", WIJZIGERS, opzet=_burger, data=lambda kw: post_deelname()
    ),
    Schrijfactie(
        "burgers:deelname_wijzigen", WIJZIGERS, opzet=_deelname, data=lambda kw: post_deelname()
    ),
    Schrijfactie(
        "burgers:deelname_beeindigen",
        WIJZIGERS,
        opzet=_deelname,
        data=lambda kw: {"einddatum": "30-06-2026"},
    ),
    Schrijfactie(
        "burgers:huishouden_nieuw", WIJZIGERS, data=lambda kw: {"naam": "Huishouden Jansen"}
    ),
    Schrijfactie(
        "burgers:huishouden_wijzigen",
        WIJZIGERS,
        opzet=_huishouden,
        data=lambda kw: {"naam": "Huishouden Bakker"},
    ),
    Schrijfactie("burgers:huishouden_verwijderen", WIJZIGERS, opzet=_huishouden),
    Schrijfactie(
        "burgers:huishouden_koppelen",
        WIJZIGERS,
        opzet=_huishouden_en_buitenstaander,
        data=lambda kw: {"deelnemer": Burger.objects.get(huishouden__isnull=True).hhb_nummer},
    ),
    Schrijfactie("burgers:huishouden_ontkoppelen", WIJZIGERS, opzet=_huishouden_met_lid),
]
