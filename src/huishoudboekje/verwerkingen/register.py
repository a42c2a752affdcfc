"""The register of processing activities (verwerkingsactiviteiten, AVG art. 30) that the
read log refers to.

Every logged read names one activity by its stable id; the log stores the id, never the
texts, so the texts may be improved later without touching logged rows. The URI of an
activity (`dpl.core.processing_activity_id` in the Logboek Dataverwerkingen standard)
is `urn:hhb:verwerkingsactiviteit:<id>`.

These are the defaults of the application. The municipality's own register, kept by its
privacy officer (FG), is leading: adjust the purposes and legal bases here to match it.
An id, once used in the log, must never be renamed or reused for another activity.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

URI_PREFIX = "urn:hhb:verwerkingsactiviteit:"

_BUDGETBEHEER = _(
    "De deelnameovereenkomst met de deelnemer (AVG art. 6 lid 1 onder b, vrijwillig "
    "budgetbeheer); Wet gemeentelijke schuldhulpverlening (budgetbeheer)"
)
_VERANTWOORDING = _(
    "Verantwoordingsplicht en beveiliging (AVG art. 5 lid 2 en art. 32); Baseline "
    "Informatiebeveiliging Overheid (logging en controle)"
)


@dataclass(frozen=True)
class Verwerkingsactiviteit:
    id: str
    naam: Promise
    doel: Promise
    grondslag: Promise
    gegevens: Promise

    @property
    def uri(self) -> str:
        return f"{URI_PREFIX}{self.id}"


DEELNEMERS_ZOEKEN = Verwerkingsactiviteit(
    "deelnemers-zoeken",
    _("Deelnemers zoeken"),
    _("Een deelnemer vinden om hem of haar te helpen; overzicht van de deelnemers."),
    _BUDGETBEHEER,
    _("Naam, HHB-nummer, status van de deelname"),
)
DEELNEMER_RAADPLEGEN = Verwerkingsactiviteit(
    "deelnemer-raadplegen",
    _("Deelnemer raadplegen"),
    _("Budgetbeheer uitvoeren: contact, intake, advies en de deelname bijhouden."),
    _BUDGETBEHEER,
    _("Naam, BSN, geboortedatum, adres, contactgegevens, rekeningen, deelname, saldo"),
)
HUISHOUDEN_RAADPLEGEN = Verwerkingsactiviteit(
    "huishouden-raadplegen",
    _("Huishouden raadplegen"),
    _("Zien wie samen een huishouden vormen, voor afspraken die het huishouden betreffen."),
    _BUDGETBEHEER,
    _("Naam en HHB-nummer van de leden van het huishouden"),
)
AFSPRAKEN_RAADPLEGEN = Verwerkingsactiviteit(
    "afspraken-raadplegen",
    _("Afspraken raadplegen"),
    _("Inkomsten, vaste lasten en leefgeld van de deelnemer vastleggen en bewaken."),
    _BUDGETBEHEER,
    _("Afspraken: bedragen, tegenpartijen, rekeningen, betaaldagen"),
)
TRANSACTIES_RAADPLEGEN = Verwerkingsactiviteit(
    "transacties-deelnemer-raadplegen",
    _("Transacties deelnemer raadplegen"),
    _("Betalingen van en voor de deelnemer controleren en afletteren."),
    _BUDGETBEHEER,
    _("Banktransacties en boekingen van de deelnemer"),
)
BANKAFSCHRIFT_RAADPLEGEN = Verwerkingsactiviteit(
    "bankafschrift-raadplegen",
    _("Bankafschrift raadplegen"),
    _("Bankafschriften van de gemeentelijke rekening verwerken en controleren."),
    _BUDGETBEHEER,
    _("Transacties met naam en rekening van de tegenpartij"),
)
REKENING_RAADPLEGEN = Verwerkingsactiviteit(
    "rekening-raadplegen",
    _("Rekening raadplegen"),
    _("Een bankrekening en wie eraan gekoppeld is bekijken."),
    _BUDGETBEHEER,
    _("IBAN, rekeninghouder, gekoppelde deelnemers"),
)
AUDIT_RAADPLEGEN = Verwerkingsactiviteit(
    "audit-raadplegen",
    _("Audit raadplegen"),
    _("Verantwoording en toezicht: nagaan wie welke gegevens heeft gewijzigd."),
    _VERANTWOORDING,
    _("Vastgelegde wijzigingen met de waarden ervoor en erna"),
)
VERWERKINGENLOG_RAADPLEGEN = Verwerkingsactiviteit(
    "verwerkingenlog-raadplegen",
    _("Verwerkingenlog raadplegen"),
    _("Verantwoording en toezicht: nagaan wie de gegevens van een deelnemer heeft bekeken."),
    _VERANTWOORDING,
    _("Vastgelegde raadplegingen: medewerker, deelnemer, tijdstip, activiteit"),
)

ACTIVITEITEN: dict[str, Verwerkingsactiviteit] = {
    a.id: a
    for a in (
        DEELNEMERS_ZOEKEN,
        DEELNEMER_RAADPLEGEN,
        HUISHOUDEN_RAADPLEGEN,
        AFSPRAKEN_RAADPLEGEN,
        TRANSACTIES_RAADPLEGEN,
        BANKAFSCHRIFT_RAADPLEGEN,
        REKENING_RAADPLEGEN,
        AUDIT_RAADPLEGEN,
        VERWERKINGENLOG_RAADPLEGEN,
    )
}


def activiteit_naam(activiteit_id: str) -> str:
    """The readable name of an activity id; the id itself if it is not (or no longer) known."""
    activiteit = ACTIVITEITEN.get(activiteit_id)
    return str(activiteit.naam) if activiteit else activiteit_id
