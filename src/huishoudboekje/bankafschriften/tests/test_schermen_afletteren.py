"""Bulk acceptance of suggestions and the matching run ("Nu afletteren", the command,
the task queue): blocked suggestions are skipped, an undone line is not booked again."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from huishoudboekje.bankafschriften.models import Afletteruitkomst
from huishoudboekje.boekhouding.models import Journaalpost
from huishoudboekje.fabrieken import BanktransactieFabriek

pytestmark = pytest.mark.django_db


def test_bulk_beste_suggestie_boeken(bo, inkomen):
    _, transactie = inkomen
    zonder = BanktransactieFabriek(bedrag=5, tegen_iban="")
    response = bo.post(
        reverse("bankafschriften:accepteren"),
        {"transactie": [transactie.pk, zonder.pk]},
        follow=True,
    )
    assert "1 transactie geboekt." in response.content.decode()
    assert "geen suggestie" in response.content.decode()
    assert Journaalpost.objects.get().transactie == transactie


def test_nu_afletteren_knop(bo, inkomen):
    _, transactie = inkomen
    response = bo.post(reverse("bankafschriften:afletteren"), follow=True)
    assert "Afletteren klaar: 1 open transacties bekeken" in response.content.decode()
    transactie.refresh_from_db()
    assert transactie.afletter_uitkomst  # decided and recorded, booked or not


def test_afletteren_boekt_een_ongedaan_gemaakte_regel_niet_opnieuw(bo, inkomen):
    afspraak, transactie = inkomen
    call_command("afletteren")
    transactie.refresh_from_db()
    assert transactie.open_bedrag == 0
    post = Journaalpost.objects.get(transactie=transactie)
    bo.post(reverse("bankafschriften:ongedaan", args=[post.pk]), {"reden": "hoort niet hier"})
    call_command("afletteren")
    transactie.refresh_from_db()
    assert (
        transactie.open_bedrag == transactie.bedrag
        and transactie.afletter_uitkomst == Afletteruitkomst.ONGEDAAN
    )


def test_bulk_slaat_geblokkeerde_suggestie_over_en_terug_alleen_binnen_de_site(bo, inkomen):
    afspraak, transactie = inkomen
    bo.post(reverse("bankafschriften:boeken", args=[transactie.pk]), {"afspraak": afspraak.pk})
    tweede = BanktransactieFabriek(
        bedrag=150000,
        tegen_iban=transactie.tegen_iban,
        omschrijving=transactie.omschrijving,
        boekdatum=transactie.boekdatum,
    )
    response = bo.post(
        reverse("bankafschriften:accepteren"),
        {"transactie": [tweede.pk], "terug": "https://evil.example/x"},
    )
    assert response["Location"] == reverse("bankafschriften:transacties")
    tweede.refresh_from_db()
    assert tweede.geboekt == 0
    vervolg = bo.get(response["Location"])
    assert "al een betaling geboekt" in vervolg.content.decode()


@pytest.mark.django_db(transaction=True)  # the worker manages its own connection
def test_nu_afletteren_via_de_taakwachtrij_en_een_worker(bo, inkomen, settings):
    """With the database task backend (production set-up) the button only queues the
    task: nothing is booked until a worker (`hhb db_worker`) runs it."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    _, transactie = inkomen
    response = bo.post(reverse("bankafschriften:afletteren"), follow=True)
    assert "Afletteren is gestart" in response.content.decode()
    taak = DBTaskResult.objects.get()
    assert taak.task_path.endswith("afletteren_taak") and taak.status == "READY"
    assert not Journaalpost.objects.exists()

    call_command("db_worker", "--batch", "--no-startup-delay", "--max-tasks", "1")
    taak.refresh_from_db()
    assert taak.status == "SUCCESSFUL", taak.exception_class_path
    assert taak.return_value == {"bekeken": 1, "geboekt": 1}
    transactie.refresh_from_db()
    assert transactie.open_bedrag == 0
    assert Journaalpost.objects.get(transactie=transactie).automatisch
