"""The balance check of an import works both ways: a closing balance one cent LOWER
than opening + movements is refused exactly like one a cent higher, in camt.053 and in
MT940 of every dialect, with the amounts in the message and nothing stored."""

from __future__ import annotations

import pytest

from huishoudboekje.bankafschriften.models import Bankafschrift
from huishoudboekje.fabrieken import GemeenteRekeningFabriek

from .hulp import camt, mt940, tx
from .hulp_importeren import importeer, staat

pytestmark = pytest.mark.django_db

# opening 1.000,00 + one credit of 725,00 = 1.725,00
GOED = {"camt": b"1725.00", "mt940": b"1725,00"}


def _bestand(soort: str, dialect: str) -> bytes:
    if soort == "camt":
        return camt(tx(), eindsaldo=172500)
    return mt940(tx(), dialect=dialect, eindsaldo=172500)


@pytest.mark.parametrize(
    ("soort", "dialect"),
    [("camt", ""), ("mt940", "bng"), ("mt940", "ing"), ("mt940", "rabobank"), ("mt940", "abnamro")],
)
@pytest.mark.parametrize(
    ("eind", "getoond"), [("1724", "1.724,99"), ("1725", "1.725,01")], ids=["te-laag", "te-hoog"]
)
def test_eindsaldo_dat_niet_optelt_wordt_geweigerd(soort, dialect, eind, getoond):
    GemeenteRekeningFabriek()
    scheiding = GOED[soort][4:5]  # "." or ","
    fout = eind.encode() + scheiding + (b"99" if eind == "1724" else b"01")
    inhoud = _bestand(soort, dialect).replace(GOED[soort], fout)
    assert inhoud != _bestand(soort, dialect)
    r = importeer(inhoud, "a.txt")
    assert not r.gelukt, r
    melding = r.fouten[0].replace("\xa0", " ")
    assert "klopt niet" in melding, r.fouten
    assert "= € 1.725,00, maar het eindsaldo is € " + getoond in melding, melding
    assert staat() == (0, 0, 0, 0)


@pytest.mark.parametrize(("soort", "dialect"), [("camt", ""), ("mt940", "bng")])
def test_eindsaldo_dat_optelt_wordt_ingelezen(soort, dialect):
    GemeenteRekeningFabriek()
    inhoud = _bestand(soort, dialect)
    r = importeer(inhoud, "a.txt")
    assert r.gelukt and r.nieuw == 1, r
    assert Bankafschrift.objects.get().saldo_verschil == 0
