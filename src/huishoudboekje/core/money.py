"""Money as integer cents, and the one way we show and read amounts.

Amounts are never floats. `formatteer_bedrag(123456)` gives "€ 1.234,56" (Dutch
notation); `parse_bedrag("1.234,56")` gives 123456 and accepts the forms staff type.
"""

from __future__ import annotations

import re

_BEDRAG = re.compile(r"^(?P<teken>[-+])?\s*(?:€|EUR)?\s*(?P<getal>[0-9.,\s]+)$", re.IGNORECASE)


_VOORBEELD = (
    "Vul een bedrag in euro's in met hoogstens twee cijfers achter de komma, "
    "bijvoorbeeld 1.234,56."
)
_KOMMA = re.compile(r"^\d+(?:,\d{1,2})?$")
_DUIZENDTAL = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$")
_PUNT = re.compile(r"^\d+\.\d{1,2}$")


class BedragFout(ValueError):
    """An amount could not be read; the message is Dutch and says why."""


def formatteer_bedrag(centen: int, *, valuta: bool = True, teken: bool = False) -> str:
    """Format cents the Dutch way: € 1.234,56 and -€ 12,00 for negatives."""
    negatief = centen < 0
    euros, rest = divmod(abs(centen), 100)
    geheel = f"{euros:,}".replace(",", ".")
    tekst = f"{geheel},{rest:02d}"
    if valuta:
        tekst = f"€\u00a0{tekst}"
    if negatief:
        return f"-{tekst}"
    return f"+{tekst}" if teken and centen > 0 else tekst


def parse_bedrag(tekst: str) -> int:
    """Read an amount typed by a person into cents.

    Accepts "1234,56", "1.234,56", "1234.56", "€ 12", "12,5" and "1.234" (dots as
    thousands separators only in groups of three). Anything else is refused rather
    than guessed: a misread amount is worse than a question.
    """
    match = _BEDRAG.match(tekst.strip().replace("\u00a0", " "))
    if not match:
        raise BedragFout(_VOORBEELD)
    getal = match.group("getal").replace(" ", "")
    if _KOMMA.match(getal):
        euros, _, centen = getal.partition(",")
    elif _DUIZENDTAL.match(getal):
        euros, _, centen = getal.replace(".", "").partition(",")
    elif _PUNT.match(getal):
        euros, _, centen = getal.partition(".")
    else:
        raise BedragFout(_VOORBEELD)
    waarde = int(euros) * 100 + int(centen.ljust(2, "0"))
    return -waarde if match.group("teken") == "-" else waarde
