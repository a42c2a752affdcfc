"""Every import (screen, API, command line) and every automatic booking is attributable:
who started it, when, which file. The transaction page says it in words."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.audit.models import AuditRegel
from huishoudboekje.bankafschriften.models import Banktransactie, Importbestand, Importbron
from huishoudboekje.bankafschriften.services import bankafschrift_importeren
from huishoudboekje.boekhouding.afletteren import afletteren_uitvoeren
from huishoudboekje.boekhouding.models import Afletterrun, Journaalpost, Rubriek, Runsoort
from huishoudboekje.boekhouding.tasks import afletteren_taak
from huishoudboekje.door import Systeem
from huishoudboekje.fabrieken import AfspraakFabriek, BanktransactieFabriek, GemeenteRekeningFabriek

from .hulp import camt, tx

pytestmark = pytest.mark.django_db


@pytest.fixture
def huur():
    GemeenteRekeningFabriek()
    return AfspraakFabriek(zoektermen=["contract 12"])


def _bestand(huur, referentie="REF-1"):
    regel = tx(bedrag=-72500, tegen_iban=huur.tegenrekening.iban, bankreferentie=referentie)
    return camt(regel, eindsaldo=100000 - 72500)


def test_import_in_het_scherm_noemt_bestand_medewerker_en_tijd(client_als, huur):
    bo = client_als(Rol.BACKOFFICE)
    bestand = SimpleUploadedFile("mei.xml", _bestand(huur))
    bo.post(reverse("bankafschriften:importeren"), {"bestanden": [bestand]})
    importbestand = Importbestand.objects.get()
    assert (importbestand.bron, importbestand.geimporteerd_door_naam) == (
        Importbron.SCHERM,
        "test-backoffice",
    )
    post = Journaalpost.objects.get()
    run = post.afletterrun
    assert (run.soort, run.importbestand, run.gestart_door.username) == (
        Runsoort.IMPORT,
        importbestand,
        "test-backoffice",
    )
    assert (run.bekeken, run.geboekt) == (1, 1) and run.klaar is not None
    assert post.geboekt_door_naam == "test-backoffice" and post.geboekt_door is None
    pagina = bo.get(reverse("bankafschriften:transactie", args=[post.transactie_id]))
    assert "Automatisch geboekt bij import van bestand mei.xml door test-backoffice op" in (
        pagina.content.decode()
    )
    assert AuditRegel.objects.filter(object_type="afletterrun", object_id=str(run.pk)).exists()


def test_import_via_de_api(client_als, huur):
    bo = client_als(Rol.BACKOFFICE)
    antwoord = bo.post(
        "/api/v1/bankafschriften",
        {"bestand": SimpleUploadedFile("api.xml", _bestand(huur, "API-1"))},
    )
    assert antwoord.status_code == 201, antwoord.content
    api = Importbestand.objects.get(bestandsnaam="api.xml")
    assert (api.bron, api.geimporteerd_door.username) == (Importbron.API, "test-backoffice")
    post = Journaalpost.objects.get()
    assert post.afletterrun.gestart_door.username == "test-backoffice"


def test_import_via_de_opdrachtregel(huur, tmp_path):
    pad = tmp_path / "cli.xml"
    pad.write_bytes(_bestand(huur, "CLI-1"))
    call_command("importeer-afschrift", str(pad), "--door", "jan")
    cli = Importbestand.objects.get(bestandsnaam="cli.xml")
    assert (cli.bron, cli.geimporteerd_door, cli.geimporteerd_door_naam) == (
        Importbron.OPDRACHTREGEL,
        None,
        "opdrachtregel: jan",
    )
    post = Journaalpost.objects.get(transactie__afschrift__importbestand=cli)
    assert post.afletterrun.gestart_door_naam == "opdrachtregel: jan"


def test_opdrachtregel_zonder_door_noemt_de_gebruiker_van_het_systeem(huur, tmp_path, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "beheer01")
    pad = tmp_path / "a.xml"
    pad.write_bytes(_bestand(huur))
    call_command("importeer-afschrift", str(pad))
    assert Importbestand.objects.get().geimporteerd_door_naam == "opdrachtregel: beheer01"


def test_afletterrun_legt_vast_wie_hem_startte(client_als, huur, maak_medewerker):
    t = BanktransactieFabriek(
        bedrag=-72500, tegen_iban=huur.tegenrekening.iban, omschrijving="Huur contract 12"
    )
    teamleider = maak_medewerker(Rol.TEAMLEIDER)
    resultaat = afletteren_uitvoeren(door=teamleider)
    run = Afletterrun.objects.get(pk=resultaat.run_id)
    assert (run.soort, run.gestart_door, run.bekeken, run.geboekt) == (
        Runsoort.ALLE_OPEN,
        teamleider,
        1,
        1,
    )
    post = Journaalpost.objects.get(transactie=t)
    assert post.afletterrun == run
    pagina = client_als(Rol.BACKOFFICE).get(reverse("bankafschriften:transactie", args=[t.pk]))
    assert "Automatisch geboekt bij de afletterrun van test-teamleider op" in (
        pagina.content.decode()
    )


def test_achtergrondtaak_legt_de_medewerker_vast(huur, maak_medewerker):
    BanktransactieFabriek(
        bedrag=-72500, tegen_iban=huur.tegenrekening.iban, omschrijving="Huur contract 12"
    )
    medewerker = maak_medewerker(Rol.BACKOFFICE)
    afletteren_taak.call(door_id=medewerker.pk)
    afletteren_taak.call()
    assert [r.gestart_door_naam for r in Afletterrun.objects.order_by("pk")] == [
        "test-backoffice",
        "achtergrondtaak",
    ]


def test_handmatig_geboekt_noemt_wie_en_wanneer(client_als, huur):
    t = BanktransactieFabriek(bedrag=-72500, tegen_iban=huur.tegenrekening.iban)
    bo = client_als(Rol.BACKOFFICE)
    bo.post(reverse("bankafschriften:boeken", args=[t.pk]), {"afspraak": huur.pk})
    post = Journaalpost.objects.get()
    assert (post.geboekt_door_naam, post.afletterrun, post.automatisch) == (
        "test-backoffice",
        None,
        False,
    )
    pagina = bo.get(reverse("bankafschriften:transactie", args=[t.pk])).content.decode()
    assert "Handmatig geboekt door test-backoffice op" in pagina


def test_een_import_zonder_automatische_boeking_maakt_geen_run(huur):
    regel = tx(bedrag=-100, tegen_iban="NL91ABNA0417164300", omschrijving="onbekend")
    r = bankafschrift_importeren(
        stream=io.BytesIO(camt(regel, eindsaldo=100000 - 100)), bestandsnaam="x.xml", door=None
    )
    assert r.gelukt and r.automatisch == 0
    assert not Afletterrun.objects.exists()
    assert Banktransactie.objects.get().afletter_uitkomst
    assert Rubriek.objects.exists()


def test_systeem_is_geen_medewerker():
    s = Systeem.opdrachtregel("  ")
    assert s.pk is None and s.get_username().startswith("opdrachtregel: ")
