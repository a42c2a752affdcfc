"""What the demo bank transactions say: counterparty names, BICs, SEPA creditor ids,
mandate ids and the descriptions payers really use.

Descriptions vary the way they do at real payers (an employer's salary run says
"Salaris periode 05" one month and "LOONSTROOK P5 2026" the next), but always contain
the agreement's search terms verbatim, as the payer copies the client or personnel
number the municipality gave them.
"""

from __future__ import annotations

import datetime as dt
import random
from functools import lru_cache

from .gegevens import DemoAfspraak, DemoGemeente

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
ONBEKENDE_NAMEN = (
    "A. Jansen", "M. El Amrani", "R.J. de Boer", "S. Yilmaz", "T. Bakker-Visser",
    "Stichting Voedselhulp Voorbeeldstad", "Kringloopwinkel De Tweede Ronde",
    "Sportvereniging Voorwaarts", "H. Tesfay", "Fam. Nguyen",
)
ONBEKENDE_OMSCHRIJVINGEN = (
    "Terugbetaling lening", "Gift", "Voor de boodschappen", "Huur garagebox",
    "Terugstorting teveel betaald", "Bijdrage", "", "Cadeau verjaardag",
)


class Partijen:
    """Lookups from an agreement to the names, ids and accounts a bank shows."""

    def __init__(self, gemeente: DemoGemeente) -> None:
        self.organisatie: dict[str, str] = {}
        self._kvk: dict[str, str] = {}
        for organisatie in gemeente.organisaties:
            for afdeling in organisatie.afdelingen:
                self.organisatie[afdeling.sleutel] = organisatie.naam
                self._kvk[afdeling.sleutel] = organisatie.kvk_nummer
        self.houder = {r.iban: r.rekeninghouder for r in gemeente.rekeningen}
        self.ibans = frozenset(self.houder)

    def naam(self, a: DemoAfspraak) -> str:
        if a.afdeling is None:
            return self.houder.get(a.tegenrekening, "")
        return self.organisatie[a.afdeling]

    def incassant_id(self, a: DemoAfspraak) -> str:
        """The SEPA creditor id of the collecting organisation (from its KvK number)."""
        return incassant_id(self._kvk.get(a.afdeling or "", "00000000"))

    def voorvoegsel(self, a: DemoAfspraak) -> str:
        """A short payer code for references, e.g. "UWV", "SVB", "BELASTING"."""
        return _voorvoegsel(self.naam(a))


@lru_cache(maxsize=512)
def _voorvoegsel(naam: str) -> str:
    woord = "".join(c for c in naam.split()[0] if c.isalnum()) if naam.split() else "X"
    return woord.upper()[:9] or "X"


@lru_cache(maxsize=4096)
def incassant_id(kvk: str) -> str:
    """Dutch SEPA creditor identifier NLxxZZZ<kvk>0000 with ISO 7064 check digits."""
    nationaal = f"{kvk}0000"
    cijfers = "".join(str(int(c, 36)) for c in nationaal + "NL00")
    return f"NL{98 - int(cijfers) % 97:02d}ZZZ{nationaal}"


_BICS: dict[str, str] = {}


def bic(iban: str) -> str:
    """The BIC of the bank holding this IBAN ("" when schwifty does not know it); looked
    up once per country and bank code."""
    sleutel = iban[:2] + iban[4:8]
    if sleutel not in _BICS:
        from schwifty import IBAN
        from schwifty.exceptions import SchwiftyException

        try:
            gevonden = IBAN(iban).bic
        except (SchwiftyException, ValueError):
            gevonden = None
        _BICS[sleutel] = str(gevonden) if gevonden else ""
    return _BICS[sleutel]


def betalingskenmerk(nummer: int) -> str:
    """A 16-digit Dutch payment reference (betalingskenmerk) with its check digit."""
    basis = f"{nummer % 10**15:015d}"
    gewichten = (2, 4, 8, 5, 10, 9, 7, 3, 6, 1)
    som = sum(int(c) * gewichten[i % 10] for i, c in enumerate(reversed(basis)))
    controle = 11 - som % 11
    controle = 1 if controle == 10 else 0 if controle == 11 else controle
    return f"{controle}{basis}"


def _termen(a: DemoAfspraak) -> str:
    return " ".join(a.zoektermen)


def omschrijving_inkomen(a: DemoAfspraak, verwacht: dt.date, rng: random.Random) -> str:
    """What the payer writes: the period, and the numbers we asked them to mention."""
    maand, jaar = MAANDEN[verwacht.month - 1], verwacht.year
    termen = _termen(a)
    if a.rubriek == "Loon":
        if a.frequentie == "wekelijks" and a.interval == 4:
            periode = (verwacht.timetuple().tm_yday - 1) // 28 + 1
            keuze = rng.randrange(4)
            if keuze == 0:
                return f"Salaris periode {periode:02d} {termen}"
            if keuze == 1:
                return f"LOONSTROOK P{periode} {jaar} {termen}"
            if keuze == 2:
                return f"Netto loon periode {periode}/{jaar} {termen}"
            return f"{termen} salaris 4-weken periode {periode:02d}"
        if a.frequentie == "wekelijks":
            week = verwacht.isocalendar()[1]
            return (f"Weekloon week {week} {jaar} {termen}" if rng.random() < 0.6
                    else f"LOON WK{week:02d} {termen}")
        return (f"Salaris {maand} {jaar} {termen}" if rng.random() < 0.7
                else f"SALARIS {verwacht.month:02d}-{jaar} {termen}")
    if a.rubriek in ("Zorgtoeslag", "Huurtoeslag", "Kindgebonden budget"):
        return f"{' '.join(reversed(a.zoektermen))} {maand.upper()} {jaar}"
    if a.rubriek == "Kinderbijslag":
        kwartaal = (verwacht.month - 1) // 3 + 1
        return f"{termen} {kwartaal}e kwartaal {jaar}"
    if a.rubriek == "Bijstandsuitkering":
        return f"Uitkering Participatiewet {maand} {jaar} {termen}"
    if a.rubriek == "AOW/Anw":
        return f"AOW {maand} {jaar} {termen}"
    return f"{a.omschrijving} {maand} {jaar} {termen}"


def omschrijving_uitgave(a: DemoAfspraak, verwacht: dt.date, hhb: str) -> str:
    """A collector's description (direct debit) or ours (transfer, leefgeld)."""
    maand, jaar = MAANDEN[verwacht.month - 1], verwacht.year
    if a.leefgeld:
        if a.frequentie == "wekelijks":
            return f"Leefgeld week {verwacht.isocalendar()[1]} {jaar} {hhb}"
        return f"{a.omschrijving} {maand} {jaar} {hhb}"
    if a.betaalwijze == "incasso":
        return f"{a.omschrijving} {maand} {jaar} {_termen(a)}"
    return f"{_termen(a)} {a.omschrijving} {maand} {jaar} {hhb}"


def mandaat_id(index: int, a: DemoAfspraak, voorvoegsel: str) -> str:
    """A mandate reference as collectors make them: their code + a contract number."""
    return f"{voorvoegsel[:6]}-{a.burger:06d}-{index:07d}"
