"""Activation links: a new staff member chooses their own password.

The beheerder creates the account without a password (unusable) and gets a one-time
link to hand over; it is also e-mailed when the account has an e-mail address. The
link holds a random secret, signed and timestamped with SECRET_KEY; the database keeps
only its SHA-256. It works once, for HHB_ACTIVATIELINK_UREN hours, only while the
account still waits for activation, and a newer link revokes it. Nobody but the staff
member ever knows the password.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
import smtplib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer

from .models import Activatielink, Medewerker
from .services_beveiliging import wachtwoord_controleren
from .services_rollen import is_zaakrol, rolverzoek_indienen

ZOUT = "huishoudboekje.accounts.activatielink"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Uitnodiging:
    """A link just made: `sleutel` goes into the URL and is never stored."""

    medewerker: Medewerker
    sleutel: str
    verloopt_op: dt.datetime


def _geldigheid() -> dt.timedelta:
    return dt.timedelta(hours=settings.HHB_ACTIVATIELINK_UREN)


def _hash(geheim: str) -> str:
    return hashlib.sha256(geheim.encode()).hexdigest()


def _ongeldig() -> ValidationError:
    return ValidationError(
        _(
            "Deze activatielink is ongeldig, verlopen of al gebruikt. Vraag de functioneel "
            "beheerder om een nieuwe."
        )
    )


@transaction.atomic
def activatielink_aanmaken(*, door: Any, medewerker: Medewerker) -> Uitnodiging:
    """A new link for an account that waits for activation; older open links are revoked.
    An account in use (it has a password, or logs in with SSO) never gets one: that
    would let whoever holds the link take it over (see medewerker_opnieuw_activeren)."""
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    if not medewerker.is_active or not medewerker.wacht_op_activatie:
        raise ValidationError(
            _(
                "Dit account is al geactiveerd of uitgeschakeld en krijgt geen activatielink. "
                "Alleen de medewerker zelf kan het wachtwoord wijzigen."
            )
        )
    nu = timezone.now()
    ingetrokken = Activatielink.objects.filter(
        medewerker=medewerker, gebruikt_op__isnull=True, ingetrokken_op__isnull=True
    ).update(ingetrokken_op=nu)
    geheim = secrets.token_urlsafe(32)
    link = Activatielink.objects.create(
        medewerker=medewerker,
        sleutel_hash=_hash(geheim),
        aangemaakt_door=door if getattr(door, "pk", None) else None,
        verloopt_op=nu + _geldigheid(),
    )
    audit_registreer(
        door=door,
        actie=AuditActie.GEWIJZIGD,
        obj=medewerker,
        voor={"activatielink": "ingetrokken" if ingetrokken else "geen"},
        na={"activatielink": f"geldig tot {timezone.localtime(link.verloopt_op):%Y-%m-%d %H:%M}"},
    )
    sleutel = signing.dumps(geheim, salt=ZOUT)
    return Uitnodiging(medewerker=medewerker, sleutel=sleutel, verloopt_op=link.verloopt_op)


@transaction.atomic
def medewerker_opnieuw_activeren(*, door: Any, medewerker: Medewerker) -> Uitnodiging:
    """Password forgotten: the account goes back to activation. Its password stops
    working, every session ends, a new link is made. A case role lapses and is requested
    again (services_rollen), so a beheerder who uses the link himself holds an account
    without access to participants until a teamleider, who can check with the colleague,
    approves. The authenticator app stays: whoever activates must still have it."""
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    if getattr(door, "pk", None) == medewerker.pk:
        raise ValidationError(_("Uw eigen wachtwoord wijzigt u zelf, bij Mijn account."))
    if not medewerker.is_active:
        raise ValidationError(_("Een uitgeschakeld account kan niet opnieuw geactiveerd worden."))
    rol = medewerker.rol
    medewerker.set_unusable_password()
    medewerker.activatie_open = True
    medewerker.sessiesleutel = secrets.token_hex(16)
    if is_zaakrol(rol):
        medewerker.rol = ""
    medewerker.save(update_fields=["password", "activatie_open", "sessiesleutel", "rol"])
    audit_registreer(
        door=door,
        actie=AuditActie.GEWIJZIGD,
        obj=medewerker,
        voor={
            "activatie": "geactiveerd",
            "wachtwoord": "ingesteld",
            "rol": rol,
            "sessies": "actief",
        },
        na={
            "activatie": "wacht op activatie",
            "wachtwoord": "vervallen",
            "rol": medewerker.rol,
            "sessies": "beeindigd",
        },
    )
    if rol != medewerker.rol:
        rolverzoek_indienen(door=door, medewerker=medewerker, rol=rol)
    return activatielink_aanmaken(door=door, medewerker=medewerker)


def activatielink_zoeken(sleutel: str) -> Activatielink | None:
    """The open link for `sleutel`, or None when it is forged, expired, used, revoked,
    or its account no longer waits for activation."""
    try:
        geheim = signing.loads(sleutel, salt=ZOUT, max_age=_geldigheid())
    except signing.BadSignature:
        return None
    if not isinstance(geheim, str):
        return None
    link = (
        Activatielink.objects.select_related("medewerker")
        .filter(sleutel_hash=_hash(geheim), gebruikt_op__isnull=True, ingetrokken_op__isnull=True)
        .first()
    )
    if link is None or link.verloopt_op <= timezone.now():
        return None
    if not link.medewerker.is_active or not link.medewerker.wacht_op_activatie:
        return None
    return link


@transaction.atomic
def medewerker_activeren(*, sleutel: str, wachtwoord: str) -> Medewerker:
    """The staff member sets their first password with the link; the link is used up."""
    gevonden = activatielink_zoeken(sleutel)
    if gevonden is None:
        raise _ongeldig()
    link = Activatielink.objects.select_for_update().get(pk=gevonden.pk)
    medewerker = Medewerker.objects.select_for_update().get(pk=link.medewerker_id)
    if link.gebruikt_op or link.ingetrokken_op or not medewerker.wacht_op_activatie:
        raise _ongeldig()  # used by a second tab or request in the meantime
    wachtwoord_controleren(wachtwoord, medewerker, "wachtwoord1")
    medewerker.set_password(wachtwoord)
    medewerker.activatie_open = False
    medewerker.save(update_fields=["password", "activatie_open"])
    link.gebruikt_op = timezone.now()
    link.save(update_fields=["gebruikt_op"])
    audit_registreer(
        door=medewerker,
        actie=AuditActie.GEWIJZIGD,
        obj=medewerker,
        voor={"activatie": "wacht op activatie", "wachtwoord": "geen"},
        na={"activatie": "geactiveerd", "wachtwoord": "door de medewerker gekozen"},
    )
    return medewerker


@transaction.atomic
def activatie_door_sso(*, medewerker: Medewerker) -> None:
    """The staff member logged in through single sign-on: the account is in use, so its
    activation link stops working (it would let the holder add a password)."""
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    if not medewerker.activatie_open:
        return
    medewerker.activatie_open = False
    medewerker.save(update_fields=["activatie_open"])
    Activatielink.objects.filter(
        medewerker=medewerker, gebruikt_op__isnull=True, ingetrokken_op__isnull=True
    ).update(ingetrokken_op=timezone.now())
    audit_registreer(
        door=medewerker,
        actie=AuditActie.GEWIJZIGD,
        obj=medewerker,
        voor={"activatie": "wacht op activatie"},
        na={"activatie": "geactiveerd via single sign-on", "activatielink": "ingetrokken"},
    )


GEMAILD, GEEN_ADRES, NIET_VERSTUURD = "gemaild", "geen_adres", "niet_verstuurd"


def activatielink_mailen(*, uitnodiging: Uitnodiging, url: str) -> str:
    """Send the link to the account's e-mail address (Django's EMAIL_BACKEND; the console
    in demo mode). Returns GEMAILD, GEEN_ADRES, or NIET_VERSTUURD when the mail server
    refused: the account and its link exist either way, and the page shows the link."""
    adres = uitnodiging.medewerker.email
    if not adres:
        return GEEN_ADRES
    with translation.override(settings.LANGUAGE_CODE):
        onderwerp = _("Uw account voor Huishoudboekje")
        tekst = _(
            "Er is een account voor u aangemaakt met gebruikersnaam %(naam)s.\n\n"
            "Kies uw eigen wachtwoord via deze link (eenmalig te gebruiken, geldig tot "
            "%(tot)s):\n\n%(url)s\n\n"
            "Hebt u dit niet verwacht? Gebruik de link dan niet en meld het bij de "
            "functioneel beheerder."
        ) % {
            "naam": uitnodiging.medewerker.username,
            "tot": f"{timezone.localtime(uitnodiging.verloopt_op):%d-%m-%Y %H:%M}",
            "url": url,
        }
    try:
        send_mail(onderwerp, tekst, None, [adres])
    except (OSError, smtplib.SMTPException) as fout:
        logger.warning(
            "Activatielink voor medewerker %s niet gemaild: %s",
            uitnodiging.medewerker.pk,
            type(fout).__name__,
        )
        return NIET_VERSTUURD
    return GEMAILD
