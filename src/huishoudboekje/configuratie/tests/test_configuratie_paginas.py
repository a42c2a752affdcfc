"""Configuration screens: read by beheerder/teamleider/auditor, changed by beheerder only."""

import pytest
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.audit.models import AuditActie, AuditRegel
from huishoudboekje.configuratie.models import Gemeente, GemeenteRekening
from huishoudboekje.configuratie.selectors import gemeente
from huishoudboekje.fabrieken import BankafschriftFabriek

pytestmark = pytest.mark.django_db


def _instellingen(**extra):
    data = {
        "naam": "Gemeente Testdam",
        "standaard_buffergrens": "1.200,00",
        "alarm_marge_dagen": "5",
        "alarm_marge_bedrag": "7,50",
        "leefgeld_standaard_bedrag": "85,25",
        "leefgeld_standaard_frequentie": "maandelijks",
        "leefgeld_standaard_weekdag": "4",
        "minimale_looptijd_maanden": "12",
    }
    data.update(extra)
    return data


def _staat():
    return (
        list(Gemeente.objects.values()),
        list(GemeenteRekening.objects.values()),
        AuditRegel.objects.count(),
    )


@pytest.fixture
def beheerder(client_als):
    return client_als(Rol.BEHEERDER)


def test_overzicht_toont_instellingen_en_rekeningen(beheerder):
    GemeenteRekening.objects.create(
        iban="NL62BNGH0285128701", bic="BNGHNL2G", rekeninghouder="Gemeente inz. HHB"
    )
    html = beheerder.get(reverse("configuratie:overzicht")).content.decode()
    assert "€\u00a01.500,00" in html  # default buffer limit, from cents
    assert "NL62 BNGH 0285 1287 01" in html
    assert "Gemeente inz. HHB" in html
    assert reverse("configuratie:wijzigen") in html
    assert reverse("configuratie:rekening_nieuw") in html


@pytest.mark.parametrize("rol", [Rol.TEAMLEIDER, Rol.AUDITOR])
def test_lezers_zien_geen_wijzigknoppen(client_als, rol):
    response = client_als(rol).get(reverse("configuratie:overzicht"))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("configuratie:wijzigen") not in html
    assert reverse("configuratie:rekening_nieuw") not in html


@pytest.mark.parametrize("rol", [Rol.FRONTOFFICE, Rol.BACKOFFICE])
def test_zonder_leesrecht_geen_toegang(client_als, rol):
    assert client_als(rol).get(reverse("configuratie:overzicht")).status_code == 403


def test_instellingen_wijzigen_in_euros_opgeslagen_in_centen(beheerder):
    response = beheerder.post(reverse("configuratie:wijzigen"), _instellingen())
    assert response.status_code == 302
    g = gemeente()
    assert (g.naam, g.standaard_buffergrens, g.alarm_marge_bedrag, g.leefgeld_standaard_bedrag) == (
        "Gemeente Testdam",
        120000,
        750,
        8525,
    )
    assert (g.alarm_marge_dagen, g.leefgeld_standaard_frequentie, g.leefgeld_standaard_weekdag) == (
        5,
        "maandelijks",
        4,
    )
    regel = AuditRegel.objects.get(object_type="gemeente")
    assert regel.actie == AuditActie.GEWIJZIGD
    assert ("standaard_buffergrens", 150000, 120000) in regel.wijzigingen()


def test_formulier_toont_huidige_bedragen_in_euros(beheerder):
    html = beheerder.get(reverse("configuratie:wijzigen")).content.decode()
    assert 'value="1.500,00"' in html


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("standaard_buffergrens", "12,345", "hoogstens twee cijfers achter de komma"),
        ("alarm_marge_bedrag", "-5", "Het bedrag moet minimaal"),
        ("alarm_marge_dagen", "veel", "Voer een geheel getal in."),
        ("leefgeld_standaard_weekdag", "6", "Selecteer een geldige keuze"),
        ("naam", "", "Dit veld is vereist."),
    ],
)
def test_ongeldige_instelling_wijzigt_niets(beheerder, veld, waarde, melding):
    gemeente()
    voor = _staat()
    response = beheerder.post(reverse("configuratie:wijzigen"), _instellingen(**{veld: waarde}))
    assert response.status_code == 200
    assert melding in response.content.decode()
    assert _staat() == voor


def test_rekening_toevoegen_bic_afgeleid(beheerder):
    response = beheerder.post(
        reverse("configuratie:rekening_nieuw"),
        {
            "iban": "nl91 abna 0417 1643 00",
            "rekeninghouder": "Gemeente inz. HHB",
            "omschrijving": "Derdengelden",
        },
    )
    assert response.status_code == 302
    rekening = GemeenteRekening.objects.get()
    assert rekening.iban == "NL91ABNA0417164300"
    assert rekening.bic == "ABNANL2A"
    assert AuditRegel.objects.get(object_type="gemeenterekening").actie == AuditActie.AANGEMAAKT


def test_rekening_met_opgegeven_bic(beheerder):
    beheerder.post(
        reverse("configuratie:rekening_nieuw"),
        {"iban": "NL62BNGH0285128701", "bic": "bnghnl2g", "rekeninghouder": "Gemeente"},
    )
    assert GemeenteRekening.objects.get().bic == "BNGHNL2G"


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        ({"iban": "NL91ABNA0417164301", "rekeninghouder": "G"}, "het controlegetal is onjuist"),
        (
            {"iban": "NL91ABNA0417164300", "bic": "XYZ", "rekeninghouder": "G"},
            "Deze BIC klopt niet",
        ),
        ({"iban": "NL91ABNA0417164300", "rekeninghouder": ""}, "Dit veld is vereist."),
    ],
)
def test_ongeldige_rekening_wijzigt_niets(beheerder, data, melding):
    voor = _staat()
    response = beheerder.post(reverse("configuratie:rekening_nieuw"), data)
    assert response.status_code == 200
    assert melding in response.content.decode()
    assert _staat() == voor


def test_dubbel_iban_geweigerd(beheerder):
    GemeenteRekening.objects.create(iban="NL91ABNA0417164300", rekeninghouder="Bestaand")
    voor = _staat()
    response = beheerder.post(
        reverse("configuratie:rekening_nieuw"),
        {"iban": "NL91ABNA0417164300", "rekeninghouder": "Tweede"},
    )
    assert response.status_code == 200
    assert "bestaat al" in response.content.decode()
    assert _staat() == voor


def test_rekening_wijzigen(beheerder):
    rekening = GemeenteRekening.objects.create(
        iban="NL91ABNA0417164300", bic="ABNANL2A", rekeninghouder="Oud"
    )
    url = reverse("configuratie:rekening_wijzigen", kwargs={"pk": rekening.pk})
    assert "NL91 ABNA 0417 1643 00" in beheerder.get(url).content.decode()
    response = beheerder.post(
        url, {"iban": "NL91ABNA0417164300", "bic": "ABNANL2A", "rekeninghouder": "Nieuw"}
    )
    assert response.status_code == 302
    rekening.refresh_from_db()
    assert rekening.rekeninghouder == "Nieuw"
    regel = AuditRegel.objects.get(object_type="gemeenterekening")
    assert ("rekeninghouder", "Oud", "Nieuw") in regel.wijzigingen()


def test_rekening_verwijderen_na_bevestiging(beheerder):
    rekening = GemeenteRekening.objects.create(iban="NL91ABNA0417164300", rekeninghouder="Weg")
    url = reverse("configuratie:rekening_verwijderen", kwargs={"pk": rekening.pk})
    assert "Weet u zeker" in beheerder.get(url).content.decode()
    assert GemeenteRekening.objects.exists()
    assert beheerder.post(url).status_code == 302
    assert not GemeenteRekening.objects.exists()
    regel = AuditRegel.objects.get(object_type="gemeenterekening")
    assert regel.actie == AuditActie.VERWIJDERD and regel.voor["iban"] == "NL91ABNA0417164300"


def test_rekening_met_ingelezen_afschrift_wordt_niet_verwijderd(beheerder):
    afschrift = BankafschriftFabriek()
    rekening = afschrift.rekening
    url = reverse("configuratie:rekening_verwijderen", kwargs={"pk": rekening.pk})
    pagina = beheerder.get(url).content.decode()
    assert "1 bankafschrift van ingelezen" in pagina and "Weet u zeker" not in pagina
    response = beheerder.post(url)
    assert response.status_code == 409
    assert "kan niet worden verwijderd" in response.content.decode()
    assert GemeenteRekening.objects.filter(pk=rekening.pk).exists()
    assert not AuditRegel.objects.filter(actie=AuditActie.VERWIJDERD).exists()


@pytest.mark.parametrize("rol", [Rol.TEAMLEIDER, Rol.AUDITOR, Rol.FRONTOFFICE])
def test_lezers_kunnen_niets_wijzigen(client_als, rol):
    rekening = GemeenteRekening.objects.create(iban="NL91ABNA0417164300", rekeninghouder="Blijft")
    gemeente()
    voor = _staat()
    client = client_als(rol)
    assert client.post(reverse("configuratie:wijzigen"), _instellingen()).status_code == 403
    assert (
        client.post(
            reverse("configuratie:rekening_nieuw"),
            {"iban": "NL62BNGH0285128701", "rekeninghouder": "X"},
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("configuratie:rekening_wijzigen", kwargs={"pk": rekening.pk}),
            {"iban": "NL91ABNA0417164300", "rekeninghouder": "Anders"},
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("configuratie:rekening_verwijderen", kwargs={"pk": rekening.pk})
        ).status_code
        == 403
    )
    assert client.get(reverse("configuratie:wijzigen")).status_code == 403
    assert _staat() == voor


def test_rekening_zonder_saldi_instellen_is_zichtbaar_en_geaudit(beheerder):
    """Statements without balances are accepted only for an account explicitly set so;
    the setting is changed on the screen like any other and recorded in the audit trail."""
    rekening = GemeenteRekening.objects.create(
        iban="NL91ABNA0417164300", bic="ABNANL2A", rekeninghouder="Gemeente"
    )
    assert "Verplicht" in beheerder.get(reverse("configuratie:overzicht")).content.decode()
    url = reverse("configuratie:rekening_wijzigen", kwargs={"pk": rekening.pk})
    assert "De bank stuurt afschriften zonder saldi" in beheerder.get(url).content.decode()
    response = beheerder.post(
        url,
        {
            "iban": "NL91ABNA0417164300",
            "bic": "ABNANL2A",
            "rekeninghouder": "Gemeente",
            "zonder_saldi": "on",
        },
    )
    assert response.status_code == 302
    rekening.refresh_from_db()
    assert rekening.zonder_saldi
    regel = AuditRegel.objects.get(object_type="gemeenterekening")
    assert ("zonder_saldi", False, True) in regel.wijzigingen()
    overzicht = beheerder.get(reverse("configuratie:overzicht")).content.decode()
    assert "Zonder saldi: alleen aansluitingscontrole" in overzicht
    # unticked again: back to balances required
    beheerder.post(url, {"iban": "NL91ABNA0417164300", "rekeninghouder": "Gemeente"})
    rekening.refresh_from_db()
    assert not rekening.zonder_saldi
