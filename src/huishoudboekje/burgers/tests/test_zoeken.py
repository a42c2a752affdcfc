"""burger_zoeken: name, BSN, IBAN, HHB-number and address; no duplicate rows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from huishoudboekje.burgers.selectors import burger_zoeken, burgers_voor_lijst
from huishoudboekje.fabrieken import BurgerFabriek, DeelnameFabriek, RekeningFabriek

from .hulp import IBAN, IBAN_2

pytestmark = pytest.mark.django_db


@pytest.fixture
def jan():
    burger = BurgerFabriek(
        voornamen="Jan",
        tussenvoegsel="de",
        achternaam="Vries",
        bsn="111222333",
        hhb_nummer="HHB000123",
        straat="Lange Nieuwstraat",
        huisnummer="7",
        postcode="3512 PH",
        plaats="Utrecht",
    )
    burger.rekeningen.add(RekeningFabriek(iban=IBAN), RekeningFabriek(iban=IBAN_2))
    return burger


@pytest.fixture
def anderen():
    return [
        BurgerFabriek(
            voornamen="Fatima",
            achternaam="El Amrani",
            straat="Kanaalstraat",
            huisnummer="1",
            postcode="3531 CE",
            plaats="Utrecht",
            hhb_nummer="HHB000200",
        ),
        BurgerFabriek(
            voornamen="Piet",
            achternaam="Jansen",
            straat="Biltstraat",
            huisnummer="70",
            postcode="3572 BG",
            plaats="Utrecht",
            hhb_nummer="HHB000201",
        ),
    ]


@pytest.mark.parametrize(
    "q",
    [
        "vries",
        "JAN DE VRIES",
        "Jan Vries",
        "jan de vries",
        "Vries Jan",  # name
        "111222333",
        "111.222.333",  # BSN
        "NL91ABNA0417164300",
        "nl91 abna 0417 1643 00",
        "NL20 INGB 0001 2345 67",  # IBAN, either account
        "HHB000123",
        "hhb000123",  # HHB-number
        "Lange Nieuwstraat",
        "nieuwstraat 7",
        "3512 PH",
        "3512ph",  # address
    ],
)
def test_vindt_op_elk_kenmerk(jan, anderen, q):
    assert list(burger_zoeken(q)) == [jan]


def test_woonplaats_vindt_iedereen_daar(jan, anderen):
    assert burger_zoeken("utrecht").count() == 3


def test_leeg_geeft_alles_en_onbekend_niets(jan, anderen):
    assert burger_zoeken("").count() == 3
    assert burger_zoeken(None).count() == 3
    assert not burger_zoeken("Zzyzx").exists()
    assert not burger_zoeken("999999990").exists()  # valid-looking but unknown BSN


def test_bsn_alleen_exact(jan):
    assert not burger_zoeken("11122233").exists()  # 8 digits: read as 011122233
    assert not burger_zoeken("1112").exists()


def test_geen_dubbele_rijen_bij_meerdere_rekeningen(jan):
    assert burger_zoeken("NL").count() <= 1
    assert burger_zoeken("0417").count() <= 1
    assert burgers_voor_lijst("NL91").count() == 1


def test_lijst_zonder_n_plus_1(jan, anderen):
    for burger in anderen:
        DeelnameFabriek(burger=burger)
    with CaptureQueriesContext(connection) as vragen:
        rijen = list(burgers_voor_lijst(""))
        statussen = [(b.deelname_start, b.deelname_variant, b.naam, b.adres) for b in rijen]
    assert len(vragen) == 1
    assert [s[0] is not None for s in statussen].count(True) == 2
