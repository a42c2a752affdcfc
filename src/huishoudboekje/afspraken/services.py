"""Writes of agreements: create, change, follow-up, copy, end and delete.

Direction and rubriek are fixed once an agreement has bookings (its journaalposten were
booked under that rubriek; changing it in place would leave them on the old one without
anyone noticing): `afspraak_vervolgen_met_rubriek` continues it under a new one instead.

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
from huishoudboekje.boekhouding.models import Rubriek, Soort
from huishoudboekje.burgers.models import Burger

from . import selectors
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
    if selectors.heeft_boekingen(afspraak):
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


def _controleer_vast_na_boeking(afspraak: Afspraak, data: Mapping[str, Any]) -> None:
    """Refuse a new direction or rubriek on an agreement that has bookings."""
    rubriek = data["rubriek"]
    anders = {
        "richting": data["richting"] != afspraak.richting,
        "rubriek": getattr(rubriek, "pk", rubriek) != afspraak.rubriek_id,
    }
    if not any(anders.values()) or not selectors.heeft_boekingen(afspraak):
        return
    meldingen = {
        "richting": _(
            "Op deze afspraak zijn al banktransacties geboekt; de richting kan daarom niet "
            "meer veranderen. Maak een vervolgafspraak met de nieuwe richting."
        ),
        "rubriek": _(
            "Op deze afspraak zijn al banktransacties geboekt op de rubriek %(rubriek)s; de "
            "rubriek kan daarom niet meer veranderen. Maak een vervolgafspraak met de nieuwe "
            "rubriek."
        )
        % {"rubriek": afspraak.rubriek.naam},
    }
    raise ValidationError({veld: meldingen[veld] for veld, ja in anders.items() if ja})


@transaction.atomic
def afspraak_wijzigen(*, door: Any, afspraak: Afspraak, gegevens: Mapping[str, Any]) -> Afspraak:
    """Change an agreement in place (corrections). For a change from a date on, use
    `afspraak_vervolgen`, so the history of what was agreed stays visible; for another
    direction or rubriek once there are bookings, `afspraak_vervolgen_met_rubriek`."""
    afspraak = Afspraak.objects.select_for_update().get(pk=afspraak.pk)
    voor = momentopname(afspraak)
    data = _controleer(afspraak.burger, gegevens)
    _controleer_vast_na_boeking(afspraak, data)
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


def gegevens_uit_afspraak(afspraak: Afspraak) -> dict[str, Any]:
    """The data of an existing agreement in the shape the services take."""
    gegevens: dict[str, Any] = {veld: getattr(afspraak, veld) for veld in VELDEN}
    gegevens["zoektermen"] = list(afspraak.zoektermen)
    gegevens["uitzonderingen"] = [dt.date.fromisoformat(d) for d in afspraak.uitzonderingen]
    return gegevens


def _controleer_einddatum_vervolg(oud: Afspraak, einddatum: dt.date) -> None:
    """The old agreement ends within its validity and not before its last booking."""
    melding = None
    laatste = oud.journaalposten.order_by("-datum").values_list("datum", flat=True).first()
    if einddatum < oud.geldig_van:
        melding = _("De laatste dag ligt vóór de begindatum van de afspraak (%(datum)s).") % {
            "datum": f"{oud.geldig_van:%d-%m-%Y}"
        }
    elif oud.geldig_tot is not None and einddatum > oud.geldig_tot:
        melding = _("De afspraak eindigt al op %(datum)s; kies die dag of eerder.") % {
            "datum": f"{oud.geldig_tot:%d-%m-%Y}"
        }
    elif laatste is not None and einddatum < laatste:
        melding = _(
            "Op deze afspraak is geboekt tot en met %(datum)s; kies die dag of later als "
            "laatste dag, zodat elke boeking binnen de geldigheid van haar afspraak valt."
        ) % {"datum": f"{laatste:%d-%m-%Y}"}
    if melding:
        raise ValidationError({"einddatum": melding})


@transaction.atomic
def afspraak_vervolgen_met_rubriek(
    *,
    door: Any,
    afspraak: Afspraak,
    einddatum: dt.date,
    richting: str,
    rubriek: Rubriek,
    betaalwijze: str = "",
) -> Afspraak:
    """End `afspraak` on `einddatum` and continue it from the next day with another
    direction or rubriek; everything else (counterparty, amount, description, search
    terms, schedule, end date) is copied. Its bookings stay on the old agreement, under
    the rubriek they were booked on. A payment method belongs to expenses only, so it is
    dropped for an income. Both agreements are audited (see `afspraak_vervolgen`)."""
    oud = Afspraak.objects.select_for_update().get(pk=afspraak.pk)
    if richting == oud.richting and rubriek.pk == oud.rubriek_id:
        raise ValidationError(
            {"rubriek": _("Kies een andere richting of rubriek dan die van de huidige afspraak.")}
        )
    _controleer_einddatum_vervolg(oud, einddatum)
    begin = einddatum + _EEN_DAG
    tot = oud.geldig_tot if oud.geldig_tot is not None and oud.geldig_tot >= begin else None
    gegevens = gegevens_uit_afspraak(oud) | {
        "richting": richting,
        "rubriek": rubriek,
        "betaalwijze": betaalwijze if richting == Soort.UITGAVEN else "",
        "geldig_van": begin,
        "geldig_tot": tot,
    }
    gegevens["uitzonderingen"] = [d for d in gegevens["uitzonderingen"] if d >= begin]
    return afspraak_vervolgen(door=door, afspraak=oud, gegevens=gegevens)


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
