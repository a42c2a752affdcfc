"""Demo data for a fictitious municipality, generated without Django.

`genereer_gemeente(deelnemers=N, seed=S, peildatum=D, ...)` returns frozen dataclasses of
organisations (with departments, postal addresses and accounts), households,
participants (with participation terms and their own account) and agreements. The same
arguments always give the same data; nothing in it is a real person or a real account
(BSNs and IBANs have valid check digits but are random, KvK numbers are random).
The loader `burgers.demo_laden` writes it to the database in bulk.
"""

from __future__ import annotations

import datetime as dt
import random

from .afspraakbasis import RUBRIEK_SOORT, Leefgeldinstelling
from .afspraken import AfspraakBouwer
from .gegevens import (
    DemoAfdeling,
    DemoAfspraak,
    DemoBurger,
    DemoDeelname,
    DemoGemeente,
    DemoOrganisatie,
    DemoPostadres,
    DemoRekening,
)
from .partijen import bouw_partijen, iban_bron
from .personen import bouw_huishouden, bsn_bron

__all__ = [
    "RUBRIEK_SOORT",
    "DemoAfdeling",
    "DemoAfspraak",
    "DemoBurger",
    "DemoDeelname",
    "DemoGemeente",
    "DemoOrganisatie",
    "DemoPostadres",
    "DemoRekening",
    "Leefgeldinstelling",
    "genereer_gemeente",
    "stad_van",
]

STANDAARD_LEEFGELD = Leefgeldinstelling(bedrag=7500, frequentie="wekelijks", weekdag=0)


def stad_van(gemeente_naam: str) -> str:
    """'Gemeente Voorbeeldstad' -> 'Voorbeeldstad'; the bare placeholder 'Gemeente' too."""
    naam = gemeente_naam.strip()
    if naam.lower().startswith("gemeente "):
        naam = naam[len("gemeente ") :].strip()
    return naam if naam and naam.lower() != "gemeente" else "Voorbeeldstad"


def genereer_gemeente(
    *,
    deelnemers: int,
    seed: int,
    peildatum: dt.date,
    gemeente_naam: str = "Gemeente Voorbeeldstad",
    leefgeld: Leefgeldinstelling = STANDAARD_LEEFGELD,
    minimale_looptijd_maanden: int = 6,
) -> DemoGemeente:
    """The whole demo municipality with exactly `deelnemers` participants.

    `peildatum` ("today") anchors participation start dates (within two years before it),
    so the data stays current; pass the same date to get the same data."""
    if deelnemers < 0:
        raise ValueError("Het aantal deelnemers kan niet negatief zijn.")
    rng = random.Random(seed)
    stad = stad_van(gemeente_naam)
    gebruikte_ibans: set[str] = set()
    nieuw_iban = iban_bron(rng, gebruikte_ibans)
    nieuw_bsn = bsn_bron(rng)
    naam = gemeente_naam.strip()
    organisatienaam = naam if naam and naam.lower() != "gemeente" else f"Gemeente {stad}"
    partijen = bouw_partijen(rng, organisatienaam, stad, nieuw_iban)
    bouwer = AfspraakBouwer(rng, partijen, leefgeld)
    huishoudens: list[str] = []
    burgers: list[DemoBurger] = []
    rekeningen = list(partijen.rekeningen)
    while len(burgers) < deelnemers:
        naam, leden, personen = bouw_huishouden(
            rng,
            huishouden=len(huishoudens),
            eerste_index=len(burgers),
            max_deelnemers=deelnemers - len(burgers),
            peildatum=peildatum,
            stad=stad,
            minimale_looptijd=minimale_looptijd_maanden,
            nieuw_bsn=nieuw_bsn,
            nieuw_iban=nieuw_iban,
        )
        huishoudens.append(naam)
        for burger, persoon in zip(leden, personen, strict=True):
            burgers.append(burger)
            rekeningen.append(DemoRekening(burger.iban, _rekeninghouder(burger)))
            bouwer.voor(persoon, burger, peildatum)
    return DemoGemeente(
        organisaties=partijen.organisaties,
        rekeningen=tuple(rekeningen),
        huishoudens=tuple(huishoudens),
        burgers=tuple(burgers),
        afspraken=tuple(bouwer.afspraken),
    )


def _rekeninghouder(burger: DemoBurger) -> str:
    delen = (burger.voorletters, burger.tussenvoegsel, burger.achternaam)
    return " ".join(d for d in delen if d)[:70]
