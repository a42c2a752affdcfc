"""Two staff members creating a participant at the same moment get different
HHB-numbers (PostgreSQL: real concurrent transactions; SQLite locks the whole file)."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, connections, transaction

from huishoudboekje.burgers import services
from huishoudboekje.burgers.models import Burger
from huishoudboekje.fabrieken import BurgerFabriek

from .hulp import BSN_2, persoon


@pytest.mark.django_db(transaction=True)
def test_gelijktijdig_aanmaken_krijgt_volgend_nummer(frontoffice):
    if connection.vendor != "postgresql":
        pytest.skip("alleen zinvol met echte gelijktijdige transacties (PostgreSQL)")
    binnen, loslaten = threading.Event(), threading.Event()
    resultaat: list[Burger] = []
    fouten: list[BaseException] = []

    def eerste() -> None:
        """Takes HHB000001 and keeps its transaction open while the second one saves."""
        try:
            with transaction.atomic():
                BurgerFabriek(hhb_nummer="HHB000001", bsn=BSN_2)
                binnen.set()
                loslaten.wait(10)
        finally:
            connections.close_all()

    def tweede() -> None:
        binnen.wait(10)
        try:
            resultaat.append(services.burger_aanmaken(door=frontoffice, gegevens=persoon()))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            fouten.append(exc)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=eerste), threading.Thread(target=tweede)]
    for draad in draden:
        draad.start()
    time.sleep(1)  # the second one now waits on the unique index for HHB000001
    loslaten.set()
    for draad in draden:
        draad.join(20)
    assert not fouten, fouten
    assert resultaat[0].hhb_nummer == "HHB000002"
    assert sorted(Burger.objects.values_list("hhb_nummer", flat=True)) == ["HHB000001", "HHB000002"]
