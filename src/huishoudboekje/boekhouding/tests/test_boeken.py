"""Booking services: book on an agreement or a rubriek, split, undo, learn; the
participant's balance; refused bookings change nothing; the ledger invariant holds."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from huishoudboekje.audit.models import AuditRegel
from huishoudboekje.bankafschriften.models import Banktransactie
from huishoudboekje.boekhouding import selectors
from huishoudboekje.boekhouding.models import Journaalpost, Leerregel, Rubriek
from huishoudboekje.boekhouding.services_boeken import (
    Boekdeel,
    Boekfout,
    journaalpost_ongedaan_maken,
    journaalposten_boeken,
    leerregel_aanmaken,
    zoekterm_toevoegen,
)
from huishoudboekje.fabrieken import AfspraakFabriek, BanktransactieFabriek, BurgerFabriek

pytestmark = pytest.mark.django_db


@pytest.fixture
def huur():
    return AfspraakFabriek()


def _staat():
    return (
        list(Journaalpost.objects.values_list("pk", "bedrag")),
        list(Banktransactie.objects.values_list("pk", "geboekt")),
        AuditRegel.objects.count(),
    )


def test_boeken_op_afspraak_zet_saldo_en_audit(frontoffice, loon):
    tx = BanktransactieFabriek(bedrag=150000)
    [post] = journaalposten_boeken(
        door=frontoffice, transactie_id=tx.pk, delen=[Boekdeel(bedrag=150000, afspraak=loon)]
    )
    tx.refresh_from_db()
    assert tx.geboekt == 150000 and tx.open_bedrag == 0
    assert (post.burger_id, post.rubriek.naam, post.datum) == (loon.burger_id, "Loon", tx.boekdatum)
    assert selectors.saldo(loon.burger_id) == 150000
    assert selectors.saldo(loon.burger_id, op=tx.boekdatum - dt.timedelta(days=1)) == 0
    regel = AuditRegel.objects.get(object_type="journaalpost")
    assert regel.burger_id == loon.burger_id and regel.medewerker == frontoffice


@pytest.mark.parametrize(
    ("bedrag", "afspraak", "melding"),
    [
        (-150000, "loon", "hetzelfde teken"),
        (150000, "huur", "alleen op een afspraak voor inkomsten"),
        (150001, "loon", "meer dan het nog te boeken bedrag"),
    ],
)
def test_verkeerde_boeking_wordt_geweigerd_en_verandert_niets(
    frontoffice, loon, huur, bedrag, afspraak, melding
):
    tx = BanktransactieFabriek(bedrag=150000)
    voor = _staat()
    with pytest.raises(Boekfout, match=melding):
        journaalposten_boeken(
            door=frontoffice,
            transactie_id=tx.pk,
            delen=[Boekdeel(bedrag=bedrag, afspraak={"loon": loon, "huur": huur}[afspraak])],
        )
    assert _staat() == voor


def test_rubriek_moet_bij_de_richting_passen(frontoffice):
    tx = BanktransactieFabriek(bedrag=-350)
    with pytest.raises(Boekfout, match="rubriek voor uitgaven"):
        journaalposten_boeken(
            door=frontoffice,
            transactie_id=tx.pk,
            delen=[Boekdeel(bedrag=-350, rubriek=Rubriek.objects.get(naam="Loon"))],
        )
    [post] = journaalposten_boeken(
        door=frontoffice,
        transactie_id=tx.pk,
        delen=[Boekdeel(bedrag=-350, rubriek=Rubriek.objects.get(naam="Bankkosten"))],
    )
    assert post.burger_id is None and post.afspraak_id is None


def test_splitsen_over_twee_deelnemers_telt_precies_op(frontoffice):
    a1 = AfspraakFabriek(
        richting="inkomsten",
        bedrag=30000,
        rubriek=Rubriek.objects.get(naam="Zorgtoeslag"),
        betaalwijze="",
    )
    a2 = AfspraakFabriek(
        richting="inkomsten",
        bedrag=20000,
        rubriek=Rubriek.objects.get(naam="Zorgtoeslag"),
        betaalwijze="",
    )
    tx = BanktransactieFabriek(bedrag=50000)
    with pytest.raises(Boekfout, match="precies"):
        journaalposten_boeken(
            door=frontoffice,
            transactie_id=tx.pk,
            volledig=True,
            delen=[Boekdeel(bedrag=30000, afspraak=a1), Boekdeel(bedrag=19999, afspraak=a2)],
        )
    assert not Journaalpost.objects.exists()
    journaalposten_boeken(
        door=frontoffice,
        transactie_id=tx.pk,
        volledig=True,
        delen=[Boekdeel(bedrag=30000, afspraak=a1), Boekdeel(bedrag=20000, afspraak=a2)],
    )
    assert (selectors.saldo(a1.burger_id), selectors.saldo(a2.burger_id)) == (30000, 20000)
    assert selectors.boekhouding_controleren().klopt


def test_ongedaan_maken_is_een_tegenboeking_met_reden_en_staat_in_audit(frontoffice, loon):
    tx = BanktransactieFabriek(bedrag=150000)
    [post] = journaalposten_boeken(
        door=frontoffice, transactie_id=tx.pk, delen=[Boekdeel(bedrag=150000, afspraak=loon)]
    )
    with pytest.raises(Boekfout, match="Geef een reden"):
        journaalpost_ongedaan_maken(door=frontoffice, journaalpost_id=post.pk, reden="  ")
    journaalpost_ongedaan_maken(
        door=frontoffice, journaalpost_id=post.pk, reden="Loon van de partner"
    )
    tx.refresh_from_db()
    assert tx.geboekt == 0 and tx.afletter_uitkomst == "ongedaan"
    tegen = Journaalpost.objects.get(tegenboeking_van=post)
    assert (tegen.bedrag, tegen.burger_id, tegen.afspraak_id, tegen.rubriek_id) == (
        -150000,
        loon.burger_id,
        loon.pk,
        post.rubriek_id,
    )
    assert (tegen.datum, tegen.reden, tegen.geboekt_door) == (
        post.datum,
        "Loon van de partner",
        frontoffice,
    )
    assert Journaalpost.objects.filter(pk=post.pk).exists()  # the original stays
    regel = AuditRegel.objects.get(object_type="journaalpost", object_id=str(tegen.pk))
    assert regel.actie == "aangemaakt" and regel.na["reden"] == "Loon van de partner"
    assert not AuditRegel.objects.filter(actie="verwijderd").exists()
    assert selectors.saldo(loon.burger_id) == 0
    with pytest.raises(Boekfout, match="al ongedaan gemaakt"):
        journaalpost_ongedaan_maken(door=frontoffice, journaalpost_id=post.pk, reden="nog eens")
    with pytest.raises(Boekfout, match="Een tegenboeking wordt niet ongedaan"):
        journaalpost_ongedaan_maken(door=frontoffice, journaalpost_id=tegen.pk, reden="terug")
    assert selectors.boekhouding_controleren().klopt
    # booked again afterwards: three bookings, the balance is the new one
    journaalposten_boeken(
        door=frontoffice, transactie_id=tx.pk, delen=[Boekdeel(bedrag=150000, afspraak=loon)]
    )
    assert Journaalpost.objects.count() == 3 and selectors.saldo(loon.burger_id) == 150000


def test_database_weigert_meer_boeken_dan_het_bedrag():
    tx = BanktransactieFabriek(bedrag=1000)
    with pytest.raises(IntegrityError), transaction.atomic():
        Banktransactie.objects.filter(pk=tx.pk).update(geboekt=1001)
    with pytest.raises(IntegrityError), transaction.atomic():
        Banktransactie.objects.filter(pk=tx.pk).update(geboekt=-5)


def test_leren_zoekterm_en_regel(frontoffice, loon):
    zoekterm_toevoegen(door=frontoffice, afspraak=loon, zoekterm="pers.nr 8845")
    zoekterm_toevoegen(door=frontoffice, afspraak=loon, zoekterm="PERS.NR 8845")  # no duplicate
    loon.refresh_from_db()
    assert loon.zoektermen[-1] == "pers.nr 8845" and loon.zoektermen.count("pers.nr 8845") == 1
    regel = leerregel_aanmaken(
        door=frontoffice, afspraak=loon, tegen_iban="NL91ABNA0417164300", patroon="SALARIS"
    )
    assert Leerregel.objects.get() == regel
    with pytest.raises(Boekfout, match="minstens 3"):
        leerregel_aanmaken(door=frontoffice, afspraak=loon, tegen_iban="", patroon="ab")


def test_saldo_subquery_en_verloop(frontoffice, loon):
    for dag, bedrag in ((dt.date(2026, 3, 5), 150000), (dt.date(2026, 4, 5), 150000)):
        tx = BanktransactieFabriek(bedrag=bedrag, boekdatum=dag)
        journaalposten_boeken(
            door=frontoffice, transactie_id=tx.pk, delen=[Boekdeel(bedrag=bedrag, afspraak=loon)]
        )
    ander = BurgerFabriek()
    from huishoudboekje.burgers.models import Burger

    saldi = dict(Burger.objects.annotate(s=selectors.saldo_subquery()).values_list("pk", "s"))
    assert saldi[loon.burger_id] == 300000 and saldi[ander.pk] == 0
    verloop = selectors.saldoverloop(loon.burger_id, maanden=3, tot=dt.date(2026, 4, 30))
    assert verloop == [
        (dt.date(2026, 2, 28), 0),
        (dt.date(2026, 3, 31), 150000),
        (dt.date(2026, 4, 30), 300000),
    ]


def test_afspraak_met_boekingen_kan_niet_worden_verwijderd(frontoffice, loon):
    from django.core.exceptions import ValidationError

    from huishoudboekje.afspraken.services import afspraak_verwijderen

    tx = BanktransactieFabriek(bedrag=150000)
    journaalposten_boeken(
        door=frontoffice, transactie_id=tx.pk, delen=[Boekdeel(bedrag=150000, afspraak=loon)]
    )
    with pytest.raises(ValidationError, match="banktransacties geboekt"):
        afspraak_verwijderen(door=frontoffice, afspraak=loon)
    assert Journaalpost.objects.filter(afspraak=loon).exists()


def test_terugbetaling_van_de_eigen_tegenpartij_gaat_op_de_afspraak_en_is_van_de_deelnemer(
    frontoffice, huur
):
    """A refund (or a reversed direct debit) from the agreement's own counterparty is
    booked on that cost agreement, so the money stays the participant's; from another
    account it is refused like any booking in the wrong direction."""
    vreemd = BanktransactieFabriek(bedrag=4500)
    voor = _staat()
    with pytest.raises(Boekfout, match="terugbetaling of storno"):
        journaalposten_boeken(
            door=frontoffice, transactie_id=vreemd.pk, delen=[Boekdeel(bedrag=4500, afspraak=huur)]
        )
    assert _staat() == voor
    terug = BanktransactieFabriek(bedrag=4500, tegen_iban=huur.tegenrekening.iban)
    [post] = journaalposten_boeken(
        door=frontoffice, transactie_id=terug.pk, delen=[Boekdeel(bedrag=4500, afspraak=huur)]
    )
    assert (post.bedrag, post.burger_id, post.rubriek_id) == (4500, huur.burger_id, huur.rubriek_id)
    assert selectors.saldo(huur.burger_id) == 4500
    assert selectors.boekhouding_controleren().klopt
