"""Form fields shared by every screen: amounts in euros (stored as cents), IBANs, BSNs.

They normalise what staff type ("1.234,56", "nl91 abna 0417 1643 00") and give the
Dutch messages from core, so every form says the same thing.
"""

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huishoudboekje.core import identificatie as ident
from huishoudboekje.core.money import BedragFout, formatteer_bedrag, parse_bedrag
from huishoudboekje.kernmeldingen import vertaal


class BedragVeld(forms.CharField):
    """An amount typed in euros; `cleaned_data` holds integer cents."""

    def __init__(self, *, minimum: int | None = None, **kwargs: Any) -> None:
        self.minimum = minimum
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
        )
        kwargs.setdefault("help_text", _("In euro's, bijvoorbeeld 1.234,56"))
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int):
            return formatteer_bedrag(value, valuta=False)
        return value

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        tekst = super().to_python(value)
        if tekst in ("", None):
            return None
        try:
            centen = parse_bedrag(tekst)
        except BedragFout as exc:
            raise forms.ValidationError(vertaal(exc), code="invalid") from exc
        if self.minimum is not None and centen < self.minimum:
            raise forms.ValidationError(
                gettext("Het bedrag moet minimaal %(bedrag)s zijn.")
                % {"bedrag": formatteer_bedrag(self.minimum)},
                code="min_value",
            )
        return centen


class _IdentificatieVeld(forms.CharField):
    normaliseer = staticmethod(ident.normaliseer_iban)

    def to_python(self, value: Any) -> str:
        tekst = super().to_python(value)
        if not tekst:
            return tekst  # type: ignore[no-any-return]
        try:
            return type(self).normaliseer(tekst)
        except ident.IdentificatieFout as exc:
            raise forms.ValidationError(vertaal(exc), code="invalid") from exc


class IbanVeld(_IdentificatieVeld):
    normaliseer = staticmethod(ident.normaliseer_iban)

    def prepare_value(self, value: Any) -> Any:
        return ident.formatteer_iban(value) if isinstance(value, str) and value else value


class BsnVeld(_IdentificatieVeld):
    normaliseer = staticmethod(ident.normaliseer_bsn)


class KvkVeld(_IdentificatieVeld):
    normaliseer = staticmethod(ident.normaliseer_kvk)


class PostcodeVeld(_IdentificatieVeld):
    normaliseer = staticmethod(ident.normaliseer_postcode)


class BicVeld(_IdentificatieVeld):
    normaliseer = staticmethod(ident.normaliseer_bic)


class DatumVeld(forms.DateField):
    """A date with the browser's date picker (ISO value) and Dutch typed input."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        kwargs.setdefault("input_formats", ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"])
        super().__init__(**kwargs)
