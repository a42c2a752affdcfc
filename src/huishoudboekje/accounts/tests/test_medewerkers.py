"""Staff management by the functional administrator."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from huishoudboekje.accounts.models import Medewerker
from huishoudboekje.accounts.roles import Rol
from huishoudboekje.audit.models import AuditActie, AuditRegel

pytestmark = pytest.mark.django_db


def _nieuw(**extra):
    data = {
        "username": "kees",
        "first_name": "Kees",
        "last_name": "de Vries",
        "email": "kees@example.nl",
        "rol": Rol.BACKOFFICE.value,
    }
    data.update(extra)
    return data


@pytest.fixture
def beheerder(client_als) -> Client:
    return client_als(Rol.BEHEERDER)


def test_lijst_toont_medewerkers_met_rol(beheerder, maak_medewerker):
    maak_medewerker(Rol.AUDITOR, "anna")
    response = beheerder.get(reverse("accounts:medewerkers"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "anna" in html and "Auditor" in html
    assert reverse("accounts:medewerker_nieuw") in html


@pytest.mark.parametrize("rol", [Rol.FRONTOFFICE, Rol.BACKOFFICE, Rol.TEAMLEIDER, Rol.AUDITOR])
def test_lijst_alleen_voor_beheerder(client_als, rol):
    assert client_als(rol).get(reverse("accounts:medewerkers")).status_code == 403


def test_medewerker_aanmaken(beheerder):
    response = beheerder.post(reverse("accounts:medewerker_nieuw"), _nieuw())
    assert response.status_code == 200  # the page with the activation link
    kees = Medewerker.objects.get(username="kees")
    assert kees.is_active and kees.email == "kees@example.nl"
    assert kees.rol == ""  # backoffice is requested: a teamleider approves (test_rolverzoeken)
    assert kees.rolverzoeken.get().rol == "backoffice"
    assert kees.wacht_op_activatie
    regel = AuditRegel.objects.filter(object_type="medewerker", object_id=str(kees.pk)).first()
    assert regel.actie == AuditActie.GEWIJZIGD and "activatielink" in regel.na  # the link
    assert AuditRegel.objects.filter(object_type="rolverzoek").exists()
    regel = AuditRegel.objects.get(
        object_type="medewerker", object_id=str(kees.pk), actie=AuditActie.AANGEMAAKT
    )
    assert regel.medewerker_naam == "test-beheerder"
    assert regel.na["rol"] == ""
    assert "password" not in regel.na and "sessiesleutel" not in regel.na
    assert kees.password not in str(regel.na)


def test_gebruikersnaam_bestaat_al(beheerder, maak_medewerker):
    maak_medewerker(Rol.AUDITOR, "kees")
    response = beheerder.post(reverse("accounts:medewerker_nieuw"), _nieuw())
    assert response.status_code == 200
    assert "bestaat al" in response.content.decode()
    assert Medewerker.objects.get(username="kees").rol == "auditor"


def test_onbekende_rol_geweigerd(beheerder):
    response = beheerder.post(reverse("accounts:medewerker_nieuw"), _nieuw(rol="superuser"))
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Medewerker.objects.filter(username="kees").exists()


def test_rol_wijzigen_met_audit_zonder_wachtwoord(beheerder, maak_medewerker):
    """A role without participants' data (here: beheerder) is set at once; case roles are
    requested (test_rolverzoeken)."""
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    response = beheerder.post(
        reverse("accounts:medewerker_wijzigen", kwargs={"pk": anna.pk}),
        {
            "actie": "opslaan",
            "first_name": "Anna",
            "last_name": "Bakker",
            "email": "",
            "rol": "beheerder",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    anna.refresh_from_db()
    assert anna.rol == "beheerder" and anna.last_name == "Bakker"
    regel = AuditRegel.objects.get(object_type="medewerker", actie=AuditActie.GEWIJZIGD)
    assert ("rol", "frontoffice", "beheerder") in regel.wijzigingen()
    assert "password" not in regel.voor and "password" not in regel.na


def test_wijzigen_formulier_toont_huidige_gegevens(beheerder, maak_medewerker):
    anna = maak_medewerker(Rol.AUDITOR, "anna")
    html = beheerder.get(
        reverse("accounts:medewerker_wijzigen", kwargs={"pk": anna.pk})
    ).content.decode()
    assert 'value="auditor" selected' in html
    assert "Tweede factor wissen" in html and "Account uitschakelen" in html


def test_uitschakelen_via_formulier_en_knop(beheerder, maak_medewerker):
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    response = beheerder.post(
        reverse("accounts:medewerker_wijzigen", kwargs={"pk": anna.pk}), {"actie": "deactiveren"}
    )
    assert response.status_code == 302
    anna.refresh_from_db()
    assert anna.is_active is False
    assert Medewerker.objects.filter(pk=anna.pk).exists()  # never deleted
    regel = AuditRegel.objects.get(object_type="medewerker", actie=AuditActie.GEWIJZIGD)
    assert ("is_active", True, False) in regel.wijzigingen()
    client = Client()
    client.post(
        reverse("accounts:login"), {"username": "anna", "password": "Test-wachtwoord-2026!"}
    )
    assert "_auth_user_id" not in client.session


def test_uitgeschakelde_medewerker_verliest_lopende_sessie(beheerder, client_als):
    anna_client = client_als(Rol.FRONTOFFICE)
    anna = Medewerker.objects.get(username="test-frontoffice")
    beheerder.post(
        reverse("accounts:medewerker_wijzigen", kwargs={"pk": anna.pk}), {"actie": "deactiveren"}
    )
    assert anna_client.get(reverse("start:home")).status_code == 302


def test_eigen_account_uitschakelen_geweigerd(beheerder):
    zelf = Medewerker.objects.get(username="test-beheerder")
    response = beheerder.post(
        reverse("accounts:medewerker_wijzigen", kwargs={"pk": zelf.pk}),
        {"actie": "deactiveren"},
        follow=True,
    )
    assert "U kunt uw eigen account niet uitschakelen." in response.content.decode()
    zelf.refresh_from_db()
    assert zelf.is_active
    assert not AuditRegel.objects.exists()


def test_eigen_beheerrol_afnemen_geweigerd(beheerder):
    zelf = Medewerker.objects.get(username="test-beheerder")
    response = beheerder.post(
        reverse("accounts:medewerker_wijzigen", kwargs={"pk": zelf.pk}),
        {"actie": "opslaan", "rol": "auditor", "is_active": "on"},
    )
    assert response.status_code == 200
    assert (
        "U kunt uw eigen rol van functioneel beheerder niet afnemen." in response.content.decode()
    )
    zelf.refresh_from_db()
    assert zelf.rol == "beheerder"


def test_tweede_factor_resetten(beheerder, maak_medewerker):
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    TOTPDevice.objects.create(user=anna, name="telefoon", confirmed=True)
    andere = maak_medewerker(Rol.AUDITOR, "otto")
    TOTPDevice.objects.create(user=andere, name="telefoon", confirmed=True)
    response = beheerder.post(
        reverse("accounts:medewerker_wijzigen", kwargs={"pk": anna.pk}),
        {"actie": "tweede_factor_resetten"},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=anna).exists()
    assert TOTPDevice.objects.filter(user=andere).count() == 1
    regel = AuditRegel.objects.get(object_type="medewerker", object_id=str(anna.pk))
    assert regel.voor == {"tweede_factor_apparaten": 1, "sessies": "actief"}
    assert regel.na == {"tweede_factor_apparaten": 0, "sessies": "beeindigd"}


def test_ongeldig_emailadres_bij_wijzigen(beheerder, maak_medewerker):
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    response = beheerder.post(
        reverse("accounts:medewerker_wijzigen", kwargs={"pk": anna.pk}),
        {"actie": "opslaan", "email": "geen-adres", "rol": "frontoffice", "is_active": "on"},
    )
    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in." in response.content.decode()
    anna.refresh_from_db()
    assert anna.email == ""
    assert not AuditRegel.objects.exists()


@pytest.mark.parametrize("rol", [Rol.FRONTOFFICE, Rol.TEAMLEIDER, Rol.AUDITOR])
def test_andere_rollen_kunnen_niets_wijzigen(client_als, maak_medewerker, rol):
    anna = maak_medewerker(Rol.BACKOFFICE, "anna")
    TOTPDevice.objects.create(user=anna, name="telefoon", confirmed=True)
    client = client_als(rol)
    url = reverse("accounts:medewerker_wijzigen", kwargs={"pk": anna.pk})
    for data in (
        {"actie": "deactiveren"},
        {"actie": "tweede_factor_resetten"},
        {"actie": "opslaan", "rol": "beheerder", "is_active": "on"},
    ):
        assert client.post(url, data).status_code == 403
    assert client.post(reverse("accounts:medewerker_nieuw"), _nieuw()).status_code == 403
    anna.refresh_from_db()
    assert anna.is_active and anna.rol == "backoffice"
    assert TOTPDevice.objects.filter(user=anna).count() == 1
    assert not Medewerker.objects.filter(username="kees").exists()
    assert not AuditRegel.objects.exists()


def test_demo_gebruikers_alleen_in_demo_modus(settings):
    """It sets passwords and roles directly (no activation, no approval): demo only."""
    settings.HHB_DEMO = False
    with pytest.raises(CommandError):
        call_command("demo-gebruikers", stdout=StringIO())
    assert not Medewerker.objects.exists()
    settings.HHB_DEMO = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("demo-gebruikers", stdout=StringIO())
    gemaakt = {(m.username, m.rol) for m in Medewerker.objects.all()}
    assert gemaakt == {(r.value, r.value) for r in Rol}
    assert Medewerker.objects.get(username="teamleider").check_password("demo-wachtwoord-2026")
