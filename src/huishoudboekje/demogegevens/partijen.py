"""The ketenpartners of the demo municipality: who pays the participants and whom we pay.

National bodies (UWV, SVB, Belastingdienst/Toeslagen, CAK) and the large energy, health
insurance and telecom companies appear under the names staff know; local parties
(employers, housing corporations, the water company, insurers) are invented. Every KvK
number, branch number, address and IBAN is generated: none is the party's real one.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from huishoudboekje.demogegevens.generatie import genereer_iban, iban_uit_rekeningnummer

from .gegevens import DemoAfdeling, DemoOrganisatie, DemoPostadres, DemoRekening


@dataclass(frozen=True)
class Werkgever:
    """An employer and how it pays: every 4 weeks or weekly on a weekday, or monthly on a day."""

    sleutel: str
    soort: str  # "4w" | "week" | "maand"
    dag: int  # weekday (0 = Monday) for 4w/week, day of month for maand
    loon_min: int  # net pay per period, cents
    loon_max: int
    anker: dt.date  # a pay day of the 4-weekly cycle (all employees share it)


@dataclass(frozen=True)
class Partijen:
    """Afdeling keys per role, as the agreement generator needs them."""

    organisaties: tuple[DemoOrganisatie, ...]
    rekeningen: tuple[DemoRekening, ...]
    iban: dict[str, str]  # afdeling key -> the IBAN agreements use
    naam: dict[str, str]  # afdeling key -> organisation name
    werkgevers: tuple[Werkgever, ...]
    woningcorporaties: tuple[str, ...]
    energie: tuple[tuple[str, int], ...]  # (afdeling key, collection day)
    zorgverzekeraars: tuple[tuple[str, int], ...]
    internet: tuple[str, ...]
    telefoon: tuple[str, ...]
    verzekeraars: tuple[str, ...]
    water: str


# (organisation, [(afdeling key, afdeling name, iban group)], place, is_postbus)
# Departments with the same iban group share one account (e.g. all Toeslagen payments come
# from one Belastingdienst account; the municipality and the water board collect their
# taxes on one joint account).
_ORGANISATIES: tuple[tuple[str, tuple[tuple[str, str, str], ...], str], ...] = (
    (
        "UWV",
        (
            ("uwv/ww", "WW-uitkeringen", "uwv"),
            ("uwv/wia", "WIA en Wajong", "uwv"),
            ("uwv/zw", "Ziektewet", "uwv-zw"),
        ),
        "Amsterdam",
    ),
    (
        "Sociale Verzekeringsbank",
        (("svb/aow", "AOW en Anw", "svb"), ("svb/kinderbijslag", "Kinderbijslag", "svb-kb")),
        "Amstelveen",
    ),
    (
        "Belastingdienst/Toeslagen",
        (
            ("toeslagen/zorg", "Zorgtoeslag", "toeslagen"),
            ("toeslagen/huur", "Huurtoeslag", "toeslagen"),
            ("toeslagen/kgb", "Kindgebonden budget", "toeslagen"),
        ),
        "Utrecht",
    ),
    ("CAK", (("cak/wmo", "Eigen bijdrage Wmo", "cak"),), "Den Haag"),
    (
        "Waterschap Rivierenland-Midden",
        (("waterschap/heffingen", "Heffingen", "belastingen"),),
        "Voorbeeldstad",
    ),
    (
        "Gemeentelijke Kredietbank Voorbeeldstad",
        (("kredietbank/schulden", "Schuldregelingen", "gkb"),),
        "Voorbeeldstad",
    ),
    # housing corporations (invented)
    (
        "Stichting Woonkracht Voorbeeldstad",
        (("woonkracht/huur", "Huuradministratie", "woonkracht"),),
        "Voorbeeldstad",
    ),
    ("Woningstichting Het Baken", (("baken/huur", "Huren", "baken"),), "Voorbeeldstad"),
    ("Thuisgaard Wonen", (("thuisgaard/huur", "Debiteurenbeheer", "thuisgaard"),), "Voorbeeldstad"),
    (
        "Vastgoedbeheer Korenmarkt B.V.",
        (("korenmarkt/huur", "Verhuur", "korenmarkt"),),
        "Voorbeeldstad",
    ),
    # energy, water
    ("Eneco", (("eneco/energie", "Klantenservice", "eneco"),), "Rotterdam"),
    ("Vattenfall", (("vattenfall/energie", "Energie", "vattenfall"),), "Amsterdam"),
    ("Essent", (("essent/energie", "Debiteuren", "essent"),), "Den Bosch"),
    ("Budget Energie", (("budget/energie", "Klantenservice", "budgetenergie"),), "Amersfoort"),
    ("Waterbedrijf Middenland", (("water/drinkwater", "Drinkwater", "water"),), "Voorbeeldstad"),
    # health insurers
    ("Zilveren Kruis", (("zk/premie", "Premie-inning", "zk"),), "Apeldoorn"),
    ("CZ", (("cz/premie", "Premie", "cz"),), "Tilburg"),
    ("VGZ", (("vgz/premie", "Premies", "vgz"),), "Arnhem"),
    ("Menzis", (("menzis/premie", "Premie-inning", "menzis"),), "Enschede"),
    # telecom
    (
        "KPN",
        (("kpn/internet", "Internet en tv", "kpn"), ("kpn/mobiel", "Mobiel", "kpn")),
        "Den Haag",
    ),
    ("Ziggo", (("ziggo/internet", "Internet en tv", "ziggo"),), "Utrecht"),
    ("Odido", (("odido/mobiel", "Mobiel", "odido"),), "Den Haag"),
    # insurers (invented)
    (
        "Onderlinge Verzekeringen De Eendracht U.A.",
        (("eendracht/polis", "Particulier", "eendracht"),),
        "Voorbeeldstad",
    ),
    (
        "Stadsverzekeraar N.V.",
        (("stadsverzekeraar/polis", "Schade particulier", "stadsverz"),),
        "Voorbeeldstad",
    ),
)

# Employers: (name, department, soort, day, min, max net pay per period in cents)
_WERKGEVERS: tuple[tuple[str, str, str, int, int, int], ...] = (
    ("Bakkerij Van den Heuvel", "Salarisadministratie", "4w", 3, 90000, 160000),
    ("Schoonmaakbedrijf Glansrijk B.V.", "Personeelszaken", "4w", 3, 80000, 150000),
    ("Uitzendbureau Flexpunt", "Loonadministratie", "week", 4, 30000, 55000),
    ("Uitzendbureau WerkVandaag", "Payroll", "week", 4, 28000, 52000),
    ("Uitzendbureau Tempo Voorbeeldstad", "Salarissen", "4w", 4, 110000, 190000),
    ("Thuiszorg Zorgzaam Voorbeeldstad", "Salarisadministratie", "maand", 25, 140000, 220000),
    ("Supermarkt De Buurtwinkel", "Personeelszaken", "4w", 3, 60000, 140000),
    ("Distributiecentrum Noordhaven B.V.", "HR en Salarissen", "4w", 4, 150000, 230000),
    ("Pakketbezorging Snelpost B.V.", "Salarisadministratie", "week", 3, 35000, 60000),
    ("Restaurant De Gouden Lepel", "Administratie", "maand", 27, 70000, 130000),
    ("Hoveniersbedrijf Groenhart", "Administratie", "4w", 4, 120000, 190000),
    ("Kinderopvang Kleine Wereld", "Salarisadministratie", "maand", 25, 110000, 190000),
    ("Stichting Ouderenzorg Avondrood", "Salarissen", "maand", 24, 150000, 240000),
    ("WerkBedrijf Voorbeeldstad", "Loonadministratie", "maand", 23, 140000, 180000),
    ("Stadsziekenhuis Voorbeeldstad", "Salarisadministratie", "maand", 25, 180000, 260000),
    ("Beveiliging Waakzaam B.V.", "Personeelszaken", "4w", 4, 130000, 210000),
    ("Kapsalon Knipwerk", "Administratie", "maand", 28, 60000, 110000),
    ("Bouwbedrijf Van Leeuwen en Zonen", "Salarisadministratie", "4w", 3, 160000, 250000),
)

_CENTRA_POSTCODE = {
    "Amsterdam": "1040",
    "Amstelveen": "1180",
    "Utrecht": "3500",
    "Den Haag": "2500",
    "Rotterdam": "3000",
    "Den Bosch": "5200",
    "Amersfoort": "3800",
    "Apeldoorn": "7300",
    "Tilburg": "5000",
    "Arnhem": "6800",
    "Enschede": "7500",
}
_BEDRIJVENSTRATEN = ("Industrieweg", "Fabrieksstraat", "Spoorlaan", "Havenkade", "Marktstraat")


def _letters(rng: random.Random) -> str:
    while True:
        paar = "".join(rng.choice("ABCDEGHJKLMNPRSTVWXZ") for _ in range(2))
        if paar not in ("SA", "SD", "SS"):
            return paar


def _postadres(rng: random.Random, plaats: str, stad: str) -> DemoPostadres:
    """A postbus for parties elsewhere, a street address for local ones."""
    if plaats != "Voorbeeldstad":
        gebied = _CENTRA_POSTCODE[plaats]
        return DemoPostadres(
            "Postbus", str(rng.randrange(100, 99999)), f"{gebied} {_letters(rng)}", plaats
        )
    straat = rng.choice(_BEDRIJVENSTRATEN)
    return DemoPostadres(
        straat, str(rng.randrange(1, 120)), f"742{rng.randrange(0, 3)} {_letters(rng)}", stad
    )


def bouw_partijen(
    rng: random.Random, gemeente_naam: str, stad: str, nieuw_iban: Callable[[str | None], str]
) -> Partijen:
    """All organisations with departments, addresses and accounts.

    `nieuw_iban(bankcode)` returns a fresh unique IBAN (the caller keeps them unique)."""
    organisaties: list[DemoOrganisatie] = []
    rekeningen: list[DemoRekening] = []
    ibans: dict[str, str] = {}  # iban group -> IBAN
    iban_van: dict[str, str] = {}
    kvk_gebruikt: set[str] = set()

    def kvk() -> str:
        while True:
            nummer = f"{rng.randrange(10**7, 10**8)}"
            if nummer not in kvk_gebruikt:
                kvk_gebruikt.add(nummer)
                return nummer

    def organisatie(
        naam: str,
        afdelingen: tuple[tuple[str, str, str], ...],
        plaats: str,
        bankcode: str | None = None,
    ) -> None:
        eigen: list[DemoAfdeling] = []
        for sleutel, afd_naam, groep in afdelingen:
            if groep not in ibans:
                ibans[groep] = nieuw_iban(bankcode)
                rekeningen.append(DemoRekening(ibans[groep], naam[:70]))
            iban_van[sleutel] = ibans[groep]
            eigen.append(
                DemoAfdeling(sleutel, afd_naam, _postadres(rng, plaats, stad), (ibans[groep],))
            )
        vestiging = f"{rng.randrange(10**11, 10**12)}" if rng.random() < 0.5 else ""
        organisaties.append(DemoOrganisatie(naam, kvk(), vestiging, tuple(eigen)))

    # The municipality: benefits (Werk en Inkomen) and its tax office (Belastingen), which
    # collects on the joint account it shares with the water board.
    organisatie(
        gemeente_naam,
        (
            ("gemeente/wi", "Werk en Inkomen", "gemeente-wi"),
            ("gemeente/belastingen", "Belastingen", "belastingen"),
        ),
        stad,
        "BNGH",
    )
    for naam, afdelingen, plaats in _ORGANISATIES:
        organisatie(naam, afdelingen, plaats)
    werkgevers: list[Werkgever] = []
    for i, (naam, afd, soort, dag, laag, hoog) in enumerate(_WERKGEVERS):
        sleutel = f"werkgever/{i + 1}"
        organisatie(naam, ((sleutel, afd, f"werkgever-{i}"),), stad)
        anker = dt.date(2024, 1, 1) + dt.timedelta(
            days=dag % 7 + 7 * rng.randrange(4)
        )  # a Monday + dag
        werkgevers.append(Werkgever(sleutel, soort, dag, laag, hoog, anker))
    # Some departments have a second account (e.g. an old one still in use).
    extra = ("eneco/energie", "zk/premie", "woonkracht/huur")
    afdelingen_met_extra: dict[str, tuple[str, ...]] = {}
    for sleutel in extra:
        tweede = nieuw_iban(None)
        houder = next(o.naam for o in organisaties for a in o.afdelingen if a.sleutel == sleutel)
        rekeningen.append(DemoRekening(tweede, houder[:70]))
        afdelingen_met_extra[sleutel] = (iban_van[sleutel], tweede)
    organisaties = [
        DemoOrganisatie(
            o.naam,
            o.kvk_nummer,
            o.vestigingsnummer,
            tuple(
                DemoAfdeling(
                    a.sleutel, a.naam, a.postadres, afdelingen_met_extra.get(a.sleutel, a.ibans)
                )
                for a in o.afdelingen
            ),
        )
        for o in organisaties
    ]
    return Partijen(
        organisaties=tuple(organisaties),
        rekeningen=tuple(rekeningen),
        iban=iban_van,
        naam={a.sleutel: o.naam for o in organisaties for a in o.afdelingen},
        werkgevers=tuple(werkgevers),
        woningcorporaties=("woonkracht/huur", "baken/huur", "thuisgaard/huur", "korenmarkt/huur"),
        energie=(
            ("eneco/energie", 14),
            ("vattenfall/energie", 28),
            ("essent/energie", 20),
            ("budget/energie", 1),
        ),
        zorgverzekeraars=(
            ("zk/premie", 1),
            ("cz/premie", 27),
            ("vgz/premie", 1),
            ("menzis/premie", 25),
        ),
        internet=("kpn/internet", "ziggo/internet"),
        telefoon=("kpn/mobiel", "odido/mobiel"),
        verzekeraars=("eendracht/polis", "stadsverzekeraar/polis"),
        water="water/drinkwater",
    )


def iban_bron(rng: random.Random, bezet: set[str]) -> Callable[[str | None], str]:
    """A generator of unique IBANs (not in `bezet`, which it extends)."""

    def nieuw(bankcode: str | None) -> str:
        while True:
            if bankcode == "BNGH":
                iban = iban_uit_rekeningnummer("BNGH", rng.randrange(10**8, 10**9))
            else:
                iban = genereer_iban(rng, bankcode)
            if iban not in bezet:
                bezet.add(iban)
                return iban

    return nieuw
