"""Concurrency on PostgreSQL (real simultaneous transactions): two imports of the same
file at the same moment give one set of transactions; two staff members booking the same
line at the same moment give one booking, the other gets a clear refusal."""

from __future__ import annotations

import io
import threading

import pytest
from django.db import connection, connections, transaction

from huishoudboekje.bankafschriften.models import Banktransactie, Importbestand
from huishoudboekje.bankafschriften.services import bankafschrift_importeren
from huishoudboekje.boekhouding.models import Journaalpost, Rubriek
from huishoudboekje.boekhouding.selectors import boekhouding_controleren
from huishoudboekje.boekhouding.services_boeken import Boekdeel, Boekfout, journaalposten_boeken
from huishoudboekje.fabrieken import AfspraakFabriek, BanktransactieFabriek, GemeenteRekeningFabriek

from .hulp import camt, tx

pytestmark = pytest.mark.django_db(transaction=True)


def _tegelijk(*taken):
    """Run the callables in threads released at the same moment; results or exceptions."""
    start = threading.Barrier(len(taken))
    uitkomsten: list[object] = [None] * len(taken)

    def draai(i, taak):
        try:
            start.wait(10)
            uitkomsten[i] = taak()
        except BaseException as exc:  # noqa: BLE001 - returned for the assertions
            uitkomsten[i] = exc
        finally:
            connections.close_all()

    draden = [threading.Thread(target=draai, args=(i, t)) for i, t in enumerate(taken)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(60)
    return uitkomsten


@pytest.fixture(autouse=True)
def _alleen_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("alleen zinvol met echte gelijktijdige transacties (PostgreSQL)")


def test_twee_gelijktijdige_imports_van_hetzelfde_bestand():
    GemeenteRekeningFabriek()
    inhoud = camt(
        *[tx(bankreferentie=f"R{i}", end_to_end_id=f"E{i}") for i in range(300)],
        eindsaldo=100000 + 300 * 72500,
    )

    def importeer():
        return bankafschrift_importeren(stream=io.BytesIO(inhoud), bestandsnaam="a.xml", door=None)

    a, b = _tegelijk(importeer, importeer)
    assert a.gelukt and b.gelukt, (a, b)
    assert sorted([a.nieuw, b.nieuw]) == [0, 300]
    assert sorted([a.dubbel, b.dubbel]) == [0, 300]
    assert Banktransactie.objects.count() == 300
    # the second waits for the first's lock, then sees the same SHA-256: "al ingelezen",
    # rolled back, not even its Importbestand row stays (was: 2 rows)
    assert sorted([a.al_ingelezen, b.al_ingelezen]) == [False, True]
    assert Importbestand.objects.count() == 1


def test_twee_medewerkers_boeken_dezelfde_regel_tegelijk(maak_medewerker):
    afspraak = AfspraakFabriek(
        richting="inkomsten", rubriek=Rubriek.objects.get(naam="Loon"), betaalwijze=""
    )
    transactie = BanktransactieFabriek(bedrag=72500)
    een, twee = maak_medewerker("backoffice", "een"), maak_medewerker("backoffice", "twee")

    def boek(door):
        return lambda: journaalposten_boeken(
            door=door,
            transactie_id=transactie.pk,
            delen=[Boekdeel(bedrag=72500, afspraak=afspraak)],
        )

    uitkomsten = _tegelijk(boek(een), boek(twee))
    fouten = [u for u in uitkomsten if isinstance(u, BaseException)]
    assert len(fouten) == 1 and isinstance(fouten[0], Boekfout), uitkomsten
    assert "al volledig geboekt" in str(fouten[0])
    assert Journaalpost.objects.count() == 1
    transactie.refresh_from_db()
    assert transactie.geboekt == 72500
    assert boekhouding_controleren().klopt


def test_twee_keer_tegelijk_ongedaan_maken_telt_een_keer(maak_medewerker):
    from huishoudboekje.boekhouding.services_boeken import journaalpost_ongedaan_maken

    afspraak = AfspraakFabriek(
        richting="inkomsten", rubriek=Rubriek.objects.get(naam="Loon"), betaalwijze=""
    )
    transactie = BanktransactieFabriek(bedrag=10000)
    een, twee = maak_medewerker("backoffice", "een"), maak_medewerker("backoffice", "twee")
    eerste, _ = journaalposten_boeken(
        door=een,
        transactie_id=transactie.pk,
        volledig=True,
        delen=[Boekdeel(bedrag=5000, afspraak=afspraak), Boekdeel(bedrag=5000, afspraak=afspraak)],
    )
    uitkomsten = _tegelijk(
        lambda: journaalpost_ongedaan_maken(door=een, journaalpost_id=eerste.pk, reden="fout"),
        lambda: journaalpost_ongedaan_maken(door=twee, journaalpost_id=eerste.pk, reden="fout"),
    )
    fouten = [u for u in uitkomsten if isinstance(u, BaseException)]
    assert len(fouten) == 1 and isinstance(fouten[0], Boekfout), uitkomsten
    assert "al ongedaan gemaakt" in str(fouten[0])
    transactie.refresh_from_db()
    assert transactie.geboekt == 5000
    assert Journaalpost.objects.filter(tegenboeking_van=eerste).count() == 1
    assert boekhouding_controleren().klopt


def test_een_bestand_dat_de_database_niet_kan_opslaan_verandert_niets():
    """Another session holds a lock on the transactions table; with a lock timeout the
    import fails inside the database (not an IntegrityError): that file gets a clear
    error, nothing of it is stored, and the next file is read as usual."""
    GemeenteRekeningFabriek()
    inhoud = camt(tx(), eindsaldo=172500)
    vergrendeld, klaar = threading.Event(), threading.Event()

    def houd_vast():
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {Banktransactie._meta.db_table} IN ACCESS EXCLUSIVE MODE")
            vergrendeld.set()
            klaar.wait(30)

    def importeer():
        vergrendeld.wait(10)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SET lock_timeout = '300ms'")
            return bankafschrift_importeren(
                stream=io.BytesIO(inhoud), bestandsnaam="vast.xml", door=None
            )
        finally:
            klaar.set()

    _, r = _tegelijk(houd_vast, importeer)
    assert not isinstance(r, BaseException), r
    assert not r.gelukt and len(r.fouten) == 1
    assert r.fouten[0].startswith("vast.xml: de database kon het bestand nu niet opslaan")
    assert Banktransactie.objects.count() == 0 and Importbestand.objects.count() == 0
    opnieuw = bankafschrift_importeren(
        stream=io.BytesIO(inhoud), bestandsnaam="vast.xml", door=None
    )
    assert opnieuw.gelukt and opnieuw.nieuw == 1
