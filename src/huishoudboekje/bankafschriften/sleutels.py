"""The import key of a transaction: what makes a line of a statement file the same line
when the file, or the statement, is delivered again.

A line with a bank reference or end-to-end id is identified by its content (the
reference included) and its occurrence number among identical lines of its statement:
the same booking on an overlapping statement has the same key. A line without either
also carries the statement's identity (`afschrift_identiteit`): an identical line on
another statement of the same day is another payment until staff say otherwise (see
`dubbel`). Lines stored before that rule have the key without the identity; the import
still recognises them on a statement with the same identity (`services`).
"""

from __future__ import annotations

import hashlib

from huishoudboekje.core.bank.model import Afschriftkop, Transactie

from .models import Banktransactie


def inhoud_van(iban: str, t: Transactie) -> tuple[str, ...]:
    """What identifies a transaction: bank reference, end-to-end id and content."""
    return (
        iban,
        t.boekdatum.isoformat(),
        str(t.bedrag),
        t.bankreferentie,
        t.end_to_end_id,
        t.tegen_iban,
        " ".join(t.omschrijving.split()).lower(),
        t.mandaat_id,
    )


def heeft_kenmerk(t: Transactie) -> bool:
    """A bank reference or end-to-end id identifies the booking on any statement."""
    return bool(t.bankreferentie or t.end_to_end_id)


def afschrift_identiteit(kop: Afschriftkop) -> str:
    """What makes a statement this statement, the same in every delivery of it: its id,
    sequence number, start date and opening balance (some banks use one fixed `:20:`)."""
    return "\x1e".join(
        (kop.afschrift_id, kop.volgnummer, str(kop.begindatum or ""), str(kop.beginsaldo))
    )


def sleutel_voor(iban: str, t: Transactie, volgnummer: int, afschrift: str = "") -> str:
    """The import key: `_inhoud` plus the occurrence number of identical lines (by that
    same content) within one statement; for a line without bank reference and end-to-end
    id (`afschrift` given) also the statement's identity, so that an identical line on
    another statement of the same day is not taken for this one."""
    delen = (*inhoud_van(iban, t), str(volgnummer))
    if afschrift:
        delen = (*delen, "afschrift", afschrift)
    return hashlib.sha256("\x1f".join(delen).encode()).hexdigest()


def oude_sleutels_gevonden(
    oude: dict[str, str], *, rekening_id: int, kop: Afschriftkop, afschrift_id: int
) -> set[str]:
    """Of `oude` (new key -> key without the statement identity), the new keys whose line
    is stored under its old key on a statement with this statement's identity: the same
    statement delivered again, first imported before the identity was in the key."""
    if not oude:
        return set()
    gevonden = set(
        Banktransactie.objects.filter(
            sleutel__in=list(oude.values()),
            afschrift__rekening_id=rekening_id,
            afschrift__afschrift_id=kop.afschrift_id[:100],
            afschrift__volgnummer=kop.volgnummer[:40],
            afschrift__begindatum=kop.begindatum,
            afschrift__beginsaldo=kop.beginsaldo,
        )
        .exclude(afschrift_id=afschrift_id)
        .values_list("sleutel", flat=True)
    )
    return {nieuw for nieuw, oud in oude.items() if oud in gevonden}
