"""The read log is append-only: the application cannot change or remove a row, and the
database refuses UPDATE and DELETE from any client (raw SQL), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from huishoudboekje.verwerkingen.models import AlleenToevoegen, Verwerking

from .hulp import rij

pytestmark = pytest.mark.django_db

TABEL = Verwerking._meta.db_table


def _ruw(sql: str, *params: object) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, list(params))


def test_ruwe_update_geweigerd_door_de_database():
    regel = rij(burger_id=7)
    with pytest.raises(IntegrityError, match="alleen toevoegen"):
        _ruw(f"UPDATE {TABEL} SET burger_id = 8 WHERE id = %s", regel.pk)  # noqa: S608
    assert Verwerking.objects.get(pk=regel.pk).burger_id == 7


def test_ruwe_delete_geweigerd_door_de_database():
    regel = rij()
    with pytest.raises(IntegrityError, match="alleen toevoegen"):
        _ruw(f"DELETE FROM {TABEL} WHERE id = %s", regel.pk)  # noqa: S608
    with pytest.raises(IntegrityError, match="alleen toevoegen"):
        _ruw(f"DELETE FROM {TABEL}")  # noqa: S608
    assert Verwerking.objects.filter(pk=regel.pk).exists()


def test_toevoegen_met_ruwe_sql_mag_wel():
    rij()
    rij()
    assert Verwerking.objects.count() == 2


def test_applicatie_weigert_wijzigen_en_verwijderen():
    regel = rij()
    regel.medewerker_gebruikersnaam = "iemand-anders"
    with pytest.raises(AlleenToevoegen):
        regel.save()
    with pytest.raises(AlleenToevoegen):
        regel.delete()
    with pytest.raises(AlleenToevoegen):
        Verwerking.objects.filter(pk=regel.pk).update(burger_id=1)
    with pytest.raises(AlleenToevoegen):
        Verwerking.objects.all().delete()
    assert Verwerking.objects.get(pk=regel.pk).medewerker_gebruikersnaam == "frida"


def test_einde_niet_voor_begin():
    regel = rij()
    with pytest.raises(IntegrityError), transaction.atomic():
        rij(operatie_id="ffffffffffffffff", einde=regel.begin.replace(year=2000))


@pytest.mark.django_db(transaction=True)
def test_flush_leegt_de_database_en_laat_de_trigger_staan():
    """A full wipe (the test suite after every transactional test) empties the log; the
    trigger is back afterwards."""
    rij()
    call_command("flush", verbosity=0, interactive=False)
    assert not Verwerking.objects.exists()
    regel = rij()
    with pytest.raises(IntegrityError, match="alleen toevoegen"):
        _ruw(f"DELETE FROM {TABEL} WHERE id = %s", regel.pk)  # noqa: S608
