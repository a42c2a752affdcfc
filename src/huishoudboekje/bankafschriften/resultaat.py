"""What an import reports (`Bestandsresultaat`, also for a file imported before) and the
stored row of a new transaction; used by `services.bankafschrift_importeren`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from huishoudboekje.core.bank.model import Transactie

from . import meldingen
from .models import Afletteruitkomst, Importbestand


@dataclass
class Bestandsresultaat:
    bestandsnaam: str
    gelukt: bool = False
    formaat: str = ""
    afschriften: int = 0
    transacties: int = 0
    nieuw: int = 0
    dubbel: int = 0
    automatisch: int = 0
    fouten: list[str] = field(default_factory=list)
    waarschuwingen: list[str] = field(default_factory=list)
    importbestand_id: int | None = None
    al_ingelezen: bool = False  # the same file (SHA-256) was imported before: nothing stored
    mogelijk_dubbel: int = 0  # stored, but marked as possibly the same as a stored line


class AlIngelezen(Exception):  # noqa: N818 (not an error: rolls the import back)
    def __init__(self, eerder: Importbestand) -> None:
        super().__init__()
        self.eerder = eerder


def al_ingelezen_resultaat(bestandsnaam: str, eerder: Importbestand) -> Bestandsresultaat:
    """The result for a file imported before: its figures as then, nothing stored now."""
    return Bestandsresultaat(
        bestandsnaam=bestandsnaam,
        gelukt=True,
        al_ingelezen=True,
        formaat=eerder.formaat,
        afschriften=eerder.afschriften.count(),
        transacties=eerder.aantal_transacties,
        dubbel=eerder.aantal_transacties,
        importbestand_id=eerder.pk,
        waarschuwingen=[
            meldingen.al_ingelezen(
                bestandsnaam,
                tijdstip=f"{timezone.localtime(eerder.tijdstip):%d-%m-%Y %H:%M}",
                door=eerder.geimporteerd_door_naam,
                eerste_naam=eerder.bestandsnaam,
            )
        ],
    )


def nieuwe_rij(
    sleutel: str,
    t: Transactie,
    dubbel_van: int | None,
    *,
    afschrift_id: int,
    rekening_id: int,
    afgeletterd: dt.datetime | None,
) -> dict[str, Any]:
    """The stored row (field attname -> value) for a new transaction; `geboekt` 0: its
    automatic booking, if any, is the ledger's (`grootboek`)."""
    return {
        "mogelijk_dubbel_van_id": dubbel_van,
        "afschrift_id": afschrift_id,
        "rekening_id": rekening_id,
        "sleutel": sleutel,
        "bedrag": t.bedrag,
        "geboekt": 0,
        "boekdatum": t.boekdatum,
        "valutadatum": t.valutadatum,
        "tegen_iban": t.tegen_iban[:34],
        "tegen_naam": t.tegen_naam[:140],
        "tegen_bic": t.tegen_bic[:11],
        "omschrijving": t.omschrijving,
        "betalingskenmerk": t.betalingskenmerk[:140],
        "end_to_end_id": t.end_to_end_id[:140],
        "mandaat_id": t.mandaat_id[:140],
        "incassant_id": t.incassant_id[:140],
        "bankreferentie": t.bankreferentie[:140],
        "transactiecode": t.transactiecode[:60],
        "retourreden": t.retourreden[:35],
        "bron": t.bron,
        "afletter_uitkomst": Afletteruitkomst.MOGELIJK_DUBBEL
        if dubbel_van
        else Afletteruitkomst.NIET_AFGELETTERD,
        "afletter_toelichting": _(
            "Mogelijk dubbel: een eerder ingelezen transactie heeft dezelfde datum, hetzelfde "
            "bedrag en dezelfde tegenrekening. Niet automatisch geboekt; controleer het "
            "afschrift van de bank."
        )
        if dubbel_van
        else "",
        "afletter_tijdstip": afgeletterd,
    }
