"""Writes on organisations (ketenpartners) and their departments.

Each use case validates, writes and records an audit line in one transaction. Nothing
that is in use is deleted: the reason comes from the selectors, and a ProtectedError
from the database (a race with a new agreement) gives the same kind of message.
Postal addresses and bank account links are in `services_afdelingen`.
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

from .models import Afdeling, Organisatie
from .selectors import afdeling_in_gebruik, organisatie_in_gebruik

# Marked for the catalogue here, translated where it is raised (at request time).
AFDELING_BESTAAT = gettext_noop("Deze organisatie heeft al een afdeling met deze naam.")


def tekst_uit(gegevens: Mapping[str, Any], veld: str) -> str:
    return str(gegevens.get(veld) or "").strip()


def _normaliseer(functie: Any, waarde: str, veld: str) -> str:
    try:
        return str(functie(waarde))
    except ident.IdentificatieFout as exc:
        raise ValidationError({veld: vertaal(exc)}) from exc


def _kvk_bestaat(organisatie: Organisatie) -> str | None:
    """The message when another organisation has the same KvK and branch number."""
    ander = (
        Organisatie.objects.filter(
            kvk_nummer=organisatie.kvk_nummer, vestigingsnummer=organisatie.vestigingsnummer
        )
        .exclude(pk=organisatie.pk)
        .first()
    )
    if ander is None:
        return None
    if organisatie.vestigingsnummer:
        return _(
            "Er bestaat al een organisatie met dit KvK-nummer en vestigingsnummer: %(naam)s."
        ) % {"naam": ander.naam}
    return _(
        "Er bestaat al een organisatie met dit KvK-nummer zonder vestigingsnummer: %(naam)s. "
        "Vul het vestigingsnummer in als het om een andere vestiging gaat."
    ) % {"naam": ander.naam}


def _vul_organisatie(organisatie: Organisatie, gegevens: Mapping[str, Any]) -> None:
    organisatie.naam = tekst_uit(gegevens, "naam")
    organisatie.kvk_nummer = _normaliseer(
        ident.normaliseer_kvk, tekst_uit(gegevens, "kvk_nummer"), "kvk_nummer"
    )
    vestiging = tekst_uit(gegevens, "vestigingsnummer")
    organisatie.vestigingsnummer = (
        _normaliseer(ident.normaliseer_vestigingsnummer, vestiging, "vestigingsnummer")
        if vestiging
        else ""
    )
    organisatie.full_clean(validate_unique=False, validate_constraints=False)
    melding = _kvk_bestaat(organisatie)
    if melding:
        raise ValidationError({"kvk_nummer": melding})


def _opslaan_uniek(obj: Any, veld: str, melding: Any) -> None:
    """Save; a unique constraint violated by a concurrent write becomes a field error."""
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        tekst = melding(obj) if callable(melding) else melding
        raise ValidationError({veld: tekst or _("Deze gegevens bestaan al.")}) from exc


@transaction.atomic
def organisatie_aanmaken(*, door: Any, gegevens: Mapping[str, Any]) -> Organisatie:
    """A new organisation with name, KvK number and optional branch number."""
    organisatie = Organisatie()
    _vul_organisatie(organisatie, gegevens)
    _opslaan_uniek(organisatie, "kvk_nummer", _kvk_bestaat)
    audit_registreer(door=door, actie=AuditActie.AANGEMAAKT, obj=organisatie)
    return organisatie


@transaction.atomic
def organisatie_wijzigen(
    *, door: Any, organisatie: Organisatie, gegevens: Mapping[str, Any]
) -> Organisatie:
    organisatie = Organisatie.objects.select_for_update().get(pk=organisatie.pk)
    voor = momentopname(organisatie)
    _vul_organisatie(organisatie, gegevens)
    if momentopname(organisatie) == voor:
        return organisatie
    _opslaan_uniek(organisatie, "kvk_nummer", _kvk_bestaat)
    audit_registreer(door=door, actie=AuditActie.GEWIJZIGD, obj=organisatie, voor=voor)
    return organisatie


def verwijder_beschermd(obj: Any, melding: str) -> dict[str, Any]:
    """Delete `obj`, turning a ProtectedError into `melding` (translated by the caller);
    returns its snapshot with the primary key kept for the audit line."""
    voor = momentopname(obj)
    pk = obj.pk
    try:
        with transaction.atomic():
            obj.delete()
    except ProtectedError as exc:
        raise ValidationError(melding) from exc
    obj.pk = pk
    return voor


@transaction.atomic
def organisatie_verwijderen(*, door: Any, organisatie: Organisatie) -> None:
    """Delete an organisation without departments."""
    organisatie = Organisatie.objects.select_for_update().get(pk=organisatie.pk)
    reden = organisatie_in_gebruik(organisatie)
    if reden:
        raise ValidationError(reden)
    voor = verwijder_beschermd(
        organisatie, _("Deze organisatie wordt nog gebruikt en kan niet worden verwijderd.")
    )
    audit_registreer(door=door, actie=AuditActie.VERWIJDERD, obj=organisatie, voor=voor)


def _afdeling_naam(afdeling: Afdeling, gegevens: Mapping[str, Any]) -> None:
    afdeling.naam = tekst_uit(gegevens, "naam")
    afdeling.full_clean(validate_unique=False, validate_constraints=False)
    dubbel = Afdeling.objects.filter(organisatie=afdeling.organisatie, naam__iexact=afdeling.naam)
    if dubbel.exclude(pk=afdeling.pk).exists():
        raise ValidationError({"naam": _(AFDELING_BESTAAT)})


@transaction.atomic
def afdeling_aanmaken(
    *, door: Any, organisatie: Organisatie, gegevens: Mapping[str, Any]
) -> Afdeling:
    """A new department of `organisatie` (accounts and addresses are added after)."""
    afdeling = Afdeling(organisatie=organisatie)
    _afdeling_naam(afdeling, gegevens)
    _opslaan_uniek(afdeling, "naam", _(AFDELING_BESTAAT))
    audit_registreer(door=door, actie=AuditActie.AANGEMAAKT, obj=afdeling)
    return afdeling


@transaction.atomic
def afdeling_wijzigen(*, door: Any, afdeling: Afdeling, gegevens: Mapping[str, Any]) -> Afdeling:
    afdeling = (
        Afdeling.objects.select_for_update().select_related("organisatie").get(pk=afdeling.pk)
    )
    voor = momentopname(afdeling)
    _afdeling_naam(afdeling, gegevens)
    if momentopname(afdeling) == voor:
        return afdeling
    _opslaan_uniek(afdeling, "naam", _(AFDELING_BESTAAT))
    audit_registreer(door=door, actie=AuditActie.GEWIJZIGD, obj=afdeling, voor=voor)
    return afdeling


@transaction.atomic
def afdeling_verwijderen(*, door: Any, afdeling: Afdeling) -> None:
    """Delete a department no agreement uses, with its postal addresses. Its accounts
    stay (they may be shared); only the links go."""
    afdeling = (
        Afdeling.objects.select_for_update().select_related("organisatie").get(pk=afdeling.pk)
    )
    reden = afdeling_in_gebruik(afdeling)
    if reden:
        raise ValidationError(reden)
    for adres in list(afdeling.postadressen.all()):
        voor_adres = verwijder_beschermd(adres, _("Dit postadres kan niet worden verwijderd."))
        audit_registreer(door=door, actie=AuditActie.VERWIJDERD, obj=adres, voor=voor_adres)
    voor = verwijder_beschermd(
        afdeling, _("Deze afdeling wordt nog gebruikt en kan niet worden verwijderd.")
    )
    audit_registreer(door=door, actie=AuditActie.VERWIJDERD, obj=afdeling, voor=voor)
