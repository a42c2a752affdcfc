"""Writes for staff accounts: create, change role or status (security: services_beveiliging).

Staff are never deleted (the audit trail refers to them); they are deactivated. Each
change gets an audit line whose snapshot leaves out the password hash.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from huishoudboekje.audit.models import AuditActie, AuditRegel
from huishoudboekje.audit.services import audit_registreer

from .models import Medewerker
from .momentopname import medewerker_momentopname
from .roles import Rol
from .services_activatie import Uitnodiging, activatielink_aanmaken
from .services_rollen import is_zaakrol, rolverzoek_indienen, rolverzoek_intrekken

WIJZIGBARE_VELDEN = ("first_name", "last_name", "email", "rol", "is_active")


def _registreer(
    *, door: Any, actie: AuditActie, medewerker: Medewerker, voor: dict[str, Any] | None
) -> AuditRegel:
    return audit_registreer(
        door=door, actie=actie, obj=medewerker, voor=voor, na=medewerker_momentopname(medewerker)
    )


@transaction.atomic
def medewerker_aanmaken(*, door: Any, gegevens: dict[str, Any]) -> Uitnodiging:
    """Create a staff member without a password (it cannot be used to log in) and make
    the activation link with which they choose their own. A case role is requested,
    not given (services_rollen): the account starts without a role until approved."""
    rol = gegevens.get("rol", "")
    medewerker = Medewerker(
        username=gegevens["username"],
        first_name=gegevens.get("first_name", ""),
        last_name=gegevens.get("last_name", ""),
        email=gegevens.get("email", ""),
        rol="" if is_zaakrol(rol) else rol,
        is_active=True,
    )
    medewerker.set_unusable_password()
    medewerker.activatie_open = True
    medewerker.full_clean()
    medewerker.save()
    _registreer(door=door, actie=AuditActie.AANGEMAAKT, medewerker=medewerker, voor=None)
    if rol != medewerker.rol:
        rolverzoek_indienen(door=door, medewerker=medewerker, rol=rol)
    return activatielink_aanmaken(door=door, medewerker=medewerker)


def _controleer_eigen_account(door: Any, medewerker: Medewerker, gegevens: dict[str, Any]) -> None:
    """A functional administrator cannot lock themselves out."""
    if getattr(door, "pk", None) != medewerker.pk:
        return
    if gegevens.get("is_active", True) is False:
        raise ValidationError({"is_active": _("U kunt uw eigen account niet uitschakelen.")})
    if (
        gegevens.get("rol", medewerker.rol) != Rol.BEHEERDER.value
        and medewerker.rol == Rol.BEHEERDER.value
    ):
        raise ValidationError(
            {"rol": _("U kunt uw eigen rol van functioneel beheerder niet afnemen.")}
        )


@transaction.atomic
def medewerker_wijzigen(
    *, door: Any, medewerker: Medewerker, gegevens: dict[str, Any]
) -> Medewerker:
    """Change names, e-mail, role or active status. Unknown keys are refused.

    A case role (services_rollen.ZAAKROLLEN) is not set here but requested: the role
    changes when a teamleider approves. Any other role (or none) is set at once and
    withdraws an open request."""
    onbekend = set(gegevens) - set(WIJZIGBARE_VELDEN)
    if onbekend:
        raise ValidationError(
            _("Deze gegevens kunnen hier niet gewijzigd worden: %(namen)s")
            % {"namen": ", ".join(sorted(onbekend))}
        )
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    _controleer_eigen_account(door, medewerker, gegevens)
    voor = medewerker_momentopname(medewerker)
    rol = gegevens.get("rol", medewerker.rol)
    for sleutel, waarde in gegevens.items():
        if sleutel != "rol":
            setattr(medewerker, sleutel, waarde)
    if rol != medewerker.rol and not is_zaakrol(rol):
        rolverzoek_intrekken(door=door, medewerker=medewerker)
        medewerker.rol = rol
    medewerker.full_clean()
    medewerker.save()
    if medewerker_momentopname(medewerker) != voor:
        _registreer(door=door, actie=AuditActie.GEWIJZIGD, medewerker=medewerker, voor=voor)
    if rol != medewerker.rol:
        rolverzoek_indienen(door=door, medewerker=medewerker, rol=rol)
    return medewerker


@transaction.atomic
def medewerker_deactiveren(*, door: Any, medewerker: Medewerker) -> Medewerker:
    """Switch the account off. Staff are never deleted: the audit trail refers to them."""
    return medewerker_wijzigen(door=door, medewerker=medewerker, gegevens={"is_active": False})
