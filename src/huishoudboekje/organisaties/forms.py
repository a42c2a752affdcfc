"""Forms for organisations, departments and postal addresses. They parse and normalise
what staff type; the services decide (uniqueness, what is in use)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from huishoudboekje.core import identificatie as ident
from huishoudboekje.ui.forms import UtrechtFormMixin
from huishoudboekje.ui.velden import BicVeld, IbanVeld, KvkVeld, PostcodeVeld

from .models import Afdeling, Organisatie, Postadres


class VestigingsnummerVeld(KvkVeld):
    """KvK branch number: 12 digits."""

    normaliseer = staticmethod(ident.normaliseer_vestigingsnummer)


class ZoekFormulier(UtrechtFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Zoeken"),
        required=False,
        max_length=100,
        help_text=_("Op naam, KvK-nummer of IBAN."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class _Gegevens:
    """`gegevens()` hands the cleaned data to a service."""

    cleaned_data: dict[str, Any]

    def gegevens(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class OrganisatieFormulier(UtrechtFormMixin, _Gegevens, forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=100)
    kvk_nummer = KvkVeld(
        label=_("KvK-nummer"),
        max_length=20,
        help_text=_("8 cijfers."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    vestigingsnummer = VestigingsnummerVeld(
        label=_("Vestigingsnummer"),
        required=False,
        max_length=20,
        help_text=_("Optioneel, 12 cijfers."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    @classmethod
    def voor(cls, organisatie: Organisatie, data: Any = None) -> OrganisatieFormulier:
        begin = {
            "naam": organisatie.naam,
            "kvk_nummer": organisatie.kvk_nummer,
            "vestigingsnummer": organisatie.vestigingsnummer,
        }
        return cls(data, initial=begin)


class AfdelingFormulier(UtrechtFormMixin, _Gegevens, forms.Form):
    naam = forms.CharField(label=_("Naam van de afdeling"), max_length=100)

    @classmethod
    def voor(cls, afdeling: Afdeling, data: Any = None) -> AfdelingFormulier:
        return cls(data, initial={"naam": afdeling.naam})


class PostadresFormulier(UtrechtFormMixin, _Gegevens, forms.Form):
    straat = forms.CharField(label=_("Straat"), max_length=100)
    huisnummer = forms.CharField(label=_("Huisnummer"), max_length=20)
    postcode = PostcodeVeld(
        label=_("Postcode"), max_length=10, help_text=_("Bijvoorbeeld 3511 AB.")
    )
    plaats = forms.CharField(label=_("Plaats"), max_length=80)

    @classmethod
    def voor(cls, adres: Postadres, data: Any = None) -> PostadresFormulier:
        begin = {v: getattr(adres, v) for v in ("straat", "huisnummer", "postcode", "plaats")}
        return cls(data, initial=begin)


class RekeningKoppelenFormulier(UtrechtFormMixin, _Gegevens, forms.Form):
    iban = IbanVeld(
        label=_("IBAN"),
        max_length=42,
        help_text=_("Bestaat dit IBAN al, dan wordt die rekening gekoppeld."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    rekeninghouder = forms.CharField(
        label=_("Rekeninghouder"),
        required=False,
        max_length=70,
        help_text=_("Leeg: de naam van de organisatie."),
    )
    bic = BicVeld(
        label=_("BIC"),
        required=False,
        max_length=15,
        help_text=_("Leeg: wordt waar mogelijk afgeleid uit het IBAN."),
    )
