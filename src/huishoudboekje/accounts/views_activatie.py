"""The activation page: a new staff member chooses their own password with the one-time
link, is logged in, and (when HHB_OTP_REQUIRED) goes on to enrol the second factor
with the password still fresh."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import NieuwWachtwoordFormulier
from .herauthenticatie import wachtwoord_bevestigd
from .services_activatie import activatielink_zoeken, medewerker_activeren

SESSIE_ACTIVATIE = "hhb_activatielink"
# After the first visit the page lives on this URL: the secret leaves the address bar,
# the browser history and any Referer (as Django's own password reset does).
ZONDER_SLEUTEL = "wachtwoord-kiezen"


def _ongeldig(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/activatie_ongeldig.html", status=400)


@require_http_methods(["GET", "POST"])
def activeren(request: HttpRequest, sleutel: str) -> HttpResponse:
    if sleutel != ZONDER_SLEUTEL:
        if activatielink_zoeken(sleutel) is None:
            return _ongeldig(request)
        request.session[SESSIE_ACTIVATIE] = sleutel
        return redirect("accounts:activeren", sleutel=ZONDER_SLEUTEL)
    sleutel = request.session.get(SESSIE_ACTIVATIE, "")
    link = activatielink_zoeken(sleutel)
    if link is None:
        return _ongeldig(request)
    formulier = NieuwWachtwoordFormulier(request.POST or None)
    if request.method == "POST" and formulier.is_valid():
        try:
            medewerker = medewerker_activeren(
                sleutel=sleutel, wachtwoord=formulier.cleaned_data["wachtwoord1"]
            )
        except ValidationError as fout:
            if hasattr(fout, "error_dict"):
                for veld, lijst in fout.error_dict.items():
                    formulier.add_error(veld, lijst)
            else:
                return _ongeldig(request)
        else:
            request.session.pop(SESSIE_ACTIVATIE, None)
            login(request, medewerker, backend="django.contrib.auth.backends.ModelBackend")
            wachtwoord_bevestigd(request)
            messages.success(request, _("Uw account is geactiveerd."))
            return redirect("accounts:tweede_factor" if settings.HHB_OTP_REQUIRED else "start:home")
    response = render(
        request, "accounts/activeren.html", {"formulier": formulier, "medewerker": link.medewerker}
    )
    response["Cache-Control"] = "no-store"
    return response
