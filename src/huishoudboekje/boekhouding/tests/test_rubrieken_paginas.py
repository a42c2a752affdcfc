"""Rubrieken screens: everyone on staff reads, the functional administrator changes."""

import pytest
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.audit.models import AuditActie, AuditRegel
from huishoudboekje.boekhouding.models import Grootboekrekening, Rubriek
from huishoudboekje.fabrieken import AfspraakFabriek

pytestmark = pytest.mark.django_db


def _staat():
    return (list(Rubriek.objects.order_by("pk").values()), AuditRegel.objects.count())


def _gb(code: str) -> int:
    return Grootboekrekening.objects.get(referentiecode=code).pk


@pytest.fixture
def beheerder(client_als):
    return client_als(Rol.BEHEERDER)


@pytest.mark.parametrize("rol", list(Rol))
def test_iedereen_leest_rubrieken_met_grootboekrekening(client_als, rol):
    response = client_als(rol).get(reverse("boekhouding:rubrieken"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Huur" in html and "WBedHuiHur" in html and "Huur woning" in html
    assert "Inkomsten" in html and "Uitgaven" in html
    knop = reverse("boekhouding:rubriek_nieuw") in html
    assert knop == (rol == Rol.BEHEERDER)


def test_grootboekrekeningen_alleen_lezen(client_als):
    client = client_als(Rol.FRONTOFFICE)
    response = client.get(reverse("boekhouding:grootboekrekeningen"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "WOvbInkLoo" in html and "8101010" in html and "Inkomsten uit loon" in html
    assert client.post(reverse("boekhouding:grootboekrekeningen")).status_code == 405


def test_rubriek_aanmaken(beheerder):
    response = beheerder.post(
        reverse("boekhouding:rubriek_nieuw"),
        {"naam": "Vakantiegeld", "grootboekrekening": _gb("WOvbInkLoo")},
    )
    assert response.status_code == 302
    rubriek = Rubriek.objects.get(naam="Vakantiegeld")
    assert rubriek.soort == "inkomsten"
    regel = AuditRegel.objects.get(object_type="rubriek")
    assert regel.actie == AuditActie.AANGEMAAKT and regel.na["naam"] == "Vakantiegeld"


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        ({"naam": "Huur", "grootboekrekening": "WBedHuiHur"}, "bestaat al"),
        ({"naam": "", "grootboekrekening": "WBedHuiHur"}, "Dit veld is vereist."),
        ({"naam": "Iets", "grootboekrekening": ""}, "Dit veld is vereist."),
        ({"naam": "Iets", "grootboekrekening": "999999"}, "Selecteer een geldige keuze"),
    ],
)
def test_ongeldige_rubriek_wijzigt_niets(beheerder, data, melding):
    if data["grootboekrekening"] == "WBedHuiHur":
        data = {**data, "grootboekrekening": _gb("WBedHuiHur")}
    voor = _staat()
    response = beheerder.post(reverse("boekhouding:rubriek_nieuw"), data)
    assert response.status_code == 200
    assert melding in response.content.decode()
    assert _staat() == voor


def test_rubriek_wijzigen(beheerder):
    rubriek = Rubriek.objects.get(naam="Telefoon")
    url = reverse("boekhouding:rubriek_wijzigen", kwargs={"pk": rubriek.pk})
    assert 'value="Telefoon"' in beheerder.get(url).content.decode()
    response = beheerder.post(
        url, {"naam": "Mobiele telefoon", "grootboekrekening": _gb("WBedComTel")}
    )
    assert response.status_code == 302
    rubriek.refresh_from_db()
    assert rubriek.naam == "Mobiele telefoon"
    regel = AuditRegel.objects.get(object_type="rubriek")
    assert ("naam", "Telefoon", "Mobiele telefoon") in regel.wijzigingen()


def test_soort_van_gebruikte_rubriek_niet_te_wisselen(beheerder):
    AfspraakFabriek()  # uses "Huur" (uitgaven)
    rubriek = Rubriek.objects.get(naam="Huur")
    voor = _staat()
    response = beheerder.post(
        reverse("boekhouding:rubriek_wijzigen", kwargs={"pk": rubriek.pk}),
        {"naam": "Huur", "grootboekrekening": _gb("WOvbInkLoo")},
    )
    assert response.status_code == 200
    assert "wordt gebruikt door 1 afspraak" in response.content.decode()
    assert _staat() == voor


def test_gebruikte_rubriek_andere_rekening_zelfde_soort_mag(beheerder):
    AfspraakFabriek()
    rubriek = Rubriek.objects.get(naam="Huur")
    response = beheerder.post(
        reverse("boekhouding:rubriek_wijzigen", kwargs={"pk": rubriek.pk}),
        {"naam": "Huur", "grootboekrekening": _gb("WBedOvrUit")},
    )
    assert response.status_code == 302
    rubriek.refresh_from_db()
    assert rubriek.grootboekrekening.referentiecode == "WBedOvrUit"


def test_ongebruikte_rubriek_verwijderen(beheerder):
    rubriek = Rubriek.objects.get(naam="Bankkosten")
    url = reverse("boekhouding:rubriek_verwijderen", kwargs={"pk": rubriek.pk})
    assert "Weet u zeker" in beheerder.get(url).content.decode()
    assert beheerder.post(url).status_code == 302
    assert not Rubriek.objects.filter(naam="Bankkosten").exists()
    regel = AuditRegel.objects.get(object_type="rubriek")
    assert regel.actie == AuditActie.VERWIJDERD and regel.voor["naam"] == "Bankkosten"


def test_gebruikte_rubriek_verwijderen_geweigerd_met_reden(beheerder):
    AfspraakFabriek()
    AfspraakFabriek()
    rubriek = Rubriek.objects.get(naam="Huur")
    url = reverse("boekhouding:rubriek_verwijderen", kwargs={"pk": rubriek.pk})
    assert "er zijn nog 2 afspraken met deze rubriek" in beheerder.get(url).content.decode()
    voor = _staat()
    response = beheerder.post(url, follow=True)
    assert "Rubriek Huur kan niet worden verwijderd: er zijn nog 2 afspraken met deze rubriek." in (
        response.content.decode()
    )
    assert _staat() == voor


@pytest.mark.parametrize("rol", [Rol.FRONTOFFICE, Rol.BACKOFFICE, Rol.TEAMLEIDER, Rol.AUDITOR])
def test_andere_rollen_kunnen_niets_wijzigen(client_als, rol):
    client = client_als(rol)
    rubriek = Rubriek.objects.get(naam="Bankkosten")
    voor = _staat()
    assert (
        client.post(
            reverse("boekhouding:rubriek_nieuw"),
            {"naam": "X", "grootboekrekening": _gb("WBedOvrUit")},
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("boekhouding:rubriek_wijzigen", kwargs={"pk": rubriek.pk}),
            {"naam": "Y", "grootboekrekening": _gb("WBedOvrUit")},
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("boekhouding:rubriek_verwijderen", kwargs={"pk": rubriek.pk})
        ).status_code
        == 403
    )
    assert _staat() == voor
