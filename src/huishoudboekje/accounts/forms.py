from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from huishoudboekje.ui.forms import UtrechtFormMixin

from .herauthenticatie import wachtwoord_klopt


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


def _wachtwoordveld(label: Any, autocomplete: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        strip=False,
        max_length=256,
        widget=forms.PasswordInput(attrs={"autocomplete": autocomplete}),
    )


class WachtwoordBevestigenFormulier(UtrechtFormMixin, forms.Form):
    """The current password once more; a wrong one counts as a failed login (axes)."""

    wachtwoord = _wachtwoordveld(_("Uw wachtwoord"), "current-password")

    def __init__(self, *args: Any, request: HttpRequest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_wachtwoord(self) -> str:
        wachtwoord: str = self.cleaned_data["wachtwoord"]
        if not wachtwoord_klopt(self.request, wachtwoord):
            raise forms.ValidationError(_("Dit wachtwoord klopt niet."))
        return wachtwoord


class NieuwWachtwoordFormulier(UtrechtFormMixin, forms.Form):
    """A new password, twice. The rules themselves are checked by the service."""

    wachtwoord1 = _wachtwoordveld(_("Nieuw wachtwoord"), "new-password")
    wachtwoord2 = _wachtwoordveld(_("Herhaal het nieuwe wachtwoord"), "new-password")

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


class WachtwoordWijzigenFormulier(NieuwWachtwoordFormulier):
    """Mijn account: the current password, then the new one twice."""

    oud_wachtwoord = _wachtwoordveld(_("Huidig wachtwoord"), "current-password")
    field_order = ["oud_wachtwoord", "wachtwoord1", "wachtwoord2"]

    def __init__(self, *args: Any, request: HttpRequest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_oud_wachtwoord(self) -> str:
        wachtwoord: str = self.cleaned_data["oud_wachtwoord"]
        if not wachtwoord_klopt(self.request, wachtwoord):
            raise forms.ValidationError(_("Dit is niet uw huidige wachtwoord."))
        return wachtwoord
