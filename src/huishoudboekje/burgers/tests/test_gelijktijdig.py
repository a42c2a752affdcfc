"""Two staff members creating a participant at the same moment get different
HHB-numbers (PostgreSQL: real concurrent transactions; SQLite locks the whole file).

No sleeping: the first transaction is released only once PostgreSQL reports that the
second one waits on a lock (`pg_stat_activity.wait_event_type = 'Lock'`), so the test
exercises the wait on every run, however slow the machine."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from django.db import connection, connections, transaction

from huishoudboekje.burgers import services
from huishoudboekje.burgers.models import Burger
from huishoudboekje.fabrieken import BurgerFabriek

from .hulp import BSN_2, persoon


def wacht_tot_geblokkeerd(pid: int, *, zolang: Callable[[], bool], seconden: float = 20) -> None:
    """Return once backend `pid` waits on a lock; fail when it never does (it finished
    or failed first, `zolang()` false, or the time is up)."""
    einde = time.monotonic() + seconden
    with connection.cursor() as cursor:
        while time.monotonic() < einde and zolang():
            cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
            rij = cursor.fetchone()
            if rij is not None and rij[0] == "Lock":
                return
            time.sleep(0.01)  # polling interval only; nothing depends on its length
    pytest.fail(f"backend {pid} kwam niet in een wachtrij voor een slot")


@pytest.mark.django_db(transaction=True)
def test_gelijktijdig_aanmaken_krijgt_volgend_nummer(frontoffice):
    if connection.vendor != "postgresql":
        pytest.skip("alleen zinvol met echte gelijktijdige transacties (PostgreSQL)")
    binnen, loslaten, begonnen = threading.Event(), threading.Event(), threading.Event()
    pids: list[int] = []
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
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                pids.append(cursor.fetchone()[0])
            begonnen.set()
            resultaat.append(services.burger_aanmaken(door=frontoffice, gegevens=persoon()))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            fouten.append(exc)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=eerste), threading.Thread(target=tweede)]
    for draad in draden:
        draad.start()
    try:
        assert begonnen.wait(10), "de tweede medewerker begon niet"
        # the second one picks HHB000001 too and waits on the unique index for it
        wacht_tot_geblokkeerd(pids[0], zolang=lambda: not resultaat and not fouten)
    finally:
        loslaten.set()
    for draad in draden:
        draad.join(20)
    assert not fouten, fouten
    assert resultaat[0].hhb_nummer == "HHB000002"
    assert sorted(Burger.objects.values_list("hhb_nummer", flat=True)) == ["HHB000001", "HHB000002"]
