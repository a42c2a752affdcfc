"""Fixtures of the ledger tests."""

import pytest

from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.fabrieken import AfspraakFabriek


@pytest.fixture
def loon():
    """A monthly salary of EUR 1,500 (an income agreement without search terms)."""
    return AfspraakFabriek(
        richting="inkomsten",
        omschrijving="Loon",
        bedrag=150000,
        rubriek=Rubriek.objects.get(naam="Loon"),
        betaalwijze="",
    )
