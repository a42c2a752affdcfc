"""Identifiers that must be valid where the product checks them: IBAN (mod 97), BSN
(elfproef), KvK (8 digits). Written here rather than imported so that the generator
shares nothing with the demo generator; the checks themselves are public standards."""

from __future__ import annotations

import random

# bank code -> BIC of the Dutch banks that participants and parties use
BANKEN = {
    "INGB": "INGBNL2A",
    "RABO": "RABONL2U",
    "ABNA": "ABNANL2A",
    "SNSB": "SNSBNL2A",
    "ASNB": "ASNBNL21",
    "TRIO": "TRIONL2U",
    "KNAB": "KNABNL2H",
    "BUNQ": "BUNQNL2A",
    "RBRB": "RBRBNL21",
    "BNGH": "BNGHNL2G",
}


def _iban_controle(land: str, bban: str) -> str:
    getal = "".join(str(int(c, 36)) for c in bban + land + "00")
    return f"{98 - int(getal) % 97:02d}"


def maak_iban(rng: random.Random, bank: str, gebruikt: set[str]) -> str:
    """A fresh Dutch IBAN at `bank` (4-letter code), never one already in `gebruikt`."""
    while True:
        bban = bank + f"{rng.randrange(10**9, 10**10):010d}"
        iban = f"NL{_iban_controle('NL', bban)}{bban}"
        if iban not in gebruikt:
            gebruikt.add(iban)
            return iban


def maak_bsn(rng: random.Random, gebruikt: set[str]) -> str:
    """A fresh 9-digit number passing the elfproef (weights 9..2 and -1)."""
    while True:
        cijfers = [rng.randrange(10) for _ in range(8)]
        som = sum(c * g for c, g in zip(cijfers, range(9, 1, -1), strict=True))
        laatste = som % 11
        if laatste > 9 or cijfers[0] == 0:
            continue
        bsn = "".join(map(str, cijfers)) + str(laatste)
        if bsn not in gebruikt:
            gebruikt.add(bsn)
            return bsn


def maak_kvk(rng: random.Random, gebruikt: set[str]) -> str:
    while True:
        kvk = f"{rng.randrange(10**7, 10**8)}"
        if kvk not in gebruikt:
            gebruikt.add(kvk)
            return kvk


def maak_nummer(rng: random.Random, cijfers: int, gebruikt: set[str]) -> str:
    """A reference number of `cijfers` digits, unique in `gebruikt`, never a year
    (1900-2100) so that it cannot be confused with a period in a description."""
    while True:
        waarde = rng.randrange(10 ** (cijfers - 1), 10**cijfers)
        if 1900 <= waarde <= 2100:
            continue
        tekst = str(waarde)
        if tekst not in gebruikt:
            gebruikt.add(tekst)
            return tekst
