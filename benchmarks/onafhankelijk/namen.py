"""Names as a municipality's population and its parties have them, and the way banks
mangle them (diacritics dropped, upper case, SWIFT character set).

The surname list is deliberately top-heavy: the Netherlands' most common surnames
(Jansen, de Vries, van den Berg, Bakker, Smit, Dijkstra ...) recur so that several
participants with the same surname work for the same employer, as issue 7 describes.
Names of people with a migration background (Turkish, Moroccan, Syrian, Eritrean,
Polish, German) carry the diacritics and letters banks strip: Çelik, Özdemir, Yılmaz,
Şahin, Müller, Groß, Wiśniewski."""

from __future__ import annotations

import random
import re
import unicodedata

# (tussenvoegsel, achternaam, weight)
VEEL_VOORKOMEND = [
    ("", "Jansen", 10),
    ("de", "Vries", 9),
    ("van den", "Berg", 7),
    ("", "Bakker", 7),
    ("van", "Dijk", 6),
    ("", "Janssen", 6),
    ("", "Visser", 6),
    ("", "Smit", 6),
    ("", "Meijer", 5),
    ("de", "Boer", 5),
    ("", "Mulder", 5),
    ("de", "Groot", 5),
    ("", "Bos", 4),
    ("", "Vos", 4),
    ("", "Peters", 4),
    ("", "Hendriks", 4),
    ("", "Dijkstra", 5),
    ("", "Dekker", 4),
    ("", "Brouwer", 4),
    ("de", "Wit", 4),
    ("", "Smits", 3),
    ("de", "Graaf", 3),
    ("van der", "Meer", 3),
    ("", "Kok", 3),
    ("", "Çelik", 3),
    ("", "Yılmaz", 3),
    ("", "Özdemir", 3),
    ("", "Şahin", 2),
    ("", "Kaya", 2),
    ("", "Doğan", 2),
    ("El", "Amrani", 2),
    ("", "Bouzid", 2),
    ("", "Haddou", 2),
    ("", "Tesfay", 2),
    ("", "Haile", 2),
    ("", "Gebremedhin", 1),
    ("", "Alhassan", 2),
    ("Al", "Khatib", 1),
    ("", "Müller", 2),
    ("", "Groß", 1),
    ("", "Wiśniewski", 1),
    ("", "Kowalski", 2),
    ("", "Nguyễn", 1),
    ("", "Ramdin", 1),
]
_BEGIN = [
    "Hof",
    "Wester",
    "Ooster",
    "Kool",
    "Brink",
    "Veld",
    "Steen",
    "Berg",
    "Molen",
    "Hoek",
    "Wijn",
    "Kramer",
    "Zand",
    "Haver",
    "Linde",
    "Eik",
    "Riet",
    "Dal",
    "Hulst",
    "Boom",
]
_EIND = [
    "stra",
    "ink",
    "ema",
    "man",
    "huis",
    "kamp",
    "hof",
    "beek",
    "mans",
    "sma",
    "inga",
    "haar",
    "veld",
    "horst",
    "meijer",
    "boer",
    "ing",
    "dijk",
]
VOORNAMEN = [
    "Jan",
    "Johanna",
    "Pieter",
    "Maria",
    "Kees",
    "Anna",
    "Henk",
    "Sanne",
    "Mohamed",
    "Fatima",
    "Ahmet",
    "Ayşe",
    "Mehmet",
    "Elif",
    "Yonas",
    "Selam",
    "Abdullah",
    "Noor",
    "Joost",
    "Lotte",
    "Thomas",
    "Emma",
    "Daan",
    "Julia",
    "Ibrahim",
    "Samira",
    "Wim",
    "Ingrid",
    "Piotr",
    "Agnieszka",
    "René",
    "Chantal",
    "Kevin",
    "Priya",
    "Tesfay",
    "Hanna",
    "Jürgen",
    "Zoë",
    "Gerrit",
    "Wilma",
    "Ricardo",
    "Linda",
    "Omar",
    "Yasmina",
]


def achternaam(rng: random.Random) -> tuple[str, str]:
    """(tussenvoegsel, surname): about 45% from the common list, the rest long-tail
    composed names ("Westerhof", "Koolhaas") that rarely repeat."""
    if rng.random() < 0.45:
        tv, naam, _ = rng.choices(VEEL_VOORKOMEND, weights=[w for *_, w in VEEL_VOORKOMEND])[0]
        return tv, naam
    tv = rng.choice(["", "", "", "", "van", "de", "van der", "ter"])
    return tv, rng.choice(_BEGIN) + rng.choice(_EIND)


def voornamen(rng: random.Random) -> list[str]:
    return rng.sample(VOORNAMEN, rng.choice([1, 1, 2, 2, 3]))


def voorletters(namen: list[str]) -> str:
    return "".join(f"{vouw(n)[0].upper()}." for n in namen)


_SPECIAAL = str.maketrans({"ß": "ss", "ı": "i", "ø": "o", "æ": "ae", "Ø": "O", "ł": "l"})


def vouw(tekst: str) -> str:
    """Diacritics removed the way bank systems do it: Çelik -> Celik, Groß -> Gross."""
    tekst = tekst.translate(_SPECIAAL)
    return "".join(c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c))


_SWIFT_NIET = re.compile(r"[^A-Za-z0-9/\-?().,'+ ]")


def swift(tekst: str) -> str:
    """Text in the SWIFT X character set (MT940): folded, other characters a space,
    no colon (a wrapped line starting with ":NN:" would read as a field)."""
    return " ".join(_SWIFT_NIET.sub(" ", vouw(tekst)).split())


def volledige_achternaam(tussenvoegsel: str, naam: str) -> str:
    return f"{tussenvoegsel} {naam}".strip()
