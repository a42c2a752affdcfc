"""The bank screens: upload with a per-file result, the statements and transactions
lists with filters, one-click booking with learning, booking on a rubriek, splitting,
undo, bulk acceptance; a refused action says why and changes nothing."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.bankafschriften.models import Afletteruitkomst, Banktransactie, Importbestand
from huishoudboekje.boekhouding.models import Journaalpost, Leerregel, Rubriek
from huishoudboekje.boekhouding.services_boeken import Boekdeel, journaalposten_boeken
from huishoudboekje.boekhouding.tests.grootboek_hulp import zonder_grootboektriggers
from huishoudboekje.door import Systeem
from huishoudboekje.fabrieken import AfspraakFabriek, BanktransactieFabriek, GemeenteRekeningFabriek

from .hulp import camt, tx

pytestmark = pytest.mark.django_db


@pytest.fixture
def bo(client_als):
    return client_als(Rol.BACKOFFICE)


@pytest.fixture
def inkomen():
    afspraak = AfspraakFabriek(
        richting="inkomsten",
        omschrijving="Loon Bouwbedrijf",
        bedrag=150000,
        rubriek=Rubriek.objects.get(naam="Loon"),
        betaalwijze="",
        zoektermen=["pers 8812"],
    )
    transactie = BanktransactieFabriek(
        bedrag=150000,
        tegen_iban=afspraak.tegenrekening.iban,
        omschrijving="SALARIS MEI PERSNR 77310 pers 8812",
    )
    return afspraak, transactie


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
    # the open income has a suggestion in the list
    assert (
        alles.context["rijen"][0]["suggestie"] is not None
        or alles.context["rijen"][1]["suggestie"] is not None
    )


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


def test_retourreden_wordt_bewaard_en_in_woorden_getoond(bo):
    GemeenteRekeningFabriek()
    teruggekomen = tx(bedrag=25000, retourreden="AC04", omschrijving="Leefgeld week 47")
    bestand = SimpleUploadedFile("retour.xml", camt(teruggekomen, eindsaldo=100000 + 25000))
    bo.post(reverse("bankafschriften:importeren"), {"bestanden": [bestand]})
    transactie = Banktransactie.objects.get()
    assert transactie.retourreden == "AC04"
    detail = bo.get(reverse("bankafschriften:transactie", args=[transactie.pk]))
    assert "AC04 – rekening opgeheven" in detail.content.decode()


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
