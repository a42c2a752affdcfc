"""Booking bank transactions (journaalposten): manual booking on an agreement or a
rubriek, splitting, undo, and learning from staff. One use case per function, each
atomic, each recorded in the audit trail.

The transaction row is locked (`select_for_update`) before its booked amount changes, and
the database check `banktransactie_niet_meer_geboekt_dan_bedrag` refuses any booking that
would exceed the transaction: two staff members booking the same line at once cannot
book it twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer, momentopname
from huishoudboekje.bankafschriften.models import Afletteruitkomst, Banktransactie
from huishoudboekje.core.money import formatteer_bedrag

from .models import Journaalpost, Leerregel, Rubriek, Soort


class Boekfout(ValueError):
    """A booking is refused; the message (in the staff member's language) says why.
    Nothing was changed."""


@dataclass(frozen=True)
class Boekdeel:
    """One part of a (split) booking: on an agreement, or on a rubriek only."""

    bedrag: int  # cents, signed like the transaction
    afspraak: Afspraak | None = None
    rubriek: Rubriek | None = None


def _richting(transactie: Banktransactie) -> str:
    return Soort.INKOMSTEN if transactie.bedrag > 0 else Soort.UITGAVEN


def _controleer_deel(transactie: Banktransactie, deel: Boekdeel) -> None:
    bij = transactie.bedrag > 0  # a credit (income); otherwise a debit (expense)
    if deel.bedrag == 0 or (deel.bedrag > 0) != bij:
        raise Boekfout(
            _(
                "Het bedrag moet hetzelfde teken hebben als de transactie (een bijschrijving) "
                "en mag niet 0 zijn."
            )
            if bij
            else _(
                "Het bedrag moet hetzelfde teken hebben als de transactie (een afschrijving) "
                "en mag niet 0 zijn."
            )
        )
    if (deel.afspraak is None) == (deel.rubriek is None):
        raise Boekfout(_("Kies een afspraak of een rubriek om op te boeken."))
    # Only two directions exist, so a mismatched agreement or rubriek has the other one.
    if (
        deel.afspraak is not None
        and deel.afspraak.richting != _richting(transactie)
        and not _terugboeking(transactie, deel.afspraak)
    ):
        melding = (
            _(
                "Een bijschrijving kan alleen op een afspraak voor inkomsten worden geboekt; "
                "'%(omschrijving)s' is een afspraak voor uitgaven. Alleen een terugbetaling of "
                "storno van de eigen tegenrekening van de afspraak kan daarop."
            )
            if bij
            else _(
                "Een afschrijving kan alleen op een afspraak voor uitgaven worden geboekt; "
                "'%(omschrijving)s' is een afspraak voor inkomsten. Alleen een terugbetaling of "
                "storno van de eigen tegenrekening van de afspraak kan daarop."
            )
        )
        raise Boekfout(melding % {"omschrijving": deel.afspraak.omschrijving})
    if deel.rubriek is not None and deel.rubriek.soort != _richting(transactie):
        melding = (
            _(
                "Een bijschrijving kan alleen op een rubriek voor inkomsten worden geboekt; "
                "'%(naam)s' is een rubriek voor uitgaven."
            )
            if bij
            else _(
                "Een afschrijving kan alleen op een rubriek voor uitgaven worden geboekt; "
                "'%(naam)s' is een rubriek voor inkomsten."
            )
        )
        raise Boekfout(melding % {"naam": deel.rubriek.naam})


def _terugboeking(transactie: Banktransactie, afspraak: Afspraak) -> bool:
    """Money back from the agreement's own counterparty (a refund or a reversed direct
    debit on a cost; an income paid back): booked on that agreement, so it stays the
    participant's."""
    return bool(transactie.tegen_iban) and transactie.tegen_iban == afspraak.tegenrekening.iban


def _vergrendel(transactie_id: int) -> Banktransactie:
    try:
        return Banktransactie.objects.select_for_update().get(pk=transactie_id)
    except Banktransactie.DoesNotExist as exc:
        raise Boekfout(_("Deze transactie bestaat niet (meer).")) from exc


def _maak_post(
    *, door: Any, transactie: Banktransactie, deel: Boekdeel, toelichting: str
) -> Journaalpost:
    afspraak = deel.afspraak
    post = Journaalpost.objects.create(
        transactie=transactie,
        afspraak=afspraak,
        rubriek=afspraak.rubriek if afspraak is not None else deel.rubriek,
        burger_id=afspraak.burger_id if afspraak is not None else None,
        bedrag=deel.bedrag,
        datum=transactie.boekdatum,
        automatisch=False,
        toelichting=toelichting,
        geboekt_door=door if getattr(door, "pk", None) else None,
    )
    audit_registreer(
        door=door,
        actie=AuditActie.AANGEMAAKT,
        obj=post,
        burger_id=afspraak.burger_id if afspraak is not None else None,
    )
    return post


@transaction.atomic
def journaalposten_boeken(
    *,
    door: Any,
    transactie_id: int,
    delen: list[Boekdeel],
    volledig: bool = False,
    toelichting: str = "",
) -> list[Journaalpost]:
    """Book (part of) a transaction: one part, or a split over several parts.

    With `volledig=True` the parts must add up exactly to the open amount (splitting)."""
    transactie = _vergrendel(transactie_id)
    open_bedrag = transactie.open_bedrag
    if open_bedrag == 0:
        raise Boekfout(_("Deze transactie is al volledig geboekt."))
    if not delen:
        raise Boekfout(_("Geef ten minste één boeking op."))
    for deel in delen:
        _controleer_deel(transactie, deel)
    totaal = sum(d.bedrag for d in delen)
    if abs(totaal) > abs(open_bedrag):
        raise Boekfout(
            _("Samen %(totaal)s is meer dan het nog te boeken bedrag van %(open)s.")
            % {
                "totaal": formatteer_bedrag(abs(totaal)),
                "open": formatteer_bedrag(abs(open_bedrag)),
            }
        )
    if volledig and totaal != open_bedrag:
        raise Boekfout(
            _("De delen tellen op tot %(totaal)s; dat moet precies %(open)s zijn.")
            % {
                "totaal": formatteer_bedrag(abs(totaal)),
                "open": formatteer_bedrag(abs(open_bedrag)),
            }
        )
    posten = [
        _maak_post(door=door, transactie=transactie, deel=d, toelichting=toelichting) for d in delen
    ]
    try:
        with transaction.atomic():
            Banktransactie.objects.filter(pk=transactie.pk).update(
                geboekt=F("geboekt") + totaal, afletter_uitkomst=Afletteruitkomst.HANDMATIG
            )
    except IntegrityError as exc:  # the database's own guard; should never be reached
        raise Boekfout(_("Dit zou meer boeken dan het bedrag van de transactie.")) from exc
    return posten


@transaction.atomic
def journaalpost_ongedaan_maken(*, door: Any, journaalpost_id: int) -> Banktransactie:
    """Undo a booking: the amount goes back to unbooked. The audit trail keeps it.

    The transaction is locked first and the booking read again under that lock, so two
    undo clicks at once cannot take the amount off twice."""
    transactie_id = (
        Journaalpost.objects.filter(pk=journaalpost_id)
        .values_list("transactie_id", flat=True)
        .first()
    )
    if transactie_id is None:
        raise Boekfout(_("Deze boeking bestaat niet (meer)."))
    transactie = _vergrendel(transactie_id)
    post = Journaalpost.objects.select_for_update().filter(pk=journaalpost_id).first()
    if post is None:
        raise Boekfout(
            _("Deze boeking bestaat niet (meer); iemand anders heeft haar net ongedaan gemaakt.")
        )
    voor = momentopname(post)
    audit_registreer(
        door=door, actie=AuditActie.VERWIJDERD, obj=post, voor=voor, burger_id=post.burger_id
    )
    post.delete()
    Banktransactie.objects.filter(pk=transactie.pk).update(
        geboekt=F("geboekt") - post.bedrag, afletter_uitkomst=Afletteruitkomst.ONGEDAAN
    )
    transactie.refresh_from_db()
    return transactie


@transaction.atomic
def leerregel_aanmaken(
    *, door: Any, afspraak: Afspraak, tegen_iban: str, patroon: str
) -> Leerregel:
    """Remember that (IBAN, text) belongs to this agreement, for the next import."""
    patroon = patroon.strip()
    if len(patroon) < 3:
        raise Boekfout(_("Een tekst om te herkennen moet minstens 3 tekens lang zijn."))
    if not tegen_iban:
        raise Boekfout(
            _(
                "Zonder tegenrekening kan niets worden onthouden (de regel zou voor elke "
                "rekening gelden); voeg in plaats daarvan een zoekterm aan de afspraak toe."
            )
        )
    regel, nieuw = Leerregel.objects.get_or_create(
        tegen_iban=tegen_iban,
        patroon=patroon[:140],
        afspraak=afspraak,
        defaults={"aangemaakt_door": door if getattr(door, "pk", None) else None},
    )
    if nieuw:
        audit_registreer(
            door=door, actie=AuditActie.AANGEMAAKT, obj=regel, burger_id=afspraak.burger_id
        )
    return regel


@transaction.atomic
def zoekterm_toevoegen(*, door: Any, afspraak: Afspraak, zoekterm: str) -> Afspraak:
    """Add a search term to an agreement (learned from a manual booking)."""
    zoekterm = zoekterm.strip()
    if len(zoekterm) < 3:
        raise Boekfout(_("Een zoekterm moet minstens 3 tekens lang zijn."))
    afspraak = Afspraak.objects.select_for_update().get(pk=afspraak.pk)
    if zoekterm.lower() in (t.lower() for t in afspraak.zoektermen):
        return afspraak
    voor = momentopname(afspraak)
    afspraak.zoektermen = [*afspraak.zoektermen, zoekterm]
    afspraak.save(update_fields=["zoektermen"])
    audit_registreer(
        door=door, actie=AuditActie.GEWIJZIGD, obj=afspraak, voor=voor, burger_id=afspraak.burger_id
    )
    return afspraak
