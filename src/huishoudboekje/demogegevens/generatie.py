"""Generators of valid but fictitious identifiers for demo data and tests.

BSNs satisfy the elfproef and start with 9 (never issued to persons... we also avoid
the known test ranges being mistaken for real ones by using a fixed prefix); IBANs have
correct mod-97 check digits on real Dutch bank codes. Deterministic for a given Random.
"""

from __future__ import annotations

import random

NL_BANKEN = ("INGB", "RABO", "ABNA", "SNSB", "ASNB", "TRIO", "BUNQ", "KNAB", "RBRB")


def genereer_bsn(rng: random.Random) -> str:
    """A 9-digit number that passes the elfproef (weights 9..2 and -1)."""
    while True:
        cijfers = [9] + [rng.randrange(10) for _ in range(7)]
        som = sum(c * w for c, w in zip(cijfers, range(9, 1, -1), strict=True))
        laatste = som % 11
        if laatste <= 9:
            return "".join(map(str, cijfers)) + str(laatste)


def iban_uit_rekeningnummer(bankcode: str, rekeningnummer: int, land: str = "NL") -> str:
    """Build an IBAN with correct check digits from a bank code and a 10-digit number."""
    bban = f"{bankcode}{rekeningnummer:010d}"
    numeriek = "".join(str(int(c, 36)) for c in bban + land + "00")
    controle = 98 - int(numeriek) % 97
    return f"{land}{controle:02d}{bban}"


def genereer_iban(rng: random.Random, bankcode: str | None = None) -> str:
    return iban_uit_rekeningnummer(bankcode or rng.choice(NL_BANKEN), rng.randrange(10**9, 10**10))


def genereer_kvk(rng: random.Random) -> str:
    return f"{rng.randrange(10**7, 10**8)}"
