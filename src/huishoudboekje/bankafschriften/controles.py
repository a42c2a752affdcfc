"""Checks of one statement at its end, before it is accepted: not from the future, and
not contradicting a statement already imported. Each refusal is an `Importfout`; the
import then rolls back the whole file."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from huishoudboekje.core.money import formatteer_bedrag

from . import meldingen
from .models import Bankafschrift


class Importfout(ValueError):
    """The file is refused for a reason of content (not of syntax); Dutch message."""


def niet_in_de_toekomst(
    afschrift: Bankafschrift, laatste_boekdatum: dt.date | None, naam: str
) -> None:
    """A statement ending after today (or with a booking after today) cannot be right."""
    vandaag = timezone.localdate()
    laatste = max((d for d in (afschrift.einddatum, laatste_boekdatum) if d), default=None)
    if laatste is not None and laatste > vandaag:
        raise Importfout(meldingen.in_de_toekomst(naam, laatste, vandaag))


def geen_andere_versie(a: Bankafschrift, naam: str) -> None:
    """Refuse a statement that another already imported one contradicts: the same
    account, period and opening balance, another closing balance (a bank's second
    version of a statement; only one can be right). A statement without entries on
    either side contradicts nothing (a bank may send an empty one for the day)."""
    if a.begindatum is None or a.einddatum is None or not a.aantal_transacties:
        return
    eerder = (
        Bankafschrift.objects.filter(
            rekening_id=a.rekening_id,
            begindatum=a.begindatum,
            einddatum=a.einddatum,
            beginsaldo=a.beginsaldo,
            aantal_transacties__gt=0,
            eindsaldo__isnull=False,
        )
        .exclude(pk=a.pk)
        .exclude(eindsaldo=a.eindsaldo)
        .select_related("importbestand")
        .first()
    )
    if eerder is not None:
        raise Importfout(
            meldingen.andere_versie(
                naam,
                eerder=meldingen.afschriftnaam(
                    eerder.afschrift_id, eerder.volgnummer, eerder.einddatum
                ),
                bestand=eerder.importbestand.bestandsnaam,
                eind=formatteer_bedrag(a.eindsaldo or 0),
                eerder_eind=formatteer_bedrag(eerder.eindsaldo or 0),
            )
        )
