"""Password policy: at least 12 characters, not a common password, also not a common
Dutch one dressed up with capitals, digits, punctuation or leetspeak, not one's own name."""

import pytest
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError

from huishoudboekje.accounts.models import Medewerker
from huishoudboekje.accounts.wachtwoordbeleid import (
    LIJST_NL,
    NederlandsWachtwoordValidator,
    lezingen,
)


def _fouten(wachtwoord: str, user: Medewerker | None = None) -> list[str]:
    try:
        password_validation.validate_password(wachtwoord, user=user)
    except ValidationError as fout:
        return [e.code for e in fout.error_list]
    return []


@pytest.mark.parametrize("wachtwoord", ["wachtwoord123", "Welkom01!", "Zomer2026"])
def test_voorbeelden_uit_het_issue_geweigerd(wachtwoord):
    assert _fouten(wachtwoord)


@pytest.mark.parametrize(
    "wachtwoord",
    [
        "wachtwoord123",
        "Wachtwoord2026!",
        "W@chtw00rd2026",
        "Welkom01!!!!!!",
        "Zomer2026!!!!",
        "Voorjaar-2026!",
        "Januari2026!!",
        "2026-december!",
        "Feyenoord1908!",
        "1nloggen2026!",
        "WelkomZomer2026",
        "Amsterdam2026!",
        "Dragon2026!!!",
    ],
)
def test_lang_genoeg_maar_veelgebruikt_nederlands_geweigerd(wachtwoord):
    """12 characters or more, so only the Dutch list with normalising refuses them."""
    assert len(wachtwoord) >= 12
    assert _fouten(wachtwoord) == ["password_too_common"]


def test_eigen_naam_met_cijfers_geweigerd():
    kees = Medewerker(username="kdvries", first_name="Kees", last_name="de Vries")
    assert "password_too_similar" in _fouten("KeesdeVries2026!", user=kees)
    assert "password_too_similar" in _fouten("2026-kdvries-2026", user=kees)


@pytest.mark.parametrize(
    "wachtwoord",
    [
        "correct-paard-batterij-nietje",
        "Mijn fiets is groen en oud",
        "8#k2!9@x7$q1Lm",
        "Lange-zin-voor-Kees-2026",
    ],
)
def test_eigen_zin_of_willekeurig_wachtwoord_toegestaan(wachtwoord):
    assert _fouten(wachtwoord) == []


def test_te_kort_geweigerd():
    assert "password_too_short" in _fouten("Xq7#pLm2vR9")  # 11 characters


@pytest.mark.parametrize(
    ("wachtwoord", "lezing"),
    [
        ("wachtwoord123", "wachtwoord"),
        ("W@chtw00rd!", "wachtwoord"),
        ("Welkom01!", "welkom"),
        ("1nloggen2026", "inloggen"),
        ("zomer-2026-herfst", "zomerherfst"),
        ("Zo2026mer", "zomer"),
    ],
)
def test_lezingen(wachtwoord, lezing):
    assert lezing in lezingen(wachtwoord)


def test_lijst_is_nederlands_en_groot_genoeg():
    validator = NederlandsWachtwoordValidator()
    assert len(validator.woorden) >= 400
    assert all(w.isalpha() and w == w.lower() for w in validator.woorden)
    seizoenen_maanden = {"lente", "zomer", "herfst", "winter", "januari", "maart", "december"}
    assert seizoenen_maanden <= validator.woorden
    assert {"wachtwoord", "welkom", "feyenoord", "gemeente"} <= validator.woorden
    assert LIJST_NL.name.endswith(".txt")
