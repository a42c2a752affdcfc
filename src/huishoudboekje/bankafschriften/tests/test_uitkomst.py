"""The outcome of matching is one of a fixed set, in the code (an enum) and in the
database (a check constraint)."""

import pytest
from django.db import IntegrityError, transaction

from huishoudboekje.bankafschriften.models import Afletteruitkomst, Banktransactie
from huishoudboekje.core.afletterdata import Uitkomst
from huishoudboekje.fabrieken import BanktransactieFabriek


def test_elke_uitkomst_van_de_matcher_kan_worden_opgeslagen():
    for uitkomst in Uitkomst:
        assert Afletteruitkomst.van(uitkomst) == uitkomst.value


@pytest.mark.django_db
def test_database_weigert_een_onbekende_uitkomst():
    tx = BanktransactieFabriek()
    with pytest.raises(IntegrityError), transaction.atomic():
        Banktransactie.objects.filter(pk=tx.pk).update(afletter_uitkomst="misschien")
    Banktransactie.objects.filter(pk=tx.pk).update(afletter_uitkomst=Afletteruitkomst.TWIJFEL)
    tx.refresh_from_db()
    assert tx.get_afletter_uitkomst_display() == "Twijfel tussen afspraken"
