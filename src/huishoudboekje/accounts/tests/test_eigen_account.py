"""Mijn account (own password, other sessions), sessions that end when the second factor
is wiped, and enrolling a second factor only after a fresh password entry."""

import time

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from huishoudboekje.accounts.herauthenticatie import SESSIE_BEVESTIGD, VERS_SECONDEN
from huishoudboekje.accounts.models import Medewerker
from huishoudboekje.accounts.roles import Rol
from huishoudboekje.accounts.services_beveiliging import medewerker_tweede_factor_resetten
from huishoudboekje.audit.models import AuditRegel

pytestmark = pytest.mark.django_db

WACHTWOORD = "Test-wachtwoord-2026!"  # conftest.maak_medewerker
NIEUW = "Drie-koeien-in-de-wei-2027"
MIJN = reverse("accounts:mijn_account")
TWEEDE = reverse("accounts:tweede_factor")


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _ingelogd_met_wachtwoord(gebruikersnaam: str, wachtwoord: str = WACHTWOORD) -> Client:
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": gebruikersnaam, "password": wachtwoord}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def _ingelogd(client: Client) -> bool:
    return client.get(MIJN).status_code == 200


def _wijzig(client: Client, oud: str, nieuw: str = NIEUW, herhaal: str | None = None):
    return client.post(
        MIJN,
        {
            "actie": "wachtwoord",
            "oud_wachtwoord": oud,
            "wachtwoord1": nieuw,
            "wachtwoord2": nieuw if herhaal is None else herhaal,
        },
    )


def _regels(medewerker: Medewerker) -> list[AuditRegel]:
    return list(
        AuditRegel.objects.filter(object_type="medewerker", object_id=str(medewerker.pk))
    )


@pytest.mark.parametrize("rol", list(Rol))
def test_mijn_account_voor_elke_rol(client_als, rol):
    html = client_als(rol).get(MIJN).content.decode()
    assert "Wachtwoord wijzigen" in html and "Uitloggen op andere apparaten" in html
    assert f'href="{MIJN}"' in html  # the name in the header links to it


def test_mijn_account_niet_zonder_inloggen():
    response = Client().get(MIJN)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login")


def test_wachtwoord_wijzigen_beeindigt_de_andere_sessies(maak_medewerker):
    femke = maak_medewerker(Rol.FRONTOFFICE, "femke")
    hier, daar = _ingelogd_met_wachtwoord("femke"), _ingelogd_met_wachtwoord("femke")
    response = _wijzig(hier, WACHTWOORD)
    assert response.status_code == 302
    femke.refresh_from_db()
    assert femke.check_password(NIEUW)
    assert _ingelogd(hier)  # this session stays
    assert not _ingelogd(daar)  # the other one has ended
    regel = _regels(femke)[0]
    assert regel.medewerker_naam == "femke"
    assert regel.na == {"wachtwoord": "nieuw wachtwoord", "andere_sessies": "beeindigd"}
    assert femke.password not in str(regel.voor) + str(regel.na)


def test_wachtwoord_wijzigen_met_verkeerd_oud_wachtwoord_telt_als_mislukte_inlog(
    maak_medewerker, settings
):
    settings.AXES_ENABLED = True
    femke = maak_medewerker(Rol.FRONTOFFICE, "femke")
    client = _ingelogd_met_wachtwoord("femke")
    response = _wijzig(client, "niet-mijn-wachtwoord")
    assert response.status_code == 200
    assert "Dit is niet uw huidige wachtwoord." in response.content.decode()
    femke.refresh_from_db()
    assert femke.check_password(WACHTWOORD)
    assert not _regels(femke)
    assert AccessAttempt.objects.filter(username="femke").exists()


@pytest.mark.parametrize("zwak", ["Welkom01!!!!!!", "kort-1A", "Femke2026!!!!!"])
def test_zwak_nieuw_wachtwoord_geweigerd(maak_medewerker, zwak):
    femke = maak_medewerker(Rol.FRONTOFFICE, "femke")
    client = _ingelogd_met_wachtwoord("femke")
    response = _wijzig(client, WACHTWOORD, zwak)
    assert response.status_code == 200
    assert "Controleer het formulier" in response.content.decode()
    femke.refresh_from_db()
    assert femke.check_password(WACHTWOORD)
    assert not _regels(femke)


def test_nieuwe_wachtwoorden_ongelijk(maak_medewerker):
    femke = maak_medewerker(Rol.FRONTOFFICE, "femke")
    response = _wijzig(_ingelogd_met_wachtwoord("femke"), WACHTWOORD, NIEUW, NIEUW + "x")
    assert "De twee wachtwoorden zijn niet gelijk." in response.content.decode()
    femke.refresh_from_db()
    assert femke.check_password(WACHTWOORD)


def test_uitloggen_op_andere_apparaten(maak_medewerker):
    femke = maak_medewerker(Rol.FRONTOFFICE, "femke")
    hier, daar = _ingelogd_met_wachtwoord("femke"), _ingelogd_met_wachtwoord("femke")
    assert hier.post(MIJN, {"actie": "andere_sessies"}).status_code == 302
    assert _ingelogd(hier) and not _ingelogd(daar)
    assert _regels(femke)[0].na == {"sessies": "beeindigd"}
    assert _ingelogd(_ingelogd_met_wachtwoord("femke"))  # logging in again works


def test_tweede_factor_wissen_beeindigt_de_sessies_van_die_medewerker(
    client_als, maak_medewerker
):
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    TOTPDevice.objects.create(user=anna, name="telefoon", confirmed=True)
    sessie_van_anna = _ingelogd_met_wachtwoord("anna")
    andere = _ingelogd_met_wachtwoord(maak_medewerker(Rol.AUDITOR, "otto").username)
    beheerder = client_als(Rol.BEHEERDER)
    response = beheerder.post(
        reverse("accounts:medewerker_wijzigen", kwargs={"pk": anna.pk}),
        {"actie": "tweede_factor_resetten"},
    )
    assert response.status_code == 302
    assert not _ingelogd(sessie_van_anna)
    assert "_auth_user_id" not in sessie_van_anna.session
    assert _ingelogd(andere) and _ingelogd(beheerder)
    regel = _regels(anna)[0]
    assert regel.medewerker_naam == "test-beheerder"
    assert regel.voor == {"tweede_factor_apparaten": 1, "sessies": "actief"}
    assert regel.na == {"tweede_factor_apparaten": 0, "sessies": "beeindigd"}


# --- enrolling a second factor needs a fresh password --------------------------------


@pytest.fixture
def met_tweede_factor(settings):
    settings.HHB_OTP_REQUIRED = True


def _code(apparaat: TOTPDevice) -> str:
    return f"{totp(apparaat.bin_key, step=apparaat.step, t0=apparaat.t0, digits=6):06d}"


def test_inschrijven_zonder_vers_wachtwoord_geweigerd(maak_medewerker, met_tweede_factor):
    """A session that is logged in but did not just enter the password (an old session,
    one taken over) gets no QR code and cannot confirm an authenticator."""
    bea = maak_medewerker(Rol.BEHEERDER, "bea")
    client = Client()
    client.force_login(bea)
    response = client.get(TWEEDE)
    html = response.content.decode()
    assert "data:image/svg+xml" not in html
    assert "Bevestig uw wachtwoord" in html
    assert not TOTPDevice.objects.filter(user=bea).exists()
    client.post(TWEEDE, {"code": "123456"})
    assert not TOTPDevice.objects.filter(user=bea, confirmed=True).exists()
    assert client.get(reverse("start:home"))["Location"] == TWEEDE


def test_inschrijven_na_verlopen_bevestiging_vraagt_het_wachtwoord_opnieuw(
    maak_medewerker, met_tweede_factor
):
    maak_medewerker(Rol.BEHEERDER, "bea")
    client = _ingelogd_met_wachtwoord("bea")
    assert "data:image/svg+xml" in client.get(TWEEDE).content.decode()  # fresh: the QR
    sessie = client.session
    sessie[SESSIE_BEVESTIGD] = int(time.time()) - VERS_SECONDEN - 1
    sessie.save()
    apparaat = TOTPDevice.objects.get(user__username="bea")
    response = client.post(TWEEDE, {"code": _code(apparaat)})
    assert "Bevestig uw wachtwoord" in response.content.decode()
    apparaat.refresh_from_db()
    assert not apparaat.confirmed


def test_wachtwoord_opnieuw_en_dan_inschrijven(maak_medewerker, met_tweede_factor, settings):
    settings.AXES_ENABLED = True
    bea = maak_medewerker(Rol.BEHEERDER, "bea")
    client = Client()
    client.force_login(bea)
    fout = client.post(TWEEDE, {"wachtwoord": "geraden-wachtwoord"})
    assert "Dit wachtwoord klopt niet." in fout.content.decode()
    assert AccessAttempt.objects.filter(username="bea").exists()
    assert client.post(TWEEDE, {"wachtwoord": WACHTWOORD}).status_code == 302
    assert "data:image/svg+xml" in client.get(TWEEDE).content.decode()
    apparaat = TOTPDevice.objects.get(user=bea)
    assert client.post(TWEEDE, {"code": _code(apparaat)}).status_code == 302
    apparaat.refresh_from_db()
    assert apparaat.confirmed
    assert client.get(reverse("accounts:medewerkers")).status_code == 200
    regel = _regels(bea)[0]
    assert (regel.voor, regel.na) == (
        {"tweede_factor_apparaten": 0},
        {"tweede_factor_apparaten": 1},
    )


def test_na_wissen_kan_de_oude_sessie_geen_eigen_app_koppelen(maak_medewerker, met_tweede_factor):
    """The takeover of issue 8: wipe the second factor, then use a session of the account
    to enrol one's own app. The session has ended; a new one needs the password."""
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    apparaat = TOTPDevice.objects.create(user=anna, name="telefoon", confirmed=True)
    sessie = _ingelogd_met_wachtwoord("anna")
    assert sessie.post(TWEEDE, {"code": _code(apparaat)}).status_code == 302
    assert _ingelogd(sessie)
    medewerker_tweede_factor_resetten(door=maak_medewerker(Rol.BEHEERDER), medewerker=anna)
    response = sessie.get(TWEEDE)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login")
    assert "_auth_user_id" not in sessie.session
    assert not TOTPDevice.objects.filter(user=anna).exists()
