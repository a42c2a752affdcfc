"""A small MT940 writer in three Dutch dialects, from the banks' format descriptions.

- "ing": ING's file header (`0000 01INGBNL2AXXXX00001`, `940 00`), `:61:` with the
  end-to-end id as customer reference and `/TRCD/` on the supplementary line, and the
  `:86:` as `/EREF/..//MARF/..//CSID/..//CNTP/iban/bic/name/city///REMI/USTD//text/`.
- "rabobank": `:940:` header, zero-padded amounts, the counterparty IBAN on the line
  after `:61:`, and `:86:` with nested parties `/ORDP//NAME/..` or `/BENM//NAME/..`.
- "bng": a SWIFT envelope `{1:..}{2:..}{4:` and the flat structured `:86:`
  `/TRTP/../IBAN/../BIC/../NAME/../REMI/../EREF/..` that BNG Bank and ABN AMRO use.

The `:86:` is wrapped at 65 characters into at most six lines, so a long description
is cut: `ruimte` says how much of it fits beside the other fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import BinaryIO

from .boeking import MT940_86, Boeking

DIALECTEN = ("ing", "rabobank", "bng")


def _bedrag(centen: int, breedte: int = 0) -> str:
    tekst = f"{abs(centen) // 100},{abs(centen) % 100:02d}"
    return tekst.zfill(breedte) if breedte else tekst


def _86(dialect: str, b: Boeking, tekst: str) -> str:
    credit = b.bedrag > 0
    if dialect == "ing":
        x = f"/EREF/{b.eref or 'NOTPROVIDED'}/"
        if b.mandaat:
            x += f"/MARF/{b.mandaat}//CSID/{b.incassant}/"
        x += f"/CNTP/{b.tegen_iban}/{b.tegen_bic}/{b.tegen_naam}////REMI/"
        if b.kenmerk:
            return x + f"STRD/CUR/{b.kenmerk}/"
        return x + f"USTD//{tekst}/"
    if dialect == "rabobank":
        x = f"/EREF/{b.eref or 'NOTPROVIDED'}"
        if b.mandaat:
            x += f"/MARF/{b.mandaat}/CSID/{b.incassant}"
        x += f"/{'ORDP' if credit else 'BENM'}//NAME/{b.tegen_naam}"
        if b.kenmerk:
            x += f"/CDTRREFTP//CD/SCOR/ISSR/CUR/CDTRREF/{b.kenmerk}"
        return x + (f"/REMI/{tekst}" if tekst else "") + f"/ISDT/{b.datum.isoformat()}"
    soort = "SEPA Incasso algemeen doorlopend" if b.incasso else "SEPA OVERBOEKING"
    if not b.tegen_iban:
        soort = "KOSTEN"
    x = f"/TRTP/{soort}"
    if b.incasso:
        x += f"/CSID/{b.incassant}"
    if b.tegen_iban:
        x += f"/IBAN/{b.tegen_iban}/BIC/{b.tegen_bic}"
    x += f"/NAME/{b.tegen_naam}"
    if b.mandaat:
        x += f"/MARF/{b.mandaat}"
    if b.kenmerk:
        x += f"/REMI//CDTRREFTP//CD/SCOR/ISSR/CUR/CDTRREF/{b.kenmerk}/"
    elif tekst:
        x += f"/REMI/{tekst}"
    return x + (f"/EREF/{b.eref}" if b.eref else "")


def ruimte(dialect: str, b: Boeking) -> int:
    """Characters left for the description in this line's :86:."""
    return MT940_86 - len(_86(dialect, b, ""))


def _wikkel(inhoud: str) -> list[str]:
    regels = [":86:" + inhoud[:61]]
    rest = inhoud[61:]
    while rest:
        regels.append(rest[:65])
        rest = rest[65:]
    return regels[:6]


def _61(dialect: str, b: Boeking) -> list[str]:
    d = b.datum.strftime("%y%m%d") + b.datum.strftime("%m%d")
    teken = "C" if b.bedrag > 0 else "D"
    if dialect == "rabobank":
        code = "N108" if b.incasso else "N541" if b.bedrag > 0 else "N100"
        regels = [f":61:{d[:6]}{teken}{_bedrag(b.bedrag, 15)}{code}EREF//{b.bankreferentie}"]
        return regels + ([b.tegen_iban] if b.tegen_iban else [])
    code = "NDDT" if b.incasso else "NTRF" if b.tegen_iban else "NCHG"
    klant = (b.eref or "NONREF")[:16]
    regels = [f":61:{d}{teken}{_bedrag(b.bedrag)}{code}{klant}//{b.bankreferentie}"]
    return regels + (["/TRCD/00100/"] if dialect == "ing" else [])


def _saldo(tag: str, centen: int, datum: dt.date, dialect: str) -> str:
    teken = "C" if centen >= 0 else "D"
    breedte = 15 if dialect == "rabobank" else 0
    return f":{tag}:{teken}{datum:%y%m%d}EUR{_bedrag(centen, breedte)}"


def schrijf_mt940(
    uit: BinaryIO,
    *,
    dialect: str,
    iban: str,
    bic: str,
    afschrift_id: str,
    volgnummer: int,
    datum: dt.date,
    beginsaldo: int,
    boekingen: Sequence[Boeking],
) -> int:
    """Write one statement of `datum` in `dialect`; returns the closing balance."""
    eindsaldo = beginsaldo + sum(b.bedrag for b in boekingen)
    regels: list[str] = []
    if dialect == "ing":
        regels += ["0000 01INGBNL2AXXXX00001", "0000 01INGBNL2AXXXX00001", "940 00"]
        rekening = f"{iban}EUR"
    elif dialect == "rabobank":
        regels += [":940:"]
        rekening = f"{iban} EUR"
    else:
        regels += [f"{{1:F01{bic}XXXX0000000000}}{{2:I940{bic}XXXXN}}{{4:"]
        rekening = iban
    regels += [f":20:{afschrift_id[:16]}", f":25:{rekening}", f":28C:{volgnummer:05d}"]
    regels.append(_saldo("60F", beginsaldo, datum - dt.timedelta(days=1), dialect))
    for b in boekingen:
        regels += _61(dialect, b)
        regels += _wikkel(_86(dialect, b, b.omschrijving))
    regels.append(_saldo("62F", eindsaldo, datum, dialect))
    regels.append(_saldo("64", eindsaldo, datum, dialect))
    regels.append("-XXX" if dialect == "ing" else "-}" if dialect == "bng" else "-")
    uit.write(("\r\n".join(regels) + "\r\n").encode("ascii", "replace"))
    return eindsaldo
