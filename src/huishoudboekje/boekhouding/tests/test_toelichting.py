"""A booking's free text (toelichting) is capped like a reason: a longer one is refused
and nothing is booked."""

from __future__ import annotations

import pytest

from huishoudboekje.bankafschriften.models import Banktransactie
from huishoudboekje.boekhouding.models import Journaalpost, Rubriek
from huishoudboekje.boekhouding.services_boeken import Boekdeel, Boekfout, journaalposten_boeken
from huishoudboekje.fabrieken import BanktransactieFabriek

pytestmark = pytest.mark.django_db


def test_boeking_met_een_te_lange_toelichting_geweigerd(frontoffice):
    transactie = BanktransactieFabriek(bedrag=-500)
    deel = Boekdeel(bedrag=-500, rubriek=Rubriek.objects.get(naam="Bankkosten"))
    with pytest.raises(Boekfout, match="hoogstens 1000 tekens"):
        journaalposten_boeken(
            door=frontoffice, transactie_id=transactie.pk, delen=[deel], toelichting="x" * 5000
        )
    assert not Journaalpost.objects.exists()
    assert Banktransactie.objects.get().geboekt == 0
    journaalposten_boeken(
        door=frontoffice, transactie_id=transactie.pk, delen=[deel], toelichting="x" * 1000
    )
    assert Journaalpost.objects.get().toelichting == "x" * 1000
