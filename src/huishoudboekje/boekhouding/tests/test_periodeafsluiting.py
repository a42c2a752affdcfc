"""A balance "op datum X" never changes once X is closed: a late booking, an automatic
one and an undo of a booking in the closed period are all dated on the first open day
(the transaction's date stays visible), and the closed period only moves forward."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.audit.models import AuditRegel
from huishoudboekje.boekhouding import selectors
from huishoudboekje.boekhouding.afletteren import afletteren_uitvoeren
from huishoudboekje.boekhouding.grootboek import afgesloten_tot
from huishoudboekje.boekhouding.models import Journaalpost, Periodeafsluiting
from huishoudboekje.boekhouding.services_boeken import (
    Boekdeel,
    journaalpost_ongedaan_maken,
    journaalposten_boeken,
)
from huishoudboekje.boekhouding.services_periode import Periodefout, periode_afsluiten
from huishoudboekje.door import Systeem
from huishoudboekje.fabrieken import BanktransactieFabriek

pytestmark = pytest.mark.django_db

MEI = dt.date(2026, 5, 31)
JUNI_1 = dt.date(2026, 6, 1)


def _boek(door, tx, afspraak):
    [post] = journaalposten_boeken(
        door=door, transactie_id=tx.pk, delen=[Boekdeel(bedrag=tx.bedrag, afspraak=afspraak)]
    )
    return post


@pytest.fixture
def teamleider(maak_medewerker):
    return maak_medewerker(Rol.TEAMLEIDER)


def test_saldo_op_een_afgesloten_datum_verandert_niet_door_late_boeking_en_ongedaan_maken(
    frontoffice, teamleider, loon
):
    burger = loon.burger_id
    eerste = _boek(
        frontoffice, BanktransactieFabriek(bedrag=150000, boekdatum=dt.date(2026, 5, 5)), loon
    )
    periode_afsluiten(door=teamleider, tot_en_met=MEI)
    voor = selectors.saldo(burger, op=MEI)
    verloop_voor = selectors.saldoverloop(burger, maanden=2, tot=MEI)
    assert voor == 150000

    # a transaction of 20 May imported and booked late: dated on the first open day
    laat_tx = BanktransactieFabriek(bedrag=150000, boekdatum=dt.date(2026, 5, 20))
    laat = _boek(frontoffice, laat_tx, loon)
    assert (laat.datum, laat.transactie.boekdatum) == (JUNI_1, dt.date(2026, 5, 20))
    # an undo of the booking of 5 May: the reversal is dated on the first open day too
    journaalpost_ongedaan_maken(door=frontoffice, journaalpost_id=eerste.pk, reden="dubbel")
    tegen = Journaalpost.objects.get(tegenboeking_van=eerste)
    assert tegen.datum == JUNI_1

    assert selectors.saldo(burger, op=MEI) == voor
    assert selectors.saldoverloop(burger, maanden=2, tot=MEI) == verloop_voor
    assert selectors.saldo(burger, op=JUNI_1) == 150000 == selectors.saldo(burger)
    assert not Journaalpost.objects.filter(datum__lte=MEI).exclude(pk=eerste.pk).exists()
    assert selectors.boekhouding_controleren().klopt


def test_automatisch_geboekt_na_de_afsluiting_krijgt_de_eerste_open_dag(teamleider, loon):
    periode_afsluiten(door=teamleider, tot_en_met=MEI)
    tx = BanktransactieFabriek(
        bedrag=150000,
        boekdatum=dt.date(2026, 5, 25),
        tegen_iban=loon.tegenrekening.iban,
        omschrijving="Salaris mei",
    )
    assert afletteren_uitvoeren(door=Systeem("test")).geboekt == 1
    post = Journaalpost.objects.get(transactie=tx)
    assert post.datum == JUNI_1 and post.automatisch
    assert selectors.saldo(loon.burger_id, op=MEI) == 0


def test_een_open_datum_blijft_de_transactiedatum(frontoffice, teamleider, loon):
    periode_afsluiten(door=teamleider, tot_en_met=dt.date(2026, 4, 30))
    post = _boek(
        frontoffice, BanktransactieFabriek(bedrag=150000, boekdatum=dt.date(2026, 5, 5)), loon
    )
    assert post.datum == dt.date(2026, 5, 5)


def test_afsluiten_gaat_alleen_vooruit_en_nooit_tot_vandaag(frontoffice, teamleider):
    with pytest.raises(Periodefout, match="Alleen een teamleider"):
        periode_afsluiten(door=frontoffice, tot_en_met=MEI)
    eerste = periode_afsluiten(door=teamleider, tot_en_met=MEI, toelichting="maand mei")
    regel = AuditRegel.objects.get(object_type="periodeafsluiting")
    assert regel.medewerker == teamleider and regel.na["tot_en_met"] == "2026-05-31"
    for datum in (MEI, dt.date(2026, 5, 1)):
        with pytest.raises(Periodefout, match="alleen vooruit"):
            periode_afsluiten(door=teamleider, tot_en_met=datum)
    with pytest.raises(Periodefout, match="vóór vandaag"):
        periode_afsluiten(door=teamleider, tot_en_met=dt.date.today())
    assert list(Periodeafsluiting.objects.all()) == [eerste] and afgesloten_tot() == MEI


def test_opdrachtregel_sluit_af_met_de_naam_van_wie(capsys):
    call_command(
        "periode-afsluiten", "--tot", "2026-05-31", "--door", "jan", "--toelichting", "mei"
    )
    assert "afgesloten tot en met 31-05-2026" in capsys.readouterr().out
    afsluiting = Periodeafsluiting.objects.get()
    assert (afsluiting.door_naam, afsluiting.door, afsluiting.toelichting) == (
        "opdrachtregel: jan",
        None,
        "mei",
    )
    with pytest.raises(CommandError, match="alleen vooruit"):
        call_command("periode-afsluiten", "--tot", "2026-04-30")
    with pytest.raises(CommandError, match="geen datum"):
        call_command("periode-afsluiten", "--tot", "31-05-2026")


def test_het_scherm_toont_de_afsluiting_en_alleen_de_teamleider_sluit_af(client_als):
    url = reverse("boekhouding:grootboekrekeningen")
    bo = client_als(Rol.BACKOFFICE)
    assert "Er is nog geen periode afgesloten" in bo.get(url).content.decode()
    assert "Periode afsluiten" not in bo.get(url).content.decode()
    tl = client_als(Rol.TEAMLEIDER)
    assert "Periode afsluiten" in tl.get(url).content.decode()
    antwoord = tl.post(
        reverse("boekhouding:boekperiode_wijzigen"),
        {"tot_en_met": "31-05-2026", "toelichting": "maand mei"},
        follow=True,
    )
    tekst = antwoord.content.decode()
    assert "De boekingen zijn afgesloten tot en met 31-05-2026" in tekst
    assert "tot en met 31-05-2026, door test-teamleider" in tekst and "maand mei" in tekst
    terug = tl.post(
        reverse("boekhouding:boekperiode_wijzigen"), {"tot_en_met": "2026-04-30"}, follow=True
    )
    assert "alleen vooruit" in terug.content.decode()
    assert Periodeafsluiting.objects.count() == 1
