"""Households and participants: names, addresses, identifiers and participation terms."""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from huishoudboekje.demogegevens.generatie import genereer_bsn

from .gegevens import DemoBurger, DemoDeelname
from .namen import HERKOMSTEN, HUISNUMMER_TOEVOEGINGEN, STRATEN

# household kind -> (weight, adults, may have children)
HUISHOUDSOORTEN = (
    ("alleenstaand", 42, 1, False),
    ("eenoudergezin", 22, 1, True),
    ("stel", 14, 2, False),
    ("gezin", 22, 2, True),
)
_POSTCODE_LETTERS = tuple(
    a + b
    for a in "ABCDEGHJKLMNPRTVWXZ"
    for b in "ABCDEGHJKLMNPRSTVWXZ"
    if a + b not in ("SA", "SD", "SS")
)


@dataclass(frozen=True)
class Persoon:
    """What the agreement generator needs to know about a participant beyond DemoBurger."""

    index: int
    leeftijd: int
    eerste: bool  # the household's first participant carries the shared costs
    partner_deelnemer: bool  # the partner is a participant too
    volwassenen: int
    kinderen: int
    straat_en_nummer: str


def gewogen(rng: random.Random, gewichten: tuple[int, ...]) -> int:
    """Index drawn with these integer weights."""
    worp = rng.randrange(sum(gewichten))
    for index, gewicht in enumerate(gewichten):
        if worp < gewicht:
            return index
        worp -= gewicht
    return len(gewichten) - 1


def _ascii(tekst: str) -> str:
    return unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()


def voorletters(voornamen: str) -> str:
    return "".join(f"{deel[0]}." for deel in voornamen.split())


def _voornamen(rng: random.Random, namen: tuple[str, ...], nederlands: bool) -> str:
    eerste = rng.choice(namen)
    if rng.random() < (0.55 if nederlands else 0.2):
        tweede = rng.choice(namen)
        if tweede != eerste:
            return f"{eerste} {tweede}"
    return eerste


def _adres(rng: random.Random) -> tuple[str, str, str]:
    straatindex = rng.randrange(len(STRATEN))
    straat, gebied, hoogste = STRATEN[straatindex]
    nummer = rng.randrange(1, hoogste + 1)
    letters = _POSTCODE_LETTERS[(straatindex * 37 + nummer // 24) % len(_POSTCODE_LETTERS)]
    toevoeging = rng.choice(HUISNUMMER_TOEVOEGINGEN)
    return straat, f"{nummer}{toevoeging}", f"{gebied} {letters}"


def _deelname(rng: random.Random, peildatum: dt.date, minimale_looptijd: int) -> DemoDeelname:
    """Started within the last two years; mostly 'volledig'; a few already ended."""
    beeindigd = rng.random() < 0.05
    if beeindigd:
        start = peildatum - dt.timedelta(days=rng.randrange(220, 731))
        ruimte = (peildatum - start).days - 184
        einde: dt.date | None = start + dt.timedelta(days=183 + rng.randrange(max(ruimte, 1)))
    else:
        start = peildatum - dt.timedelta(days=rng.randrange(0, 731))
        einde = None
    worp = rng.random()
    variant = "volledig" if worp < 0.8 else ("inkomsten" if worp < 0.9 else "afbouw")
    buffer = rng.choice((100000, 120000, 200000)) if rng.random() < 0.1 else None
    return DemoDeelname(
        startdatum=start,
        einddatum=einde,
        variant=variant,
        minimale_looptijd_maanden=minimale_looptijd,
        buffergrens=buffer,
        signaal_negatief_saldo=rng.random() < 0.95,
    )


def bouw_huishouden(
    rng: random.Random,
    *,
    huishouden: int,
    eerste_index: int,
    max_deelnemers: int,
    peildatum: dt.date,
    stad: str,
    minimale_looptijd: int,
    nieuw_bsn: Callable[[], str],
    nieuw_iban: Callable[[str | None], str],
) -> tuple[str, list[DemoBurger], list[Persoon]]:
    """One household with 1 or 2 participants (never more than `max_deelnemers`)."""
    soort, _, volwassenen, met_kinderen = HUISHOUDSOORTEN[
        gewogen(rng, tuple(s[1] for s in HUISHOUDSOORTEN))
    ]
    kinderen = rng.choice((1, 1, 2, 2, 2, 3, 3, 4)) if met_kinderen else 0
    aantal = 2 if volwassenen == 2 and max_deelnemers >= 2 and rng.random() < 0.5 else 1
    herkomst = gewogen(rng, tuple(h[0] for h in HERKOMSTEN))
    _, mannen, vrouwen, achternamen = HERKOMSTEN[herkomst]
    nederlands = herkomst == 0
    straat, huisnummer, postcode = _adres(rng)
    deelname = _deelname(rng, peildatum, minimale_looptijd)
    leeftijd_eerste = rng.randrange(19, 76) if not met_kinderen else rng.randrange(21, 52)
    gezinsnaam = rng.choice(achternamen)
    burgers: list[DemoBurger] = []
    personen: list[Persoon] = []
    vrouw = False
    for nr in range(aantal):
        if nr == 0:
            vrouw = rng.random() < (0.75 if soort == "eenoudergezin" else 0.5)
        else:  # partners are mostly of the other sex
            vrouw = not vrouw if rng.random() < 0.95 else vrouw
        voornamen = _voornamen(rng, vrouwen if vrouw else mannen, nederlands)
        tussenvoegsel, achternaam = (
            gezinsnaam if nr == 0 or rng.random() < 0.4 else rng.choice(achternamen)
        )
        leeftijd = leeftijd_eerste if nr == 0 else max(19, leeftijd_eerste + rng.randrange(-6, 7))
        geboren = peildatum - dt.timedelta(days=365 * leeftijd + rng.randrange(365))
        roepnaam = _ascii(voornamen.split()[0]).lower()
        familienaam = "".join(c for c in _ascii(tussenvoegsel + achternaam).lower() if c.isalnum())
        email = (
            f"{roepnaam}.{familienaam}{rng.randrange(1, 100)}@example.com"
            if rng.random() < 0.6
            else ""
        )
        telefoon = f"06-{rng.randrange(10**7, 10**8)}" if rng.random() < 0.85 else ""
        iban = nieuw_iban(None)
        burgers.append(
            DemoBurger(
                volgnummer=eerste_index + nr + 1,
                bsn=nieuw_bsn(),
                voorletters=voorletters(voornamen),
                voornamen=voornamen,
                tussenvoegsel=tussenvoegsel,
                achternaam=achternaam,
                geboortedatum=geboren,
                straat=straat,
                huisnummer=huisnummer,
                postcode=postcode,
                plaats=stad,
                telefoonnummer=telefoon,
                email=email,
                huishouden=huishouden,
                iban=iban,
                deelname=deelname,
            )
        )
        personen.append(
            Persoon(
                index=eerste_index + nr,
                leeftijd=leeftijd,
                eerste=nr == 0,
                partner_deelnemer=aantal == 2,
                volwassenen=volwassenen,
                kinderen=kinderen,
                straat_en_nummer=f"{straat} {huisnummer}",
            )
        )
    eerste = burgers[0]
    naam = " ".join(p for p in (eerste.tussenvoegsel, eerste.achternaam) if p)
    return f"Huishouden {naam}"[:100], burgers, personen


def bsn_bron(rng: random.Random) -> Callable[[], str]:
    """Unique valid BSNs (elfproef) from this generator."""
    gebruikt: set[str] = set()

    def nieuw() -> str:
        while True:
            bsn = genereer_bsn(rng)
            if bsn not in gebruikt:
                gebruikt.add(bsn)
                return bsn

    return nieuw
