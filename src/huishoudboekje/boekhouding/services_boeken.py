"""Booking bank transactions (journaalposten): manual booking on an agreement or a
rubriek, splitting, undo (a reversing booking), and learning from staff. One use case
per function, each atomic, each recorded in the audit trail; the bookings themselves are
written by `grootboek`, the one owner of bookings.

The transaction row is locked (`select_for_update`) before it is booked, and the
database refuses any booking that would exceed the transaction (the check
`banktransactie_niet_meer_geboekt_dan_bedrag` on the amount its triggers keep): two
staff members booking the same line at once cannot book it twice.

A booking on an agreement that was not valid on the transaction's date, or for a
participant whose participation had ended by then, is refused unless the staff member
confirms it with a reason (`bevestiging`); such a booking is marked.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer, momentopname
from huishoudboekje.bankafschriften.models import Banktransactie
from huishoudboekje.core.money import formatteer_bedrag
from huishoudboekje.door import Door, medewerker_van

from .grootboek import Boekfout, Post, beeindigde_deelnames, handmatig_boeken, tegenboeken
from .models import Journaalpost, Leerregel, Rubriek, Soort

__all__ = [
    "BevestigingNodig", "Boekdeel", "Boekfout", "journaalpost_ongedaan_maken",
    "journaalposten_boeken", "leerregel_aanmaken", "zoekterm_toevoegen",
]  # fmt: skip

MAX_REDEN = 1000  # characters of a reason (for a reversal or a confirmation)


class BevestigingNodig(Boekfout):
    """The booking needs a confirmation with a reason (`redenen` says what is wrong)."""

    def __init__(self, redenen: list[str]) -> None:
        super().__init__(
            _("Bevestig deze boeking met een reden: %(redenen)s.") % {"redenen": "; ".join(redenen)}
        )
        self.redenen = redenen


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


def _reden(tekst: str, *, verplicht: str) -> str:
    tekst = tekst.strip()
    if not tekst:
        raise Boekfout(verplicht)
    if len(tekst) > MAX_REDEN:
        raise Boekfout(
            _("Een reden is hoogstens %(max)d tekens lang.") % {"max": MAX_REDEN}
        )
    return tekst


def _posten(transactie: Banktransactie, delen: list[Boekdeel], bevestiging: str) -> list[Post]:
    """The bookings to make, each marked when its agreement was not valid on the
    transaction's date or its participant's participation had ended; those need a
    confirmation with a reason."""
    datum = transactie.boekdatum
    geeindigd = beeindigde_deelnames(
        (d.afspraak.burger_id, datum) for d in delen if d.afspraak is not None
    )
    redenen: list[str] = []
    posten = []
    for d in delen:
        a = d.afspraak
        if a is None:
            assert d.rubriek is not None
            posten.append(Post(bedrag=d.bedrag, rubriek_id=d.rubriek.pk))
            continue
        buiten = not a.is_geldig_op(datum)
        einde = geeindigd.get((a.burger_id, datum))
        if buiten:
            redenen.append(
                _("afspraak '%(afspraak)s' gold niet op %(datum)s (%(geldig)s)")
                % {
                    "afspraak": a.omschrijving,
                    "datum": f"{datum:%d-%m-%Y}",
                    "geldig": geldigheid(a),
                }
            )
        if einde is not None:
            redenen.append(
                _("de deelname van %(naam)s was beëindigd op %(einde)s")
                % {"naam": a.burger.naam, "einde": f"{einde:%d-%m-%Y}"}
            )
        posten.append(
            Post(
                bedrag=d.bedrag,
                rubriek_id=a.rubriek_id,
                afspraak_id=a.pk,
                burger_id=a.burger_id,
                buiten_afspraak=buiten,
                na_deelname=einde is not None,
            )
        )
    if not redenen:
        return posten
    if not bevestiging.strip():
        raise BevestigingNodig(redenen)
    reden = _reden(bevestiging, verplicht="")
    return [
        Post(**{**p.__dict__, "bevestiging": reden})
        if p.buiten_afspraak or p.na_deelname
        else p
        for p in posten
    ]


def geldigheid(afspraak: Afspraak) -> str:
    """An agreement's validity in words: "geldig 01-01-2026 t/m 30-04-2026"."""
    if afspraak.geldig_tot is None:
        return _("geldig vanaf %(van)s") % {"van": f"{afspraak.geldig_van:%d-%m-%Y}"}
    return _("geldig %(van)s t/m %(tot)s") % {
        "van": f"{afspraak.geldig_van:%d-%m-%Y}",
        "tot": f"{afspraak.geldig_tot:%d-%m-%Y}",
    }


@transaction.atomic
def journaalposten_boeken(
    *,
    door: Door,
    transactie_id: int,
    delen: list[Boekdeel],
    volledig: bool = False,
    toelichting: str = "",
    bevestiging: str = "",
) -> list[Journaalpost]:
    """Book (part of) a transaction: one part, or a split over several parts.

    With `volledig=True` the parts must add up exactly to the open amount (splitting).
    `bevestiging`: the reason to book on an agreement that was not valid on the date, or
    for a participant whose participation had ended (refused without it)."""
    transactie = _vergrendel(transactie_id)
    open_bedrag = transactie.open_bedrag
    if open_bedrag == 0:
        raise Boekfout(_("Deze transactie is al volledig geboekt."))
    if not delen:
        raise Boekfout(_("Geef ten minste één boeking op."))
    if len(toelichting) > MAX_REDEN:  # a free text: capped like a reason
        raise Boekfout(
            _("Een toelichting is hoogstens %(max)d tekens lang.") % {"max": MAX_REDEN}
        )
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
    posten = _posten(transactie, delen, bevestiging)
    return handmatig_boeken(
        door=door, transactie=transactie, posten=posten, toelichting=toelichting
    )


@transaction.atomic
def journaalpost_ongedaan_maken(*, door: Door, journaalpost_id: int, reden: str) -> Banktransactie:
    """Undo a booking: a reversing booking (tegenboeking) with who and why; the amount is
    open again, the original and its reversal both stay in the ledger.

    The transaction is locked first and the booking read again under that lock, so two
    undo clicks at once cannot reverse it twice (and the database allows one reversal per
    booking)."""
    reden = _reden(reden, verplicht=_("Geef een reden om deze boeking ongedaan te maken."))
    transactie_id = (
        Journaalpost.objects.filter(pk=journaalpost_id)
        .values_list("transactie_id", flat=True)
        .first()
    )
    if transactie_id is None:
        raise Boekfout(_("Deze boeking bestaat niet."))
    transactie = _vergrendel(transactie_id)
    post = Journaalpost.objects.select_related("tegenboeking").get(pk=journaalpost_id)
    if post.is_tegenboeking:
        raise Boekfout(
            _("Een tegenboeking wordt niet ongedaan gemaakt; boek de transactie opnieuw.")
        )
    if hasattr(post, "tegenboeking"):
        raise Boekfout(
            _("Deze boeking is al ongedaan gemaakt (op %(datum)s door %(door)s).")
            % {
                "datum": f"{post.tegenboeking.datum:%d-%m-%Y}",
                "door": post.tegenboeking.geboekt_door_naam or _("het systeem"),
            }
        )
    post.transactie = transactie
    tegenboeken(door=door, post=post, reden=reden)
    return transactie


@transaction.atomic
def leerregel_aanmaken(
    *, door: Door, afspraak: Afspraak, tegen_iban: str, patroon: str
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
        defaults={"aangemaakt_door": medewerker_van(door)},
    )
    if nieuw:
        audit_registreer(
            door=door, actie=AuditActie.AANGEMAAKT, obj=regel, burger_id=afspraak.burger_id
        )
    return regel


@transaction.atomic
def zoekterm_toevoegen(*, door: Door, afspraak: Afspraak, zoekterm: str) -> Afspraak:
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
