"""Forms for staff management by the functional administrator."""

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from huishoudboekje.ui.forms import UtrechtFormMixin

from .roles import ROL_LABELS, Rol

ROL_KEUZES = [(r.value, ROL_LABELS[r]) for r in Rol]


class MedewerkerNieuwFormulier(UtrechtFormMixin, forms.Form):
    username = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        help_text=_("Letters, cijfers en @ . + - _; hiermee logt de medewerker in."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    first_name = forms.CharField(label=_("Voornaam"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    rol = forms.ChoiceField(label=_("Rol"), choices=ROL_KEUZES)
    wachtwoord1 = forms.CharField(
        label=_("Eerste wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    wachtwoord2 = forms.CharField(
        label=_("Herhaal het wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["wachtwoord1"].help_text = " ".join(
            password_validation.password_validators_help_texts()
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        een, twee = data.get("wachtwoord1"), data.get("wachtwoord2")
        if een and twee and een != twee:
            self.add_error("wachtwoord2", _("De twee wachtwoorden zijn niet gelijk."))
        return data


class MedewerkerWijzigenFormulier(UtrechtFormMixin, forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    rol = forms.ChoiceField(label=_("Rol"), choices=ROL_KEUZES)
    is_active = forms.BooleanField(
        label=_("Actief"),
        required=False,
        help_text=_(
            "Een uitgeschakelde medewerker kan niet meer inloggen. "
            "Medewerkers worden nooit verwijderd."
        ),
    )
