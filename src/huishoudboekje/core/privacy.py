"""Personal data out of ordinary logs: mask what looks like a BSN (9 digits that pass
the elfproef), an IBAN, an e-mail address or a Dutch phone number. Names cannot be
recognised; the code does not log them, and the rows and key values PostgreSQL quotes
in its error details are left out. Used by the log formatter (`logboek.py`)."""

from __future__ import annotations

import re

_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
_BSN = re.compile(r"(?<!\d)(?<!\d\.)(\d{4}\.?\d{2}\.?\d{3})(?!\.?\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# PostgreSQL's DETAIL lines quote whole rows and key values (names, addresses too)
_RIJ = re.compile(r"(Failing row contains )\(.*\)", re.M)
_SLEUTEL = re.compile(r"(Key \([^)]*\)=)\(.*?\)(?= already exists| is not present| conflicts)")
_TELEFOON = re.compile(r"(?<!\d)(?:\+31|0031|0)[ -]?[1-9](?:[ -]?\d){8}(?!\d)")


def elfproef(cijfers: str) -> bool:
    """The BSN elfproef on 9 digits: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11."""
    if len(cijfers) != 9 or not cijfers.isdigit() or cijfers == "000000000":
        return False
    som = sum(int(c) * w for c, w in zip(cijfers, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return som % 11 == 0


def _bsn(match: re.Match[str]) -> str:
    return "[BSN]" if elfproef(match.group(1).replace(".", "")) else match.group(0)


def maskeer_persoonsgegevens(tekst: str) -> str:
    tekst = _RIJ.sub(r"\1([rij weggelaten])", tekst)
    tekst = _SLEUTEL.sub(r"\1([waarde weggelaten])", tekst)
    tekst = _EMAIL.sub("[e-mail]", tekst)
    tekst = _IBAN.sub("[IBAN]", tekst)
    tekst = _TELEFOON.sub("[telefoon]", tekst)
    return _BSN.sub(_bsn, tekst)
