"""Staff login: password, throttling (django-axes), TOTP second factor, logout.

These go through the real login view with a test client, not force_login.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from huishoudboekje.accounts.roles import Rol

WACHTWOORD = "Test-wachtwoord-2026!"  # the one conftest.maak_medewerker sets

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    """Many logins per test: a fast hasher (the policy is not about the hash here)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _inloggen(client: Client, gebruikersnaam: str, wachtwoord: str = WACHTWOORD):
    return client.post(
        reverse("accounts:login"), {"username": gebruikersnaam, "password": wachtwoord}
    )


def _ingelogd(client: Client) -> bool:
    return "_auth_user_id" in client.session


def _code(apparaat: TOTPDevice) -> str:
    token = totp(
        apparaat.bin_key,
        step=apparaat.step,
        t0=apparaat.t0,
        digits=apparaat.digits,
        drift=apparaat.drift,
    )
    return f"{token:0{apparaat.digits}d}"


def test_inlogpagina_is_open_en_in_het_nederlands():
    response = Client().get(reverse("accounts:login"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Inloggen" in html
    assert 'name="username"' in html and 'name="password"' in html


def test_pagina_zonder_inloggen_stuurt_naar_inlogpagina():
    response = Client().get(reverse("accounts:medewerkers"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_inloggen_met_juist_wachtwoord(maak_medewerker):
    maak_medewerker(Rol.FRONTOFFICE, "femke")
    client = Client()
    response = _inloggen(client, "femke")
    assert response.status_code == 302
    assert _ingelogd(client)


def test_verkeerd_wachtwoord_geeft_nederlandse_melding(maak_medewerker):
    maak_medewerker(Rol.FRONTOFFICE, "femke")
    client = Client()
    response = _inloggen(client, "femke", "fout-wachtwoord")
    assert response.status_code == 200
    assert "Gebruikersnaam of wachtwoord klopt niet." in response.content.decode()
    assert not _ingelogd(client)


def test_uitgeschakeld_account_kan_niet_inloggen(maak_medewerker):
    medewerker = maak_medewerker(Rol.FRONTOFFICE, "femke")
    medewerker.is_active = False
    medewerker.save()
    client = Client()
    response = _inloggen(client, "femke")
    assert response.status_code == 200
    assert not _ingelogd(client)


def test_na_vijf_fouten_geblokkeerd_ook_met_juist_wachtwoord(maak_medewerker, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    maak_medewerker(Rol.FRONTOFFICE, "femke")
    client = Client()
    for _ in range(5):
        _inloggen(client, "femke", "fout-wachtwoord")
    assert not _ingelogd(client)
    response = _inloggen(client, "femke")  # the 6th attempt, with the right password
    assert response.status_code in (403, 429)
    assert "Tijdelijk geblokkeerd" in response.content.decode()
    assert not _ingelogd(client)
    assert Client().get(reverse("accounts:medewerkers")).status_code == 302


def test_vier_fouten_blokkeren_nog_niet(maak_medewerker, settings):
    settings.AXES_ENABLED = True
    maak_medewerker(Rol.FRONTOFFICE, "femke")
    client = Client()
    for _ in range(4):
        _inloggen(client, "femke", "fout-wachtwoord")
    response = _inloggen(client, "femke")
    assert response.status_code == 302
    assert _ingelogd(client)


def test_uitloggen_alleen_met_post(client_als):
    client = client_als(Rol.FRONTOFFICE)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert _ingelogd(client)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert not _ingelogd(client)
    assert client.get(reverse("start:home"))["Location"].startswith(reverse("accounts:login"))


# --- second factor (TOTP) -----------------------------------------------------------


@pytest.fixture
def met_tweede_factor(settings):
    settings.HHB_OTP_REQUIRED = True


@pytest.fixture
def na_wachtwoord(maak_medewerker, met_tweede_factor) -> Client:
    """A client that passed the password step, not yet the second factor."""
    maak_medewerker(Rol.BEHEERDER, "bea")
    client = Client()
    assert _inloggen(client, "bea").status_code == 302
    assert _ingelogd(client)
    return client


@pytest.mark.parametrize(
    "naam", ["start:home", "accounts:medewerkers", "audit:lijst", "configuratie:overzicht"]
)
def test_zonder_tweede_factor_gaat_elke_pagina_naar_tweede_factor(na_wachtwoord, naam):
    response = na_wachtwoord.get(reverse(naam))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:tweede_factor")


def test_inschrijven_toont_qr_en_juiste_code_geeft_toegang(na_wachtwoord):
    response = na_wachtwoord.get(reverse("accounts:tweede_factor"))
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'<img src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+"', html)
    apparaat = TOTPDevice.objects.get(user__username="bea")
    assert not apparaat.confirmed

    response = na_wachtwoord.post(reverse("accounts:tweede_factor"), {"code": _code(apparaat)})
    assert response.status_code == 302
    apparaat.refresh_from_db()
    assert apparaat.confirmed
    assert na_wachtwoord.get(reverse("accounts:medewerkers")).status_code == 200


def test_verkeerde_code_wordt_geweigerd(na_wachtwoord):
    na_wachtwoord.get(reverse("accounts:tweede_factor"))
    apparaat = TOTPDevice.objects.get(user__username="bea")
    verkeerd = f"{(int(_code(apparaat)) + 1) % 1_000_000:06d}"
    response = na_wachtwoord.post(reverse("accounts:tweede_factor"), {"code": verkeerd})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    apparaat.refresh_from_db()
    assert not apparaat.confirmed
    assert na_wachtwoord.get(reverse("accounts:medewerkers"))["Location"] == reverse(
        "accounts:tweede_factor"
    )


def test_tweede_keer_inloggen_vraagt_code_zonder_qr(maak_medewerker, met_tweede_factor):
    medewerker = maak_medewerker(Rol.BEHEERDER, "bea")
    apparaat = TOTPDevice.objects.create(user=medewerker, name="app", confirmed=True)
    client = Client()
    _inloggen(client, "bea")
    response = client.get(reverse("accounts:tweede_factor"))
    assert "data:image/svg+xml" not in response.content.decode()
    assert (
        client.post(reverse("accounts:tweede_factor"), {"code": _code(apparaat)}).status_code == 302
    )
    assert client.get(reverse("accounts:medewerkers")).status_code == 200


def test_uitloggen_kan_ook_voor_de_tweede_factor(na_wachtwoord):
    response = na_wachtwoord.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert not _ingelogd(na_wachtwoord)


# --- password spraying: throttling per username across IP addresses ------------------


def _vanaf(ip: str) -> Client:
    return Client(REMOTE_ADDR=ip)


def test_vijf_fouten_vanaf_vijf_adressen_blokkeren_de_gebruikersnaam(maak_medewerker, settings):
    settings.AXES_ENABLED = True
    maak_medewerker(Rol.FRONTOFFICE, "femke")
    for i in range(5):
        _inloggen(_vanaf(f"198.51.100.{i + 1}"), "femke", "fout-wachtwoord")
    client = _vanaf("203.0.113.77")  # a sixth address, the right password
    response = _inloggen(client, "femke")
    assert response.status_code in (403, 429)
    assert "Tijdelijk geblokkeerd" in response.content.decode()
    assert not _ingelogd(client)


def test_vier_fouten_vanaf_vier_adressen_blokkeren_nog_niet(maak_medewerker, settings):
    settings.AXES_ENABLED = True
    maak_medewerker(Rol.FRONTOFFICE, "femke")
    for i in range(4):
        _inloggen(_vanaf(f"198.51.100.{i + 1}"), "femke", "fout-wachtwoord")
    client = _vanaf("203.0.113.77")
    assert _inloggen(client, "femke").status_code == 302
    assert _ingelogd(client)


def test_collegas_achter_een_adres_blokkeren_elkaar_niet_bij_een_paar_typefouten(
    maak_medewerker, settings
):
    """A town hall shares one public address: five colleagues who each mistype once do
    not lock the others out (the address alone has a higher limit)."""
    settings.AXES_ENABLED = True
    for i in range(6):
        maak_medewerker(Rol.FRONTOFFICE, f"collega{i}")
    for i in range(5):
        _inloggen(_vanaf("192.0.2.10"), f"collega{i}", "fout-wachtwoord")
    client = _vanaf("192.0.2.10")
    assert _inloggen(client, "collega5").status_code == 302
    assert _ingelogd(client)


def test_veel_gebruikersnamen_vanaf_een_adres_blokkeren_dat_adres(maak_medewerker, settings):
    settings.AXES_ENABLED = True
    settings.HHB_INLOG_LIMIET_IP = 20
    maak_medewerker(Rol.FRONTOFFICE, "femke")
    for i in range(20):
        _inloggen(_vanaf("192.0.2.99"), f"geraden{i}", "Welkom01!")
    client = _vanaf("192.0.2.99")
    response = _inloggen(client, "femke")
    assert response.status_code in (403, 429)
    assert not _ingelogd(client)
    ander = _vanaf("192.0.2.100")
    assert _inloggen(ander, "femke").status_code == 302
