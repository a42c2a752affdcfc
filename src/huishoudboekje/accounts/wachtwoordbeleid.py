"""Password policy beside Django's validators: common Dutch passwords and words.

Django's CommonPasswordValidator compares the password exactly (lowercased) with 20,000
mostly English passwords, so `Welkom01!`, `W@chtw00rd2026` or `Zomer2026!!!` pass it.
Here the password is normalised first and every reading is compared with a Dutch list
(data/veelgebruikte_wachtwoorden_nl.txt: words, names, clubs, cities, seasons, months),
with Django's list read the same way, and with the staff member's own names:

- case is ignored;
- digits and punctuation at the start and end are stripped (`wachtwoord123` -> `wachtwoord`);
- leetspeak is folded back (`w@chtw00rd` -> `wachtwoord`, `1nloggen` -> `inloggen`);
- separators inside are ignored (`zomer-2026-welkom` -> `zomerwelkom`);
- two words from the Dutch list glued together count as one (`welkomzomer`).

A random password from a password manager, or a sentence of your own, passes.
"""

from __future__ import annotations

import gzip
import re
from functools import cached_property
from pathlib import Path
from typing import Any

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

LIJST_NL = Path(__file__).resolve().parent / "data" / "veelgebruikte_wachtwoorden_nl.txt"

# Digits and symbols people use for letters (1 -> i and l, both are tried).
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
     "@": "a", "$": "s", "!": "i", "|": "i", "+": "t", "€": "e"}  # fmt: skip
)
_LEET_L = str.maketrans({"1": "l", "!": "l", "|": "l"})
_GEEN_LETTER = re.compile(r"[^a-z]+")
_BEGIN = re.compile(r"^[^a-z]+")
_EIND = re.compile(r"[^a-z]+$")
# Parts shorter than this are not used to split a password into two list words.
_MINIMAAL_DEEL = 4


def _letters(tekst: str) -> str:
    return _GEEN_LETTER.sub("", tekst)


def lezingen(wachtwoord: str) -> set[str]:
    """Every normalised reading of a password (lowercase letters only).

    A digit at the edge may be decoration (`welkom01`) or a letter (`1nloggen`), so the
    edges are stripped in three ways; each core is then read with leetspeak folded
    (1 as i and as l) and with its inner digits and symbols simply left out."""
    laag = wachtwoord.lower().strip()
    kernen = {_EIND.sub("", _BEGIN.sub("", laag)), _EIND.sub("", laag), _BEGIN.sub("", laag)}
    kandidaten = set()
    for kern in kernen:
        kandidaten |= {
            _letters(kern.translate(_LEET)),
            _letters(kern.translate(_LEET_L).translate(_LEET)),
            _letters(kern),
        }
    return {k for k in kandidaten if k}


def _lees_lijst(pad: Path) -> frozenset[str]:
    with pad.open(encoding="utf-8") as bestand:
        regels = (regel.strip().lower() for regel in bestand)
        return frozenset(r for r in regels if r and not r.startswith("#"))


def _eigen_namen(user: Any) -> set[str]:
    """The staff member's username, names and e-mail name, normalised the same way."""
    if user is None:
        return set()
    delen = [
        getattr(user, "username", "") or "",
        getattr(user, "first_name", "") or "",
        getattr(user, "last_name", "") or "",
        (getattr(user, "email", "") or "").split("@")[0],
    ]
    namen = {_letters(d.lower().translate(_LEET)) for d in delen}
    voornaam, achternaam = (_letters(d.lower()) for d in delen[1:3])
    namen |= {voornaam + achternaam, achternaam + voornaam}
    return {n for n in namen if len(n) >= 3}


class NederlandsWachtwoordValidator:
    """Refuses common Dutch (and English) passwords and the user's own names, however
    they are dressed up with capitals, digits, punctuation or leetspeak."""

    def __init__(self, lijst: str | Path = LIJST_NL) -> None:
        self.woorden = _lees_lijst(Path(lijst))

    @cached_property
    def django_woorden(self) -> frozenset[str]:
        """Django's 20,000 common passwords read as letters only (`password1` -> `password`)."""
        pad = CommonPasswordValidator().DEFAULT_PASSWORD_LIST_PATH
        with gzip.open(pad, "rt", encoding="utf-8") as bestand:
            woorden = {_letters(regel.strip().translate(_LEET)) for regel in bestand}
        return frozenset(w for w in woorden if len(w) >= _MINIMAAL_DEEL)

    def _twee_woorden(self, lezing: str) -> bool:
        return any(
            lezing[:i] in self.woorden and lezing[i:] in self.woorden
            for i in range(_MINIMAAL_DEEL, len(lezing) - _MINIMAAL_DEEL + 1)
        )

    def validate(self, password: str, user: Any = None) -> None:
        eigen = _eigen_namen(user)
        for lezing in lezingen(password):
            if lezing in eigen:
                raise ValidationError(
                    _("Dit wachtwoord is uw eigen naam of gebruikersnaam met wat cijfers "
                      "of tekens erbij."),  # fmt: skip
                    code="password_too_similar",
                )
            if lezing in self.woorden or lezing in self.django_woorden or self._twee_woorden(
                lezing
            ):
                raise ValidationError(
                    _("Dit wachtwoord is een veelgebruikt woord of wachtwoord, ook met "
                      "hoofdletters, cijfers of tekens erbij. Kies bijvoorbeeld een zin "
                      "van een paar woorden die alleen u kent."),  # fmt: skip
                    code="password_too_common",
                )

    def get_help_text(self) -> str:
        return _(
            "Geen veelgebruikt woord of wachtwoord en niet uw eigen naam, ook niet met "
            "cijfers of tekens ervoor of erachter."
        )
