"""A line as the bank presents it on the statement, in one format.

Why a separate step: what the matcher (and a staff member) sees is not what the payer
wrote. Banks fold diacritics (`Çelik` arrives as `CELIK` or `Celik`), MT940 allows only
the SWIFT character set and six lines of 65 characters for the whole `:86:`, and camt
`Ustrd` holds 140 characters. The ground truth is decided on this presented text."""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass

from .namen import swift, vouw
from .nummers import BANKEN
from .regels import Regel

CAMT_USTRD = 140
MT940_86 = 6 * 65 - len(":86:")  # characters of content in the six :86: lines


@dataclass(frozen=True)
class Boeking:
    bankreferentie: str
    datum: dt.date
    bedrag: int  # signed cents
    tegen_iban: str
    tegen_bic: str
    tegen_naam: str
    omschrijving: str
    kenmerk: str  # structured creditor reference, "" when none
    eref: str
    mandaat: str
    incassant: str
    incasso: bool


def _vouwt(iban: str) -> bool:
    """Whether the payer's bank folds diacritics in camt (a fixed habit per account)."""
    return zlib.crc32(iban.encode()) % 3 != 0


def bankbeeld(regel: Regel, formaat: str, bankreferentie: str, ruimte: int) -> Boeking:
    """The line in `formaat` ("camt" or an MT940 dialect); `ruimte` is what the MT940
    writer leaves for the description next to the other :86: fields."""
    tekst, naam = regel.tekst.omschrijving, regel.tegen_naam
    if formaat == "camt":
        if _vouwt(regel.tegen_iban):
            tekst, naam = vouw(tekst), vouw(naam)
        tekst = tekst[:CAMT_USTRD]
    else:
        tekst, naam = swift(tekst), swift(naam)[:35]
        tekst = tekst[: max(0, ruimte)]
        if formaat == "ing" and zlib.crc32(regel.tegen_iban.encode()) % 2:
            tekst = tekst.upper()
    return Boeking(
        bankreferentie,
        regel.datum,
        regel.bedrag,
        regel.tegen_iban,
        BANKEN.get(regel.tegen_iban[4:8], "") if regel.tegen_iban else "",
        naam,
        tekst.strip(),
        regel.tekst.gestructureerd,
        regel.eref,
        regel.mandaat,
        regel.incassant,
        regel.incasso,
    )


def zichtbaar(deel: str, boeking: Boeking) -> bool:
    """Whether `deel` (a printed reference or name) is still readable on the line,
    after folding and cutting: compared folded and case-blind, as a person reads."""
    if not deel:
        return False
    geheel = vouw(f"{boeking.omschrijving} {boeking.kenmerk}").casefold()
    return vouw(deel).casefold() in geheel
