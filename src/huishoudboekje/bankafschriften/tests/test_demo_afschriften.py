"""The demo's bank statements (`hhb demo-data --maanden`): written in every format,
imported and matched with no wrong booking, running through yesterday, and with the
history of a running municipality: what the matcher left open before the last two weeks
was handled by the back office, through the ordinary booking service."""

from __future__ import annotations

import datetime as dt

import pytest

from huishoudboekje.accounts.models import Medewerker
from huishoudboekje.accounts.roles import Rol
from huishoudboekje.audit.models import AuditRegel
from huishoudboekje.bankafschriften.demo import (
    WERKVOORRAAD_DAGEN,
    ZELF_TE_BOEKEN,
    demo_afschriften_laden,
    demo_afschriftenset,
)
from huishoudboekje.bankafschriften.models import Bankafschrift, Banktransactie
from huishoudboekje.bankafschriften.selectors import afschrift_gaten
from huishoudboekje.boekhouding.models import Journaalpost
from huishoudboekje.boekhouding.selectors import boekhouding_controleren
from huishoudboekje.burgers.demo_laden import demo_data_laden
from huishoudboekje.fabrieken import GemeenteRekeningFabriek

pytestmark = pytest.mark.django_db
VANDAAG = dt.date(2026, 5, 20)  # a Wednesday


def test_demo_statements_run_through_yesterday_with_the_back_office_history() -> None:
    GemeenteRekeningFabriek()
    backoffice = Medewerker.objects.create_user(
        username="backoffice", password="Lang-genoeg-wachtwoord-2026", rol=Rol.BACKOFFICE
    )
    samenvatting = demo_data_laden(deelnemers=40, seed=3, peildatum=VANDAAG)

    uitkomst = demo_afschriften_laden(samenvatting, maanden=2, seed=3, peildatum=VANDAAG)

    assert uitkomst.fouten == []
    assert uitkomst.evaluatie is not None and uitkomst.evaluatie.automatisch_fout == 0
    # from 12 days before April 1 through yesterday
    assert Bankafschrift.objects.earliest("einddatum").einddatum <= dt.date(2026, 3, 23)
    assert Bankafschrift.objects.latest("einddatum").einddatum == VANDAAG - dt.timedelta(days=1)
    assert boekhouding_controleren().klopt
    # one statement per bank day, each continuing from the previous; no line in doubt
    assert afschrift_gaten() == []
    assert not Banktransactie.objects.filter(mogelijk_dubbel_van__isnull=False).exists()

    handmatig = Journaalpost.objects.filter(automatisch=False)
    assert handmatig.count() == uitkomst.handmatig > 0
    grens = VANDAAG - dt.timedelta(days=1 + WERKVOORRAAD_DAGEN)
    assert all(p.geboekt_door == backoffice and p.datum < grens for p in handmatig)
    assert AuditRegel.objects.filter(medewerker=backoffice).count() == uitkomst.handmatig

    # Before the last two weeks, only what needs a decision stays open: no transaction
    # that belongs to an agreement it can be booked on.
    reeks = demo_afschriftenset(
        samenvatting, maanden=2, seed=3, peildatum=VANDAAG, tot_gisteren=True
    )
    waarheid = reeks.waarheid()
    oud_open = Banktransactie.objects.filter(geboekt=0, boekdatum__lt=grens)
    assert oud_open.exists()  # unknown senders, payments after the end
    for t in oud_open:
        w = waarheid[t.bankreferentie]
        assert w.afspraak is None or w.soort not in ZELF_TE_BOEKEN, w
    # the work list: the last two weeks are left as the matcher left them
    assert not handmatig.filter(datum__gte=grens).exists()


def test_opdrachtregel_schrijft_de_afschriften_in_de_uitvoermap(tmp_path) -> None:
    """`hhb demo-data --maanden 1 --uitvoer MAP`: files in every format land in MAP,
    are imported, and reading them again adds nothing."""
    from io import StringIO

    from django.core.management import call_command

    from huishoudboekje.bankafschriften.services import bankafschrift_importeren
    from huishoudboekje.core.bank.lezen import detecteer_formaat

    GemeenteRekeningFabriek()
    uit = StringIO()
    call_command(
        "demo-data", "--deelnemers", "15", "--seed", "4", "--peildatum", "2026-05-20",
        "--maanden", "1", "--uitvoer", str(tmp_path / "afschriften"), stdout=uit,
    )
    bestanden = sorted((tmp_path / "afschriften").iterdir())
    assert len(bestanden) >= 20  # one file per bank day from 12 days before May 1
    formaten = set()
    for pad in bestanden:
        with pad.open("rb") as f:
            formaten.add(detecteer_formaat(f.read(4096)))
    assert formaten == {"camt.053", "mt940"}
    dialecten = set(Bankafschrift.objects.values_list("dialect", flat=True))
    assert {"ing", "rabobank", "abnamro", "bng"} <= dialecten, dialecten
    regel = uit.getvalue().splitlines()[-1]
    assert regel.startswith("Bankafschriften in ") and f"{len(bestanden)} bestanden" in regel
    assert "0 verkeerd geboekt" in regel
    aantal = Banktransactie.objects.count()
    assert aantal > 0 and f"{aantal:,}".replace(",", ".") + " transacties" in regel
    for pad in bestanden[:3]:
        with pad.open("rb") as f:
            opnieuw = bankafschrift_importeren(stream=f, bestandsnaam=pad.name, door=None)
        assert opnieuw.gelukt and opnieuw.nieuw == 0 and opnieuw.dubbel > 0
    assert Banktransactie.objects.count() == aantal


@pytest.mark.parametrize(
    ("opties", "melding"),
    [
        (["--maanden", "-1"], "--maanden moet tussen 0 en 36 liggen"),
        (["--uitvoer", "map"], "--uitvoer heeft alleen zin samen met --maanden"),
        (["--maanden", "1", "--uitvoer", "bestand.txt"], "is een bestand, geen map"),
    ],
)
def test_opdrachtregel_weigert_verkeerde_afschriftopties(tmp_path, opties, melding) -> None:
    from django.core.management import CommandError, call_command

    from huishoudboekje.burgers.models import Burger

    (tmp_path / "bestand.txt").write_text("x")
    opties = [str(tmp_path / o) if o in ("map", "bestand.txt") else o for o in opties]
    with pytest.raises(CommandError, match=melding):
        call_command("demo-data", "--deelnemers", "5", *opties)
    assert not Burger.objects.exists()  # refused before anything was loaded
