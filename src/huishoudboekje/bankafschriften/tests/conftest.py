"""Fixtures of the bank screen tests: a back-office client, and an income agreement with
an open transaction that its search term names."""

from __future__ import annotations

import pytest

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.fabrieken import AfspraakFabriek, BanktransactieFabriek


@pytest.fixture
def bo(client_als):
    return client_als(Rol.BACKOFFICE)


@pytest.fixture
def inkomen():
    afspraak = AfspraakFabriek(
        richting="inkomsten",
        omschrijving="Loon Bouwbedrijf",
        bedrag=150000,
        rubriek=Rubriek.objects.get(naam="Loon"),
        betaalwijze="",
        zoektermen=["pers 8812"],
    )
    transactie = BanktransactieFabriek(
        bedrag=150000,
        tegen_iban=afspraak.tegenrekening.iban,
        omschrijving="SALARIS MEI PERSNR 77310 pers 8812",
    )
    return afspraak, transactie
