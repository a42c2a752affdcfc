"""What an import says to staff beside the counts: the warnings of a file that was read,
and the refusal when the database could not store it. In the staff member's language."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

BOTSING = gettext_noop(
    "%(bestand)s: het bestand kon niet worden opgeslagen omdat het botst met gegevens die "
    "tegelijk werden ingelezen of geboekt; er is niets veranderd. Lees het opnieuw in."
)
DATABASE_ONBESCHIKBAAR = gettext_noop(
    "%(bestand)s: de database kon het bestand nu niet opslaan; er is niets veranderd. Lees "
    "het opnieuw in; blijft dit gebeuren, meld het dan aan de beheerder."
)


def databasefout(bestandsnaam: str, melding: str) -> str:
    """BOTSING or DATABASE_ONBESCHIKBAAR for this file."""
    return _(melding) % {"bestand": bestandsnaam}


def waarschuwingen(
    bestandsnaam: str,
    *,
    ander_formaat: int,
    zonder_saldi: Sequence[str],
    schemameldingen: Sequence[str],
    dubbel: int = 0,
) -> list[str]:
    """Lines that may duplicate stored ones, lines already read in the other format,
    statements whose balance could not be checked, and deviations from the camt.053
    schema."""
    uit: list[str] = [mogelijk_dubbel(bestandsnaam, dubbel)] if dubbel else []
    if ander_formaat:
        uit.append(
            _(
                "%(bestand)s: %(aantal)s transactie(s) stonden al in een eerder ingelezen "
                "afschrift van dezelfde rekening in een ander formaat (camt.053 of MT940) "
                "en zijn niet nog eens ingelezen."
            )
            % {"bestand": bestandsnaam, "aantal": ander_formaat}
        )
    if zonder_saldi:
        uit.append(
            _(
                "%(bestand)s: %(aantal)s afschrift(en) zonder begin- of eindsaldo "
                "(%(afschriften)s), zoals voor deze rekening is ingesteld. De saldocontrole "
                "kon niet worden gedaan; alleen de aansluiting op het vorige afschrift "
                "(datums en volgnummers) bewaakt dat er niets ontbreekt."
            )
            % {
                "bestand": bestandsnaam,
                "aantal": len(zonder_saldi),
                "afschriften": ", ".join(zonder_saldi[:3]),
            }
        )
    if schemameldingen:
        uit.append(
            _(
                "%(bestand)s: het bestand wijkt af van het camt.053-schema (%(aantal)s "
                "melding(en), bijvoorbeeld: %(melding)s); de transacties zijn wel "
                "ingelezen en gecontroleerd."
            )
            % {
                "bestand": bestandsnaam,
                "aantal": len(schemameldingen),
                "melding": schemameldingen[0],
            }
        )
    return uit


def afschriftnaam(afschrift_id: str, volgnummer: str, einddatum: object) -> str:
    """How a refusal names a statement: its id, else its sequence number, else its date."""
    if afschrift_id:
        return afschrift_id
    if volgnummer:
        return _("met volgnummer %(nummer)s") % {"nummer": volgnummer}
    if einddatum:
        return _("van %(datum)s") % {"datum": f"{einddatum:%d-%m-%Y}"}
    return "?"


def zonder_saldi_geweigerd(afschrift: str, *, begin: bool, eind: bool) -> str:
    """A statement without opening and/or closing balance on an account that has them."""
    ontbreekt = (
        _("begin- en eindsaldo")
        if not begin and not eind
        else _("beginsaldo")
        if not begin
        else _("eindsaldo")
    )
    return _(
        "Afschrift %(afschrift)s heeft geen %(ontbreekt)s. Zonder saldi is niet te "
        "controleren of alle transacties in het bestand staan; het bestand is niet "
        "ingelezen. Stuurt de bank van deze rekening echt geen saldi, laat de beheerder "
        "dan bij Configuratie 'De bank stuurt afschriften zonder saldi' aanzetten voor "
        "deze rekening."
    ) % {"afschrift": afschrift, "ontbreekt": ontbreekt}


def in_de_toekomst(afschrift: str, datum: object, vandaag: object) -> str:
    return _(
        "Afschrift %(afschrift)s loopt tot %(datum)s, na vandaag (%(vandaag)s). Een "
        "afschrift uit de toekomst kan niet kloppen; het bestand is niet ingelezen."
    ) % {
        "afschrift": afschrift,
        "datum": f"{datum:%d-%m-%Y}",
        "vandaag": f"{vandaag:%d-%m-%Y}",
    }


def andere_versie(afschrift: str, *, eerder: str, bestand: str, eind: str, eerder_eind: str) -> str:
    """The same statement (account, period, opening balance) already imported with
    another closing balance: both cannot be right."""
    return _(
        "Afschrift %(afschrift)s spreekt het al ingelezen afschrift %(eerder)s (bestand "
        "%(bestand)s) tegen: zelfde rekening, periode en beginsaldo, maar eindsaldo "
        "%(eind)s in plaats van %(eerder_eind)s. Het bestand is niet ingelezen; vraag de "
        "bank welk afschrift juist is."
    ) % {
        "afschrift": afschrift,
        "eerder": eerder,
        "bestand": bestand,
        "eind": eind,
        "eerder_eind": eerder_eind,
    }


def al_ingelezen(bestandsnaam: str, *, tijdstip: str, door: str, eerste_naam: str) -> str:
    return _(
        "%(bestand)s: al ingelezen op %(tijdstip)s door %(door)s (als %(eerste)s); "
        "hetzelfde bestand (SHA-256) wordt niet nog eens ingelezen, er is niets veranderd."
    ) % {"bestand": bestandsnaam, "tijdstip": tijdstip, "door": door, "eerste": eerste_naam}


def mogelijk_dubbel(bestandsnaam: str, aantal: int) -> str:
    return _(
        "%(bestand)s: %(aantal)s transactie(s) lijken op een eerder ingelezen transactie "
        "(zelfde datum, bedrag en tegenrekening) zonder dat vast te stellen is of het "
        "dezelfde boeking is. Ze zijn wel ingelezen, gemarkeerd als 'mogelijk dubbel' en "
        "niet automatisch geboekt: bekijk ze bij de transacties."
    ) % {"bestand": bestandsnaam, "aantal": aantal}
