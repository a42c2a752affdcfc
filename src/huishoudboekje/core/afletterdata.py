"""The data the matcher works on: agreements, learned rules, transactions, margins, and
what it concludes (candidates with their evidence, and a decision). Frozen dataclasses;
see `core.afletteren` for the rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from huishoudboekje.core.schedules import Betaalschema
from huishoudboekje.core.tekstvergelijking import Term, achternaam_sleutel, term

INKOMSTEN = "inkomsten"
UITGAVEN = "uitgaven"


class Uitkomst(StrEnum):
    """What the matcher decided for one transaction. Stored as the transaction's
    `afletter_uitkomst` (bankafschriften.models.Afletteruitkomst has these values and
    the outcomes that staff cause)."""

    GEBOEKT = "geboekt"
    GEEN_KANDIDAAT = "geen_kandidaat"
    TWIJFEL = "twijfel"
    GEBLOKKEERD = "geblokkeerd"
    TE_LAAG = "te_laag"
    NIEUWE_REKENING = "nieuwe_rekening"


@dataclass(frozen=True)
class AfspraakInfo:
    """What matching needs to know of one agreement."""

    id: int
    burger_id: int
    richting: str  # "inkomsten" | "uitgaven"
    bedrag: int  # cents, > 0
    geldig_van: dt.date
    geldig_tot: dt.date | None
    zoektermen: tuple[str, ...]
    tegen_iban: str
    partijnaam: str  # "Eneco" or "eigen rekening"
    schema: Betaalschema | None = None
    rubriek_id: int = 0
    hhb_nummer: str = ""  # the participant's number, which our own payments carry
    extra_ibans: tuple[str, ...] = ()  # the department's other accounts
    afdeling_id: int | None = None
    burger_naam: str = ""  # "J. Jansen": named when participants compete
    achternaam: str = ""
    voorletter: str = ""  # the participant's initials, folded letters ("jp")
    voornaam: str = ""  # the first given name, folded

    def geldig_op(self, datum: dt.date) -> bool:
        return self.geldig_van <= datum and (self.geldig_tot is None or datum <= self.geldig_tot)

    @property
    def ibans(self) -> tuple[str, ...]:
        return (self.tegen_iban, *(i for i in self.extra_ibans if i != self.tegen_iban))

    @cached_property
    def naam_sleutel(self) -> str:
        return achternaam_sleutel(self.achternaam)

    @cached_property
    def termen(self) -> tuple[Term, ...]:
        return tuple(term(t) for t in self.zoektermen if term(t).vorm)


@dataclass(frozen=True)
class Leerregel:
    """Learned from staff: a transaction from `tegen_iban` ("" = any or none) whose
    description contains `patroon` belongs to agreement `afspraak_id`."""

    id: int
    tegen_iban: str
    patroon: str
    afspraak_id: int


#: an earlier payment booked on an agreement: (date, cents, description)
Betaling = tuple[dt.date, int, str]


@dataclass(frozen=True)
class TeMatchen:
    bedrag: int  # signed cents: > 0 money in
    boekdatum: dt.date
    tegen_iban: str
    omschrijving: str  # the description (and the structured payment reference)
    tegen_naam: str = ""
    referenties: str = ""  # end-to-end id and mandate: searched for terms, not for names

    @property
    def richting(self) -> str:
        return INKOMSTEN if self.bedrag > 0 else UITGAVEN


@dataclass(frozen=True)
class Marges:
    dagen: int = 3  # the municipality's alert margin in days
    bedrag: int = 1000  # the municipality's alert margin in cents


@dataclass(frozen=True)
class Bewijs:
    """What the transaction shows of one agreement, as facts (the score sums them up)."""

    iban: bool = False  # from one of the agreement's accounts
    termen_gevonden: frozenset[str] = frozenset()  # normalised forms found
    heeft_termen: bool = False
    termen_compleet: bool = False  # the agreement has search terms and all are found
    kenmerken: frozenset[str] = frozenset()  # identifying references found (numbers)
    hhb: bool = False
    leerregel: bool = False
    naam: bool = False  # the participant's surname is in the text
    voorletter: bool | None = None  # an initial beside the surname: theirs, or another
    bedrag_normaal: bool = False
    bedrag_ruim: bool = False
    datum_dagen: int | None = None  # distance to the nearest expected date
    andere_richting: bool = False

    @property
    def tekst(self) -> bool:
        """The text names this agreement: all its search terms, its HHB-number, or a rule
        learned from staff."""
        return self.termen_compleet or self.hhb or self.leerregel

    @property
    def termen_ontbreken(self) -> bool:
        """It has search terms and not all of them are in the text."""
        return self.heeft_termen and not self.termen_compleet


@dataclass(frozen=True)
class Kandidaat:
    afspraak_id: int
    burger_id: int
    score: int
    redenen: tuple[str, ...]
    blokkade: str = ""  # why this candidate may never be booked automatically
    leerregel_id: int | None = None
    bewijs: Bewijs = Bewijs()
    burger_naam: str = ""

    @property
    def toelichting(self) -> str:
        return ", ".join(self.redenen)


@dataclass(frozen=True)
class Besluit:
    """The outcome for one transaction: book on `afspraak_id`, or not (and why)."""

    afspraak_id: int | None
    kandidaten: tuple[Kandidaat, ...]
    uitkomst: Uitkomst
    toelichting: str

    @property
    def automatisch(self) -> bool:
        return self.afspraak_id is not None
