"""The bank screens: upload with a per-file result, the statements and transactions
lists with filters, the command line and the API for statements. Booking one
transaction: test_schermen_boeken.py; bulk and matching runs: test_schermen_afletteren.py.
A refused action says why and changes nothing."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from huishoudboekje.bankafschriften.models import Banktransactie, Importbestand
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.boekhouding.services_boeken import Boekdeel, journaalposten_boeken
from huishoudboekje.boekhouding.tests.grootboek_hulp import zonder_grootboektriggers
from huishoudboekje.door import Systeem
from huishoudboekje.fabrieken import BanktransactieFabriek, GemeenteRekeningFabriek

from .hulp import camt, tx

pytestmark = pytest.mark.django_db


def test_upload_van_meerdere_bestanden_geeft_resultaat_per_bestand(bo):
    GemeenteRekeningFabriek()
    goed = SimpleUploadedFile("goed.xml", camt(tx(), eindsaldo=172500))
    kapot = SimpleUploadedFile("kapot.xml", b"<Document><BkToCstmrStmt>")
    response = bo.post(reverse("bankafschriften:importeren"), {"bestanden": [goed, kapot]})
    html = response.content.decode()
    assert response.status_code == 200
    assert "goed.xml" in html and "1 transacties: 1 nieuw" in html
    assert "kapot.xml" in html and "Niet ingelezen; er is niets veranderd." in html
    assert Banktransactie.objects.count() == 1
    # htmx gets the result fragment only
    fragment = bo.post(
        reverse("bankafschriften:importeren"),
        {"bestanden": [SimpleUploadedFile("goed.xml", camt(tx(), eindsaldo=172500))]},
        HTTP_HX_REQUEST="true",
    )
    # the same file again: "al ingelezen" with when and by whom (was: the counts with
    # "1 al eerder ingelezen")
    assert "<html" not in fragment.content.decode()
    assert "Al ingelezen" in fragment.content.decode()
    eerste = Importbestand.objects.get()
    assert (
        f"al ingelezen op {timezone.localtime(eerste.tijdstip):%d-%m-%Y %H:%M} door "
        f"{eerste.geimporteerd_door_naam}" in fragment.content.decode()
    )
    # every file refused: htmx still gets (and shows) the per-file result
    alleen_fout = bo.post(
        reverse("bankafschriften:importeren"),
        {"bestanden": [SimpleUploadedFile("kapot.xml", b"<Document><BkToCstmrStmt>")]},
        HTTP_HX_REQUEST="true",
    )
    assert alleen_fout.status_code == 200 and "Niet ingelezen" in alleen_fout.content.decode()
    zonder_htmx = bo.post(
        reverse("bankafschriften:importeren"),
        {"bestanden": [SimpleUploadedFile("kapot.xml", b"<Document><BkToCstmrStmt>")]},
    )
    assert zonder_htmx.status_code == 422


def test_upload_zonder_bestand_geeft_veldfout(bo):
    response = bo.post(reverse("bankafschriften:importeren"), {})
    assert "Kies een of meer bestanden." in response.content.decode()


def test_lijsten_en_filters(bo, inkomen):
    _, transactie = inkomen
    BanktransactieFabriek(
        bedrag=-999, tegen_naam="Bankkosten", omschrijving="kosten", tegen_iban=""
    )
    assert bo.get(reverse("bankafschriften:lijst")).status_code == 200
    assert (
        bo.get(reverse("bankafschriften:afschrift", args=[transactie.afschrift_id])).status_code
        == 200
    )
    alles = bo.get(reverse("bankafschriften:transacties"), {"status": ""})
    assert len(alles.context["rijen"]) == 2
    tekst = bo.get(reverse("bankafschriften:transacties"), {"tekst": "persnr"}, follow=True)
    assert [r["transactie"] for r in tekst.context["rijen"]] == [transactie]
    bedrag = bo.get(reverse("bankafschriften:transacties"), {"min_bedrag": "10,00", "status": ""})
    assert [r["transactie"] for r in bedrag.context["rijen"]] == [transactie]
    assert (
        bo.get(reverse("bankafschriften:transacties"), {"organisatie": 999999})
        .context["filter"]
        .errors
    )
    iban = bo.get(reverse("bankafschriften:transacties"), {"iban": "nl00 fout"}, follow=True)
    assert iban.context["filter"].errors["iban"]
    # the open income has a suggestion in the list (filled in after the page, by htmx)
    fragment = bo.get(alles.context["suggesties_url"]).content.decode()
    assert f'name="transactie" value="{transactie.pk}"' in fragment and "Suggestie: " in fragment


def test_filter_op_deelnemer_en_organisatie_na_boeken(bo, inkomen):
    afspraak, transactie = inkomen
    bo.post(reverse("bankafschriften:boeken", args=[transactie.pk]), {"afspraak": afspraak.pk})
    BanktransactieFabriek(bedrag=5)
    url = reverse("bankafschriften:transacties")
    per_deelnemer = bo.get(
        url, {"status": "", "deelnemer": afspraak.burger.hhb_nummer}, follow=True
    )
    assert [r["transactie"] for r in per_deelnemer.context["rijen"]] == [transactie]
    per_organisatie = bo.get(url, {"status": "", "organisatie": afspraak.afdeling.organisatie_id})
    assert [r["transactie"] for r in per_organisatie.context["rijen"]] == [transactie]
    handmatig = bo.get(url, {"status": "handmatig"})
    assert [r["transactie"] for r in handmatig.context["rijen"]] == [transactie]
    assert bo.get(url, {"status": "automatisch"}).context["rijen"] == []


def test_opdrachtregel_json_en_exitstatus(tmp_path, capsys):
    GemeenteRekeningFabriek()
    goed = tmp_path / "goed.xml"
    goed.write_bytes(camt(tx(), eindsaldo=172500))
    call_command("importeer-afschrift", str(goed), "--json")
    uitkomst = json.loads(capsys.readouterr().out)
    assert {
        k: uitkomst[k]
        for k in (
            "bestanden",
            "transacties_nieuw",
            "transacties_dubbel",
            "automatisch_geboekt",
            "fouten",
        )
    } == {
        "bestanden": 1,
        "transacties_nieuw": 1,
        "transacties_dubbel": 0,
        "automatisch_geboekt": 0,
        "fouten": [],
    }
    kapot = tmp_path / "kapot.sta"
    kapot.write_bytes(b":20:X\n:25:NL62BNGH0285128701\n:61:2605")
    with pytest.raises(SystemExit) as exit_:
        call_command("importeer-afschrift", str(goed), str(kapot), "--json")
    assert exit_.value.code == 1
    uitkomst = json.loads(capsys.readouterr().out)
    assert (
        uitkomst["transacties_dubbel"] == 1
        and len(uitkomst["fouten"]) == 1
        and "kapot.sta" in uitkomst["fouten"][0]
    )
    assert Banktransactie.objects.count() == 1


def test_controleer_boekhouding_commando(capsys, inkomen):
    call_command("controleer-boekhouding")
    assert "De boekhouding sluit." in capsys.readouterr().out
    _, transactie = inkomen
    with zonder_grootboektriggers():  # a booked amount without bookings, as by hand
        Banktransactie.objects.filter(pk=transactie.pk).update(geboekt=100)
    with pytest.raises(SystemExit):
        call_command("controleer-boekhouding")
    assert "sluit NIET" in capsys.readouterr().err


def test_api_bankafschrift_inlezen_en_lijst(bo):
    GemeenteRekeningFabriek()
    url = reverse("bankafschriften")
    response = bo.post(url, {"bestand": SimpleUploadedFile("a.xml", camt(tx(), eindsaldo=172500))})
    assert response.status_code == 201, response.content
    assert response["API-Version"]
    body = response.json()
    assert (body["transacties"], body["transactiesNieuw"], body["transactiesDubbel"]) == (1, 1, 0)
    fout = bo.post(url, {"bestand": SimpleUploadedFile("b.xml", b"<Document/>")})
    assert fout.status_code == 400 and fout["Content-Type"] == "application/problem+json"
    assert fout.json()["invalidParams"][0]["name"] == "bestand"
    lijst = bo.get(url).json()
    assert lijst["count"] == 1 and lijst["results"][0]["rekeningIban"] == "NL62BNGH0285128701"


def test_standaardfilter_geldt_ook_op_pagina_twee(bo):
    GemeenteRekeningFabriek()
    for i in range(30):
        BanktransactieFabriek(bedrag=100 + i, tegen_iban="")
    geboekt = BanktransactieFabriek(bedrag=5, tegen_iban="")
    journaalposten_boeken(
        door=Systeem("test"),
        transactie_id=geboekt.pk,
        delen=[Boekdeel(bedrag=5, rubriek=Rubriek.objects.get(naam="Overige inkomsten"))],
    )
    pagina1 = bo.get(reverse("bankafschriften:transacties"))
    assert pagina1.context["pagina"].aantal == 30
    volgende = pagina1.context["pagina"].volgende
    pagina2 = bo.get(f"{reverse('bankafschriften:transacties')}?{volgende}")
    assert [r["transactie"].open_bedrag > 0 for r in pagina2.context["rijen"]] == [True] * 5


def test_retourreden_wordt_bewaard_en_in_woorden_getoond(bo):
    GemeenteRekeningFabriek()
    teruggekomen = tx(bedrag=25000, retourreden="AC04", omschrijving="Leefgeld week 47")
    bestand = SimpleUploadedFile("retour.xml", camt(teruggekomen, eindsaldo=100000 + 25000))
    bo.post(reverse("bankafschriften:importeren"), {"bestanden": [bestand]})
    transactie = Banktransactie.objects.get()
    assert transactie.retourreden == "AC04"
    detail = bo.get(reverse("bankafschriften:transactie", args=[transactie.pk]))
    assert "AC04 – rekening opgeheven" in detail.content.decode()
