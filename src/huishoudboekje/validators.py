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


# Free texts staff type are capped: forms say so at once, the model (full_clean in the
# services) refuses the rest, so no entry point stores a text of megabytes.
VRIJE_TEKST_MAX = 1000  # a reason, a note, a remark
ZOEKTERM_MAX = 140  # one search term: a SEPA remittance line is 140 characters
ZOEKTERMEN_MAX = 50  # search terms of one agreement


def valideer_zoektermen(waarde: object) -> None:
    """An agreement's search terms: a list of at most ZOEKTERMEN_MAX texts of at most
    ZOEKTERM_MAX characters each."""
    from django.utils.translation import gettext as _

    if not isinstance(waarde, list) or not all(isinstance(t, str) for t in waarde):
        raise ValidationError(_("Zoektermen zijn een lijst van teksten."), code="invalid")
    if len(waarde) > ZOEKTERMEN_MAX:
        raise ValidationError(
            _("Hoogstens %(max)d zoektermen per afspraak (nu %(aantal)d).")
            % {"max": ZOEKTERMEN_MAX, "aantal": len(waarde)},
            code="max_length",
        )
    te_lang = [t for t in waarde if len(t) > ZOEKTERM_MAX]
    if te_lang:
        raise ValidationError(
            _("Een zoekterm is hoogstens %(max)d tekens lang; deze is %(lengte)d: %(begin)s...")
            % {"max": ZOEKTERM_MAX, "lengte": len(te_lang[0]), "begin": te_lang[0][:30]},
            code="max_length",
        )
