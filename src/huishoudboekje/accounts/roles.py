"""The role matrix: which staff role may perform which action.

One table, checked on the server by every view and API call (`vereist_recht`), and
proven by the role-matrix tests. A staff member has exactly one role. The policy and
its reasons are in docs/rollen.md; its table is generated from RECHTEN
(`rechtentabel()`) and a test keeps the two equal.

The policy in short: the front office works with participants (their data, agreements
and the transactions booked on them), not with the municipal account as a whole; the
back office with the bank (statements, matching) and the ketenpartners, reading
participants but changing their data only with the participant right; the teamleider
does both and reads the audit trail; the auditor reads everything a case needs and
changes nothing; the functional administrator (beheerder) keeps configuration,
rubrieken and staff accounts and sees no personal data (participants, their accounts,
ketenpartners, which can be natural persons such as a private landlord, bank data).
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
    VERWERKINGEN_LEZEN = "verwerkingen.lezen"
    BANKAFSCHRIFTEN_LEZEN = "bankafschriften.lezen"
    DEELNEMERTRANSACTIES_LEZEN = "bankafschriften.deelnemer_lezen"
    BANKAFSCHRIFTEN_IMPORTEREN = "bankafschriften.importeren"
    BOEKEN = "boekhouding.boeken"
    BOEKPERIODE_WIJZIGEN = "boekperiode.wijzigen"


_STAF = {Rol.FRONTOFFICE, Rol.BACKOFFICE, Rol.TEAMLEIDER, Rol.AUDITOR}

RECHTEN: dict[Recht, frozenset[Rol]] = {
    Recht.BURGERS_LEZEN: frozenset(_STAF),
    Recht.BURGERS_WIJZIGEN: frozenset({Rol.FRONTOFFICE, Rol.TEAMLEIDER}),
    Recht.ORGANISATIES_LEZEN: frozenset(_STAF),
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
    Recht.VERWERKINGEN_LEZEN: frozenset({Rol.TEAMLEIDER, Rol.AUDITOR}),
    Recht.BANKAFSCHRIFTEN_LEZEN: frozenset({Rol.BACKOFFICE, Rol.TEAMLEIDER, Rol.AUDITOR}),
    Recht.DEELNEMERTRANSACTIES_LEZEN: frozenset(_STAF),
    Recht.BANKAFSCHRIFTEN_IMPORTEREN: frozenset({Rol.BACKOFFICE, Rol.TEAMLEIDER}),
    Recht.BOEKEN: frozenset({Rol.BACKOFFICE, Rol.TEAMLEIDER}),
    Recht.BOEKPERIODE_WIJZIGEN: frozenset({Rol.TEAMLEIDER}),
}


# What each right allows (English: the documentation's language; docs/rollen.md).
RECHT_UITLEG: dict[Recht, str] = {
    Recht.BURGERS_LEZEN: "read participants, households and their own accounts",
    Recht.BURGERS_WIJZIGEN: (
        "create, change and end participants and participation; their own accounts"
    ),
    Recht.ORGANISATIES_LEZEN: "read ketenpartners, departments and their accounts",
    Recht.ORGANISATIES_WIJZIGEN: "change ketenpartners, departments, postal addresses, accounts",
    Recht.AFSPRAKEN_LEZEN: "read agreements",
    Recht.AFSPRAKEN_WIJZIGEN: "create, change, copy, follow up and end agreements",
    Recht.RUBRIEKEN_LEZEN: "read rubrieken and ledger accounts",
    Recht.RUBRIEKEN_WIJZIGEN: "change rubrieken",
    Recht.CONFIGURATIE_LEZEN: "read the municipality's configuration and own accounts",
    Recht.CONFIGURATIE_WIJZIGEN: "change the configuration and the municipality's accounts",
    Recht.GEBRUIKERS_BEHEREN: "manage staff accounts",
    Recht.ROLLEN_GOEDKEUREN: "approve or reject a role that sees participants' data",
    Recht.AUDIT_LEZEN: "read the audit trail",
    Recht.VERWERKINGEN_LEZEN: "read the read log: who looked at which participant's data",
    Recht.BANKAFSCHRIFTEN_LEZEN: (
        "read bank statements and every transaction on the municipal account"
    ),
    Recht.DEELNEMERTRANSACTIES_LEZEN: (
        "read the transactions booked on a participant (list filtered on them, detail)"
    ),
    Recht.BANKAFSCHRIFTEN_IMPORTEREN: "import bank statement files",
    Recht.BOEKEN: "book, split and undo bookings (matching)",
    Recht.BOEKPERIODE_WIJZIGEN: "close the ledger through a date (only forward)",
}


def heeft_recht(rol: str | None, recht: Recht) -> bool:
    """True when a staff member with `rol` may perform `recht`."""
    return rol is not None and rol in RECHTEN[recht]


def rollen_met(*rechten: Recht) -> list[Rol]:
    """The roles that hold every one of `rechten`, in the order of `Rol`."""
    return [rol for rol in Rol if all(rol in RECHTEN[recht] for recht in rechten)]


def rechtentabel() -> str:
    """The role table of docs/rollen.md (Markdown), generated from RECHTEN."""
    kop = ["right", "allows", *(rol.value for rol in Rol)]
    regels = ["| " + " | ".join(kop) + " |", "|" + " --- |" * len(kop)]
    for recht in Recht:
        vinkjes = ["x" if rol in RECHTEN[recht] else "" for rol in Rol]
        regels.append("| " + " | ".join([f"`{recht.value}`", RECHT_UITLEG[recht], *vinkjes]) + " |")
    return "\n".join(regels) + "\n"
