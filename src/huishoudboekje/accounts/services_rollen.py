"""Case roles only with a teamleider's approval (four eyes).

A case role is a role that sees participants' personal data: frontoffice, backoffice,
teamleider, and the auditor too (it reads every participant file and the audit trail,
whose snapshots hold personal data; giving that away unseen is the same leak). The
beheerder cannot give any account a case role, his own included: his change becomes a
pending request that a teamleider, not the requester and not the account itself,
approves or rejects. Taking a role away, or giving one without access to personal
data (beheerder, none), takes effect at once: less access needs no second pair of eyes.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer, momentopname

from .models import Medewerker, Rolverzoek, RolverzoekStatus
from .momentopname import medewerker_momentopname
from .roles import Recht, Rol, heeft_recht

# Rights that show participants' personal data: a role holding any of them is a case role.
_PERSOONSGEGEVENS = (
    Recht.BURGERS_LEZEN,
    Recht.AFSPRAKEN_LEZEN,
    Recht.AUDIT_LEZEN,
    Recht.BANKAFSCHRIFTEN_LEZEN,
)
ZAAKROLLEN: frozenset[Rol] = frozenset(
    rol for rol in Rol if any(heeft_recht(rol, recht) for recht in _PERSOONSGEGEVENS)
)


def is_zaakrol(rol: str) -> bool:
    return rol in {r.value for r in ZAAKROLLEN}


def _afhandelen(verzoek: Rolverzoek, *, door: Any, status: str, toelichting: str = "") -> None:
    voor = momentopname(verzoek)
    verzoek.status = status
    verzoek.beoordeeld_door = door
    verzoek.beoordeeld_op = timezone.now()
    verzoek.toelichting = toelichting[:500]
    verzoek.save(update_fields=["status", "beoordeeld_door", "beoordeeld_op", "toelichting"])
    audit_registreer(door=door, actie=AuditActie.GEWIJZIGD, obj=verzoek, voor=voor)


def _open_intrekken(*, door: Any, medewerker: Medewerker) -> int:
    open_ = list(
        Rolverzoek.objects.select_for_update().filter(
            medewerker=medewerker, status=RolverzoekStatus.OPEN
        )
    )
    for verzoek in open_:
        _afhandelen(verzoek, door=door, status=RolverzoekStatus.INGETROKKEN)
    return len(open_)


@transaction.atomic
def rolverzoek_indienen(*, door: Any, medewerker: Medewerker, rol: str) -> Rolverzoek:
    """Ask for a case role; an open request for another role of the same account is
    withdrawn (the same request again changes nothing)."""
    if not is_zaakrol(rol):
        raise ValidationError({"rol": _("Voor deze rol is geen goedkeuring nodig.")})
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    zelfde = Rolverzoek.objects.filter(
        medewerker=medewerker, status=RolverzoekStatus.OPEN, rol=rol
    ).first()
    if zelfde is not None:
        return zelfde
    _open_intrekken(door=door, medewerker=medewerker)
    verzoek = Rolverzoek.objects.create(
        medewerker=medewerker, rol=rol, vorige_rol=medewerker.rol, aangevraagd_door=door
    )
    audit_registreer(door=door, actie=AuditActie.AANGEMAAKT, obj=verzoek)
    return verzoek


@transaction.atomic
def rolverzoek_intrekken(*, door: Any, medewerker: Medewerker) -> int:
    """The beheerder takes back the open request for this account; returns how many (0, 1)."""
    return _open_intrekken(door=door, medewerker=medewerker)


@transaction.atomic
def rolverzoek_beoordelen(
    *, door: Any, verzoek: Rolverzoek, goedkeuren: bool, toelichting: str = ""
) -> Rolverzoek:
    """A teamleider approves (the role changes now) or rejects the request."""
    verzoek = Rolverzoek.objects.select_for_update().get(pk=verzoek.pk)
    if verzoek.status != RolverzoekStatus.OPEN:
        raise ValidationError(_("Dit verzoek is al afgehandeld."))
    if not getattr(door, "pk", None) or not door.mag(Recht.ROLLEN_GOEDKEUREN):
        raise ValidationError(_("Alleen een teamleider beoordeelt rolverzoeken."))
    if door.pk in (verzoek.aangevraagd_door_id, verzoek.medewerker_id):
        raise ValidationError(
            _(
                "U kunt niet beslissen over een verzoek dat u zelf hebt ingediend of dat over "
                "uw eigen account gaat. Een andere teamleider beoordeelt het."
            )
        )
    if not goedkeuren:
        _afhandelen(verzoek, door=door, status=RolverzoekStatus.AFGEWEZEN, toelichting=toelichting)
        return verzoek
    _rol_zetten(door=door, medewerker=verzoek.medewerker, rol=verzoek.rol)
    _afhandelen(verzoek, door=door, status=RolverzoekStatus.GOEDGEKEURD, toelichting=toelichting)
    return verzoek


def _rol_zetten(*, door: Any, medewerker: Medewerker, rol: str, **extra: str) -> Medewerker:
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    voor = medewerker_momentopname(medewerker)
    medewerker.rol = rol
    medewerker.save(update_fields=["rol"])
    audit_registreer(
        door=door,
        actie=AuditActie.GEWIJZIGD,
        obj=medewerker,
        voor=voor,
        na={**medewerker_momentopname(medewerker), **extra},
    )
    return medewerker


@transaction.atomic
def rol_toekennen_op_de_server(*, medewerker: Medewerker, rol: str, reden: str) -> Medewerker:
    """Without approval, for `hhb rol-toekennen` only: the first beheerder and teamleider of
    an installation, by whoever runs the server. Audited as 'systeem' with the reason."""
    if not reden.strip():
        raise ValidationError(_("Geef een reden."))
    return _rol_zetten(door=None, medewerker=medewerker, rol=rol, via=f"opdrachtregel: {reden}")
