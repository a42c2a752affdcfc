from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from huishoudboekje.ui.forms import UtrechtFormMixin


class InlogFormulier(UtrechtFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _("Gebruikersnaam of wachtwoord klopt niet."),
        "inactive": _("Dit account is uitgeschakeld."),
    }


class CodeFormulier(UtrechtFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Code uit uw authenticator-app"), max_length=6, min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
