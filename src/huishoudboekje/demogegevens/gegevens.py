"""The frozen results of the demo generator: plain data, no Django.

References between records are by key (an IBAN, an afdeling key) or by position in the
tuples of `DemoGemeente`, so the loader can insert everything in bulk and wire it up
afterwards.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoRekening:
    iban: str
    rekeninghouder: str


@dataclass(frozen=True)
class DemoPostadres:
    straat: str
    huisnummer: str
    postcode: str
    plaats: str


@dataclass(frozen=True)
class DemoAfdeling:
    sleutel: str  # unique over all organisations, e.g. "uwv/ww"
    naam: str
    postadres: DemoPostadres
    ibans: tuple[str, ...]


@dataclass(frozen=True)
class DemoOrganisatie:
    naam: str
    kvk_nummer: str
    vestigingsnummer: str
    afdelingen: tuple[DemoAfdeling, ...]


@dataclass(frozen=True)
class DemoDeelname:
    startdatum: dt.date
    einddatum: dt.date | None
    variant: str  # burgers.models.Variant value
    minimale_looptijd_maanden: int
    buffergrens: int | None
    signaal_negatief_saldo: bool


@dataclass(frozen=True)
class DemoBurger:
    volgnummer: int  # 1-based: the HHB-number is "HHB" + this, zero-padded
    bsn: str
    voorletters: str
    voornamen: str
    tussenvoegsel: str
    achternaam: str
    geboortedatum: dt.date
    straat: str
    huisnummer: str
    postcode: str
    plaats: str
    telefoonnummer: str
    email: str
    huishouden: int  # index in DemoGemeente.huishoudens
    iban: str  # the participant's own account
    deelname: DemoDeelname


@dataclass(frozen=True)
class DemoAfspraak:
    burger: int  # index in DemoGemeente.burgers
    richting: str  # "inkomsten" | "uitgaven"
    omschrijving: str
    bedrag: int  # cents, > 0
    rubriek: str  # name of a rubriek from boekhouding/rgs.yaml
    afdeling: str | None  # DemoAfdeling.sleutel; None = the participant's own account
    tegenrekening: str  # IBAN
    geldig_van: dt.date
    geldig_tot: dt.date | None
    zoektermen: tuple[str, ...]
    betaalwijze: str  # "" for incomes, "overschrijving" | "incasso" for expenses
    leefgeld: bool
    frequentie: str  # core.schedules.Frequentie value
    interval: int
    dag_van_maand: int | None
    weekdag: int | None
    maand: int | None
    uitzonderingen: tuple[dt.date, ...]
    vervolg_op: int | None  # index in DemoGemeente.afspraken of the agreement this continues


@dataclass(frozen=True)
class DemoGemeente:
    organisaties: tuple[DemoOrganisatie, ...]
    rekeningen: tuple[DemoRekening, ...]  # all accounts: organisations' and participants'
    huishoudens: tuple[str, ...]  # household names
    burgers: tuple[DemoBurger, ...]
    afspraken: tuple[DemoAfspraak, ...]
