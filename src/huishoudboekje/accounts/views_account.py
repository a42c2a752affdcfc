"""Mijn account: every staff member changes their own password and can log out their
other devices. Nobody else can do either for them (the beheerder sets no passwords)."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import WachtwoordWijzigenFormulier
from .herauthenticatie import wachtwoord_bevestigd
from .selectors import open_rolverzoek
from .services_beveiliging import sessies_beeindigen, wachtwoord_wijzigen


@require_http_methods(["GET", "POST"])
def mijn_account(request: HttpRequest) -> HttpResponse:
    medewerker = request.user
    actie = request.POST.get("actie") if request.method == "POST" else None
    if actie == "andere_sessies":
        sessies_beeindigen(door=medewerker, medewerker=medewerker)
        medewerker.refresh_from_db()
        update_session_auth_hash(request, medewerker)
        messages.success(request, _("U bent op al uw andere apparaten uitgelogd."))
        return redirect("accounts:mijn_account")
    formulier = WachtwoordWijzigenFormulier(
        request.POST if actie == "wachtwoord" else None, request=request
    )
    if actie == "wachtwoord" and formulier.is_valid():
        try:
            medewerker = wachtwoord_wijzigen(
                medewerker=medewerker, nieuw=formulier.cleaned_data["wachtwoord1"]
            )
        except ValidationError as fout:
            for veld, lijst in fout.error_dict.items():
                formulier.add_error(veld, lijst)
        else:
            update_session_auth_hash(request, medewerker)
            wachtwoord_bevestigd(request)
            messages.success(
                request,
                _("Uw wachtwoord is gewijzigd. Op uw andere apparaten bent u uitgelogd."),
            )
            return redirect("accounts:mijn_account")
    context = {
        "formulier": formulier,
        "heeft_wachtwoord": medewerker.has_usable_password(),
        "rolverzoek": open_rolverzoek(medewerker),
        "heeft_tweede_factor": TOTPDevice.objects.filter(
            user=medewerker, confirmed=True
        ).exists(),
    }
    return render(request, "accounts/mijn_account.html", context)
