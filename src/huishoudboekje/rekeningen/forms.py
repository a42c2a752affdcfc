"""Form for changing a bank account's holder name and BIC (the IBAN never changes)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from huishoudboekje.ui.forms import UtrechtFormMixin
from huishoudboekje.ui.velden import BicVeld

from .models import Rekening


class RekeningFormulier(UtrechtFormMixin, forms.Form):
    rekeninghouder = forms.CharField(label=_("Rekeninghouder"), max_length=70)
    bic = BicVeld(
        label=_("BIC"),
        required=False,
        max_length=15,
        help_text=_("Leeg: wordt waar mogelijk afgeleid uit het IBAN."),
    )

    @classmethod
    def voor(cls, rekening: Rekening, data: Any = None) -> RekeningFormulier:
        return cls(data, initial={"rekeninghouder": rekening.rekeninghouder, "bic": rekening.bic})

    def gegevens(self) -> dict[str, Any]:
        return dict(self.cleaned_data)
