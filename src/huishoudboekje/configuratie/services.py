"""Writes of the municipality's configuration, each with an audit line."""

from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer, momentopname
from huishoudboekje.core.identificatie import (
    IdentificatieFout,
    bic_bij_iban,
    normaliseer_bic,
    normaliseer_iban,
)
from huishoudboekje.kernmeldingen import vertaal

from .models import Gemeente, GemeenteRekening
from .selectors import gemeente, gemeenterekening_in_gebruik

GEMEENTE_VELDEN = {
    "naam",
    "standaard_buffergrens",
    "alarm_marge_dagen",
    "alarm_marge_bedrag",
    "leefgeld_standaard_bedrag",
    "leefgeld_standaard_frequentie",
    "leefgeld_standaard_weekdag",
    "minimale_looptijd_maanden",
}


@transaction.atomic
def gemeente_wijzigen(*, door: Any, **waarden: Any) -> Gemeente:
    """Change the municipality's settings; unknown keys are refused."""
    onbekend = set(waarden) - GEMEENTE_VELDEN
    if onbekend:
        raise ValidationError(
            _("Onbekende instelling(en): %(namen)s") % {"namen": ", ".join(sorted(onbekend))}
        )
    obj = gemeente()
    voor = momentopname(obj)
    for sleutel, waarde in waarden.items():
        setattr(obj, sleutel, waarde)
    obj.full_clean()
    obj.save()
    audit_registreer(door=door, actie=AuditActie.GEWIJZIGD, obj=obj, voor=voor)
    return obj


@transaction.atomic
def gemeenterekening_opslaan(
    *,
    door: Any,
    iban: str,
    rekeninghouder: str,
    bic: str = "",
    omschrijving: str = "",
    zonder_saldi: bool = False,
    rekening: GemeenteRekening | None = None,
) -> GemeenteRekening:
    """Create or change one of the municipality's own accounts; BIC derived when empty.

    `zonder_saldi`: the bank of this account sends statements without balances; only
    then are such statements imported (checked by continuity alone), see
    `bankafschriften.services`."""
    try:
        iban = normaliseer_iban(iban)
    except IdentificatieFout as exc:
        raise ValidationError({"iban": vertaal(exc)}) from exc
    try:
        bic = normaliseer_bic(bic) if bic else bic_bij_iban(iban)
    except IdentificatieFout as exc:
        raise ValidationError({"bic": vertaal(exc)}) from exc
    voor = momentopname(rekening) if rekening else None
    obj = rekening or GemeenteRekening()
    obj.iban, obj.rekeninghouder = iban, rekeninghouder
    obj.bic = bic
    obj.omschrijving = omschrijving
    obj.zonder_saldi = zonder_saldi
    obj.full_clean()
    obj.save()
    audit_registreer(
        door=door, actie=AuditActie.GEWIJZIGD if voor else AuditActie.AANGEMAAKT, obj=obj, voor=voor
    )
    return obj


@transaction.atomic
def gemeenterekening_verwijderen(*, door: Any, rekening: GemeenteRekening) -> None:
    """Delete one of the municipality's accounts that no statement refers to."""
    reden = gemeenterekening_in_gebruik(rekening)
    if reden:
        raise ValidationError(reden)
    voor = momentopname(rekening)
    audit_registreer(door=door, actie=AuditActie.VERWIJDERD, obj=rekening, voor=voor)
    rekening.delete()


def _rekeningen_uit_yaml(items: Any) -> list[dict[str, Any]]:
    """Check every account in the file first and report all problems at once."""
    if not isinstance(items, list):
        raise ValidationError(_("'rekeningen' moet een lijst zijn."))
    fouten: list[str] = []
    rekeningen: list[dict[str, Any]] = []
    for nummer, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            fouten.append(
                _(
                    "Rekening %(nummer)s: verwacht iban, rekeninghouder "
                    "(en eventueel bic, omschrijving)."
                )
                % {"nummer": nummer}
            )
            continue
        ontbrekend = [k for k in ("iban", "rekeninghouder") if not item.get(k)]
        if ontbrekend:
            fouten.append(
                _("Rekening %(nummer)s: %(velden)s ontbreekt.")
                % {"nummer": nummer, "velden": ", ".join(ontbrekend)}
            )
            continue
        try:
            iban = normaliseer_iban(str(item["iban"]))
        except IdentificatieFout as exc:
            fouten.append(
                _("Rekening %(nummer)s (%(iban)s): %(fout)s")
                % {"nummer": nummer, "iban": item["iban"], "fout": exc}
            )
            continue
        zonder_saldi = item.get("zonder_saldi", False)
        if not isinstance(zonder_saldi, bool):
            fouten.append(
                _("Rekening %(nummer)s (%(iban)s): zonder_saldi moet true of false zijn.")
                % {"nummer": nummer, "iban": item["iban"]}
            )
            continue
        rekeningen.append(
            {
                "iban": iban,
                "rekeninghouder": str(item["rekeninghouder"]),
                "bic": str(item.get("bic") or ""),
                "omschrijving": str(item.get("omschrijving") or ""),
                "zonder_saldi": zonder_saldi,
            }
        )
    if fouten:
        raise ValidationError(fouten)
    return rekeningen


@transaction.atomic
def configuratie_laden(*, bestand: Path, door: Any = None) -> dict[str, int]:
    """Seed or update the configuration from a YAML file (idempotent, all or nothing)."""
    try:
        data = yaml.safe_load(Path(bestand).read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ValidationError(
            _("Het configuratiebestand is geen geldige YAML: %(fout)s") % {"fout": exc}
        ) from exc
    if not isinstance(data, dict):
        raise ValidationError(_("Het configuratiebestand moet een YAML-mapping zijn."))
    instellingen = data.get("gemeente") or {}
    if not isinstance(instellingen, dict):
        raise ValidationError(_("'gemeente' moet een mapping van instellingen zijn."))
    rekeningen = _rekeningen_uit_yaml(data.get("rekeningen") or [])
    if instellingen:
        gemeente_wijzigen(door=door, **instellingen)
    for item in rekeningen:
        bestaand = GemeenteRekening.objects.filter(iban=item["iban"]).first()
        gemeenterekening_opslaan(door=door, rekening=bestaand, **item)
    return {"instellingen": len(instellingen), "rekeningen": len(rekeningen)}
