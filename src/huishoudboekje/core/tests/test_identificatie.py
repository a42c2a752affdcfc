import pytest

from huishoudboekje.core.identificatie import (
    IdentificatieFout,
    bic_bij_iban,
    formatteer_iban,
    normaliseer_bic,
    normaliseer_bsn,
    normaliseer_iban,
    normaliseer_kvk,
    normaliseer_postcode,
    normaliseer_vestigingsnummer,
)


def test_bsn_elfproef() -> None:
    assert normaliseer_bsn("111222333") == "111222333"
    assert normaliseer_bsn("1112.22.333") == "111222333"
    with pytest.raises(IdentificatieFout, match="elfproef"):
        normaliseer_bsn("111222334")
    with pytest.raises(IdentificatieFout, match="9 cijfers"):
        normaliseer_bsn("1234567")
    with pytest.raises(IdentificatieFout, match="alleen uit cijfers"):
        normaliseer_bsn("11122233A")


def test_iban() -> None:
    assert normaliseer_iban("nl91 abna 0417 1643 00") == "NL91ABNA0417164300"
    with pytest.raises(IdentificatieFout, match="controlegetal"):
        normaliseer_iban("NL92ABNA0417164300")
    with pytest.raises(IdentificatieFout):
        normaliseer_iban("NL91ABNA04171643")
    with pytest.raises(IdentificatieFout):
        normaliseer_iban("XX")
    assert formatteer_iban("NL91ABNA0417164300") == "NL91 ABNA 0417 1643 00"
    assert bic_bij_iban("NL91ABNA0417164300").startswith("ABNANL2A")
    assert bic_bij_iban("onzin") == ""


def test_bic_kvk_postcode() -> None:
    assert normaliseer_bic("ingbnl2a") == "INGBNL2A"
    with pytest.raises(IdentificatieFout):
        normaliseer_bic("ING")
    assert normaliseer_kvk("1234 5678") == "12345678"
    with pytest.raises(IdentificatieFout, match="8 cijfers"):
        normaliseer_kvk("1234567")
    assert normaliseer_vestigingsnummer("000012345678") == "000012345678"
    with pytest.raises(IdentificatieFout):
        normaliseer_vestigingsnummer("123")
    assert normaliseer_postcode("3511ab") == "3511 AB"
    for fout in ("0123 AB", "3511 SS", "35111AB", "AB 3511"):
        with pytest.raises(IdentificatieFout, match="1234 AB"):
            normaliseer_postcode(fout)
