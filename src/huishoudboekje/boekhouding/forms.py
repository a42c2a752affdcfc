"""Form for a rubriek: a name and the ledger account it is booked on."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from huishoudboekje.ui.forms import UtrechtFormMixin

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
