"""The database itself keeps the ledger: a transaction's booked amount is the sum of its
bookings (kept by a trigger; a raw write that breaks it is refused, on SQLite at once, on
PostgreSQL at commit), a booking is never changed, a reversal is the exact opposite of
one booking, and nothing is dated in the closed period. These tests write raw SQL, as an
administrator or a bug would, in transactions that really commit."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from huishoudboekje.bankafschriften.models import Banktransactie
from huishoudboekje.boekhouding.models import Journaalpost, Periodeafsluiting, Rubriek
from huishoudboekje.boekhouding.selectors import boekhouding_controleren
from huishoudboekje.bulk import invoegen, nieuwe_ids
from huishoudboekje.fabrieken import AfspraakFabriek, BanktransactieFabriek

pytestmark = pytest.mark.django_db(transaction=True)

TX = Banktransactie._meta.db_table
JP = Journaalpost._meta.db_table


def _sql(sql: str, *params: object) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _geweigerd(sql: str, *params: object) -> None:
    """The statement, committed on its own, is refused (SQLite: by the statement itself;
    PostgreSQL: by the deferred constraint trigger at commit) and leaves nothing behind."""
    with pytest.raises(IntegrityError), transaction.atomic():
        _sql(sql, *params)


def _post(tx: Banktransactie, bedrag: int, **extra: object) -> Journaalpost:
    return Journaalpost.objects.create(
        transactie=tx,
        rubriek=Rubriek.objects.get(naam="Overige inkomsten"),
        bedrag=bedrag,
        datum=tx.boekdatum,
        **extra,
    )


def test_het_geboekte_bedrag_wordt_door_de_database_bijgehouden():
    tx = BanktransactieFabriek(bedrag=10000)
    eerste = _post(tx, 6000)
    _post(tx, 4000)
    tx.refresh_from_db()
    assert tx.geboekt == 10000
    _post(tx, -6000, tegenboeking_van=eerste, reden="verkeerd")
    tx.refresh_from_db()
    assert tx.geboekt == 4000
    assert boekhouding_controleren().klopt


def test_geboekt_rechtstreeks_wijzigen_wordt_geweigerd():
    tx = BanktransactieFabriek(bedrag=10000)
    _geweigerd(f"UPDATE {TX} SET geboekt = 5000 WHERE id = %s", tx.pk)  # noqa: S608
    _post(tx, 3000)
    _geweigerd(f"UPDATE {TX} SET geboekt = 10000 WHERE id = %s", tx.pk)  # noqa: S608
    tx.refresh_from_db()
    assert tx.geboekt == 3000 and boekhouding_controleren().klopt


def test_een_transactie_met_een_geboekt_bedrag_zonder_boekingen_wordt_geweigerd():
    tx = BanktransactieFabriek(bedrag=10000)
    with pytest.raises(IntegrityError), transaction.atomic():
        BanktransactieFabriek(bedrag=5000, geboekt=5000, afschrift=tx.afschrift)
    assert Banktransactie.objects.count() == 1


def test_een_boeking_met_het_verkeerde_teken_wordt_geweigerd():
    tx = BanktransactieFabriek(bedrag=10000)
    with pytest.raises(IntegrityError), transaction.atomic():
        _post(tx, 6000)
        _post(tx, -1000)  # no reversal: a booking has the transaction's sign
    tx.refresh_from_db()
    assert tx.geboekt == 0 and not Journaalpost.objects.exists()


def test_een_boeking_wordt_nooit_gewijzigd():
    tx = BanktransactieFabriek(bedrag=10000)
    post = _post(tx, 10000)
    for kolom, waarde in [("bedrag", 9000), ("datum", "2026-01-01"), ("burger_id", None)]:
        if kolom == "burger_id":  # the same value is no change
            _sql(f"UPDATE {JP} SET burger_id = NULL WHERE id = %s", post.pk)  # noqa: S608
            continue
        _geweigerd(f"UPDATE {JP} SET {kolom} = %s WHERE id = %s", waarde, post.pk)  # noqa: S608
    _sql(f"UPDATE {JP} SET toelichting = 'aangevuld' WHERE id = %s", post.pk)  # noqa: S608
    post.refresh_from_db()
    assert (post.bedrag, post.datum, post.toelichting) == (10000, tx.boekdatum, "aangevuld")


def test_een_tegenboeking_is_precies_het_omgekeerde_en_er_is_er_een():
    afspraak = AfspraakFabriek(
        richting="inkomsten", rubriek=Rubriek.objects.get(naam="Loon"), betaalwijze=""
    )
    tx = BanktransactieFabriek(bedrag=10000)
    post = Journaalpost.objects.create(
        transactie=tx,
        afspraak=afspraak,
        burger_id=afspraak.burger_id,
        rubriek=afspraak.rubriek,
        bedrag=10000,
        datum=tx.boekdatum,
    )
    fout = {"transactie": tx, "tegenboeking_van": post, "reden": "x"}
    with pytest.raises(IntegrityError), transaction.atomic():  # another amount
        Journaalpost.objects.create(
            **fout, afspraak=afspraak, burger_id=afspraak.burger_id, rubriek=afspraak.rubriek,
            bedrag=-5000, datum=tx.boekdatum,
        )  # fmt: skip
    with pytest.raises(IntegrityError), transaction.atomic():  # another participant
        Journaalpost.objects.create(
            **fout, rubriek=afspraak.rubriek, bedrag=-10000, datum=tx.boekdatum
        )
    with pytest.raises(IntegrityError), transaction.atomic():  # without a reason
        Journaalpost.objects.create(
            transactie=tx, tegenboeking_van=post, afspraak=afspraak,
            burger_id=afspraak.burger_id, rubriek=afspraak.rubriek, bedrag=-10000,
            datum=tx.boekdatum,
        )  # fmt: skip
    goed = dict(
        fout, afspraak=afspraak, burger_id=afspraak.burger_id, rubriek=afspraak.rubriek,
        bedrag=-10000, datum=tx.boekdatum,
    )  # fmt: skip
    tegen = Journaalpost.objects.create(**goed)
    with pytest.raises(IntegrityError), transaction.atomic():  # a second reversal
        Journaalpost.objects.create(**goed)
    with pytest.raises(IntegrityError), transaction.atomic():  # a reversal of a reversal
        Journaalpost.objects.create(**{**goed, "tegenboeking_van": tegen, "bedrag": 10000})
    tx.refresh_from_db()
    assert tx.geboekt == 0 and Journaalpost.objects.count() == 2


def test_geen_boeking_in_de_afgesloten_periode_en_de_periode_gaat_alleen_vooruit():
    tx = BanktransactieFabriek(bedrag=10000, boekdatum=dt.date(2026, 5, 1))
    Periodeafsluiting.objects.create(tot_en_met=dt.date(2026, 5, 31), door_naam="test")
    with pytest.raises(IntegrityError), transaction.atomic():
        _post(tx, 10000)  # dated 1 May: closed
    Journaalpost.objects.create(
        transactie=tx,
        rubriek=Rubriek.objects.get(naam="Overige inkomsten"),
        bedrag=10000,
        datum=dt.date(2026, 6, 1),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Periodeafsluiting.objects.create(tot_en_met=dt.date(2026, 4, 30), door_naam="test")
    _geweigerd(
        f"UPDATE {Periodeafsluiting._meta.db_table} SET tot_en_met = %s",  # noqa: S608
        "2026-04-30",
    )
    Periodeafsluiting.objects.create(tot_en_met=dt.date(2026, 6, 30), door_naam="test")
    assert Periodeafsluiting.objects.count() == 2


def test_boekingen_voor_hun_transactie_schrijven_mag_als_het_bij_de_commit_klopt():
    """The import writes the bookings of new transactions first, then the transactions
    with their booked amount (no row written twice): allowed when the two agree."""
    bestaand = BanktransactieFabriek(bedrag=10000)
    rubriek = Rubriek.objects.get(naam="Overige inkomsten")

    def schrijf(sleutel: str, geboekt: int) -> int:
        [tid] = nieuwe_ids(Banktransactie, 1)
        invoegen(Journaalpost, [{
            "transactie_id": tid, "rubriek_id": rubriek.pk, "bedrag": 5000,
            "datum": bestaand.boekdatum, "tijdstip": timezone.now(),
        }])  # fmt: skip
        invoegen(Banktransactie, [{
            "afschrift_id": bestaand.afschrift_id, "rekening_id": bestaand.rekening_id,
            "sleutel": sleutel, "bedrag": 5000, "geboekt": geboekt,
            "boekdatum": bestaand.boekdatum, "bron": "",
        }], ids=[tid])  # fmt: skip
        return tid

    with transaction.atomic():
        goed = schrijf("goed", 5000)
    with pytest.raises(IntegrityError), transaction.atomic():
        schrijf("fout", 0)  # the bookings say 5000
    assert Banktransactie.objects.get(pk=goed).geboekt == 5000
    assert Banktransactie.objects.count() == 2 and Journaalpost.objects.count() == 1
    assert boekhouding_controleren().klopt


@pytest.mark.skipif(connection.vendor != "postgresql", reason="deferred: PostgreSQL only")
def test_postgresql_controleert_bij_de_commit():
    tx = BanktransactieFabriek(bedrag=10000)
    bereikt = False
    with pytest.raises(IntegrityError), transaction.atomic():
        _sql(f"UPDATE {TX} SET geboekt = 5000 WHERE id = %s", tx.pk)  # noqa: S608
        bereikt = True  # no error yet: the constraint trigger is deferred to the commit
    assert bereikt
    tx.refresh_from_db()
    assert tx.geboekt == 0
