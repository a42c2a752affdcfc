"""Forms for a rubriek (a name and the ledger account it is booked on) and for closing
the ledger through a date."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from huishoudboekje.ui.forms import UtrechtFormMixin
from huishoudboekje.ui.velden import DatumVeld

from .models import Grootboekrekening, Rubriek


class GrootboekrekeningKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.referentiecode} – {obj.omschrijving} ({obj.get_soort_display().lower()})"


class RubriekFormulier(UtrechtFormMixin, forms.ModelForm):
    grootboekrekening = GrootboekrekeningKeuze(
        label=_("Grootboekrekening"),
        queryset=Grootboekrekening.objects.order_by("soort", "referentiecode"),
        help_text=_(
            "De soort (inkomsten of uitgaven) van de grootboekrekening bepaalt voor welke "
            "afspraken de rubriek te kiezen is."
        ),
    )

    class Meta:
        model = Rubriek
        fields = ["naam", "grootboekrekening"]
        labels = {"naam": _("Naam")}


class PeriodeFormulier(UtrechtFormMixin, forms.Form):
    tot_en_met = DatumVeld(
        label=_("Boekingen afsluiten tot en met"),
        help_text=_(
            "Daarna wordt niets meer op of vóór deze datum geboekt: een late boeking of een "
            "tegenboeking krijgt de eerste open dag. Alleen vooruit."
        ),
        error_messages={"required": _("Kies de laatste dag die wordt afgesloten.")},
    )
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=200)
