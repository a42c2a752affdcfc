"""Writes of participation (deelname): start, change the terms, end, start again.

Rules: a participant has at most one open deelname (also a database constraint);
periods do not overlap; the end is never before the start; ending before the minimum
term is over needs an explicit confirmation ("toch beëindigen").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer, momentopname

from .models import Burger, Deelname, Variant
from .selectors import einde_minimale_looptijd, gemeente_instellingen, vaste_lasten_bij_variant

DEELNAMEVELDEN = (
    "startdatum",
    "minimale_looptijd_maanden",
    "variant",
    "buffergrens",
    "signaal_negatief_saldo",
)
# Marked for the catalogue here, translated where it is raised (at request time).
OPEN_DEELNAME = gettext_noop("Deze deelnemer heeft al een lopende deelname; beëindig die eerst.")


def _datum(waarde: dt.date) -> str:
    return f"{waarde:%d-%m-%Y}"


def _gegevens(gegevens: Mapping[str, Any]) -> dict[str, Any]:
    """Defaults filled in (today, the municipality's minimum term, 'volledig') and checked."""
    data = {
        "startdatum": gegevens.get("startdatum") or timezone.localdate(),
        "minimale_looptijd_maanden": gegevens.get("minimale_looptijd_maanden"),
        "variant": gegevens.get("variant") or Variant.VOLLEDIG,
        "buffergrens": gegevens.get("buffergrens"),
        "signaal_negatief_saldo": bool(gegevens.get("signaal_negatief_saldo", True)),
    }
    if data["minimale_looptijd_maanden"] in (None, ""):
        data["minimale_looptijd_maanden"] = gemeente_instellingen().minimale_looptijd_maanden
    fouten: dict[str, str] = {}
    if not isinstance(data["startdatum"], dt.date):
        fouten["startdatum"] = _("Vul een geldige startdatum in.")
    if data["variant"] not in Variant.values:
        fouten["variant"] = _("Kies een variant.")
    looptijd = data["minimale_looptijd_maanden"]
    if not isinstance(looptijd, int) or not 0 <= looptijd <= 120:
        fouten["minimale_looptijd_maanden"] = _(
            "De minimale looptijd is 0 tot en met 120 maanden."
        )
    buffer = data["buffergrens"]
    if buffer is not None and (not isinstance(buffer, int) or buffer < 0):
        fouten["buffergrens"] = _("De buffergrens kan niet negatief zijn.")
    if fouten:
        raise ValidationError(fouten)
    return data


def _controleer_overlap(deelname: Deelname) -> None:
    """No two deelnames of one participant cover the same day."""
    einde = deelname.einddatum or dt.date.max
    andere = Deelname.objects.filter(burger_id=deelname.burger_id).exclude(pk=deelname.pk)
    for ander in andere:
        if ander.startdatum <= einde and (ander.einddatum or dt.date.max) >= deelname.startdatum:
            if ander.einddatum is None:
                raise ValidationError({"startdatum": _(OPEN_DEELNAME)})
            raise ValidationError(
                {
                    "startdatum": _(
                        "Deze periode overlapt met de deelname van %(start)s tot en met "
                        "%(einde)s; begin na %(einde)s."
                    )
                    % {"start": _datum(ander.startdatum), "einde": _datum(ander.einddatum)}
                }
            )


def _controleer_variant(deelname: Deelname) -> None:
    """'inkomsten' and 'afbouw' pay no fixed costs: refuse while some still run."""
    if deelname.einddatum is not None and deelname.einddatum <= timezone.localdate():
        return
    reden = vaste_lasten_bij_variant(deelname.burger, deelname.variant)
    if reden:
        raise ValidationError({"variant": reden})


def _bewaar(deelname: Deelname) -> None:
    deelname.full_clean(exclude=["burger"], validate_constraints=False)
    try:
        with transaction.atomic():
            deelname.save()
    except IntegrityError:  # the one-open constraint, hit by a concurrent request
        raise ValidationError({"startdatum": _(OPEN_DEELNAME)}) from None


@transaction.atomic
def deelname_aanmaken(*, door: Any, burger: Burger, gegevens: Mapping[str, Any]) -> Deelname:
    """Start a (new) deelname; only when every earlier one has ended before its start."""
    Burger.objects.select_for_update().filter(pk=burger.pk).first()
    data = _gegevens(gegevens)
    deelname = Deelname(burger=burger, **data)
    _controleer_overlap(deelname)
    _controleer_variant(deelname)
    _bewaar(deelname)
    audit_registreer(door=door, actie=AuditActie.AANGEMAAKT, obj=deelname, burger_id=burger.pk)
    return deelname


@transaction.atomic
def deelname_wijzigen(*, door: Any, deelname: Deelname, gegevens: Mapping[str, Any]) -> Deelname:
    """Change the terms (start, minimum term, variant, buffer limit, alert)."""
    deelname = Deelname.objects.select_for_update().get(pk=deelname.pk)
    voor = momentopname(deelname)
    data = _gegevens(gegevens)
    for veld, waarde in data.items():
        setattr(deelname, veld, waarde)
    if deelname.einddatum is not None and deelname.einddatum < deelname.startdatum:
        raise ValidationError(
            {
                "startdatum": _(
                    "De deelname eindigt op %(einde)s; de startdatum ligt daarna."
                )
                % {"einde": _datum(deelname.einddatum)}
            }
        )
    _controleer_overlap(deelname)
    if deelname.variant != voor["variant"]:
        _controleer_variant(deelname)
    _bewaar(deelname)
    audit_registreer(
        door=door, actie=AuditActie.GEWIJZIGD, obj=deelname, voor=voor, burger_id=deelname.burger_id
    )
    return deelname


@transaction.atomic
def deelname_beeindigen(
    *, door: Any, deelname: Deelname, einddatum: dt.date, toch_beeindigen: bool = False
) -> Deelname:
    """Set the last day of participation. Before the minimum term is over only with
    `toch_beeindigen` (the participation agreement allows the team to end early)."""
    deelname = Deelname.objects.select_for_update().get(pk=deelname.pk)
    if not isinstance(einddatum, dt.date):
        raise ValidationError({"einddatum": _("Vul een geldige einddatum in.")})
    if einddatum < deelname.startdatum:
        raise ValidationError(
            {
                "einddatum": _("De einddatum ligt vóór de startdatum (%(start)s).")
                % {"start": _datum(deelname.startdatum)}
            }
        )
    minimum = einde_minimale_looptijd(deelname)
    if einddatum < minimum and not toch_beeindigen:
        raise ValidationError(
            {
                "toch_beeindigen": _(
                    "De minimale looptijd loopt tot en met %(einde)s. "
                    "Vink 'toch beëindigen' aan om de deelname eerder te beëindigen."
                )
                % {"einde": _datum(minimum)}
            }
        )
    voor = momentopname(deelname)
    deelname.einddatum = einddatum
    _controleer_overlap(deelname)
    _bewaar(deelname)
    audit_registreer(
        door=door, actie=AuditActie.GEWIJZIGD, obj=deelname, voor=voor, burger_id=deelname.burger_id
    )
    return deelname
