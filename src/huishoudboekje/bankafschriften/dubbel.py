"""New lines that may already be on another statement: dropped only when certain.

The import key (see `services.sleutel_voor`) recognises a line imported before in the
same wording. What it cannot recognise is the same booking worded otherwise: the same
day imported in the other format (camt.053 after MT940 or the reverse), or an identical
line on a second statement of the same day. For each new line the stored lines of the
account with the same booking date, amount and counterparty IBAN on another statement
are compared (`core.bank.dubbel.vergelijk`):

- the same booking in the other format: not stored again (counted, and said in the
  import's warnings);
- the same booking on another statement of the same format, or no evidence either way:
  stored, and marked `mogelijk_dubbel_van` so that it is not booked automatically and
  staff see the mark; never dropped silently;
- different: stored as an ordinary new line.

Each stored line stands for at most one new line of the file (`gebruikt`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from huishoudboekje.core.bank.dubbel import ANDERS, ZELFDE, vergelijk
from huishoudboekje.core.bank.model import Transactie

from .models import Banktransactie

MAX_BEDRAGEN_IN_QUERY = 500  # above this the amounts are filtered in Python


@dataclass(frozen=True)
class Opgeslagen:
    """A stored line as the comparison needs it."""

    pk: int
    zelfde_formaat: bool
    bankreferentie: str
    end_to_end_id: str
    betalingskenmerk: str
    mandaat_id: str
    omschrijving: str


@dataclass
class Uitkomst:
    """The new lines to store (key, line, the stored line it may duplicate) and how many
    were left out as already imported in the other format."""

    bewaren: list[tuple[str, Transactie, int | None]]
    ander_formaat: int = 0


def beoordeel_nieuwe(
    nieuw: list[tuple[str, Transactie]],
    *,
    rekening_id: int,
    afschrift_id: int,
    formaat: str,
    gebruikt: set[int],
) -> Uitkomst:
    """Decide per new line: store, store marked, or leave out (see the module text)."""
    if not nieuw:
        return Uitkomst(bewaren=[])
    kandidaten = _kandidaten(nieuw, rekening_id=rekening_id, afschrift_id=afschrift_id,
                             formaat=formaat)
    uitkomst = Uitkomst(bewaren=[])
    for sleutel, t in nieuw:
        zelfde_ander = zelfde_eigen = twijfel = None
        for o in kandidaten.get((t.boekdatum, t.bedrag, t.tegen_iban[:34]), ()):
            if o.pk in gebruikt:
                continue
            oordeel = vergelijk(t, o, zelfde_formaat=o.zelfde_formaat)
            if oordeel == ANDERS:
                continue
            if oordeel == ZELFDE and not o.zelfde_formaat:
                zelfde_ander = zelfde_ander or o
            elif oordeel == ZELFDE:
                zelfde_eigen = zelfde_eigen or o
            else:
                twijfel = twijfel or o
        if zelfde_ander is not None:
            gebruikt.add(zelfde_ander.pk)
            uitkomst.ander_formaat += 1
        elif zelfde_eigen is not None:
            gebruikt.add(zelfde_eigen.pk)
            uitkomst.bewaren.append((sleutel, t, zelfde_eigen.pk))
        else:
            uitkomst.bewaren.append((sleutel, t, twijfel.pk if twijfel else None))
    return uitkomst


def _kandidaten(
    nieuw: list[tuple[str, Transactie]], *, rekening_id: int, afschrift_id: int, formaat: str
) -> dict[tuple[Any, ...], list[Opgeslagen]]:
    """Stored lines of the account on other statements, by (date, amount, IBAN): one
    query on the (rekening, boekdatum) index."""
    datums = {t.boekdatum for _sleutel, t in nieuw}
    bedragen = {t.bedrag for _sleutel, t in nieuw}
    qs = Banktransactie.objects.filter(rekening_id=rekening_id, boekdatum__in=datums).exclude(
        afschrift_id=afschrift_id
    )
    if len(bedragen) <= MAX_BEDRAGEN_IN_QUERY:
        qs = qs.filter(bedrag__in=bedragen)
    per_kern: dict[tuple[Any, ...], list[Opgeslagen]] = defaultdict(list)
    for rij in qs.order_by("pk").values(
        "pk", "boekdatum", "bedrag", "tegen_iban", "bankreferentie", "end_to_end_id",
        "betalingskenmerk", "mandaat_id", "omschrijving", "afschrift__formaat",
    ):
        if rij["bedrag"] not in bedragen:
            continue
        per_kern[(rij["boekdatum"], rij["bedrag"], rij["tegen_iban"])].append(
            Opgeslagen(
                pk=rij["pk"],
                zelfde_formaat=_zelfde_familie(rij["afschrift__formaat"], formaat),
                bankreferentie=rij["bankreferentie"],
                end_to_end_id=rij["end_to_end_id"],
                betalingskenmerk=rij["betalingskenmerk"],
                mandaat_id=rij["mandaat_id"],
                omschrijving=rij["omschrijving"],
            )
        )
    return per_kern


def _zelfde_familie(a: str, b: str) -> bool:
    """All camt.053 versions are one format; MT940 is the other."""
    return (a.startswith("camt") and b.startswith("camt")) or a == b
