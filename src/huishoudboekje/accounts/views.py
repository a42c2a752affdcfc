"""Login, second factor (TOTP) and logout for staff."""

import base64
from io import BytesIO
from typing import Any

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import CodeFormulier, InlogFormulier, WachtwoordBevestigenFormulier
from .herauthenticatie import vers_bevestigd, wachtwoord_bevestigd
from .oidc import tweede_factor_nodig
from .services_beveiliging import tweede_factor_gekoppeld


class InlogView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = InlogFormulier
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["sso_naam"] = settings.OIDC_NAAM if settings.OIDC_RP_CLIENT_ID else ""
        context["sso_mislukt"] = self.request.GET.get("sso") == "mislukt"
        return context

    def form_valid(self, form: InlogFormulier) -> HttpResponse:
        response = super().form_valid(form)
        wachtwoord_bevestigd(self.request)
        return response


def _qr_data_uri(url: str) -> str:
    afbeelding = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    afbeelding.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def _na_tweede_factor(request: HttpRequest) -> HttpResponse:
    volgende = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(volgende, {request.get_host()}):
        return redirect(volgende)
    return redirect("start:home")


@require_http_methods(["GET", "POST"])
def tweede_factor(request: HttpRequest) -> HttpResponse:
    """Ask for the TOTP code; without a confirmed authenticator, enrol one first.

    Enrolling binds an app to the account for good, so it needs a fresh password entry
    (herauthenticatie): a session that was left open or taken over cannot enrol the
    wrong app, not even right after a beheerder wiped the second factor."""
    if not tweede_factor_nodig(request):
        return redirect("start:home")
    apparaat = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    inschrijven = apparaat is None
    if inschrijven and not vers_bevestigd(request):
        return _wachtwoord_opnieuw(request)
    if inschrijven:
        apparaat, _nieuw = TOTPDevice.objects.get_or_create(
            user=request.user, confirmed=False, defaults={"name": "Authenticator-app"}
        )
    assert apparaat is not None
    formulier = CodeFormulier(request.POST or None)
    if request.method == "POST" and formulier.is_valid():
        if apparaat.verify_token(formulier.cleaned_data["code"]):
            if inschrijven:
                tweede_factor_gekoppeld(medewerker=request.user, apparaat=apparaat)
            otp_login(request, apparaat)
            return _na_tweede_factor(request)
        formulier.add_error(
            "code", _("Deze code klopt niet of is verlopen. Probeer de nieuwste code.")
        )
    context = {"formulier": formulier, "inschrijven": inschrijven}
    if inschrijven:
        context["qr"] = _qr_data_uri(apparaat.config_url)
        context["sleutel"] = base64.b32encode(apparaat.bin_key).decode()
    return render(request, "accounts/tweede_factor.html", context)


def _wachtwoord_opnieuw(request: HttpRequest) -> HttpResponse:
    """Before enrolling: the password once more (a wrong one counts for axes)."""
    verstuurd = request.method == "POST" and "wachtwoord" in request.POST
    formulier = WachtwoordBevestigenFormulier(request.POST if verstuurd else None, request=request)
    if verstuurd and formulier.is_valid():
        wachtwoord_bevestigd(request)
        return redirect(request.get_full_path())
    return render(request, "accounts/wachtwoord_bevestigen.html", {"formulier": formulier})


@require_http_methods(["POST"])
def uitloggen(request: HttpRequest) -> HttpResponse:
    response = auth_views.LogoutView.as_view()(request)
    messages.info(request, _("U bent uitgelogd."))
    return response
