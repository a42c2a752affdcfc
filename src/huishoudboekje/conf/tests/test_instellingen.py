"""Production defaults: outside demo mode the app refuses to start with the demo secret
key (or an empty or short one), and is secure by default (secure cookies, HSTS, https
redirect, the proxy header from the environment). Each settings variant is loaded in a
fresh process, exactly as `hhb` or gunicorn would load it."""

import json
import os
import subprocess
import sys

import pytest
from django.test import Client, override_settings

from huishoudboekje.conf.veiligheid import DEMO_SLEUTEL, reden_onveilige_sleutel

GOEDE_SLEUTEL = "p2Yk7Qm1Zr8Vb4Nc6Xd0Wf3Gh5Jl9Ks2Ta7Ue1Io4Py8Qs0Rw6"
INSTELLINGEN = [
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_PROXY_SSL_HEADER",
]
_LEES = (
    "import json, django; from django.conf import settings; django.setup(); "
    f"print(json.dumps({{n: getattr(settings, n) for n in {INSTELLINGEN!r}}}))"
)


def _start(**omgeving: str) -> subprocess.CompletedProcess[str]:
    """Load the production settings module in a fresh process with only `omgeving` set."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "HHB_DEMO", "DEBUG"} and not k.startswith(("SECURE_", "CSRF_"))
    }
    env.update(DJANGO_SETTINGS_MODULE="huishoudboekje.conf.settings", **omgeving)
    return subprocess.run(
        [sys.executable, "-c", _LEES], env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    "sleutel",
    ["", DEMO_SLEUTEL, "kort-maar-geheim", "django-insecure-" + "a1b2c3" * 10, "ab" * 40],
    ids=["leeg", "demo", "kort", "django-insecure", "weinig-tekens"],
)
def test_weigert_te_starten_met_een_onveilige_sleutel(sleutel):
    proces = _start(SECRET_KEY=sleutel) if sleutel else _start()
    assert proces.returncode != 0
    assert "ImproperlyConfigured" in proces.stderr
    assert "SECRET_KEY" in proces.stderr and "HHB_DEMO=true" in proces.stderr
    assert reden_onveilige_sleutel(sleutel) is not None


def test_start_met_een_eigen_sleutel_veilig_ingesteld():
    proces = _start(SECRET_KEY=GOEDE_SLEUTEL)
    assert proces.returncode == 0, proces.stderr
    waarden = json.loads(proces.stdout)
    assert waarden["SESSION_COOKIE_SECURE"] is True
    assert waarden["CSRF_COOKIE_SECURE"] is True
    assert waarden["SECURE_SSL_REDIRECT"] is True
    assert waarden["SECURE_HSTS_SECONDS"] >= 180 * 24 * 3600
    assert waarden["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert waarden["SECURE_PROXY_SSL_HEADER"] is None  # only when the operator says so


def test_proxykop_en_uitzonderingen_uit_de_omgeving():
    proces = _start(
        SECRET_KEY=GOEDE_SLEUTEL,
        SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https",
        SECURE_HSTS_SECONDS="600",
    )
    assert proces.returncode == 0, proces.stderr
    waarden = json.loads(proces.stdout)
    assert waarden["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert waarden["SECURE_HSTS_SECONDS"] == 600


def test_demo_start_met_de_demosleutel_over_http():
    """`make demo`: HHB_DEMO=true, DEBUG=false, plain http on 127.0.0.1:8000."""
    proces = _start(HHB_DEMO="true", DEBUG="false")
    assert proces.returncode == 0, proces.stderr
    waarden = json.loads(proces.stdout)
    assert waarden["SECURE_SSL_REDIRECT"] is False
    assert waarden["SESSION_COOKIE_SECURE"] is False
    assert waarden["SECURE_HSTS_SECONDS"] == 0


@pytest.mark.django_db
def test_hsts_en_veilige_cookies_in_antwoorden():
    client = Client()
    response = client.get("/accounts/login/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response.cookies["csrftoken"]["secure"] is True


@pytest.mark.django_db
def test_sessiecookie_alleen_over_https(maak_medewerker):
    medewerker = maak_medewerker("frontoffice", "veilig")
    medewerker.set_password("Een-lange-zin-als-wachtwoord-7")
    medewerker.save()
    response = Client().post(
        "/accounts/login/",
        {"username": "veilig", "password": "Een-lange-zin-als-wachtwoord-7"},
        secure=True,
    )
    assert response.status_code == 302
    assert response.cookies["sessionid"]["secure"] is True
    assert response.cookies["sessionid"]["httponly"] is True


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True)
def test_http_naar_https_behalve_de_gezondheidscontrole():
    client = Client()
    response = client.get("/accounts/login/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    assert client.get("/gezond").status_code == 200  # the load balancer checks over http


@pytest.mark.django_db
@override_settings(
    SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")
)
def test_achter_een_proxy_geen_omleiding():
    response = Client().get("/accounts/login/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
