from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from huishoudboekje.core.privacy import elfproef, maskeer_persoonsgegevens
from huishoudboekje.demogegevens.generatie import genereer_bsn


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("Key (bsn)=(111222333) already exists.",
         "Key (bsn)=([waarde weggelaten]) already exists."),
        ("BSN 111222333 bestaat al", "BSN [BSN] bestaat al"),
        ("DETAIL:  Key (achternaam, plaats)=(Vries, Utrecht) already exists.",
         "DETAIL:  Key (achternaam, plaats)=([waarde weggelaten]) already exists."),
        ("DETAIL:  Failing row contains (2, HHB9, Jan, Vries, null).\nvolgende regel",
         "DETAIL:  Failing row contains ([rij weggelaten]).\nvolgende regel"),
        ("bsn 1112.22.333 dubbel", "bsn [BSN] dubbel"),
        ("rekening NL91ABNA0417164300 onbekend", "rekening [IBAN] onbekend"),
        ("rekening NL91 ABNA 0417 1643 00 onbekend", "rekening [IBAN] onbekend"),
        ("mail femke.jansen@gemeente.test", "mail [e-mail]"),
        ("bel 06-12345678 of +31 20 1234567", "bel [telefoon] of [telefoon]"),
    ],
)
def test_maskeren(tekst: str, verwacht: str) -> None:
    assert maskeer_persoonsgegevens(tekst) == verwacht


@pytest.mark.parametrize(
    "tekst",
    [
        "123456789 is geen BSN (elfproef)",
        "2026-12-02 16:52:57,881 afschrift 2026-05-28 transactie 48213 van 725,00",
        "GET /deelnemers/1234/ 403",
        "IntegrityError: UNIQUE constraint failed: burgers_burger.bsn",
    ],
)
def test_wat_geen_persoonsgegeven_is_blijft_leesbaar(tekst: str) -> None:
    assert maskeer_persoonsgegevens(tekst) == tekst


@given(st.randoms(use_true_random=False))
def test_elke_gegenereerde_bsn_wordt_gemaskeerd(toeval) -> None:  # type: ignore[no-untyped-def]
    nummer = genereer_bsn(toeval)
    assert elfproef(nummer)
    assert maskeer_persoonsgegevens(f"dubbel: {nummer}.") == "dubbel: [BSN]."
