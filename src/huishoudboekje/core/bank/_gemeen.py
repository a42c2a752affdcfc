"""Small helpers the camt and MT940 readers share: size-bounded streams, amounts as
cents without floats, IBAN tidying, two-digit years.

Private to the bank package; the public surface is `lezen`, `camt` and `mt940`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Protocol

from .model import Bestandsfout

MAX_BYTES = 200 * 1024 * 1024
"""Default upper bound for one statement file (200 MB): far above a year of statements
for a municipal account, far below what would hurt the machine."""

_MB = 1024 * 1024


def te_groot(max_bytes: int) -> Bestandsfout:
    """The error for a file over the size limit (shown in MB, rounded up)."""
    grens = -(-max_bytes // _MB)
    return Bestandsfout(f"Het bestand is groter dan de toegestane {grens} MB")


class Bron(Protocol):
    """What the readers need of a stream: a binary file opened for reading (an open
    file, BytesIO, Django's UploadedFile) satisfies it."""

    def read(self, n: int = -1, /) -> bytes: ...


class BegrensdeStroom:
    """A read-only file object over `bron` that refuses to deliver more than
    `max_bytes` in total, optionally after first replaying bytes already peeked.

    lxml and our MT940 reader both pull through `read`, so the limit holds however
    they chunk their reads; a Bestandsfout raised in `read` is propagated unchanged by
    lxml."""

    def __init__(self, bron: Bron, max_bytes: int, voorloop: bytes = b"") -> None:
        self._bron = bron
        self._max = max_bytes
        self._voorloop = voorloop
        self.gelezen = 0

    def _tel(self, data: bytes) -> bytes:
        self.gelezen += len(data)
        if self.gelezen > self._max:
            raise te_groot(self._max)
        return data

    def read(self, n: int = -1) -> bytes:
        if self._voorloop:
            if n is None or n < 0 or n >= len(self._voorloop):
                data, self._voorloop = self._voorloop, b""
                if n is not None and n >= 0:
                    return self._tel(data)
                return self._tel(data + self._bron.read(self._rest()))
            data, self._voorloop = self._voorloop[:n], self._voorloop[n:]
            return self._tel(data)
        if n is None or n < 0:
            return self._tel(self._bron.read(self._rest()))
        return self._tel(self._bron.read(min(n, self._rest())))

    def _rest(self) -> int:
        # One byte more than allowed, so that crossing the limit is noticed.
        return max(self._max - self.gelezen + 1, 0)


_BEDRAG = re.compile(r"(\d{1,15})(?:[.,](\d*))?")


def centen(tekst: str, plek: str, *, scheiding: str = ".") -> int:
    """Unsigned amount text ("1234.56", MT940 "1234,56", "1234,5", "100,") as cents.

    Exact (no float). More than two decimals is accepted only when the extra digits
    are zeros: a bank amount in euro cannot have fractions of a cent."""
    waarde = tekst.strip()
    if waarde.startswith("-"):
        raise Bestandsfout(
            f"Negatief bedrag {waarde[:20]!r}: een bedrag in een afschrift heeft geen minteken; "
            "of het bij of af gaat, staat apart (CdtDbtInd in camt, C of D in MT940)",
            plek,
        )
    match = _BEDRAG.fullmatch(waarde)
    if not match or (match.group(2) is not None and scheiding not in waarde):
        teken = "komma" if scheiding == "," else "punt"
        raise Bestandsfout(
            f"Ongeldig bedrag {waarde[:20]!r}: verwacht cijfers met een {teken} als "
            "decimaalteken",
            plek,
        )
    heel, fractie = match.group(1), match.group(2) or ""
    if len(fractie) > 2 and fractie[2:].strip("0"):
        raise Bestandsfout(f"Bedrag {waarde!r} heeft meer dan twee decimalen", plek)
    return int(heel) * 100 + int((fractie[:2]).ljust(2, "0"))


def compact(tekst: str | None) -> str:
    """An account number without spaces, upper case ("" for None)."""
    return "".join((tekst or "").split()).upper()


def is_iban(tekst: str) -> bool:
    """ISO 13616 check (mod 97), cheap enough to run per line."""
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", tekst):
        return False
    herschikt = tekst[4:] + tekst[:4]
    cijfers = "".join(str(int(teken, 36)) for teken in herschikt)
    return int(cijfers) % 97 == 1


def jaar(jj: int) -> int:
    """Two-digit year as in SWIFT messages: 00-79 is 20xx, 80-99 is 19xx."""
    return 2000 + jj if jj < 80 else 1900 + jj


def datum_jjmmdd(tekst: str, plek: str) -> dt.date:
    """A SWIFT date YYMMDD."""
    try:
        return dt.date(jaar(int(tekst[0:2])), int(tekst[2:4]), int(tekst[4:6]))
    except ValueError as exc:
        raise Bestandsfout(f"Ongeldige datum {tekst!r} (verwacht JJMMDD)", plek) from exc
