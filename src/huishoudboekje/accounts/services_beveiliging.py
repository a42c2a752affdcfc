"""Writes for an account's security: password, second factor, sessions.

Each is audited on the staff member (object "medewerker") with what changed, never a
secret: no password hash, no TOTP key. Ending sessions works by a new session key
(`Medewerker.sessiesleutel`, part of the session hash): every other browser of that
account is logged out at its next request, whatever the session backend.
"""

import secrets
from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer

from .models import Medewerker

ACTIEF, BEEINDIGD = "actief", "beeindigd"


def _nederlands(fout: ValidationError) -> str:
    """Django 5.2 changed the msgid of the too-short message and its Dutch catalogue
    has not caught up; say it ourselves (in Dutch, or English from our own catalogue).
    Other messages are translated by Django or are our own."""
    if fout.code == "password_too_short":
        minimum = (fout.params or {}).get("min_length", "")
        return _("Dit wachtwoord is te kort. De minimale lengte is %(minimum)s tekens.") % {
            "minimum": minimum
        }
    return " ".join(fout.messages)


def wachtwoord_controleren(wachtwoord: str, medewerker: Medewerker, veld: str) -> None:
    """Every password rule (settings.AUTH_PASSWORD_VALIDATORS), errors on form field `veld`."""
    try:
        password_validation.validate_password(wachtwoord, user=medewerker)
    except ValidationError as exc:
        raise ValidationError({veld: [_nederlands(f) for f in exc.error_list]}) from exc


def _nieuwe_sessiesleutel(medewerker: Medewerker) -> None:
    medewerker.sessiesleutel = secrets.token_hex(16)
    medewerker.save(update_fields=["sessiesleutel"])


@transaction.atomic
def wachtwoord_wijzigen(*, medewerker: Medewerker, nieuw: str) -> Medewerker:
    """The staff member sets a new password of their own (the old one was checked by the
    caller). The session hash follows the password, so the account's other sessions end;
    the caller keeps the current one (update_session_auth_hash)."""
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    wachtwoord_controleren(nieuw, medewerker, "wachtwoord1")
    medewerker.set_password(nieuw)
    medewerker.save(update_fields=["password"])
    audit_registreer(
        door=medewerker,
        actie=AuditActie.GEWIJZIGD,
        obj=medewerker,
        voor={"wachtwoord": "vorig wachtwoord", "andere_sessies": ACTIEF},
        na={"wachtwoord": "nieuw wachtwoord", "andere_sessies": BEEINDIGD},
    )
    return medewerker


@transaction.atomic
def sessies_beeindigen(*, door: Any, medewerker: Medewerker) -> None:
    """Log the account out on every device (the caller may keep its own session)."""
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    _nieuwe_sessiesleutel(medewerker)
    audit_registreer(
        door=door,
        actie=AuditActie.GEWIJZIGD,
        obj=medewerker,
        voor={"sessies": ACTIEF},
        na={"sessies": BEEINDIGD},
    )


@transaction.atomic
def tweede_factor_gekoppeld(*, medewerker: Medewerker, apparaat: TOTPDevice) -> None:
    """The staff member confirmed a new authenticator app with a correct code."""
    apparaat.confirmed = True
    apparaat.save(update_fields=["confirmed"])
    aantal = TOTPDevice.objects.filter(user=medewerker, confirmed=True).count()
    audit_registreer(
        door=medewerker,
        actie=AuditActie.GEWIJZIGD,
        obj=medewerker,
        voor={"tweede_factor_apparaten": aantal - 1},
        na={"tweede_factor_apparaten": aantal},
    )


@transaction.atomic
def medewerker_tweede_factor_resetten(*, door: Any, medewerker: Medewerker) -> int:
    """Remove the staff member's authenticator(s) and end all their sessions: whoever is
    logged in as them must log in again with the password, and enrolling a new app
    needs that fresh password (views.tweede_factor). Returns the number removed; the
    audit line records counts only, never the secret keys."""
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    apparaten = TOTPDevice.objects.filter(user=medewerker)
    aantal = apparaten.count()
    apparaten.delete()
    _nieuwe_sessiesleutel(medewerker)
    audit_registreer(
        door=door,
        actie=AuditActie.GEWIJZIGD,
        obj=medewerker,
        voor={"tweede_factor_apparaten": aantal, "sessies": ACTIEF},
        na={"tweede_factor_apparaten": 0, "sessies": BEEINDIGD},
    )
    return aantal
