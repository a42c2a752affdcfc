"""Shared test data for the participant tests: valid form data and service input."""

from __future__ import annotations

import datetime as dt
from typing import Any

# Fictitious but valid identifiers (elfproef / mod 97).
BSN = "111222333"
BSN_2 = "123456782"
IBAN = "NL91ABNA0417164300"
IBAN_2 = "NL20INGB0001234567"


def persoon(**extra: Any) -> dict[str, Any]:
    """Service input for `burger_aanmaken(gegevens=...)`."""
    data: dict[str, Any] = {
        "bsn": BSN,
        "voorletters": "J.",
        "voornamen": "Jan",
        "tussenvoegsel": "de",
        "achternaam": "Vries",
        "geboortedatum": dt.date(1980, 5, 17),
        "straat": "Oudegracht",
        "huisnummer": "12",
        "postcode": "3511 AB",
        "plaats": "Utrecht",
        "telefoonnummer": "030-1234567",
        "email": "jan@example.org",
        "huishouden": None,
    }
    data.update(extra)
    return data


def post_nieuw(**extra: Any) -> dict[str, str]:
    """Valid POST data for burgers:nieuw (personal data, first deelname, one account)."""
    data = {
        "voorletters": "J.",
        "voornamen": "Jan",
        "tussenvoegsel": "de",
        "achternaam": "Vries",
        "bsn": "111 222 333",
        "geboortedatum": "17-05-1980",
        "straat": "Oudegracht",
        "huisnummer": "12",
        "postcode": "3511ab",
        "plaats": "Utrecht",
        "telefoonnummer": "030-1234567",
        "email": "jan@example.org",
        "huishouden": "",
        "deelname-startdatum": "01-02-2026",
        "deelname-minimale_looptijd_maanden": "6",
        "deelname-variant": "volledig",
        "deelname-buffergrens": "",
        "deelname-signaal_negatief_saldo": "on",
        "rekening-iban": "NL91 ABNA 0417 1643 00",
        "rekening-rekeninghouder": "J. de Vries",
    }
    data.update(extra)
    return data


def post_persoon(burger: Any, **extra: Any) -> dict[str, str]:
    """Valid POST data for burgers:wijzigen, starting from an existing participant."""
    data = {
        "voorletters": burger.voorletters,
        "voornamen": burger.voornamen,
        "tussenvoegsel": burger.tussenvoegsel,
        "achternaam": burger.achternaam,
        "bsn": burger.bsn,
        "geboortedatum": burger.geboortedatum.strftime("%d-%m-%Y"),
        "straat": burger.straat,
        "huisnummer": burger.huisnummer,
        "postcode": burger.postcode,
        "plaats": burger.plaats,
        "telefoonnummer": burger.telefoonnummer,
        "email": burger.email,
        "huishouden": str(burger.huishouden_id or ""),
    }
    data.update(extra)
    return data


def post_deelname(**extra: Any) -> dict[str, str]:
    data = {
        "startdatum": "01-03-2026",
        "minimale_looptijd_maanden": "6",
        "variant": "inkomsten",
        "buffergrens": "2.500,00",
        "signaal_negatief_saldo": "on",
    }
    data.update(extra)
    return data
