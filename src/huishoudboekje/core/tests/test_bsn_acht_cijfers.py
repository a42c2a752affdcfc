"""A BSN of 8 digits is the 9-digit number with its leading 0 left off (older BSNs and
sofi-numbers are printed that way): valid when the elfproef holds after padding with a
0 on the LEFT, and always stored as 9 digits."""

import pytest

from huishoudboekje.core.identificatie import IdentificatieFout, normaliseer_bsn


@pytest.mark.parametrize("invoer", ["12345672", "1234.56.72", " 1234 5672 ", "012345672"])
def test_acht_cijfers_worden_links_aangevuld_met_een_nul(invoer: str) -> None:
    assert normaliseer_bsn(invoer) == "012345672"


@pytest.mark.parametrize(
    "invoer",
    [
        "23456709",  # fails as 023456709 (it would pass as 234567090: padded on the right)
        "23456782",  # fails as 023456782 (it would pass as 123456782)
        "12345678",
    ],
)
def test_acht_cijfers_die_na_aanvullen_de_elfproef_niet_halen(invoer: str) -> None:
    with pytest.raises(IdentificatieFout, match="elfproef"):
        normaliseer_bsn(invoer)


@pytest.mark.parametrize("invoer", ["1234567", "0012345672"])
def test_zeven_of_tien_cijfers_zijn_geen_bsn(invoer: str) -> None:
    with pytest.raises(IdentificatieFout, match="9 cijfers"):
        normaliseer_bsn(invoer)
