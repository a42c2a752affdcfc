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
) -> list[str]:
    """Lines already read in the other format, statements whose balance could not be
    checked, and deviations from the camt.053 schema."""
    uit: list[str] = []
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
                "(%(afschriften)s). De saldocontrole kon niet worden gedaan: vergelijk de "
                "transacties met het afschrift van de bank."
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
