"""Writes for ledger accounts and rubrieken."""

from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import ngettext

from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer, momentopname

from .models import Grootboekrekening, Rubriek

RGS_BESTAND = Path(__file__).with_name("rgs.yaml")


@transaction.atomic
def rgs_laden(*, bestand: Path = RGS_BESTAND) -> tuple[int, int]:
    """Create or update the shipped ledger accounts and their default rubrieken.

    Idempotent: running it again changes nothing that already exists. Returns
    (ledger accounts created, rubrieken created).
    """
    data = yaml.safe_load(bestand.read_text(encoding="utf-8"))
    nieuwe_rekeningen = nieuwe_rubrieken = 0
    for item in data["grootboekrekeningen"]:
        rekening, aangemaakt = Grootboekrekening.objects.update_or_create(
            referentiecode=item["code"],
            defaults={
                "referentienummer": str(item.get("nummer", "")),
                "omschrijving": item["omschrijving"],
                "soort": item["soort"],
            },
        )
        nieuwe_rekeningen += int(aangemaakt)
        for naam in item.get("rubrieken", []):
            _rubriek, gemaakt = Rubriek.objects.get_or_create(
                naam=naam, defaults={"grootboekrekening": rekening}
            )
            nieuwe_rubrieken += int(gemaakt)
    return nieuwe_rekeningen, nieuwe_rubrieken


@transaction.atomic
def rubriek_opslaan(*, door: Any, rubriek: Rubriek) -> Rubriek:
    """Create or update a rubriek, with audit line.

    A rubriek in use keeps its kind: switching an income rubriek to an expense ledger
    account would put existing agreements on the wrong side of the books.
    """
    oud = None
    if rubriek.pk:
        oud = (
            Rubriek.objects.select_for_update()
            .select_related("grootboekrekening")
            .get(pk=rubriek.pk)
        )
    voor = momentopname(oud) if oud else None
    rubriek.full_clean()
    if oud is not None and oud.grootboekrekening.soort != rubriek.grootboekrekening.soort:
        aantal = oud.afspraken.count()
        if aantal:
            soort = oud.grootboekrekening.get_soort_display().lower()
            raise ValidationError(
                {
                    "grootboekrekening": ngettext(
                        "Deze rubriek wordt gebruikt door %(aantal)s afspraak (%(soort)s); "
                        "kies een grootboekrekening van dezelfde soort.",
                        "Deze rubriek wordt gebruikt door %(aantal)s afspraken (%(soort)s); "
                        "kies een grootboekrekening van dezelfde soort.",
                        aantal,
                    )
                    % {"aantal": aantal, "soort": soort}
                }
            )
    rubriek.save()
    audit_registreer(
        door=door,
        actie=AuditActie.GEWIJZIGD if voor else AuditActie.AANGEMAAKT,
        obj=rubriek,
        voor=voor,
    )
    return rubriek


@transaction.atomic
def rubriek_verwijderen(*, door: Any, rubriek: Rubriek) -> None:
    """Delete a rubriek that no agreement uses; otherwise refuse and say why."""
    rubriek = Rubriek.objects.select_for_update().get(pk=rubriek.pk)
    aantal = rubriek.afspraken.count()
    if aantal:
        raise ValidationError(
            ngettext(
                "Rubriek %(naam)s kan niet worden verwijderd: er is nog %(aantal)s afspraak "
                "met deze rubriek.",
                "Rubriek %(naam)s kan niet worden verwijderd: er zijn nog %(aantal)s afspraken "
                "met deze rubriek.",
                aantal,
            )
            % {"naam": rubriek.naam, "aantal": aantal}
        )
    audit_registreer(
        door=door, actie=AuditActie.VERWIJDERD, obj=rubriek, voor=momentopname(rubriek)
    )
    rubriek.delete()
