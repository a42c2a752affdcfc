import pytest
from hypothesis import given
from hypothesis import strategies as st

from huishoudboekje.core.money import BedragFout, formatteer_bedrag, parse_bedrag


@pytest.mark.parametrize(
    ("centen", "tekst"),
    [(0, "€\u00a00,00"), (5, "€\u00a00,05"), (123456, "€\u00a01.234,56"), (-1200, "-€\u00a012,00"),
     (100000000, "€\u00a01.000.000,00")],
)
def test_formatteer_bedrag(centen: int, tekst: str) -> None:
    assert formatteer_bedrag(centen) == tekst


def test_formatteer_bedrag_zonder_valuta_en_met_teken() -> None:
    assert formatteer_bedrag(123456, valuta=False) == "1.234,56"
    assert formatteer_bedrag(500, teken=True) == "+€\u00a05,00"


@pytest.mark.parametrize(
    ("tekst", "centen"),
    [("1234,56", 123456), ("1.234,56", 123456), ("1234.56", 123456), ("€ 12", 1200), ("12,5", 1250),
     ("1.234", 123400), ("EUR 0,01", 1), ("-7,50", -750), (" 1 234,00 ", 123400)],
)
def test_parse_bedrag(tekst: str, centen: int) -> None:
    assert parse_bedrag(tekst) == centen


@pytest.mark.parametrize("tekst", ["", "abc", "1,234,5", "12,345", "1.2.3,4", "€", "1e5", "12,-"])
def test_parse_bedrag_weigert_onzin(tekst: str) -> None:
    with pytest.raises(BedragFout):
        parse_bedrag(tekst)


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_formatteer_en_lees_terug(centen: int) -> None:
    assert parse_bedrag(formatteer_bedrag(centen)) == centen
