"""Forms for the municipality's settings and its own bank accounts."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from huishoudboekje.ui.forms import UtrechtFormMixin
from huishoudboekje.ui.velden import BedragVeld, BicVeld, IbanVeld

from .models import Gemeente


def _keuzes(veld: str) -> list[tuple[Any, str]]:
    return list(Gemeente._meta.get_field(veld).choices or [])


class GemeenteFormulier(UtrechtFormMixin, forms.Form):
    """The settings; amounts in euros here, cents in the database."""

    naam = forms.CharField(label=_("Naam gemeente"), max_length=100)
    standaard_buffergrens = BedragVeld(
        label=_("Standaard buffergrens"),
        minimum=0,
        help_text=_(
            "Hoe ver een deelnemer negatief mag staan voordat het team ingrijpt, in euro's."
        ),
    )
    alarm_marge_dagen = forms.IntegerField(
        label=_("Alarmmarge in dagen"),
        min_value=0,
        max_value=31,
        help_text=_("Zoveel dagen te laat of te vroeg geeft nog geen signaal."),
    )
    alarm_marge_bedrag = BedragVeld(
        label=_("Alarmmarge in euro's"),
        minimum=0,
        help_text=_("Zoveel te veel of te weinig geeft nog geen signaal, in euro's."),
    )
    leefgeld_standaard_bedrag = BedragVeld(label=_("Standaardbedrag leefgeld"), minimum=0)
    leefgeld_standaard_frequentie = forms.ChoiceField(
        label=_("Standaardfrequentie leefgeld"), choices=_keuzes("leefgeld_standaard_frequentie")
    )
    leefgeld_standaard_weekdag = forms.TypedChoiceField(
        label=_("Standaardweekdag leefgeld"),
        coerce=int,
        choices=_keuzes("leefgeld_standaard_weekdag"),
    )
    minimale_looptijd_maanden = forms.IntegerField(
        label=_("Minimale looptijd deelname (maanden)"), min_value=0, max_value=120
    )

    @classmethod
    def voor(cls, gemeente: Gemeente, data: Any = None) -> "GemeenteFormulier":
        return cls(data, initial={veld: getattr(gemeente, veld) for veld in cls.base_fields})


class GemeenteRekeningFormulier(UtrechtFormMixin, forms.Form):
    iban = IbanVeld(label=_("IBAN"), max_length=42)
    bic = BicVeld(
        label=_("BIC"),
        required=False,
        max_length=11,
        help_text=_("Leeg laten: de BIC wordt uit het IBAN afgeleid waar dat kan."),
    )
    rekeninghouder = forms.CharField(label=_("Tenaamstelling"), max_length=70)
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=100, required=False)
    zonder_saldi = forms.BooleanField(
        label=_("De bank stuurt afschriften zonder saldi"),
        required=False,
        help_text=_(
            "Alleen aanzetten als de bank van deze rekening echt geen begin- en eindsaldo "
            "meestuurt. Afschriften zonder saldi worden dan ingelezen en alleen de "
            "aansluiting (datums en volgnummers) bewaakt dat er niets ontbreekt; anders "
            "worden ze geweigerd."
        ),
    )
