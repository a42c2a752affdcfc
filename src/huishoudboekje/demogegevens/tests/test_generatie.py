import random

from hypothesis import given
from hypothesis import strategies as st

from huishoudboekje.core.identificatie import normaliseer_bsn, normaliseer_iban
from huishoudboekje.demogegevens.generatie import genereer_bsn, genereer_iban


@given(st.integers(min_value=0, max_value=2**32))
def test_generated_bsn_and_iban_are_valid(seed: int) -> None:
    rng = random.Random(seed)
    bsn = genereer_bsn(rng)
    assert normaliseer_bsn(bsn) == bsn
    iban = genereer_iban(rng)
    assert normaliseer_iban(iban) == iban
