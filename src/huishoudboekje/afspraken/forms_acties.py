"""Small forms for actions on one agreement: end it, choose the participant of a copy,
and continue it under another direction or rubriek (once it has bookings)."""

from __future__ import annotations

import copy
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huishoudboekje.burgers.models import Burger
from huishoudboekje.ui.forms import UtrechtFormMixin
from huishoudboekje.ui.velden import DatumVeld

from . import selectors
from .forms import AfspraakFormulier, rubriek_keuzes


class EinddatumFormulier(UtrechtFormMixin, forms.Form):
    einddatum = DatumVeld(
        label=_("Laatste dag van de afspraak"),
        help_text=_("Tot en met deze dag geldt de afspraak."),
        error_messages={"required": _("Vul de laatste dag van de afspraak in.")},
    )


class DeelnemerKiezenFormulier(UtrechtFormMixin, forms.Form):
    """Copy to another participant: chosen by HHB-number (lists are too long for a select)."""

    deelnemer = forms.CharField(
        label=_("HHB-nummer van de deelnemer"),
        max_length=12,
        help_text=_("Laat staan om de afspraak voor dezelfde deelnemer te kopiëren."),
    )

    def clean_deelnemer(self) -> Burger:
        nummer = self.cleaned_data["deelnemer"].strip().upper()
        burger = Burger.objects.filter(hhb_nummer=nummer).first()
        if burger is None:
            raise forms.ValidationError(
                gettext("Er is geen deelnemer met HHB-nummer %(nummer)s.") % {"nummer": nummer}
            )
        return burger


def _zoals(naam: str, **anders: Any) -> forms.Field:
    """A field as the agreement form declares it (same choices and messages), with
    some attributes changed."""
    veld = copy.deepcopy(AfspraakFormulier.base_fields[naam])
    for attribuut, waarde in anders.items():
        setattr(veld, attribuut, waarde)
    return veld


class RubriekVervolgFormulier(UtrechtFormMixin, forms.Form):
    """The current agreement ends on `einddatum`; its follow-up starts the next day with
    this direction and rubriek, everything else copied."""

    einddatum = DatumVeld(
        label=_("Laatste dag van de huidige afspraak"),
        help_text=_("De vervolgafspraak begint de dag erna. Standaard vandaag."),
        error_messages={
            "required": _("Vul de laatste dag van de huidige afspraak in."),
            "invalid": _("Vul een datum in als dd-mm-jjjj."),
        },
    )
    richting = _zoals("richting", label=_("Richting van de vervolgafspraak"), help_text="")
    rubriek = _zoals(
        "rubriek",
        label=_("Rubriek van de vervolgafspraak"),
        help_text=_(
            "Een rubriek voor inkomsten bij inkomsten, een rubriek voor uitgaven bij uitgaven."
        ),
    )
    betaalwijze = _zoals("betaalwijze")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rubriek"].queryset = selectors.rubrieken_voor_keuze()
        # Both groups: a new direction needs the other group, also without JavaScript.
        self.fields["rubriek"].widget.choices = rubriek_keuzes(
            self.fields["rubriek"].queryset, None
        )
