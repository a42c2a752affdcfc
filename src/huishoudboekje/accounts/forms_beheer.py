"""Forms for staff management by the functional administrator. No password field
anywhere: staff choose their own (activation link, Mijn account)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from huishoudboekje.ui.forms import UtrechtFormMixin

from .models import ROL_KEUZES

ROL_UITLEG = _(
    "Frontoffice, backoffice, teamleider en auditor zien gegevens van deelnemers: die rol "
    "krijgt de medewerker pas als een teamleider het goedkeurt."
)


class MedewerkerNieuwFormulier(UtrechtFormMixin, forms.Form):
    username = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        help_text=_("Letters, cijfers en @ . + - _; hiermee logt de medewerker in."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    first_name = forms.CharField(label=_("Voornaam"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        help_text=_("De activatielink gaat ook naar dit adres."),
    )
    rol = forms.ChoiceField(label=_("Rol"), choices=ROL_KEUZES, help_text=ROL_UITLEG)


class MedewerkerWijzigenFormulier(UtrechtFormMixin, forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    rol = forms.ChoiceField(
        label=_("Rol"),
        choices=[("", _("geen rol")), *ROL_KEUZES],
        required=False,
        help_text=ROL_UITLEG,
    )
    is_active = forms.BooleanField(
        label=_("Actief"),
        required=False,
        help_text=_(
            "Een uitgeschakelde medewerker kan niet meer inloggen. "
            "Medewerkers worden nooit verwijderd."
        ),
    )
