""" "Nu afletteren" as a background task: the button records a run started by the staff
member and queues it; the transactions page shows its progress (polled by htmx) and
disables the button; a second click while it is queued or running starts nothing; a
worker runs it and the run ends with its figures. With the immediate backend (the demo)
the run is done within the request."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.boekhouding.models import Afletterrun, Journaalpost, Rubriek, Runsoort
from huishoudboekje.boekhouding.services_afletteren import afletteren_starten
from huishoudboekje.fabrieken import AfspraakFabriek, BanktransactieFabriek

pytestmark = pytest.mark.django_db
KNOP = reverse("bankafschriften:afletteren")
LIJST = reverse("bankafschriften:transacties")


@pytest.fixture
def medewerker(maak_medewerker):
    return maak_medewerker(Rol.BACKOFFICE)


@pytest.fixture
def bo(client, medewerker):
    client.force_login(medewerker)
    return client


@pytest.fixture
def open_inkomen():
    afspraak = AfspraakFabriek(
        richting="inkomsten",
        omschrijving="Loon Bouwbedrijf",
        bedrag=150000,
        rubriek=Rubriek.objects.get(naam="Loon"),
        betaalwijze="",
        zoektermen=["pers 8812"],
    )
    return BanktransactieFabriek(
        bedrag=150000,
        tegen_iban=afspraak.tegenrekening.iban,
        omschrijving="SALARIS MEI PERSNR 77310 pers 8812",
    )


@pytest.fixture
def wachtrij(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_direct_uitgevoerd_met_wie_en_de_cijfers(bo, medewerker, open_inkomen):
    """The immediate backend (demo) runs it inside the request: done on the next page."""
    antwoord = bo.post(KNOP, follow=True)
    tekst = antwoord.content.decode()
    assert "Afletteren klaar: 1 open transacties bekeken, 1 automatisch geboekt." in tekst
    run = Afletterrun.objects.get(soort=Runsoort.ALLE_OPEN)
    assert run.gestart_door == medewerker and run.klaar is not None
    assert (run.te_bekijken, run.bekeken, run.geboekt) == (1, 1, 1)
    assert Journaalpost.objects.get(transactie=open_inkomen).afletterrun == run
    assert 'id="hhb-afletteren"' not in tekst  # nothing runs any more: no progress, button on
    assert "disabled" not in tekst.split("Nu afletteren")[0].rsplit("<form", 1)[1]


@pytest.mark.django_db(transaction=True)  # the worker manages its own connection
def test_in_de_wachtrij_met_voortgang_en_geen_tweede_run(bo, medewerker, open_inkomen, wachtrij):
    from django_tasks_db.models import DBTaskResult

    eerste = bo.post(KNOP, follow=True).content.decode()
    assert "Afletteren is gestart; de voortgang staat hieronder." in eerste
    run = Afletterrun.objects.get()
    assert run.gestart_door == medewerker and run.klaar is None and run.te_bekijken is None
    voortgang = reverse("bankafschriften:afletterrun", args=[run.pk])
    assert f'hx-get="{voortgang}"' in eerste and 'hx-trigger="every 2s"' in eerste
    assert "Afletteren staat klaar om te beginnen" in eerste
    assert 'disabled aria-describedby="hhb-afletteren"' in eerste

    tweede = bo.post(KNOP, follow=True).content.decode()
    assert "Afletteren loopt al (gestart door test-backoffice" in tweede
    assert Afletterrun.objects.count() == 1 and DBTaskResult.objects.count() == 1
    taak = DBTaskResult.objects.get()
    assert taak.status == "READY" and taak.args_kwargs["kwargs"] == {"run_id": run.pk}
    assert not Journaalpost.objects.exists()

    call_command("db_worker", "--batch", "--no-startup-delay", "--max-tasks", "1")
    taak.refresh_from_db()
    assert taak.status == "SUCCESSFUL", taak.exception_class_path
    run.refresh_from_db()
    assert run.klaar is not None and (run.te_bekijken, run.bekeken, run.geboekt) == (1, 1, 1)
    klaar = bo.get(voortgang).content.decode()
    assert "Afletteren klaar: 1 open transacties bekeken, 1 automatisch geboekt." in klaar
    assert "hx-trigger" not in klaar  # polling stops
    assert 'id="hhb-afletteren"' not in bo.get(LIJST).content.decode()
    assert afletteren_starten(door=medewerker)[1]  # after it, a new run can start


def test_voortgang_tijdens_de_run(bo, medewerker):
    run = Afletterrun.objects.create(
        soort=Runsoort.ALLE_OPEN,
        gestart_door=medewerker,
        gestart_door_naam="test-backoffice",
        te_bekijken=10_000,
        bekeken=4_000,
        geboekt=3_500,
    )
    tekst = bo.get(reverse("bankafschriften:afletterrun", args=[run.pk])).content.decode()
    assert (
        "Afletteren loopt: 4.000 van 10.000 open transacties bekeken, 3.500 automatisch "
        "geboekt (gestart door test-backoffice)." in tekst
    )
    assert '<progress class="hhb-voortgang" max="10000" value="4000">' in tekst
    assert 'hx-trigger="every 2s"' in tekst


def test_een_run_die_bleef_hangen_houdt_de_knop_niet_tegen(medewerker, wachtrij):
    oud = Afletterrun.objects.create(
        soort=Runsoort.ALLE_OPEN, gestart_door_naam="test-backoffice", gestart=timezone.now()
    )
    assert afletteren_starten(door=medewerker) == (oud, False)
    Afletterrun.objects.filter(pk=oud.pk).update(gestart=timezone.now() - dt.timedelta(hours=2))
    nieuw, gestart = afletteren_starten(door=medewerker)
    assert gestart and nieuw != oud


def test_een_importrun_houdt_de_knop_niet_tegen(medewerker, wachtrij):
    """Only a run over all open transactions blocks a second one, not an import's run."""
    Afletterrun.objects.create(soort=Runsoort.NIEUWE_REKENING, gestart_door_naam="x")
    assert afletteren_starten(door=medewerker)[1]


def test_voortgang_van_een_andere_soort_run_bestaat_niet(bo):
    run = Afletterrun.objects.create(soort=Runsoort.NIEUWE_REKENING, gestart_door_naam="x")
    assert bo.get(reverse("bankafschriften:afletterrun", args=[run.pk])).status_code == 404
