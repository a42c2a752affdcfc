"""Descriptions as each kind of party writes them, and references as they are printed
and as staff type them.

Why the variation: issue 7 found that the same party prints the same reference as
`2204441`, `2 204 441`, `2.204.441`, `klantnr. 2204441` or with leading zeros from month
to month, and in upper or lower case; staff type it in just one of those forms. Each
party has a format it mostly uses and drifts from it now and then. Names are printed
with all initials, one initial, the first name, or the surname alone."""

from __future__ import annotations

import random
from dataclasses import dataclass

MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


@dataclass(frozen=True)
class Tekst:
    """A description plus what identifies the participant in it, as printed (so the
    ground truth can check what is left of it after the bank folds and cuts)."""

    omschrijving: str
    kenmerk: str = ""  # the reference as printed, "" when absent
    naam: str = ""  # the surname as printed, "" when absent
    voorletter: str = ""  # the initial printed with it, "" when none
    gestructureerd: str = ""  # a structured creditor reference (camt Strd), or ""


def _groepen(cijfers: str, scheiding: str) -> str:
    delen = []
    while cijfers:
        delen.insert(0, cijfers[-3:])
        cijfers = cijfers[:-3]
    return scheiding.join(delen)


def _opmaak(kenmerk: str, vorm: int) -> str:
    """Form 0 plain, 1 grouped with spaces, 2 grouped with dots, 3 leading zeros, 4 lower
    case / plain; codes with letters ("ZV12345678") vary in case and separator."""
    if not kenmerk.isdigit():
        letters, cijfers = kenmerk[:2], kenmerk[2:]
        return [kenmerk, kenmerk.lower(), f"{letters} {cijfers}", f"{letters}-{cijfers}", kenmerk][
            vorm
        ]
    if vorm == 1 and len(kenmerk) > 5:
        return _groepen(kenmerk, " ")
    if vorm == 2 and len(kenmerk) > 5:
        return _groepen(kenmerk, ".")
    if vorm == 3:
        return kenmerk.zfill(10)
    return kenmerk


def druk_kenmerk(rng: random.Random, kenmerk: str, vaste_opmaak: int) -> str:
    """The reference as the party prints it this time: mostly its own format."""
    return _opmaak(kenmerk, vaste_opmaak if rng.random() < 0.65 else rng.randrange(5))


def typ_kenmerk(rng: random.Random, kenmerk: str) -> str:
    """The reference as a staff member types it from a letter or pay slip."""
    return _opmaak(kenmerk, rng.choices([0, 1, 2, 3, 1], weights=[60, 10, 20, 5, 5])[0])


def naam(rng: random.Random, voornamen: list[str], familienaam: str, stijl: int) -> tuple[str, str]:
    """(printed name, printed initial): the party's habit, sometimes another."""
    if rng.random() < 0.2:
        stijl = rng.randrange(4)
    eerste = voornamen[0][0].upper()
    if stijl == 0:
        return "".join(f"{v[0].upper()}." for v in voornamen) + " " + familienaam, eerste
    if stijl == 1:
        return f"{familienaam.upper()} {eerste}", eerste
    if stijl == 2:
        return f"{voornamen[0]} {familienaam}", eerste
    return familienaam, ""


def periode(soort: str, datum_jaar: int, maand: int, week: int, stijl: int) -> str:
    if soort == "week":
        return f"wk {week:02d}" if stijl else f"week {week} {datum_jaar}"
    if soort == "vierweken":
        return f"periode {(week - 1) // 4 + 1:02d} {datum_jaar}"
    if stijl == 1:
        return f"{maand:02d}-{datum_jaar}"
    return f"{MAANDEN[maand - 1]} {datum_jaar}"
