"""The parties that pay into or are paid from the municipal account, with the habits
of their payment systems and banks: the name the bank shows (upper case, "B.V." or
"BV", an added "inz. salarissen"), whether texts are cut at 70 or in four lines of
35 characters, upper case only, the usual payday, and an employer that moves bank.

All company names are invented; the public bodies (UWV, SVB, Belastingdienst, CAK)
are real kinds of payers that every Dutch municipality sees."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from benchmarks.onafhankelijk.nummers import BANKEN, maak_iban, maak_kvk

SECTOREN = [
    "Schoonmaakbedrijf",
    "Zorggroep",
    "Bakkerij",
    "Transportbedrijf",
    "Hoveniersbedrijf",
    "Thuiszorg",
    "Installatiebedrijf",
    "Supermarkt",
    "Kinderopvang",
    "Horecagroep",
    "Beveiligingsdienst",
    "Distributiecentrum",
    "Metaalbewerking",
    "Verpleeghuis",
    "Groothandel",
    "Autoschade",
    "Drukkerij",
    "Tuincentrum",
    "Cateringbedrijf",
]
STAMMEN_A = [
    "Korenaar",
    "Vlier",
    "Gaarde",
    "Heuvel",
    "Zonne",
    "Klaver",
    "Merel",
    "Walrave",
    "Esdoorn",
    "Brugge",
    "Kamper",
    "Lisse",
    "Ravens",
    "Duin",
    "Vonder",
    "Hazel",
]
STAMMEN_B = ["", "veld", "hoek", "dal", "burg", "stein", "wijk", "hof", "brink", "mond"]
UITZEND = ["Flexkracht", "Werkzaam", "Inzet", "Handjes", "Dagwerk", "Startbaan", "Vakwerk"]
BUREAUS = [
    "Salarisverwerking Nederland",
    "Loonservice Midden",
    "Payroll Partners Oost",
    "Personeelsadministratie Het Noorden",
]
WONEN = [
    "Woonstichting De Hoeksteen",
    "Stichting Woonbedrijf Rivierenland",
    "Woningcorporatie Het Oosten",
    "Wooncompagnie Lindenhof",
    "Woonpartners Zuid",
    "Stichting Huisvesting Groenendaal",
    "Woonbron Stad en Streek",
]
ENERGIE = [
    "Energiebedrijf Windkracht B.V.",
    "Groenstroom Nederland B.V.",
    "NoordWest Energie N.V.",
    "Stadsenergie B.V.",
    "Budget Gas en Licht B.V.",
]
WATER = ["Waterbedrijf Midden N.V.", "Drinkwater Rivierenland N.V."]
ZORG = [
    "Zorgverzekeraar De Zorgzame N.V.",
    "Cooperatie Gezond U.A.",
    "Zorgverzekering Noord N.V.",
    "Ziektekosten Unie N.V.",
    "ZorgSamen U.A.",
]
TELEFOON = ["Belnet B.V.", "Mobiel Direct B.V.", "Kabelnet Nederland B.V.", "Simpel Bellen BV"]
INBOEDEL = ["Woonverzekeringen Centraal N.V.", "Polis Direct N.V."]
PARTIJBANKEN = ["INGB", "RABO", "ABNA", "BNGH", "INGB", "ABNA"]


@dataclass
class Partij:
    sleutel: str
    soort: str  # werkgever uitzend bureau klant uwv svb toeslagen gemeente woning ...
    naam: str  # as staff registered the organisation
    banknaam: str  # as the paying or receiving bank shows it
    iban: str
    kvk: str
    incasso: bool = False
    incassant: str = ""
    dag: int = 25
    ritme: str = "maand"  # maand, week, vierweken
    anker: dt.date | None = None
    stijl: int = 0
    knip: str = ""  # "", "70" or "4x35": what the payer's system keeps of a text
    hoofdletters: bool = False
    nieuw_iban: str = ""
    wissel: dt.date | None = None
    gewicht: float = 1.0
    bureau: str = ""  # a client employer: the payroll bureau that pays for it
    vakantiemaand: int = 5
    vakantie_apart: bool = False
    klanten: list[str] = field(default_factory=list)

    @property
    def bic(self) -> str:
        return BANKEN[self.iban[4:8]]


def _incassant(rng: random.Random) -> str:
    """A SEPA creditor identifier NLkkZZZ + 8-digit KvK + 0000 (check as for IBAN)."""
    basis = f"{rng.randrange(10**7, 10**8)}0000"
    getal = "".join(str(int(c, 36)) for c in basis + "NL00")
    return f"NL{98 - int(getal) % 97:02d}ZZZ{basis}"


class Partijmaker:
    def __init__(self, rng: random.Random, begin: dt.date, eind: dt.date, ibans: set[str]):
        self.rng, self.begin, self.eind, self.ibans = rng, begin, eind, ibans
        self.kvks: set[str] = set()
        self.partijen: dict[str, Partij] = {}
        self.namen: set[str] = set()

    def _nieuw(self, soort: str, naam: str, banknaam: str, **extra: object) -> Partij:
        rng = self.rng
        iban = str(extra.pop("iban", "")) or maak_iban(rng, rng.choice(PARTIJBANKEN), self.ibans)
        p = Partij(
            sleutel=f"{soort}{len(self.partijen):04d}",
            soort=soort,
            naam=naam,
            banknaam=banknaam,
            iban=iban,
            kvk=maak_kvk(rng, self.kvks),
            **extra,  # type: ignore[arg-type]
        )
        self.partijen[p.sleutel] = p
        return p

    def _bedrijfsnaam(self, sector: str) -> str:
        while True:
            naam = f"{sector} {self.rng.choice(STAMMEN_A)}{self.rng.choice(STAMMEN_B)}"
            if naam not in self.namen:
                self.namen.add(naam)
                return naam

    def _banknaam(self, naam: str) -> tuple[str, bool]:
        rng = self.rng
        r = rng.random()
        vorm = naam + rng.choice([" B.V.", " BV", " B.V.", "", " Holding B.V."])
        if r < 0.2:
            vorm = f"{vorm} inz. salarissen"
        elif r < 0.3:
            vorm = f"SALARISSEN {vorm}"
        hoofd = rng.random() < 0.35
        return (vorm.upper() if hoofd else vorm), hoofd

    def _anker(self, weekdag: int) -> dt.date:
        d = self.begin - dt.timedelta(days=self.rng.randrange(0, 28))
        while d.weekday() != weekdag:
            d += dt.timedelta(days=1)
        return d

    def werkgevers(self, aantal: int) -> list[Partij]:
        rng = self.rng
        uit = []
        for rang in range(aantal):
            naam = self._bedrijfsnaam(rng.choice(SECTOREN))
            banknaam, hoofd = self._banknaam(naam)
            r = rng.random()
            ritme = "maand" if r < 0.72 else "vierweken"
            p = self._nieuw(
                "werkgever",
                naam,
                banknaam,
                dag=rng.choice([20, 23, 24, 25, 25, 26, 27, 28]),
                ritme=ritme,
                anker=self._anker(3) if ritme == "vierweken" else None,
                stijl=rng.randrange(6),
                knip=rng.choice(["", "", "", "70", "4x35"]),
                hoofdletters=hoofd or rng.random() < 0.15,
                gewicht=1 / (rang + 1) ** 0.8,
                vakantiemaand=rng.choice([5, 5, 6]),
                vakantie_apart=rng.random() < 0.45,
            )
            if rang == 1 or (rang > 1 and rng.random() < 0.03):
                self._wissel(p)
            uit.append(p)
        return uit

    def _wissel(self, p: Partij) -> None:
        """The employer moves to another bank halfway: same name, new IBAN."""
        dagen = (self.eind - self.begin).days
        p.wissel = self.begin + dt.timedelta(days=dagen // 2 + self.rng.randrange(-10, 10))
        bank = self.rng.choice([b for b in ("RABO", "ABNA", "INGB", "KNAB") if b != p.iban[4:8]])
        p.nieuw_iban = maak_iban(self.rng, bank, self.ibans)

    def uitzendbureaus(self, aantal: int) -> list[Partij]:
        rng = self.rng
        uit = []
        for i in range(aantal):
            naam = f"{UITZEND[i % len(UITZEND)]} Uitzendgroep"
            banknaam = naam.upper() + rng.choice([" B.V.", " BV"])
            uit.append(
                self._nieuw(
                    "uitzend",
                    naam,
                    banknaam,
                    ritme="week",
                    anker=self._anker(4),
                    stijl=rng.randrange(3),
                    hoofdletters=True,
                    knip=rng.choice(["", "4x35"]),
                    gewicht=1.0,
                    vakantiemaand=6,
                    vakantie_apart=True,
                )
            )
        return uit

    def bureau(self, i: int, klanten: int) -> list[Partij]:
        """A payroll bureau and the employers it pays for, all from its one IBAN."""
        rng = self.rng
        naam = BUREAUS[i % len(BUREAUS)]
        b = self._nieuw(
            "bureau",
            naam,
            f"{naam} B.V.",
            dag=rng.choice([24, 25]),
            stijl=i % 2,
            knip="4x35" if i % 2 else "",
            hoofdletters=i % 2 == 0,
        )
        uit = []
        for _ in range(klanten):
            knaam = self._bedrijfsnaam(rng.choice(SECTOREN))
            k = self._nieuw(
                "klant",
                knaam,
                b.banknaam,
                iban=b.iban,
                dag=b.dag,
                stijl=rng.randrange(4),
                knip=b.knip,
                hoofdletters=b.hoofdletters,
                bureau=b.sleutel,
                gewicht=rng.uniform(0.3, 1.0),
                vakantiemaand=rng.choice([5, 6]),
                vakantie_apart=rng.random() < 0.5,
            )
            b.klanten.append(k.sleutel)
            uit.append(k)
        return uit

    def vaste(self, woningen: int) -> dict[str, list[Partij]]:
        """The public payers and the fixed-cost parties every municipality has."""
        rng = self.rng
        n = self._nieuw
        uit: dict[str, list[Partij]] = {
            "uwv": [n("uwv", "UWV", "UWV", dag=23, stijl=0, hoofdletters=True)],
            "svb": [n("svb", "Sociale Verzekeringsbank", "SVB", dag=22, hoofdletters=True)],
            "toeslagen": [
                n(
                    "toeslagen",
                    "Belastingdienst/Toeslagen",
                    "Belastingdienst Toeslagen",
                    dag=20,
                    hoofdletters=True,
                )
            ],
            "gemeente": [
                n(
                    "gemeente",
                    "Gemeente Voorbeeldstad, Sociaal Domein",
                    "GEMEENTE VOORBEELDSTAD",
                    dag=27,
                    hoofdletters=True,
                    knip="70",
                )
            ],
            "cak": [n("cak", "CAK", "CAK", incasso=True, incassant=_incassant(rng), dag=21)],
        }
        uit["woning"] = [
            n("woning", naam, naam.replace("Stichting ", "Stg "), dag=1, stijl=rng.randrange(3))
            for naam in WONEN[:woningen]
        ]
        for soort, namen, dagen in (
            ("energie", ENERGIE, (24, 26, 28)),
            ("water", WATER, (10, 12)),
            ("zorg", ZORG, (27, 28, 1)),
            ("telefoon", TELEFOON, (17, 19, 21)),
            ("inboedel", INBOEDEL, (5, 8)),
        ):
            uit[soort] = [
                n(
                    soort,
                    naam.replace(" B.V.", "").replace(" N.V.", "").replace(" U.A.", ""),
                    naam.upper() if rng.random() < 0.4 else naam,
                    incasso=True,
                    incassant=_incassant(rng),
                    dag=rng.choice(dagen),
                    stijl=i % 3,
                    knip=rng.choice(["", "", "70"]),
                )
                for i, naam in enumerate(namen)
            ]
        return uit

    def verhuurder(self, achternaam: str) -> Partij:
        """A private landlord: one person's rent to one account of its own."""
        naam = f"{self.rng.choice(['H.', 'M.', 'A.J.', 'P.'])} {achternaam} Vastgoed"
        return self._nieuw("verhuurder", naam, naam, dag=1, stijl=0)
