"""A fresh password entry: proof, kept in the session for a few minutes, that the person
at the keyboard knows the account's password now (not only that the session once did).

Enrolling a second factor asks for it: a session that was left open, or taken over,
cannot bind the attacker's authenticator app to the account. The login form, the
activation page and single sign-on record it; a plain `login()` (a test's force_login,
a session that is hours old) does not.
"""

import time

from django.contrib.auth import authenticate
from django.http import HttpRequest

SESSIE_BEVESTIGD = "hhb_wachtwoord_bevestigd"
VERS_SECONDEN = 5 * 60


def wachtwoord_bevestigd(request: HttpRequest) -> None:
    """Record that the password (or the identity provider) was just checked."""
    request.session[SESSIE_BEVESTIGD] = int(time.time())


def vers_bevestigd(request: HttpRequest) -> bool:
    """True within VERS_SECONDEN after the last password entry in this session."""
    moment = request.session.get(SESSIE_BEVESTIGD)
    return isinstance(moment, int) and 0 <= time.time() - moment <= VERS_SECONDEN


def wachtwoord_klopt(request: HttpRequest, wachtwoord: str) -> bool:
    """Check the logged-in staff member's password through the authentication backends,
    so django-axes counts a wrong one like a failed login (and locks after too many)."""
    gebruiker = request.user
    gevonden = authenticate(request, username=gebruiker.get_username(), password=wachtwoord)
    return gevonden is not None and gevonden.pk == gebruiker.pk
