"""Agreement screens: create every schedule kind, refuse bad input field by field
(and store nothing), and show the detail page with expected dates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.audit.models import AuditRegel
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.configuratie.selectors import gemeente
from huishoudboekje.fabrieken import AfspraakFabriek, RekeningFabriek

from .hulp import afdeling, burger_met_rekening, huur_post, rubriek

pytestmark = pytest.mark.django_db


@pytest.fixture
def fo(client_als):
    return client_als(Rol.FRONTOFFICE)


@pytest.fixture
def burger():
    return burger_met_rekening()


@pytest.fixture
def partij():
    return afdeling()


def _nieuw(burger):
    return reverse("afspraken:nieuw", kwargs={"burger_pk": burger.pk})


def _fouten(response) -> dict[str, list[str]]:
    assert response.status_code == 200, response.status_code
    return {veld: list(lijst) for veld, lijst in response.context["form"].errors.items()}


SCHEMAS = {
    "maandelijks op de 31e": dict(frequentie="maandelijks", dag_van_maand="31"),
    "elke vier weken op vrijdag": dict(
        frequentie="wekelijks", interval="4", weekdag="4", dag_van_maand=""
    ),
    "wekelijks op maandag": dict(frequentie="wekelijks", weekdag="0", dag_van_maand=""),
    "per kwartaal op de 15e": dict(frequentie="kwartaal", dag_van_maand="15", maand="1"),
    "jaarlijks op 1 juli": dict(frequentie="jaarlijks", dag_van_maand="1", maand="7"),
    "eenmalig": dict(frequentie="eenmalig", dag_van_maand=""),
}


@pytest.mark.parametrize("naam", SCHEMAS)
def test_elk_soort_schema_aanmaken(fo, burger, partij, naam):
    response = fo.post(_nieuw(burger), huur_post(partij, **SCHEMAS[naam]))
    afspraak = Afspraak.objects.get(burger=burger)
    assert response.status_code == 302
    assert response["Location"] == reverse("afspraken:detail", kwargs={"pk": afspraak.pk})
    assert afspraak.frequentie == SCHEMAS[naam]["frequentie"]
    assert afspraak.bedrag == 72500
    assert afspraak.zoektermen == ["huur", "contract 12"]
    assert afspraak.afdeling == partij
    assert afspraak.geldig_van == dt.date(2026, 1, 1)
    if naam.startswith("elke vier weken"):
        assert (afspraak.interval, afspraak.weekdag) == (4, 4)
    # and the detail page can describe it and list dates
    detail = fo.get(response["Location"])
    assert detail.status_code == 200
    assert detail.context["schema_in_woorden"]


def test_inkomen_naar_eigen_rekening_met_uitzonderingen(fo, burger):
    eigen = burger.rekeningen.get()
    data = huur_post(
        afdeling(),
        richting="inkomsten",
        afdeling="",
        tegenrekening=eigen.pk,
        rubriek=rubriek("Loon"),
        betaalwijze="",
        omschrijving="Loon",
        uitzonderingen="01-05-2026\n2026-06-01\n\n",
        zoektermen="salaris\n  loon  \nsalaris",
    )
    assert fo.post(_nieuw(burger), data).status_code == 302
    afspraak = Afspraak.objects.get(burger=burger)
    assert afspraak.afdeling is None and afspraak.tegenrekening == eigen
    assert afspraak.uitzonderingen == ["2026-05-01", "2026-06-01"]
    assert afspraak.zoektermen == ["salaris", "loon"]
    assert afspraak.betaalwijze == ""


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("bedrag", "0", "groter zijn dan € 0,00"),
        ("bedrag", "-12,50", "groter zijn dan € 0,00"),
        ("bedrag", "abc", "Vul een bedrag in euro's in"),
        ("bedrag", "", "Vul het bedrag in"),
        ("omschrijving", "x" * 141, "hoogstens 140 tekens"),
        ("geldig_tot", "31-12-2025", "vóór de begindatum"),
        ("geldig_van", "31-02-2026", "dd-mm-jjjj"),
        ("rubriek", "Loon", "Kies een rubriek voor uitgaven"),
        ("betaalwijze", "", "overmaken of dat de partij incasseert"),
        ("uitzonderingen", "01-13-2026", "Regel 1 ('01-13-2026') is geen datum"),
        ("interval", "0", "Vul 1 of meer in"),
        ("dag_van_maand", "32", "van 1 tot en met 31"),
    ],
)
def test_ongeldige_invoer_geeft_veldfout_en_slaat_niets_op(
    fo, burger, partij, veld, waarde, melding
):
    if veld == "rubriek":
        waarde = rubriek(waarde)
    aantal_audit = AuditRegel.objects.count()
    response = fo.post(_nieuw(burger), huur_post(partij, **{veld: waarde}))
    fouten = _fouten(response)
    assert any(melding in f for f in fouten.get(veld, [])), fouten
    assert not Afspraak.objects.exists()
    assert AuditRegel.objects.count() == aantal_audit
    assert melding in response.content.decode().replace("&#x27;", "'")


def test_omschrijving_van_140_tekens_mag(fo, burger, partij):
    assert fo.post(_nieuw(burger), huur_post(partij, omschrijving="x" * 140)).status_code == 302


def test_inkomstenrubriek_en_betaalwijze_bij_inkomen(fo, burger, partij):
    data = huur_post(partij, richting="inkomsten", rubriek=rubriek("Huur"), betaalwijze="incasso")
    fouten = _fouten(fo.post(_nieuw(burger), data))
    assert any("Kies een rubriek voor inkomsten" in f for f in fouten["rubriek"])
    assert any("alleen bij uitgaven" in f for f in fouten["betaalwijze"])
    assert not Afspraak.objects.exists()


def test_rekening_moet_bij_afdeling_horen(fo, burger, partij):
    vreemd = RekeningFabriek()
    fouten = _fouten(fo.post(_nieuw(burger), huur_post(partij, tegenrekening=vreemd.pk)))
    assert any("hoort niet bij" in f for f in fouten["tegenrekening"])
    # the participant's own account is not one of the department's either
    eigen = burger.rekeningen.get()
    fouten = _fouten(fo.post(_nieuw(burger), huur_post(partij, tegenrekening=eigen.pk)))
    assert any("hoort niet bij" in f for f in fouten["tegenrekening"])
    assert not Afspraak.objects.exists()


def test_zonder_afdeling_moet_het_een_eigen_rekening_zijn(fo, burger, partij):
    fouten = _fouten(fo.post(_nieuw(burger), huur_post(partij, afdeling="")))
    assert any("geen rekening van de deelnemer" in f for f in fouten["tegenrekening"])
    assert not Afspraak.objects.exists()


@pytest.mark.parametrize(
    ("schema", "veld"),
    [
        (dict(frequentie="maandelijks", dag_van_maand=""), "dag_van_maand"),
        (dict(frequentie="wekelijks", weekdag="", dag_van_maand=""), "weekdag"),
        (dict(frequentie="jaarlijks", dag_van_maand="1", maand=""), "maand"),
    ],
)
def test_ongeldig_schema_geeft_fout_bij_het_juiste_veld(fo, burger, partij, schema, veld):
    fouten = _fouten(fo.post(_nieuw(burger), huur_post(partij, **schema)))
    assert veld in fouten, fouten
    assert not Afspraak.objects.exists()


def test_leefgeld_vooringevuld_uit_configuratie(fo, burger):
    instellingen = gemeente()
    instellingen.leefgeld_standaard_bedrag = 8525
    instellingen.leefgeld_standaard_weekdag = 3
    instellingen.save()
    response = fo.get(_nieuw(burger) + "?leefgeld=1")
    form = response.context["form"]
    assert form.initial["leefgeld"] is True
    assert form.initial["bedrag"] == 8525
    assert form.initial["weekdag"] == 3
    assert form.initial["rubriek"] == rubriek("Leefgeld")
    assert form.initial["tegenrekening"] == burger.rekeningen.get().pk
    assert "85,25" in response.content.decode()


def test_leefgeld_moet_naar_eigen_rekening_met_rubriek_leefgeld(fo, burger, partij):
    data = huur_post(partij, leefgeld="on")
    fouten = _fouten(fo.post(_nieuw(burger), data))
    assert any("eigen rekening" in f for f in fouten["afdeling"])
    assert any("rubriek Leefgeld" in f for f in fouten["rubriek"])
    assert not Afspraak.objects.exists()
    data = huur_post(
        partij,
        leefgeld="on",
        afdeling="",
        tegenrekening="",
        rubriek=rubriek("Leefgeld"),
        omschrijving="Leefgeld",
        frequentie="wekelijks",
        weekdag="0",
        dag_van_maand="",
    )
    assert fo.post(_nieuw(burger), data).status_code == 302  # the only own account is chosen
    afspraak = Afspraak.objects.get()
    assert afspraak.leefgeld and afspraak.tegenrekening == burger.rekeningen.get()


def test_formulier_heeft_fieldsets_en_htmx_voor_rekeningen(fo, burger, partij):
    html = fo.get(_nieuw(burger)).content.decode()
    for legend in ("Tegenpartij", "Bedrag en rubriek", "Geldigheid", "Betaalschema", "Herkenning"):
        assert f">{legend}</legend>" in html
    assert reverse("afspraken:rekeningkeuze", kwargs={"burger_pk": burger.pk}) in html
    fragment = fo.get(
        reverse("afspraken:rekeningkeuze", kwargs={"burger_pk": burger.pk}), {"afdeling": partij.pk}
    ).content.decode()
    assert partij.rekeningen.get().iban[:4] in fragment
    assert f"Rekeningen van {partij}" in fragment.replace("&ndash;", "–")
    assert 'id="hhb-tegenrekening"' in fragment


def test_rubrieken_alleen_van_de_gekozen_richting(fo, burger, partij):
    url = reverse("afspraken:rubriekkeuze", kwargs={"burger_pk": burger.pk})
    huur = str(Rubriek.objects.get(naam="Huur").pk)
    uitgaven = fo.get(url, {"richting": "uitgaven", "rubriek": huur}).content.decode()
    assert 'id="hhb-rubriek"' in uitgaven and "Rubrieken voor uitgaven" in uitgaven
    assert "Rubrieken voor inkomsten" not in uitgaven and ">Loon<" not in uitgaven
    assert f'value="{huur}" selected' in uitgaven  # the choice is kept when it fits
    inkomsten = fo.get(url, {"richting": "inkomsten", "rubriek": huur}).content.decode()
    assert ">Loon<" in inkomsten and ">Huur<" not in inkomsten
    # the page itself: no direction yet -> both groups, htmx wired on the direction
    html = fo.get(_nieuw(burger)).content.decode()
    assert "Rubrieken voor inkomsten" in html and "Rubrieken voor uitgaven" in html
    assert url in html
    # without JavaScript, a page shown again with a direction offers only its rubrieken
    data = huur_post(partij, tegenrekening="", _rekeningen_tonen="1")
    opnieuw = fo.post(_nieuw(burger), data).content.decode()
    assert "Rubrieken voor uitgaven" in opnieuw and "Rubrieken voor inkomsten" not in opnieuw


def test_zonder_javascript_rekeningen_tonen_slaat_niets_op(fo, burger, partij):
    data = huur_post(partij, tegenrekening="", _rekeningen_tonen="1")
    response = fo.post(_nieuw(burger), data)
    assert response.status_code == 200
    assert not response.context["form"].is_bound
    assert f'value="{partij.rekeningen.get().pk}"' in response.content.decode()
    assert not Afspraak.objects.exists()


def test_detail_toont_gegevens_en_verwachte_datums(fo):
    afspraak = AfspraakFabriek(
        dag_van_maand=15, geldig_van=dt.date(2020, 1, 1), zoektermen=["huur"]
    )
    response = fo.get(reverse("afspraken:detail", kwargs={"pk": afspraak.pk}))
    html = response.content.decode()
    datums = response.context["verwachte_datums"]
    assert len(datums) == 6
    assert all(d.day == 15 and d >= response.context["vandaag"] for d in datums)
    assert datums == sorted(datums)
    assert datums[0].strftime("%d-%m-%Y") in html
    assert "€\u00a0725,00" in html
    assert reverse("afspraken:wijzigen", kwargs={"pk": afspraak.pk}) in html
    assert reverse("afspraken:vervolg", kwargs={"pk": afspraak.pk}) in html


@pytest.mark.parametrize("rol", [Rol.BACKOFFICE, Rol.AUDITOR])
def test_lezers_zien_detail_zonder_knoppen(client_als, rol):
    afspraak = AfspraakFabriek()
    response = client_als(rol).get(reverse("afspraken:detail", kwargs={"pk": afspraak.pk}))
    assert response.status_code == 200
    assert (
        reverse("afspraken:wijzigen", kwargs={"pk": afspraak.pk}) not in response.content.decode()
    )


def test_tabel_linkt_naar_detail_met_status(fo):
    from django.template.loader import render_to_string

    afspraak = AfspraakFabriek(geldig_van=dt.date(2020, 1, 1), geldig_tot=dt.date(2020, 12, 31))
    html = render_to_string("afspraken/_tabel.html", {"afspraken": [afspraak]})
    assert reverse("afspraken:detail", kwargs={"pk": afspraak.pk}) in html
    assert "Beëindigd" in html
