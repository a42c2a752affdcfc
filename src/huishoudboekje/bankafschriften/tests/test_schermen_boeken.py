"""Booking one transaction on its page: a suggestion with reasons, one-click booking
with learning, booking on a rubriek, splitting (also on a participant found by search),
undo as a reversing booking; a refused action says why and changes nothing."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from huishoudboekje.boekhouding.models import Journaalpost, Leerregel, Rubriek
from huishoudboekje.fabrieken import AfspraakFabriek, BanktransactieFabriek

pytestmark = pytest.mark.django_db


def test_detail_toont_suggestie_met_redenen_en_boeken_met_leren(bo, inkomen):
    afspraak, transactie = inkomen
    detail = bo.get(reverse("bankafschriften:transactie", args=[transactie.pk]))
    [s] = detail.context["suggesties"]
    assert s.afspraak == afspraak
    assert (
        "IBAN bekend bij" in s.kandidaat.toelichting and "bedrag gelijk" in s.kandidaat.toelichting
    )
    assert s.zoekterm_voorstel == "77310"
    response = bo.post(
        reverse("bankafschriften:boeken", args=[transactie.pk]),
        {"afspraak": afspraak.pk, "leer": "zoekterm", "patroon": "77310"},
    )
    assert response.status_code == 302
    transactie.refresh_from_db()
    afspraak.refresh_from_db()
    assert transactie.open_bedrag == 0 and "77310" in afspraak.zoektermen
    post = Journaalpost.objects.get()
    assert not post.automatisch and post.geboekt_door is not None
    # booking again is refused with a message, nothing changes
    opnieuw = bo.post(
        reverse("bankafschriften:boeken", args=[transactie.pk]),
        {"afspraak": afspraak.pk},
        follow=True,
    )
    assert "al volledig geboekt" in opnieuw.content.decode()
    assert Journaalpost.objects.count() == 1


def test_regel_leren_boekt_de_volgende_keer_vanzelf(bo, inkomen):
    afspraak, transactie = inkomen
    bo.post(
        reverse("bankafschriften:boeken", args=[transactie.pk]),
        {"afspraak": afspraak.pk, "leer": "regel", "patroon": "persnr 77310"},
    )
    assert Leerregel.objects.get().patroon == "persnr 77310"
    volgende = BanktransactieFabriek(
        bedrag=150000,
        tegen_iban=transactie.tegen_iban,
        omschrijving="SALARIS JUNI PERSNR 77310",
        boekdatum=transactie.boekdatum.replace(month=6),
    )
    call_command("afletteren")
    volgende.refresh_from_db()
    assert volgende.open_bedrag == 0
    assert "eerder zo geboekt" in Journaalpost.objects.get(transactie=volgende).toelichting


def test_op_rubriek_splitsen_en_ongedaan_maken(bo, inkomen):
    afspraak, transactie = inkomen
    fout = bo.post(
        reverse("bankafschriften:rubriek", args=[transactie.pk]),
        {"rubriek": Rubriek.objects.get(naam="Huur").pk},
    )
    assert fout.status_code == 422 and not Journaalpost.objects.exists()
    splits_fout = bo.post(
        reverse("bankafschriften:splitsen", args=[transactie.pk]),
        {
            "afspraak_1": afspraak.pk,
            "bedrag_1": "1.000,00",
            "rubriek_2": Rubriek.objects.get(naam="Teruggave").pk,
            "bedrag_2": "400,00",
        },
    )
    assert splits_fout.status_code == 422 and "precies" in splits_fout.content.decode()
    assert not Journaalpost.objects.exists()
    ok = bo.post(
        reverse("bankafschriften:splitsen", args=[transactie.pk]),
        {
            "afspraak_1": afspraak.pk,
            "bedrag_1": "1.000,00",
            "rubriek_2": Rubriek.objects.get(naam="Teruggave").pk,
            "bedrag_2": "500,00",
        },
    )
    assert ok.status_code == 302
    assert sorted(Journaalpost.objects.values_list("bedrag", flat=True)) == [50000, 100000]
    zonder_reden = Journaalpost.objects.first()
    bo.post(reverse("bankafschriften:ongedaan", args=[zonder_reden.pk]), {"reden": " "})
    assert not Journaalpost.objects.filter(tegenboeking_van=zonder_reden).exists()
    for post in Journaalpost.objects.all():
        antwoord = bo.post(
            reverse("bankafschriften:ongedaan", args=[post.pk]), {"reden": "verkeerd gesplitst"}
        )
        assert antwoord.status_code == 302
    transactie.refresh_from_db()
    assert transactie.geboekt == 0
    assert sorted(Journaalpost.objects.values_list("bedrag", flat=True)) == [
        -100000, -50000, 50000, 100000
    ]  # append-only: the bookings and their reversals
    pagina = bo.get(reverse("bankafschriften:transactie", args=[transactie.pk])).content.decode()
    assert pagina.count("verkeerd gesplitst") == 4  # on each booking and on its reversal
    assert "Ongedaan gemaakt" in pagina and "Tegenboeking" in pagina
    assert (
        bo.post(
            reverse("bankafschriften:rubriek", args=[transactie.pk]),
            {"rubriek": Rubriek.objects.get(naam="Teruggave").pk},
        ).status_code
        == 302
    )
    nieuw = Journaalpost.objects.filter(tegenboeking_van__isnull=True, tegenboeking__isnull=True)
    assert nieuw.get().afspraak is None


def test_suggestie_vindt_de_juiste_afspraak_bij_een_gedeeld_iban(bo):
    from huishoudboekje.bankafschriften.selectors import suggesties_voor
    from huishoudboekje.fabrieken import AfdelingFabriek

    svb = AfdelingFabriek(organisatie__naam="SVB")
    loon = Rubriek.objects.get(naam="AOW/Anw")
    afspraken = [
        AfspraakFabriek(
            afdeling=svb,
            richting="inkomsten",
            rubriek=loon,
            betaalwijze="",
            bedrag=100000,
            zoektermen=[f"Klantnummer {700000 + i}"],
        )
        for i in range(45)  # more than GROTE_GROEP: narrowed by the words of the text
    ]
    iban = svb.rekeningen.get().iban
    t1 = BanktransactieFabriek(
        bedrag=100000, tegen_iban=iban, omschrijving="AOW mei Klantnummer 700031"
    )
    t2 = BanktransactieFabriek(
        bedrag=100000, tegen_iban=iban, omschrijving="AOW mei Klantnummer 700007"
    )
    uitkomst = suggesties_voor([t1, t2], aantal=1)
    assert uitkomst[t1.pk][0].afspraak == afspraken[31]
    assert uitkomst[t2.pk][0].afspraak == afspraken[7]
    assert "zoekterm gevonden: Klantnummer 700031" in uitkomst[t1.pk][0].kandidaat.toelichting


def test_leren_dat_faalt_maakt_ook_de_boeking_ongedaan(bo, inkomen):
    afspraak, transactie = inkomen
    response = bo.post(
        reverse("bankafschriften:boeken", args=[transactie.pk]),
        {"afspraak": afspraak.pk, "leer": "regel", "patroon": "ab"},
        follow=True,
    )
    assert "minstens 3 tekens" in response.content.decode()
    transactie.refresh_from_db()
    assert transactie.geboekt == 0 and not Journaalpost.objects.exists()


def test_regel_zonder_tegenrekening_wordt_niet_geleerd(bo, inkomen):
    afspraak, _ = inkomen
    zonder = BanktransactieFabriek(bedrag=150000, tegen_iban="", omschrijving="kasstorting 8812")
    response = bo.post(
        reverse("bankafschriften:boeken", args=[zonder.pk]),
        {"afspraak": afspraak.pk, "leer": "regel", "patroon": "kasstorting"},
        follow=True,
    )
    assert "Zonder tegenrekening kan niets worden onthouden" in response.content.decode()
    assert not Leerregel.objects.exists() and not Journaalpost.objects.exists()


def test_splitsen_op_een_gezochte_deelnemer(bo, inkomen):
    afspraak, transactie = inkomen
    ander = AfspraakFabriek(
        richting="inkomsten",
        omschrijving="Eigen storting",
        bedrag=1000,
        rubriek=Rubriek.objects.get(naam="Eigen storting"),
        betaalwijze="",
    )
    detail = bo.get(
        reverse("bankafschriften:transactie", args=[transactie.pk]),
        {"deelnemer": ander.burger.hhb_nummer},
        follow=True,
    )
    assert any(s.afspraak == ander for s in detail.context["suggesties"])
    response = bo.post(
        reverse("bankafschriften:splitsen", args=[transactie.pk]),
        {
            "deelnemer": ander.burger.hhb_nummer,
            "afspraak_1": afspraak.pk,
            "bedrag_1": "1.400,00",
            "afspraak_2": ander.pk,
            "bedrag_2": "100,00",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert sorted(Journaalpost.objects.values_list("afspraak_id", flat=True)) == sorted(
        [afspraak.pk, ander.pk]
    )


def test_zonder_suggesties_zegt_de_pagina_waarom(bo):
    """Bank costs have no counterparty account: the page says so (not 'no agreement with
    this account') and points to booking on a rubriek."""
    kosten = BanktransactieFabriek(bedrag=-9089, tegen_iban="", omschrijving="Kosten november")
    vreemd = BanktransactieFabriek(bedrag=2500, tegen_iban="NL20INGB0001234567")
    zonder = bo.get(reverse("bankafschriften:transactie", args=[kosten.pk])).content.decode()
    assert "de transactie heeft geen tegenrekening om een afspraak bij te zoeken" in zonder
    assert "geen afspraak met deze tegenrekening" not in zonder
    met = bo.get(reverse("bankafschriften:transactie", args=[vreemd.pk])).content.decode()
    assert "geen afspraak met deze tegenrekening en deze richting" in met
