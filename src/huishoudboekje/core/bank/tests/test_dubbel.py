"""Is a new line the same booking as a stored one with the same date, amount and
counterparty? References decide where both have them; otherwise the descriptions; no
evidence is doubt, never "the same"."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from huishoudboekje.core.bank.dubbel import ANDERS, TWIJFEL, ZELFDE, normaliseer, vergelijk


@dataclass(frozen=True)
class R:
    bankreferentie: str = ""
    end_to_end_id: str = ""
    betalingskenmerk: str = ""
    mandaat_id: str = ""
    omschrijving: str = ""


@pytest.mark.parametrize(
    ("nieuw", "eerder", "zelfde_formaat", "oordeel"),
    [
        (R(end_to_end_id="E1"), R(end_to_end_id="E2"), False, ANDERS),
        (R(end_to_end_id="E1", omschrijving="x"), R(end_to_end_id="e1"), False, ZELFDE),
        (R(betalingskenmerk="1234 5678"), R(betalingskenmerk="12345678"), False, ZELFDE),
        (R(mandaat_id="M1", omschrijving="a"), R(mandaat_id="M2", omschrijving="a"), False, ANDERS),
        (R(mandaat_id="M1"), R(mandaat_id="M1"), False, TWIJFEL),  # a mandate collects monthly
        (R(bankreferentie="A"), R(bankreferentie="A"), False, ZELFDE),
        (R(bankreferentie="A"), R(bankreferentie="B"), True, ANDERS),
        (R(bankreferentie="A"), R(bankreferentie="MT-B"), False, TWIJFEL),  # formats differ
        (R(omschrijving="Huur mei"), R(omschrijving="HUUR  MEI /TRCD/100"), False, ZELFDE),
        (R(omschrijving="Huur mei Jansen"), R(omschrijving="Huur mei Bakker"), False, ANDERS),
        (R(omschrijving=""), R(omschrijving="Huur mei"), False, TWIJFEL),
        (R(), R(), True, TWIJFEL),
    ],
)
def test_vergelijk(nieuw, eerder, zelfde_formaat, oordeel):
    assert vergelijk(nieuw, eerder, zelfde_formaat=zelfde_formaat) == oordeel


def test_normaliseer():
    assert normaliseer("Çelik  Huur-Mei 12.") == "celikhuurmei12"
