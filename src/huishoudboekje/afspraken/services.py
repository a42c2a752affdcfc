"""Writes of agreements: create, change, follow-up, copy, end and delete.

Every service checks the full rules of `regels.controleer_afspraak` (so the API and
commands cannot store what the form would refuse) and records an audit line in the same
transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer, momentopname
from huishoudboekje.burgers.models import Burger

from .models import Afspraak
from .regels import VELDEN, controleer_afspraak

_EEN_DAG = dt.timedelta(days=1)


def afspraak_in_gebruik(afspraak: Afspraak) -> str | None:
    """Why this agreement may not be deleted, or None when it may.

    Bookings (journaalposten) and, later, payment files refer to agreements; deleting
    would lose history. Add such checks here.
    """
    if afspraak.pk and Afspraak.objects.filter(vervolg_op=afspraak).exists():
        return _("Deze afspraak heeft een vervolgafspraak en kan daarom niet worden verwijderd.")
    if afspraak.pk and afspraak.journaalposten.exists():
        return _(
            "Op deze afspraak zijn banktransacties geboekt; verwijderen zou de boekhouding "
            "breken. Beëindig de afspraak in plaats daarvan."
        )
    return None


def _normaliseer(gegevens: Mapping[str, Any]) -> dict[str, Any]:
    """Defaults for optional keys, text trimmed, dates in the exception list sorted."""
    data = dict(gegevens)
    data.setdefault("leefgeld", False)
    data.setdefault("afdeling", None)
    data.setdefault("geldig_tot", None)
    data.setdefault("zoektermen", [])
    data.setdefault("betaalwijze", "")
    data.setdefault("interval", 1)
    for veld in ("dag_van_maand", "weekdag", "maand"):
        data.setdefault(veld, None)
    data.setdefault("uitzonderingen", [])
    if isinstance(data.get("omschrijving"), str):
        data["omschrijving"] = data["omschrijving"].strip()
    data["leefgeld"] = bool(data["leefgeld"])
    data["betaalwijze"] = data["betaalwijze"] or ""
    if data["interval"] in (None, ""):
        data["interval"] = 1
    return data


def _controleer(burger: Burger, gegevens: Mapping[str, Any]) -> dict[str, Any]:
    data = _normaliseer(gegevens)
    fouten = controleer_afspraak(burger, data)
    if fouten:
        raise ValidationError(fouten)
    return data


def _vul(afspraak: Afspraak, data: Mapping[str, Any]) -> None:
    for veld in VELDEN:
        waarde = data[veld]
        if veld == "uitzonderingen":
            waarde = [d.isoformat() for d in sorted(set(waarde))]
        setattr(afspraak, veld, waarde)


def _bewaar(afspraak: Afspraak) -> None:
    afspraak.full_clean(exclude=["vervolg_op"])
    afspraak.save()


@transaction.atomic
def afspraak_aanmaken(*, door: Any, burger: Burger, gegevens: Mapping[str, Any]) -> Afspraak:
    """A new agreement for `burger`; `gegevens` holds the keys of `regels.VELDEN`."""
    data = _controleer(burger, gegevens)
    afspraak = Afspraak(burger=burger)
    _vul(afspraak, data)
    _bewaar(afspraak)
    audit_registreer(door=door, actie=AuditActie.AANGEMAAKT, obj=afspraak, burger_id=burger.pk)
    return afspraak


def _controleer_keten(afspraak: Afspraak, data: Mapping[str, Any]) -> None:
    """A follow-up chain has no gaps or overlaps: an agreement with a follow-up ends the
    day before it starts; a follow-up starts the day after its predecessor ends."""
    vervolg = Afspraak.objects.filter(vervolg_op=afspraak).first()
    if vervolg is not None and data["geldig_tot"] != vervolg.geldig_van - _EEN_DAG:
        einde = vervolg.geldig_van - _EEN_DAG
        raise ValidationError(
            {
                "geldig_tot": _(
                    "Deze afspraak loopt door in een vervolgafspraak; "
                    "de einddatum blijft %(datum)s."
                )
                % {"datum": f"{einde:%d-%m-%Y}"}
            }
        )
    vorige = afspraak.vervolg_op
    if (
        vorige is not None
        and vorige.geldig_tot
        and data["geldig_van"] != vorige.geldig_tot + _EEN_DAG
    ):
        begin = vorige.geldig_tot + _EEN_DAG
        raise ValidationError(
            {
                "geldig_van": _("Dit is een vervolgafspraak; de begindatum blijft %(datum)s.")
                % {"datum": f"{begin:%d-%m-%Y}"}
            }
        )


@transaction.atomic
def afspraak_wijzigen(*, door: Any, afspraak: Afspraak, gegevens: Mapping[str, Any]) -> Afspraak:
    """Change an agreement in place (corrections). For a change from a date on, use
    `afspraak_vervolgen`, so the history of what was agreed stays visible."""
    afspraak = Afspraak.objects.select_for_update().get(pk=afspraak.pk)
    voor = momentopname(afspraak)
    data = _controleer(afspraak.burger, gegevens)
    _controleer_keten(afspraak, data)
    _vul(afspraak, data)
    _bewaar(afspraak)
    audit_registreer(
        door=door, actie=AuditActie.GEWIJZIGD, obj=afspraak, voor=voor, burger_id=afspraak.burger_id
    )
    return afspraak


@transaction.atomic
def afspraak_vervolgen(*, door: Any, afspraak: Afspraak, gegevens: Mapping[str, Any]) -> Afspraak:
    """End `afspraak` the day before `gegevens['geldig_van']` and create its follow-up
    (same participant, `vervolg_op` pointing back) from that day on."""
    oud = Afspraak.objects.select_for_update().get(pk=afspraak.pk)
    data = _controleer(oud.burger, gegevens)
    if Afspraak.objects.filter(vervolg_op=oud).exists():
        raise ValidationError(
            _("Deze afspraak heeft al een vervolgafspraak; maak een vervolg op die afspraak.")
        )
    begin: dt.date = data["geldig_van"]
    if begin <= oud.geldig_van:
        raise ValidationError(
            {
                "geldig_van": _(
                    "Het vervolg moet na de begindatum van de huidige afspraak "
                    "(%(datum)s) beginnen."
                )
                % {"datum": f"{oud.geldig_van:%d-%m-%Y}"}
            }
        )
    if oud.geldig_tot is not None and begin > oud.geldig_tot + _EEN_DAG:
        raise ValidationError(
            {
                "geldig_van": _(
                    "De huidige afspraak eindigt al op %(einde)s; "
                    "het vervolg begint uiterlijk %(uiterlijk)s."
                )
                % {
                    "einde": f"{oud.geldig_tot:%d-%m-%Y}",
                    "uiterlijk": f"{oud.geldig_tot + _EEN_DAG:%d-%m-%Y}",
                }
            }
        )
    voor = momentopname(oud)
    oud.geldig_tot = begin - _EEN_DAG
    _bewaar(oud)
    audit_registreer(
        door=door, actie=AuditActie.GEWIJZIGD, obj=oud, voor=voor, burger_id=oud.burger_id
    )
    nieuw = Afspraak(burger=oud.burger, vervolg_op=oud)
    _vul(nieuw, data)
    _bewaar(nieuw)
    audit_registreer(door=door, actie=AuditActie.AANGEMAAKT, obj=nieuw, burger_id=nieuw.burger_id)
    return nieuw


@transaction.atomic
def afspraak_kopieren(
    *, door: Any, bron: Afspraak, burger: Burger, gegevens: Mapping[str, Any]
) -> Afspraak:
    """A new, independent agreement for `burger` (the same or another participant) based
    on `bron`; the caller passes the (possibly edited) data. No follow-up link is made."""
    nieuw = afspraak_aanmaken(door=door, burger=burger, gegevens=gegevens)
    return nieuw


@transaction.atomic
def afspraak_beeindigen(*, door: Any, afspraak: Afspraak, einddatum: dt.date) -> Afspraak:
    """Set the last day the agreement is valid."""
    afspraak = Afspraak.objects.select_for_update().get(pk=afspraak.pk)
    if einddatum < afspraak.geldig_van:
        raise ValidationError(
            {
                "einddatum": _("De einddatum ligt vóór de begindatum (%(datum)s).")
                % {"datum": f"{afspraak.geldig_van:%d-%m-%Y}"}
            }
        )
    if Afspraak.objects.filter(vervolg_op=afspraak).exists():
        raise ValidationError(
            {
                "einddatum": _(
                    "Deze afspraak heeft een vervolgafspraak; beëindig de vervolgafspraak."
                )
            }
        )
    voor = momentopname(afspraak)
    afspraak.geldig_tot = einddatum
    _bewaar(afspraak)
    audit_registreer(
        door=door, actie=AuditActie.GEWIJZIGD, obj=afspraak, voor=voor, burger_id=afspraak.burger_id
    )
    return afspraak


@transaction.atomic
def afspraak_verwijderen(*, door: Any, afspraak: Afspraak) -> None:
    """Delete an agreement that was never used (see `afspraak_in_gebruik`)."""
    afspraak = Afspraak.objects.select_for_update().get(pk=afspraak.pk)
    reden = afspraak_in_gebruik(afspraak)
    if reden:
        raise ValidationError(reden)
    voor = momentopname(afspraak)
    audit_registreer(
        door=door,
        actie=AuditActie.VERWIJDERD,
        obj=afspraak,
        voor=voor,
        burger_id=afspraak.burger_id,
    )
    afspraak.delete()
