"""Case roles (they see participants' data) only with a teamleider's approval, who is
neither the requester nor the account itself; every step audited."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from huishoudboekje.accounts.models import Medewerker, Rolverzoek, RolverzoekStatus
from huishoudboekje.accounts.roles import Rol
from huishoudboekje.accounts.services_rollen import ZAAKROLLEN, rolverzoek_indienen
from huishoudboekje.audit.models import AuditActie, AuditRegel

pytestmark = pytest.mark.django_db

LIJST = reverse("accounts:rolverzoeken")


def _wijzig_url(medewerker: Medewerker) -> str:
    return reverse("accounts:medewerker_wijzigen", kwargs={"pk": medewerker.pk})


def _opslaan(client: Client, medewerker: Medewerker, rol: str, **extra: str):
    data = {"actie": "opslaan", "rol": rol, "is_active": "on", **extra}
    return client.post(_wijzig_url(medewerker), data)


def _goedkeuren(client: Client, verzoek: Rolverzoek, toelichting: str = ""):
    url = reverse("accounts:rolverzoek_goedkeuren", kwargs={"pk": verzoek.pk})
    return client.post(url, {"toelichting": toelichting}, follow=True)


def _afwijzen(client: Client, verzoek: Rolverzoek, toelichting: str = ""):
    url = reverse("accounts:rolverzoek_afwijzen", kwargs={"pk": verzoek.pk})
    return client.post(url, {"toelichting": toelichting}, follow=True)


@pytest.fixture
def beheerder(maak_medewerker) -> Client:
    client = Client()
    client.force_login(maak_medewerker(Rol.BEHEERDER, "bea"))
    return client


@pytest.fixture
def teamleider(maak_medewerker) -> Client:
    client = Client()
    client.force_login(maak_medewerker(Rol.TEAMLEIDER, "tom"))
    return client


def test_zaakrollen_zijn_de_rollen_die_deelnemers_zien():
    assert {Rol.FRONTOFFICE, Rol.BACKOFFICE, Rol.TEAMLEIDER, Rol.AUDITOR} == ZAAKROLLEN


def test_beheerder_geeft_teamleider_rol_alleen_een_verzoek(beheerder, maak_medewerker):
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    response = _opslaan(beheerder, anna, "teamleider", last_name="Bakker")
    assert response.status_code == 302
    anna.refresh_from_db()
    assert anna.rol == "frontoffice"  # unchanged
    assert anna.last_name == "Bakker"  # the rest of the form is saved
    verzoek = Rolverzoek.objects.get(medewerker=anna)
    assert (verzoek.rol, verzoek.vorige_rol, verzoek.status) == (
        "teamleider",
        "frontoffice",
        "open",
    )
    assert verzoek.aangevraagd_door.username == "bea"
    regel = AuditRegel.objects.get(object_type="rolverzoek", object_id=str(verzoek.pk))
    assert regel.actie == AuditActie.AANGEMAAKT and regel.medewerker_naam == "bea"
    html = beheerder.get(_wijzig_url(anna)).content.decode()
    assert "Aangevraagde rol: Teamleider" in html


@pytest.mark.parametrize("rol", ["auditor", "backoffice"])
def test_nieuwe_medewerker_met_zaakrol_begint_zonder_rol(beheerder, rol):
    response = beheerder.post(
        reverse("accounts:medewerker_nieuw"), {"username": "kees", "rol": rol}, follow=True
    )
    kees = Medewerker.objects.get(username="kees")
    assert kees.rol == ""
    assert Rolverzoek.objects.get(medewerker=kees).rol == rol
    assert "wacht op goedkeuring van een teamleider" in response.content.decode()


def test_rol_zonder_inzage_in_deelnemers_direct(beheerder, maak_medewerker):
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    _opslaan(beheerder, anna, "teamleider")
    _opslaan(beheerder, anna, "")  # taking access away: at once, withdraws the request
    anna.refresh_from_db()
    assert anna.rol == ""
    assert Rolverzoek.objects.get(medewerker=anna).status == RolverzoekStatus.INGETROKKEN
    _opslaan(beheerder, anna, "beheerder")
    anna.refresh_from_db()
    assert anna.rol == "beheerder"


def test_beheerder_kan_zichzelf_geen_zaakrol_geven(beheerder):
    bea = Medewerker.objects.get(username="bea")
    response = _opslaan(beheerder, bea, "teamleider")
    assert response.status_code == 200
    bea.refresh_from_db()
    assert bea.rol == "beheerder"
    assert not Rolverzoek.objects.exists()


def test_teamleider_keurt_goed_en_de_rol_verandert(beheerder, teamleider, maak_medewerker):
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    _opslaan(beheerder, anna, "teamleider")
    verzoek = Rolverzoek.objects.get()
    html = teamleider.get(LIJST).content.decode()
    assert "anna" in html and "Goedkeuren" in html
    response = _goedkeuren(teamleider, verzoek, "Afgestemd met de afdeling")
    assert "anna heeft nu de rol Teamleider." in response.content.decode()
    anna.refresh_from_db()
    assert anna.rol == "teamleider"
    verzoek.refresh_from_db()
    assert verzoek.status == RolverzoekStatus.GOEDGEKEURD
    assert verzoek.beoordeeld_door.username == "tom"
    assert verzoek.toelichting == "Afgestemd met de afdeling"
    rolregel = AuditRegel.objects.get(object_type="medewerker", medewerker_naam="tom")
    assert ("rol", "frontoffice", "teamleider") in rolregel.wijzigingen()
    verzoekregel = AuditRegel.objects.get(
        object_type="rolverzoek", object_id=str(verzoek.pk), actie=AuditActie.GEWIJZIGD
    )
    assert ("status", "open", "goedgekeurd") in verzoekregel.wijzigingen()


def test_teamleider_wijst_af_en_de_rol_blijft(beheerder, teamleider, maak_medewerker):
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    _opslaan(beheerder, anna, "auditor")
    verzoek = Rolverzoek.objects.get()
    response = _afwijzen(teamleider, verzoek, "Niet nodig voor haar werk")
    assert "is afgewezen" in response.content.decode()
    anna.refresh_from_db()
    assert anna.rol == "frontoffice"
    verzoek.refresh_from_db()
    assert verzoek.status == RolverzoekStatus.AFGEWEZEN
    regel = AuditRegel.objects.get(object_type="rolverzoek", actie=AuditActie.GEWIJZIGD)
    assert regel.medewerker_naam == "tom"
    assert ("status", "open", "afgewezen") in regel.wijzigingen()
    assert "Niet nodig voor haar werk" in teamleider.get(LIJST).content.decode()


def test_niet_over_eigen_verzoek_of_eigen_account_beslissen(maak_medewerker, teamleider):
    tom = Medewerker.objects.get(username="tom")
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    # tom filed this one himself (say he was beheerder when he did), and one is about tom
    eigen = rolverzoek_indienen(door=tom, medewerker=anna, rol="backoffice")
    bea = maak_medewerker(Rol.BEHEERDER, "bea")
    over_tom = rolverzoek_indienen(door=bea, medewerker=tom, rol="auditor")
    html = teamleider.get(LIJST).content.decode()
    assert "een andere teamleider beoordeelt het" in html
    for verzoek in (eigen, over_tom):
        response = _goedkeuren(teamleider, verzoek)
        assert "U kunt niet beslissen over een verzoek" in response.content.decode()
        verzoek.refresh_from_db()
        assert verzoek.status == RolverzoekStatus.OPEN
    anna.refresh_from_db()
    tom.refresh_from_db()
    assert (anna.rol, tom.rol) == ("frontoffice", "teamleider")
    andere = Client()
    andere.force_login(maak_medewerker(Rol.TEAMLEIDER, "tineke"))
    _goedkeuren(andere, eigen)
    anna.refresh_from_db()
    assert anna.rol == "backoffice"


def test_vier_ogen_ook_in_de_database(maak_medewerker):
    bea = maak_medewerker(Rol.BEHEERDER, "bea")
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    verzoek = rolverzoek_indienen(door=bea, medewerker=anna, rol="teamleider")
    for wie in (bea, anna):
        with pytest.raises(IntegrityError), transaction.atomic():
            Rolverzoek.objects.filter(pk=verzoek.pk).update(
                status="goedgekeurd", beoordeeld_door=wie, beoordeeld_op=timezone.now()
            )


def test_een_verzoek_wordt_een_keer_afgehandeld(beheerder, teamleider, maak_medewerker):
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    _opslaan(beheerder, anna, "backoffice")
    verzoek = Rolverzoek.objects.get()
    _afwijzen(teamleider, verzoek)
    response = _goedkeuren(teamleider, verzoek)
    assert "Dit verzoek is al afgehandeld." in response.content.decode()
    anna.refresh_from_db()
    assert anna.rol == "frontoffice"


@pytest.mark.parametrize("rol", [Rol.BEHEERDER, Rol.FRONTOFFICE, Rol.BACKOFFICE, Rol.AUDITOR])
def test_alleen_een_teamleider_beoordeelt(client_als, maak_medewerker, rol):
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    verzoek = rolverzoek_indienen(
        door=maak_medewerker(Rol.BEHEERDER, "bea"), medewerker=anna, rol="teamleider"
    )
    client = client_als(rol)
    assert client.get(LIJST).status_code == 403
    url = reverse("accounts:rolverzoek_goedkeuren", kwargs={"pk": verzoek.pk})
    assert client.post(url).status_code == 403
    anna.refresh_from_db()
    assert anna.rol == "frontoffice"


def test_beheerder_trekt_verzoek_in(beheerder, maak_medewerker):
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    _opslaan(beheerder, anna, "teamleider")
    beheerder.post(_wijzig_url(anna), {"actie": "rolverzoek_intrekken"})
    verzoek = Rolverzoek.objects.get()
    assert verzoek.status == RolverzoekStatus.INGETROKKEN
    assert verzoek.beoordeeld_door.username == "bea"


def test_nieuw_verzoek_vervangt_het_open_verzoek(beheerder, maak_medewerker):
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    _opslaan(beheerder, anna, "teamleider")
    _opslaan(beheerder, anna, "teamleider")  # the same again: nothing new
    assert Rolverzoek.objects.count() == 1
    _opslaan(beheerder, anna, "auditor")
    statussen = dict(Rolverzoek.objects.values_list("rol", "status"))
    assert statussen == {"teamleider": "ingetrokken", "auditor": "open"}


def test_lijst_van_medewerkers_en_mijn_account_tonen_de_aangevraagde_rol(
    beheerder, maak_medewerker
):
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    _opslaan(beheerder, anna, "teamleider")
    html = beheerder.get(reverse("accounts:medewerkers")).content.decode()
    assert "aangevraagd: Teamleider" in html
    eigen = Client()
    eigen.force_login(anna)
    assert "aangevraagd: Teamleider" in eigen.get(reverse("accounts:mijn_account")).content.decode()


@pytest.mark.parametrize("rol", list(Rol))
def test_rolverzoeken_in_het_menu_alleen_voor_de_teamleider(client_als, rol):
    html = client_als(rol).get(reverse("start:home")).content.decode()
    assert (f'href="{LIJST}"' in html) == (rol == Rol.TEAMLEIDER)


def test_opdrachtregel_voor_de_eerste_teamleider(maak_medewerker):
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    with pytest.raises(CommandError):
        call_command("rol-toekennen", "anna", "teamleider", "--reden", " ")
    uit = StringIO()
    call_command("rol-toekennen", "anna", "teamleider", "--reden", "eerste teamleider", stdout=uit)
    anna.refresh_from_db()
    assert anna.rol == "teamleider"
    regel = AuditRegel.objects.get(object_type="medewerker", object_id=str(anna.pk))
    assert regel.medewerker_naam == "systeem"
    assert regel.na["via"] == "opdrachtregel: eerste teamleider"
    assert ("rol", "frontoffice", "teamleider") in regel.wijzigingen()
