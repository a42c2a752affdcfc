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
