"""The role matrix: which staff role may perform which action.

One table, checked on the server by every view and API call (`vereist_recht`), and
proven by the role-matrix tests. A staff member has exactly one role.
"""

from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Rol(StrEnum):
    FRONTOFFICE = "frontoffice"
    BACKOFFICE = "backoffice"
    TEAMLEIDER = "teamleider"
    AUDITOR = "auditor"
    BEHEERDER = "beheerder"


# Lazy: shown in the language of the request (str() gives the text).
ROL_LABELS: dict[Rol, Promise] = {
    Rol.FRONTOFFICE: _("Frontoffice"),
    Rol.BACKOFFICE: _("Backoffice"),
    Rol.TEAMLEIDER: _("Teamleider"),
    Rol.AUDITOR: _("Auditor"),
    Rol.BEHEERDER: _("Functioneel beheerder"),
}


class Recht(StrEnum):
    BURGERS_LEZEN = "burgers.lezen"
    BURGERS_WIJZIGEN = "burgers.wijzigen"
    ORGANISATIES_LEZEN = "organisaties.lezen"
    ORGANISATIES_WIJZIGEN = "organisaties.wijzigen"
    AFSPRAKEN_LEZEN = "afspraken.lezen"
    AFSPRAKEN_WIJZIGEN = "afspraken.wijzigen"
    RUBRIEKEN_LEZEN = "rubrieken.lezen"
    RUBRIEKEN_WIJZIGEN = "rubrieken.wijzigen"
    CONFIGURATIE_LEZEN = "configuratie.lezen"
    CONFIGURATIE_WIJZIGEN = "configuratie.wijzigen"
    GEBRUIKERS_BEHEREN = "gebruikers.beheren"
    ROLLEN_GOEDKEUREN = "rollen.goedkeuren"
    AUDIT_LEZEN = "audit.lezen"
    BANKAFSCHRIFTEN_LEZEN = "bankafschriften.lezen"
    BANKAFSCHRIFTEN_IMPORTEREN = "bankafschriften.importeren"
    BOEKEN = "boekhouding.boeken"


_STAF = {Rol.FRONTOFFICE, Rol.BACKOFFICE, Rol.TEAMLEIDER, Rol.AUDITOR}

RECHTEN: dict[Recht, frozenset[Rol]] = {
    Recht.BURGERS_LEZEN: frozenset(_STAF),
    Recht.BURGERS_WIJZIGEN: frozenset({Rol.FRONTOFFICE, Rol.TEAMLEIDER}),
    Recht.ORGANISATIES_LEZEN: frozenset(_STAF | {Rol.BEHEERDER}),
    Recht.ORGANISATIES_WIJZIGEN: frozenset({Rol.BACKOFFICE, Rol.FRONTOFFICE, Rol.TEAMLEIDER}),
    Recht.AFSPRAKEN_LEZEN: frozenset(_STAF),
    Recht.AFSPRAKEN_WIJZIGEN: frozenset({Rol.FRONTOFFICE, Rol.TEAMLEIDER}),
    Recht.RUBRIEKEN_LEZEN: frozenset(_STAF | {Rol.BEHEERDER}),
    Recht.RUBRIEKEN_WIJZIGEN: frozenset({Rol.BEHEERDER}),
    Recht.CONFIGURATIE_LEZEN: frozenset({Rol.BEHEERDER, Rol.TEAMLEIDER, Rol.AUDITOR}),
    Recht.CONFIGURATIE_WIJZIGEN: frozenset({Rol.BEHEERDER}),
    Recht.GEBRUIKERS_BEHEREN: frozenset({Rol.BEHEERDER}),
    Recht.ROLLEN_GOEDKEUREN: frozenset({Rol.TEAMLEIDER}),
    Recht.AUDIT_LEZEN: frozenset({Rol.TEAMLEIDER, Rol.AUDITOR}),
    Recht.BANKAFSCHRIFTEN_LEZEN: frozenset(_STAF),
    Recht.BANKAFSCHRIFTEN_IMPORTEREN: frozenset({Rol.BACKOFFICE, Rol.TEAMLEIDER}),
    Recht.BOEKEN: frozenset({Rol.BACKOFFICE, Rol.TEAMLEIDER}),
}


def heeft_recht(rol: str | None, recht: Recht) -> bool:
    """True when a staff member with `rol` may perform `recht`."""
    return rol is not None and rol in RECHTEN[recht]
