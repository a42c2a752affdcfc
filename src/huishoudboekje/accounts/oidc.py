"""OIDC single sign-on for staff (mozilla-django-oidc), enabled by OIDC_RP_CLIENT_ID.

Staff accounts are matched on e-mail address; by default no account is created on
first login (OIDC_CREATE_USER=false), so the functional administrator decides who has
which role. A login through the IdP counts as the second factor only when the operator
says the IdP enforces MFA (OIDC_IDP_DOET_MFA). See docs/operations.md.
"""

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .herauthenticatie import wachtwoord_bevestigd
from .services_activatie import activatie_door_sso

BACKEND = "huishoudboekje.accounts.oidc.MedewerkerOIDCBackend"
SESSIE_SSO = "hhb_sso"
logger = logging.getLogger("django.security.oidc")


class MedewerkerOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> Any:
        """A refused token sends the staff member back to the login page with a message
        (not to a bare 400 page); the reason goes to the security log, without claims."""
        try:
            return super().authenticate(request, **kwargs)
        except SuspiciousOperation as exc:
            logger.warning("SSO-login geweigerd: %s", exc)
            return None

    def verify_token(self, token: str, **kwargs: Any) -> Any:
        """The signature and nonce (mozilla-django-oidc), and also what it leaves out:
        the token must be meant for this application (aud) and, when OIDC_OP_ISSUER is
        set, come from that issuer."""
        payload = super().verify_token(token, **kwargs)
        doelgroep = payload.get("aud")
        doelgroepen = doelgroep if isinstance(doelgroep, list) else [doelgroep]
        if self.OIDC_RP_CLIENT_ID not in doelgroepen:
            raise SuspiciousOperation("OIDC-token is niet voor deze applicatie (aud).")
        uitgever = self.get_settings("OIDC_OP_ISSUER", "")
        if uitgever and payload.get("iss") != uitgever:
            raise SuspiciousOperation("OIDC-token komt niet van de ingestelde uitgever (iss).")
        return payload

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        email = claims.get("email")
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)


def sso_aangemeld(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """On login (signal user_logged_in): remember in the session that it came via SSO,
    and that the identity provider just checked who this is (a fresh authentication,
    enough to enrol a second factor: herauthenticatie). An account that still waited
    for activation is in use now: its activation link stops working."""
    if request is not None and getattr(user, "backend", "") == BACKEND:
        request.session[SESSIE_SSO] = True
        wachtwoord_bevestigd(request)
        activatie_door_sso(medewerker=user)


def tweede_factor_nodig(request: HttpRequest) -> bool:
    """True while this session still has to give a TOTP code."""
    if not settings.HHB_OTP_REQUIRED or request.user.is_verified():  # type: ignore[union-attr]
        return False
    return not (settings.OIDC_IDP_DOET_MFA and request.session.get(SESSIE_SSO))
