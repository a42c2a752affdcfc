"""Validation of the identifiers this domain uses: BSN, IBAN, BIC, KvK number, postcode.

Thin wrappers around python-stdnum and schwifty that return Dutch messages, so forms,
the API and imports all say the same thing.
"""

from __future__ import annotations

import re

from schwifty import BIC, IBAN
from schwifty.exceptions import SchwiftyException
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn as stdnum_bsn


class IdentificatieFout(ValueError):
    """An identifier is not valid; the message is Dutch and specific."""


def normaliseer_bsn(waarde: str) -> str:
    """Return the 9-digit BSN or raise IdentificatieFout (elfproef)."""
    cijfers = re.sub(r"[\s.\-]", "", waarde)
    if not cijfers.isdigit():
        raise IdentificatieFout("Een BSN bestaat alleen uit cijfers.")
    if len(cijfers) == 8:
        cijfers = "0" + cijfers
    if len(cijfers) != 9:
        raise IdentificatieFout("Een BSN heeft 9 cijfers.")
    try:
        return str(stdnum_bsn.validate(cijfers))
    except StdnumError as exc:
        raise IdentificatieFout("Dit BSN klopt niet (het voldoet niet aan de elfproef).") from exc


def normaliseer_iban(waarde: str) -> str:
    """Return the IBAN in compact upper-case form, or raise IdentificatieFout."""
    compact = re.sub(r"\s", "", waarde).upper()
    if len(compact) < 5:
        raise IdentificatieFout("Vul een volledig IBAN in, bijvoorbeeld NL91 ABNA 0417 1643 00.")
    try:
        iban = IBAN(compact)
    except SchwiftyException as exc:
        melding = str(exc).lower()
        if "checksum" in melding:
            raise IdentificatieFout("Dit IBAN klopt niet: het controlegetal is onjuist.") from exc
        if "country" in melding:
            raise IdentificatieFout("Dit IBAN heeft een onbekende landcode.") from exc
        raise IdentificatieFout(
            "Dit IBAN heeft niet de juiste lengte of opbouw voor het land."
        ) from exc
    return str(iban.compact)


def formatteer_iban(waarde: str) -> str:
    """Group an IBAN in blocks of four for display: NL91 ABNA 0417 1643 00."""
    compact = re.sub(r"\s", "", waarde).upper()
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def bic_bij_iban(iban: str) -> str:
    """The BIC that belongs to the bank of this IBAN, or "" when unknown."""
    try:
        bic = IBAN(iban).bic
    except SchwiftyException:
        return ""
    return str(bic) if bic else ""


def normaliseer_bic(waarde: str) -> str:
    """Return the BIC in upper case, or raise IdentificatieFout."""
    compact = re.sub(r"\s", "", waarde).upper()
    try:
        return str(BIC(compact))
    except SchwiftyException as exc:
        raise IdentificatieFout("Deze BIC klopt niet (8 of 11 tekens, bijv. INGBNL2A).") from exc


def normaliseer_kvk(waarde: str) -> str:
    """KvK number: exactly 8 digits."""
    cijfers = re.sub(r"\s", "", waarde)
    if not re.fullmatch(r"\d{8}", cijfers):
        raise IdentificatieFout("Een KvK-nummer bestaat uit precies 8 cijfers.")
    return cijfers


def normaliseer_vestigingsnummer(waarde: str) -> str:
    """KvK branch number (vestigingsnummer): exactly 12 digits."""
    cijfers = re.sub(r"\s", "", waarde)
    if not re.fullmatch(r"\d{12}", cijfers):
        raise IdentificatieFout("Een vestigingsnummer bestaat uit precies 12 cijfers.")
    return cijfers


def normaliseer_postcode(waarde: str) -> str:
    """Dutch postcode as '1234 AB'."""
    compact = re.sub(r"\s", "", waarde).upper()
    if not re.fullmatch(r"[1-9]\d{3}[A-Z]{2}", compact) or compact[4:] in {"SA", "SD", "SS"}:
        raise IdentificatieFout("Vul een postcode in als 1234 AB.")
    return f"{compact[:4]} {compact[4:]}"
