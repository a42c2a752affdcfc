"""Writes on bank accounts. One IBAN is stored once; departments and participants link to it.

Every change is recorded in the audit trail. A change to an account that participants
hold is recorded once per participant (with their burger_id), so it shows up on each
participant's own audit page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer, momentopname
from huishoudboekje.core import identificatie as ident
from huishoudboekje.kernmeldingen import vertaal

from .models import Rekening
from .selectors import rekening_in_gebruik

# Marked for the catalogue here, translated where it is raised (at request time).
HOUDER_VERPLICHT = gettext_noop("Vul de naam van de rekeninghouder in.")


def _bic(bic: str, iban: str) -> str:
    """The BIC typed (validated), or the one derived from the IBAN's bank, or ""."""
    if bic and bic.strip():
        try:
            return ident.normaliseer_bic(bic)
        except ident.IdentificatieFout as exc:
            raise ValidationError({"bic": vertaal(exc)}) from exc
    return ident.bic_bij_iban(iban)


def _registreer(
    *, door: Any, actie: AuditActie, rekening: Rekening, voor: dict[str, Any] | None
) -> None:
    """One audit line, or one per participant that holds this account."""
    burger_ids = list(rekening.burgers.values_list("pk", flat=True)) if rekening.pk else []
    for burger_id in burger_ids or [None]:
        audit_registreer(door=door, actie=actie, obj=rekening, voor=voor, burger_id=burger_id)


@transaction.atomic
def rekening_zoeken_of_aanmaken(
    *,
    door: Any,
    iban: str,
    rekeninghouder: str = "",
    bic: str = "",
    burger_id: int | None = None,
) -> tuple[Rekening, bool]:
    """The existing account with this IBAN (unchanged), or a new one with the BIC typed or
    derived from the IBAN. Returns (account, new). Pass `burger_id` when the account is
    created for a participant, so the audit line shows on that participant's page."""
    try:
        compact = ident.normaliseer_iban(iban or "")
    except ident.IdentificatieFout as exc:
        raise ValidationError({"iban": vertaal(exc)}) from exc
    bestaand = Rekening.objects.filter(iban=compact).first()
    if bestaand is not None:
        return bestaand, False
    houder = (rekeninghouder or "").strip()
    if not houder:
        raise ValidationError({"rekeninghouder": _(HOUDER_VERPLICHT)})
    rekening = Rekening(iban=compact, rekeninghouder=houder, bic=_bic(bic, compact))
    rekening.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            rekening.save()
    except IntegrityError:  # created concurrently by someone else: use that one
        return Rekening.objects.get(iban=compact), False
    audit_registreer(door=door, actie=AuditActie.AANGEMAAKT, obj=rekening, burger_id=burger_id)
    return rekening, True


@transaction.atomic
def rekening_wijzigen(*, door: Any, rekening: Rekening, gegevens: Mapping[str, Any]) -> Rekening:
    """Change holder name and BIC. The IBAN itself never changes: that would be another account."""
    rekening = Rekening.objects.select_for_update().get(pk=rekening.pk)
    voor = momentopname(rekening)
    houder = str(gegevens.get("rekeninghouder") or "").strip()
    if not houder:
        raise ValidationError({"rekeninghouder": _(HOUDER_VERPLICHT)})
    rekening.rekeninghouder = houder
    rekening.bic = _bic(str(gegevens.get("bic") or ""), rekening.iban)
    rekening.full_clean(validate_unique=False, validate_constraints=False)
    if momentopname(rekening) == voor:
        return rekening
    rekening.save(update_fields=["rekeninghouder", "bic"])
    _registreer(door=door, actie=AuditActie.GEWIJZIGD, rekening=rekening, voor=voor)
    return rekening


@transaction.atomic
def rekening_verwijderen(*, door: Any, rekening: Rekening) -> None:
    """Delete an account that no agreement, department or participant uses any more."""
    rekening = Rekening.objects.select_for_update().get(pk=rekening.pk)
    reden = rekening_in_gebruik(rekening)
    if reden:
        raise ValidationError(reden)
    voor = momentopname(rekening)
    try:
        with transaction.atomic():
            rekening.delete()
    except ProtectedError as exc:
        raise ValidationError(
            _("Deze rekening wordt nog gebruikt en kan daarom niet worden verwijderd.")
        ) from exc
    rekening.pk = voor["id"]
    audit_registreer(door=door, actie=AuditActie.VERWIJDERD, obj=rekening, voor=voor)
