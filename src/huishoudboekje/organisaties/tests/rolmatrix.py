"""Rows of the role matrix (accounts/tests/test_rolmatrix.py) for organisation,
department, postal address and account screens: backoffice, frontoffice and teamleider
may write; valid data, so allowed roles change the database."""

from __future__ import annotations

from typing import Any

from huishoudboekje.accounts.roles import Recht, Rol
from huishoudboekje.accounts.tests.rolmatrix import Schrijfactie
from huishoudboekje.fabrieken import (
    AfdelingFabriek,
    BurgerFabriek,
    OrganisatieFabriek,
    RekeningFabriek,
)

SCHRIJVERS = frozenset({Rol.BACKOFFICE, Rol.FRONTOFFICE, Rol.TEAMLEIDER})
# A participant's own account: the participant right as well (not the back office).
DEELNEMERSCHRIJVERS = frozenset({Rol.FRONTOFFICE, Rol.TEAMLEIDER})
IBAN = "NL91ABNA0417164300"
ADRES = {"straat": "Postbus", "huisnummer": "2", "postcode": "3511 AB", "plaats": "Utrecht"}


def _organisatie() -> dict[str, Any]:
    return {"pk": AfdelingFabriek().organisatie.pk}


def _vrije_organisatie() -> dict[str, Any]:
    return {"pk": OrganisatieFabriek().pk}


def _afdeling() -> dict[str, Any]:
    return {"pk": AfdelingFabriek().pk}


def _postadres() -> dict[str, Any]:
    from huishoudboekje.organisaties.models import Postadres

    afdeling = AfdelingFabriek()
    return {"pk": Postadres.objects.create(afdeling=afdeling, **ADRES).pk}


def _gekoppelde_rekening() -> dict[str, Any]:
    afdeling = AfdelingFabriek()
    return {"pk": afdeling.pk, "rekening_pk": afdeling.rekeningen.get().pk}


def _rekening() -> dict[str, Any]:
    return {"pk": AfdelingFabriek().rekeningen.get().pk}


def _vrije_rekening() -> dict[str, Any]:
    return {"pk": RekeningFabriek().pk}


def _deelnemersrekening() -> dict[str, Any]:
    rekening = RekeningFabriek()
    BurgerFabriek().rekeningen.add(rekening)
    return {"pk": rekening.pk}


SCHRIJFACTIES = [
    Schrijfactie(
        "organisaties:nieuw",
        SCHRIJVERS,
        data=lambda kw: {"naam": "Nieuw", "kvk_nummer": "87654321"},
    ),
    Schrijfactie(
        "organisaties:wijzigen",
        SCHRIJVERS,
        opzet=_organisatie,
        data=lambda kw: {"naam": "Anders", "kvk_nummer": "87654321"},
    ),
    Schrijfactie("organisaties:verwijderen", SCHRIJVERS, opzet=_vrije_organisatie),
    Schrijfactie(
        "organisaties:afdeling_nieuw",
        SCHRIJVERS,
        opzet=_organisatie,
        data=lambda kw: {"naam": "Nieuwe afdeling"},
    ),
    Schrijfactie(
        "organisaties:afdeling_wijzigen", SCHRIJVERS, opzet=_afdeling, data=lambda kw: {"naam": "X"}
    ),
    Schrijfactie("organisaties:afdeling_verwijderen", SCHRIJVERS, opzet=_afdeling),
    Schrijfactie(
        "organisaties:postadres_nieuw", SCHRIJVERS, opzet=_afdeling, data=lambda kw: dict(ADRES)
    ),
    Schrijfactie(
        "organisaties:postadres_wijzigen",
        SCHRIJVERS,
        opzet=_postadres,
        data=lambda kw: {**ADRES, "huisnummer": "3"},
    ),
    Schrijfactie("organisaties:postadres_verwijderen", SCHRIJVERS, opzet=_postadres),
    Schrijfactie(
        "organisaties:rekening_koppelen",
        SCHRIJVERS,
        opzet=_afdeling,
        data=lambda kw: {"iban": IBAN, "rekeninghouder": "X"},
    ),
    Schrijfactie("organisaties:rekening_ontkoppelen", SCHRIJVERS, opzet=_gekoppelde_rekening),
    Schrijfactie(
        "organisaties:rekening_wijzigen",
        SCHRIJVERS,
        opzet=_rekening,
        data=lambda kw: {"rekeninghouder": "Nieuw", "bic": ""},
    ),
    Schrijfactie("organisaties:rekening_verwijderen", SCHRIJVERS, opzet=_vrije_rekening),
    Schrijfactie(
        "organisaties:rekening_wijzigen",
        DEELNEMERSCHRIJVERS,
        label="deelnemersrekening",
        opzet=_deelnemersrekening,
        data=lambda kw: {"rekeninghouder": "Nieuw", "bic": ""},
        ook_recht=Recht.BURGERS_WIJZIGEN,
    ),
]
