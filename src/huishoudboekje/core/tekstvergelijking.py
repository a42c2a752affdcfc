"""Comparing references and search terms the way staff read them, not byte by byte.

The same party writes the same reference differently from month to month (`2204441`,
`2 204 441`, `2.204.441`, `klantnr. 0002204441`, upper or lower case) and banks strip
diacritics (`Çelik` arrives as `CELIK`). So both sides are normalised before comparing:
diacritics folded, lower case, everything that is not a letter or digit removed, leading
zeros of a number dropped. A search term counts when its normalised form occurs in the
normalised text starting and ending on a token boundary of the text, so `Smit` is not
found in `Smits` and `2204441` not in `22044415`, while `2 204 441` still is `2204441`.

A term with a number in it (`klantnr. 2204441`) also counts when just that number is in
the text: the label around a reference changes, the number does not.

Pure and Django-free; the matcher normalises each text once and each term once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# letters NFKD does not decompose into a base letter + combining mark
_EXTRA = str.maketrans(
    {"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i", "þ": "th"}
)
_DEEL = re.compile(r"[a-z]+|[0-9]+")
MIN_CIJFERS_KERN = 4  # a number this long in a term is its identifying core
MAX_GETALGROEPEN = 4  # "2 204 441" is three groups; more than four is not one number
_TUSSENVOEGSELS = frozenset(
    {"de", "van", "der", "den", "het", "ter", "ten", "te", "la", "le", "in", "t"}
)


def vouw(tekst: str) -> str:
    """Lower case, diacritics folded to ASCII where a base letter exists."""
    tekst = tekst.lower().translate(_EXTRA)
    if tekst.isascii():
        return tekst
    ontleed = unicodedata.normalize("NFKD", tekst)
    return "".join(c for c in ontleed if not unicodedata.combining(c))


def _zonder_voorloopnullen(deel: str) -> str:
    return (deel.lstrip("0") or "0") if deel.isdigit() else deel


@dataclass(frozen=True)
class Tekst:
    """A normalised text: `compact` without separators, `grenzen` the positions in it
    where a token starts or ends, `sleutels` the lookup keys (words, numbers, and numbers
    written in groups joined again)."""

    compact: str
    grenzen: frozenset[int]
    delen: tuple[str, ...]
    sleutels: frozenset[str]

    def bevat(self, term: str) -> bool:
        """Whether the already normalised `term` occurs on token boundaries."""
        if not term:
            return False
        start = self.compact.find(term)
        while start != -1:
            if start in self.grenzen and start + len(term) in self.grenzen:
                return True
            start = self.compact.find(term, start + 1)
        return False


def _delen_per_woord(tekst: str) -> list[list[str]]:
    """Per whitespace/punctuation-separated word its letter and digit parts, folded."""
    return [_DEEL.findall(w) for w in re.split(r"[^0-9a-z]+", vouw(tekst)) if w]


@lru_cache(maxsize=4096)
def normaliseer(tekst: str) -> Tekst:
    """The normalised form of a bank text (cached: descriptions repeat a lot). Digits keep
    their zeros (`590 058 823` stays `590058823`), but a number's leading zeros end on a
    boundary of their own, so `0002204441` also holds `2204441` on boundaries."""
    delen = [d for woord in _delen_per_woord(tekst) for d in woord]
    grenzen = {0}
    positie = 0
    for d in delen:
        if d.isdigit() and d[0] == "0":
            grenzen.add(positie + len(d) - len(_zonder_voorloopnullen(d)))
        positie += len(d)
        grenzen.add(positie)
    sleutels = {_zonder_voorloopnullen(d) for d in delen}
    # numbers written in groups: "2 204 441", "2.204.441" -> "2204441"
    for i, d in enumerate(delen):
        if not d.isdigit():
            continue
        samen = d
        for volgend in delen[i + 1 : i + MAX_GETALGROEPEN]:
            if not volgend.isdigit():
                break
            samen += volgend
            sleutels.add(_zonder_voorloopnullen(samen))
    return Tekst("".join(delen), frozenset(grenzen), tuple(delen), frozenset(sleutels))


@dataclass(frozen=True)
class Term:
    """A search term as typed by staff, normalised: `vorm` must be found whole, or,
    when the term has a number of at least `MIN_CIJFERS_KERN` digits, `kern` (that
    number) alone. `sleutel` is the key to look agreements up by."""

    origineel: str
    vorm: str
    kern: str
    sleutel: str

    def in_tekst(self, tekst: Tekst) -> bool:
        return tekst.bevat(self.vorm) or (bool(self.kern) and tekst.bevat(self.kern))


@lru_cache(maxsize=16_384)
def term(origineel: str) -> Term:
    delen = [d for w in _delen_per_woord(origineel) for d in w]
    vorm = (
        _zonder_voorloopnullen("".join(delen)) if delen and delen[0].isdigit() else "".join(delen)
    )
    # the number of a term, even when typed in groups ("2 204 441")
    cijfers = "".join(d for d in delen if d.isdigit())
    kern = _zonder_voorloopnullen(cijfers) if len(cijfers) >= MIN_CIJFERS_KERN else ""
    woorden = [d for d in delen if not d.isdigit()]
    sleutel = kern or (max(woorden, key=len) if woorden else vorm)
    return Term(origineel, vorm, kern, sleutel)


@lru_cache(maxsize=65_536)
def achternaam_sleutel(achternaam: str) -> str:
    """The part of a surname the bank keeps: `de Vries` -> `vries`, `Çelik` -> `celik`."""
    woorden = [d for w in _delen_per_woord(achternaam) for d in w if not d.isdigit()]
    return max(woorden, key=len) if woorden else ""


@lru_cache(maxsize=4096)
def woorden_van(tekst: str) -> tuple[str, ...]:
    """The words of a text, folded, split on anything but letters and digits."""
    return tuple(w for w in re.split(r"[^0-9a-z]+", vouw(tekst)) if w)


# "t.n.v. J. Jansen", "t.b.v.", "t.a.v.", "Dhr.", "Mevr.": never initials or a first name
_AANHEF_REEKSEN = (("t", "n", "v"), ("t", "b", "v"), ("t", "a", "v"), ("i", "o"), ("c", "q"))
_AANHEF_WOORDEN = frozenset(
    {"tnv", "tbv", "tav", "dhr", "mevr", "mw", "mevrouw", "heer", "hr", "fam", "familie", "ih"}
)
_KLINKERS = frozenset("aeiou")


def zonder_aanhef(woorden: tuple[str, ...]) -> tuple[str, ...]:
    """The words without forms of address and "ten name van" abbreviations."""
    uit: list[str] = []
    i = 0
    while i < len(woorden):
        reeks = next((r for r in _AANHEF_REEKSEN if woorden[i : i + len(r)] == r), None)
        if reeks is not None:
            i += len(reeks)
            continue
        if woorden[i] not in _AANHEF_WOORDEN:
            uit.append(woorden[i])
        i += 1
    return tuple(uit)


def _initialen(w: str) -> bool:
    """A word that can only be initials: one letter, or two or three without a vowel
    ("JM", "KBH"; "mei" or "van" are words)."""
    return w.isalpha() and (len(w) == 1 or (len(w) <= 3 and not set(w) & _KLINKERS))


def naast_achternaam(woorden: tuple[str, ...], achternaam: str) -> tuple[set[str], set[str]]:
    """What is written right before or after the surname among these words: initials
    (single letters or a vowel-less short word, a run as one string: `J. Jansen` -> "j",
    `J.P. JANSEN` / `JP JANSEN` -> "jp", `Jansen J` -> "j") and other words (a first
    name: `Lotte Mulder` -> "lotte"). The other words of the surname, a tussenvoegsel
    (`J. de Vries`, `I. Al Khatib`) and forms of address (`t.n.v.`, `Dhr.`) are
    skipped."""
    sleutel = achternaam_sleutel(achternaam)
    initialen: set[str] = set()
    andere: set[str] = set()
    if not sleutel:
        return initialen, andere
    woorden = zonder_aanhef(woorden)
    overslaan = _TUSSENVOEGSELS | set(woorden_van(achternaam))
    for i, w in enumerate(woorden):
        if w != sleutel:
            continue
        j = i - 1
        while j >= 0 and woorden[j] in overslaan:
            j -= 1
        run = ""
        while j >= 0 and _initialen(woorden[j]):
            run = woorden[j] + run
            j -= 1
        if run:
            initialen.add(run)
        elif j >= 0 and woorden[j].isalpha():
            andere.add(woorden[j])
        k = i + 1
        run = ""
        while k < len(woorden) and _initialen(woorden[k]):
            run += woorden[k]
            k += 1
        if run:
            initialen.add(run)
        elif k < len(woorden) and woorden[k].isalpha() and woorden[k] not in overslaan:
            andere.add(woorden[k])
    return initialen, andere


def initialen_bij(tekst: str, achternaam: str) -> set[str]:
    return naast_achternaam(woorden_van(tekst), achternaam)[0]


def voorletters_van(voorletters: str, voornamen: str = "") -> str:
    """The participant's initials as folded letters ("Ç.A." -> "ca"), else the first
    letter of each given name."""
    letters = "".join(c for c in vouw(voorletters) if c.isalpha())
    if letters:
        return letters
    return "".join(w[0] for w in vouw(voornamen).split() if w and w[0].isalpha())


def eerste_voornaam(voornamen: str) -> str:
    woorden = [w for w in "".join(c if c.isalpha() else " " for c in vouw(voornamen)).split()]
    return woorden[0] if woorden else ""
