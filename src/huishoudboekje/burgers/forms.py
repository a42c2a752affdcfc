"""Forms for participants, deelname, own accounts and households.

Forms parse what staff type (BSN, postcode, IBAN, euros) into clean values; the
services decide what is allowed. `gegevens()` returns exactly what a service takes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huishoudboekje.core.money import formatteer_bedrag
from huishoudboekje.ui.forms import UtrechtFormMixin, utrecht_klassen
from huishoudboekje.ui.velden import BedragVeld, BsnVeld, DatumVeld, IbanVeld, PostcodeVeld

from . import selectors
from .models import Burger, Huishouden, Variant
from .services_huishouden import NIEUW_HUISHOUDEN

MAX_HUISHOUDENS_IN_KEUZE = 500


class ZoekFormulier(UtrechtFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Zoeken"),
        required=False,
        max_length=100,
        help_text=_("Naam, BSN, IBAN, HHB-nummer of adres"),
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class BurgerFormulier(UtrechtFormMixin, forms.Form):
    """Personal data and household of a participant."""

    voorletters = forms.CharField(label=_("Voorletters"), max_length=20, required=False)
    voornamen = forms.CharField(label=_("Voornamen"), max_length=100)
    tussenvoegsel = forms.CharField(label=_("Tussenvoegsel"), max_length=20, required=False)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=100)
    bsn = BsnVeld(
        label=_("BSN"),
        max_length=11,
        help_text=_("9 cijfers; wordt gecontroleerd met de elfproef."),
    )
    geboortedatum = DatumVeld(label=_("Geboortedatum"))
    straat = forms.CharField(label=_("Straat"), max_length=100)
    huisnummer = forms.CharField(
        label=_("Huisnummer"), max_length=20, help_text=_("Met toevoeging, bijvoorbeeld 12 bis")
    )
    postcode = PostcodeVeld(label=_("Postcode"), max_length=7, help_text=_("Bijvoorbeeld 3511 AB"))
    plaats = forms.CharField(label=_("Woonplaats"), max_length=80)
    telefoonnummer = forms.CharField(label=_("Telefoonnummer"), max_length=20, required=False)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    huishouden = forms.CharField(label=_("Huishouden"), required=False, max_length=20)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bsn"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        self.fields["geboortedatum"].widget.attrs["autocomplete"] = "bday"
        self.fields["postcode"].widget.attrs["autocomplete"] = "postal-code"
        self.fields["telefoonnummer"].widget.attrs.update({"type": "tel", "autocomplete": "tel"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        keuzes = selectors.huishouden_keuzes(MAX_HUISHOUDENS_IN_KEUZE)
        veld = self.fields["huishouden"]
        if keuzes is None:  # too many for a select: type the household number
            veld.help_text = gettext(
                "Leeg: geen huishouden. 'nieuw': een nieuw huishouden. "
                "Of het nummer van een bestaand huishouden."
            )
        else:
            veld.widget = forms.Select(
                choices=[
                    ("", gettext("Geen huishouden")),
                    (NIEUW_HUISHOUDEN, gettext("Nieuw huishouden")),
                    *keuzes,
                ]
            )
            veld.widget.attrs["class"] = utrecht_klassen(
                veld.widget
            )  # replaced after the mixin ran

    def clean_geboortedatum(self) -> dt.date:
        datum: dt.date = self.cleaned_data["geboortedatum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(gettext("De geboortedatum kan niet in de toekomst liggen."))
        return datum

    def clean_huishouden(self) -> Huishouden | str | None:
        waarde = (self.cleaned_data.get("huishouden") or "").strip()
        if not waarde:
            return None
        if waarde.lower() == NIEUW_HUISHOUDEN:
            return NIEUW_HUISHOUDEN
        huishouden = Huishouden.objects.filter(pk=int(waarde)).first() if waarde.isdigit() else None
        if huishouden is None:
            raise forms.ValidationError(gettext("Dit huishouden bestaat niet."))
        return huishouden

    def gegevens(self) -> dict[str, Any]:
        return dict(self.cleaned_data)

    @staticmethod
    def begin_uit(burger: Burger) -> dict[str, Any]:
        velden = [
            "voorletters",
            "voornamen",
            "tussenvoegsel",
            "achternaam",
            "bsn",
            "geboortedatum",
            "straat",
            "huisnummer",
            "postcode",
            "plaats",
            "telefoonnummer",
            "email",
        ]
        begin: dict[str, Any] = {veld: getattr(burger, veld) for veld in velden}
        begin["huishouden"] = str(burger.huishouden_id or "")
        return begin


class DeelnameFormulier(UtrechtFormMixin, forms.Form):
    """The terms of one deelname. Empty buffer limit: the municipality's default."""

    startdatum = DatumVeld(label=_("Startdatum"))
    minimale_looptijd_maanden = forms.IntegerField(
        label=_("Minimale looptijd (maanden)"),
        min_value=0,
        max_value=120,
    )
    variant = forms.ChoiceField(
        label=_("Variant"), choices=Variant.choices, widget=forms.RadioSelect
    )
    buffergrens = BedragVeld(label=_("Buffergrens"), required=False, minimum=0)
    signaal_negatief_saldo = forms.BooleanField(
        label=_("Signaal bij negatief saldo"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        standaard = formatteer_bedrag(selectors.standaard_buffergrens())
        self.fields["buffergrens"].help_text = gettext(
            "In euro's. Leeg laten: de standaard buffergrens van de gemeente (%(standaard)s)."
        ) % {"standaard": standaard}

    @staticmethod
    def begin_nieuw() -> dict[str, Any]:
        return {
            "startdatum": timezone.localdate(),
            "minimale_looptijd_maanden": (
                selectors.gemeente_instellingen().minimale_looptijd_maanden
            ),
            "variant": Variant.VOLLEDIG,
            "signaal_negatief_saldo": True,
        }

    def gegevens(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class RekeningFormulier(UtrechtFormMixin, forms.Form):
    """One own bank account. On the create page both fields may stay empty."""

    iban = IbanVeld(
        label=_("IBAN"), max_length=42, help_text=_("Bijvoorbeeld NL91 ABNA 0417 1643 00")
    )
    rekeninghouder = forms.CharField(
        label=_("Naam rekeninghouder"),
        max_length=70,
        required=False,
        help_text=_(
            "Leeg: de naam van de deelnemer. Bestaat het IBAN al, dan wordt die rekening gebruikt."
        ),
    )

    def __init__(self, *args: Any, verplicht: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["iban"].required = verplicht
        self.fields["iban"].widget.attrs["autocomplete"] = "off"

    def gegevens(self) -> dict[str, str]:
        return {
            "iban": self.cleaned_data.get("iban") or "",
            "rekeninghouder": self.cleaned_data.get("rekeninghouder") or "",
        }


class BeeindigenFormulier(UtrechtFormMixin, forms.Form):
    einddatum = DatumVeld(label=_("Einddatum"), help_text=_("De laatste dag van de deelname."))
    toch_beeindigen = forms.BooleanField(
        label=_("Toch beëindigen vóór het einde van de minimale looptijd"),
        required=False,
    )


class HuishoudenFormulier(UtrechtFormMixin, forms.Form):
    naam = forms.CharField(
        label=_("Naam"),
        max_length=100,
        required=False,
        help_text=_("Bijvoorbeeld Huishouden De Vries"),
    )


class LidToevoegenFormulier(UtrechtFormMixin, forms.Form):
    """Add a participant to a household by HHB-number."""

    deelnemer = forms.CharField(
        label=_("HHB-nummer van de deelnemer"), max_length=12, help_text=_("Bijvoorbeeld HHB000123")
    )

    def clean_deelnemer(self) -> Burger:
        nummer = self.cleaned_data["deelnemer"].strip().upper().replace(" ", "")
        if nummer.isdigit():
            nummer = f"HHB{int(nummer):06d}"
        burger = Burger.objects.filter(hhb_nummer=nummer).first()
        if burger is None:
            raise forms.ValidationError(gettext("Er is geen deelnemer met dit HHB-nummer."))
        return burger
