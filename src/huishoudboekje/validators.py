"""Django validators that adapt the pure identifier checks in core.identificatie.

Forms, model fields and the API share them, so every entry point gives the same
Dutch message for a bad BSN, IBAN, KvK number or postcode. They are plain module
functions so migrations can refer to them.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError

from huishoudboekje.kernmeldingen import vertaal

from .core import identificatie as ident


def _controleer(functie: Callable[[str], str], waarde: str) -> None:
    try:
        functie(waarde)
    except ident.IdentificatieFout as exc:
        raise ValidationError(vertaal(exc), code="invalid") from exc


def valideer_bsn(waarde: str) -> None:
    _controleer(ident.normaliseer_bsn, waarde)


def valideer_iban(waarde: str) -> None:
    _controleer(ident.normaliseer_iban, waarde)


def valideer_bic(waarde: str) -> None:
    _controleer(ident.normaliseer_bic, waarde)


def valideer_kvk(waarde: str) -> None:
    _controleer(ident.normaliseer_kvk, waarde)


def valideer_vestigingsnummer(waarde: str) -> None:
    _controleer(ident.normaliseer_vestigingsnummer, waarde)


def valideer_postcode(waarde: str) -> None:
    _controleer(ident.normaliseer_postcode, waarde)
