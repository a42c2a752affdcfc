"""Is a new statement line the same booking as one already imported? Pure comparison.

Used after the import key found nothing: two lines with the same booking date, amount
and counterparty IBAN on different statements (the same day in camt.053 and MT940, or
two statements of one day). Each format words descriptions and bank references its own
way, so the answer is built from the evidence both sides have:

- an end-to-end id, payment reference (betalingskenmerk) or mandate that differs: two
  payments (ANDERS);
- an equal bank reference, end-to-end id or payment reference: one booking (ZELFDE);
- within one format a different bank reference: two bookings (ANDERS); across formats a
  different bank reference proves nothing (the formats word it differently);
- otherwise the descriptions, compared without case, diacritics, spaces and punctuation:
  one containing the other (MT940 cuts long texts) is ZELFDE, both present and different
  is ANDERS;
- no evidence either way: TWIJFEL. The caller keeps such a line and marks it, it never
  drops it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal, Protocol

Oordeel = Literal["zelfde", "anders", "twijfel"]
ZELFDE: Oordeel = "zelfde"
ANDERS: Oordeel = "anders"
TWIJFEL: Oordeel = "twijfel"

_NIET_ALFANUMERIEK = re.compile(r"[^0-9a-z]+")


class Regel(Protocol):
    """What we compare: a `Transactie` of a file or a stored `Banktransactie`."""

    @property
    def bankreferentie(self) -> str: ...
    @property
    def end_to_end_id(self) -> str: ...
    @property
    def betalingskenmerk(self) -> str: ...
    @property
    def mandaat_id(self) -> str: ...
    @property
    def omschrijving(self) -> str: ...


def normaliseer(tekst: str) -> str:
    """Lower case, diacritics folded, only letters and digits ("Huur  MEI-12" -> "huurmei12")."""
    gevouwen = unicodedata.normalize("NFKD", tekst or "")
    zonder = "".join(teken for teken in gevouwen if not unicodedata.combining(teken))
    return _NIET_ALFANUMERIEK.sub("", zonder.lower())


def vergelijk(nieuw: Regel, eerder: Regel, *, zelfde_formaat: bool) -> Oordeel:
    """The verdict for two lines already equal on booking date, amount and counterparty."""
    gelijk = False
    for a, b, bewijst in (
        (nieuw.end_to_end_id, eerder.end_to_end_id, True),
        (nieuw.betalingskenmerk, eerder.betalingskenmerk, True),
        # one mandate collects every month: equal proves nothing, different does
        (nieuw.mandaat_id, eerder.mandaat_id, False),
    ):
        x, y = normaliseer(a), normaliseer(b)
        if x and y and x != y:
            return ANDERS
        gelijk = gelijk or (bewijst and bool(x) and x == y)
    ref_nieuw, ref_eerder = normaliseer(nieuw.bankreferentie), normaliseer(eerder.bankreferentie)
    if ref_nieuw and ref_eerder:
        if ref_nieuw == ref_eerder:
            return ZELFDE
        if zelfde_formaat:
            return ANDERS
    if gelijk:
        return ZELFDE
    tekst_nieuw, tekst_eerder = normaliseer(nieuw.omschrijving), normaliseer(eerder.omschrijving)
    if tekst_nieuw and tekst_eerder:
        return ZELFDE if tekst_nieuw in tekst_eerder or tekst_eerder in tekst_nieuw else ANDERS
    return TWIJFEL
