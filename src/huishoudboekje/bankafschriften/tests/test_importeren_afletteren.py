"""Matching on import: an unambiguous line is booked with its reason, a double payment
and a refund are never booked automatically, a refused file leaves no trace in the
matching; the ledger invariant holds."""

from __future__ import annotations

import io

import pytest

from huishoudboekje.bankafschriften.models import Afletteruitkomst, Banktransactie
from huishoudboekje.bankafschriften.selectors import suggesties
from huishoudboekje.bankafschriften.services import bankafschrift_importeren
from huishoudboekje.boekhouding.models import Journaalpost, Rubriek
from huishoudboekje.boekhouding.selectors import boekhouding_controleren, saldo
from huishoudboekje.boekhouding.services_boeken import Boekdeel, journaalposten_boeken
from huishoudboekje.fabrieken import (
    AfdelingFabriek,
    AfspraakFabriek,
    GemeenteRekeningFabriek,
    RekeningFabriek,
)

from .hulp import camt, tx
from .hulp_importeren import importeer

pytestmark = pytest.mark.django_db


def test_na_inlezen_wordt_eenduidige_transactie_automatisch_geboekt_met_reden():
    GemeenteRekeningFabriek()
    afdeling = AfdelingFabriek(
        organisatie__naam="Woonstichting Het Baken",
        rekeningen=[RekeningFabriek(iban="NL91ABNA0417164300")],
    )
    huur = AfspraakFabriek(
        afdeling=afdeling,
        richting="uitgaven",
        bedrag=72500,
        zoektermen=["contract 12"],
        dag_van_maand=28,
    )
    ander = AfspraakFabriek(
        afdeling=afdeling,
        richting="uitgaven",
        bedrag=65000,
        zoektermen=["contract 99"],
        dag_van_maand=28,
    )
    r = importeer(
        camt(
            tx(bedrag=-72500),
            tx(
                bedrag=-72500,
                bankreferentie="X",
                end_to_end_id="X",
            ),
            eindsaldo=100000 - 2 * 72500,
        )
    )
    assert r.gelukt and r.automatisch == 1, r
    post = Journaalpost.objects.get()
    assert post.afspraak == huur and post.automatisch and post.bedrag == -72500
    assert (
        "IBAN bekend bij Woonstichting Het Baken" in post.toelichting
        and "bedrag gelijk" in post.toelichting
    )
    # the second payment on the same day is a double payment: never booked automatically
    open_ = Banktransactie.objects.get(geboekt=0)
    assert open_.afletter_uitkomst == Afletteruitkomst.GEBLOKKEERD
    assert "al een betaling geboekt rond 28-05" in open_.afletter_toelichting
    assert saldo(huur.burger_id) == -72500 and saldo(ander.burger_id) == 0
    assert boekhouding_controleren().klopt


def test_geweigerd_bestand_laat_geen_sporen_na_in_het_afletteren():
    from huishoudboekje.boekhouding.afletteren import Afletteraar

    GemeenteRekeningFabriek()
    afdeling = AfdelingFabriek(rekeningen=[RekeningFabriek(iban="NL91ABNA0417164300")])
    huur = AfspraakFabriek(
        afdeling=afdeling, bedrag=72500, zoektermen=["contract 12"], dag_van_maand=28
    )
    afletteraar = Afletteraar()  # one matcher for several files, as the upload screen does
    kapot = camt(tx(bedrag=-72500), eindsaldo=100000 - 72500).replace(b"275.00", b"275.01")
    assert not bankafschrift_importeren(
        stream=io.BytesIO(kapot), bestandsnaam="k.xml", door=None, afletteraar=afletteraar
    ).gelukt
    goed = camt(tx(bedrag=-72500), eindsaldo=100000 - 72500)
    r = bankafschrift_importeren(
        stream=io.BytesIO(goed), bestandsnaam="g.xml", door=None, afletteraar=afletteraar
    )
    assert r.gelukt and r.automatisch == 1, r
    assert Journaalpost.objects.get().afspraak == huur


def test_terugbetaling_wordt_voorgesteld_maar_nooit_automatisch_en_telt_niet_als_betaling():
    GemeenteRekeningFabriek()
    eneco = AfdelingFabriek(
        organisatie__naam="Eneco", rekeningen=[RekeningFabriek(iban="NL20INGB0001234567")]
    )
    energie = AfspraakFabriek(
        afdeling=eneco,
        richting="uitgaven",
        omschrijving="Termijnbedrag energie",
        bedrag=12000,
        rubriek=Rubriek.objects.get(naam="Energie"),
        dag_van_maand=28,
        zoektermen=[],
    )
    terug = tx(
        bedrag=3150,
        tegen_iban="NL20INGB0001234567",
        tegen_naam="Eneco",
        omschrijving="Terugbetaling jaarafrekening",
        bankreferentie="T1",
        end_to_end_id="T1",
    )
    termijn = tx(
        bedrag=-12000,
        tegen_iban="NL20INGB0001234567",
        tegen_naam="Eneco",
        omschrijving="Termijn mei",
        bankreferentie="T2",
        end_to_end_id="T2",
        mandaat_id="M1",
    )
    r = importeer(camt(terug, eindsaldo=100000 + 3150))
    assert r.gelukt and r.automatisch == 0, r.fouten
    open_ = Banktransactie.objects.get()
    [suggestie] = suggesties(open_)
    assert suggestie.afspraak == energie
    assert "terugbetaling of storno" in suggestie.kandidaat.blokkade
    assert "IBAN bekend bij Eneco" in suggestie.kandidaat.toelichting
    assert suggestie.zoekterm_voorstel is None  # no learning from a refund
    journaalposten_boeken(
        door=None, transactie_id=open_.pk, delen=[Boekdeel(bedrag=3150, afspraak=energie)]
    )
    assert saldo(energie.burger_id) == 3150
    # the refund booked on the agreement is no "second payment": the regular instalment
    # around the same expected date still books itself
    r = importeer(
        camt(termijn, beginsaldo=100000 + 3150, eindsaldo=100000 + 3150 - 12000, afschrift_id="Z")
    )
    assert r.automatisch == 1
    assert saldo(energie.burger_id) == 3150 - 12000
