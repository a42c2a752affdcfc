"""Single sign-on (OIDC) against a real identity provider over HTTP on 127.0.0.1: a
small one in this file that signs its id tokens with its own RSA key (RS256, JWKS).
The whole code flow runs: login button -> authorization request -> callback -> token
and userinfo requests -> signature, nonce, audience and issuer checks -> staff account
found by e-mail. A token for another application, from another issuer or with a wrong
signature logs nobody in; nor does an e-mail without an active account."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import Client
from django.urls import reverse

from huishoudboekje.accounts.models import Medewerker
from huishoudboekje.accounts.oidc import BACKEND, SESSIE_SSO
from huishoudboekje.accounts.roles import Rol
from huishoudboekje.accounts.services import medewerker_aanmaken

pytestmark = [pytest.mark.django_db, pytest.mark.urls("huishoudboekje.accounts.tests.urls_sso")]

CLIENT_ID = "huishoudboekje-test"
UITGEVER = "http://idp.gemeente.test"


@dataclass
class Idp:
    """What the identity provider will answer for the next login."""

    poort: int = 0
    sleutel: Any = field(default_factory=lambda: rsa.generate_private_key(65537, 2048))
    email: str = "femke.jansen@gemeente.test"
    nonce: str = ""
    aud: str = CLIENT_ID
    iss: str = UITGEVER
    andere_sleutel: bool = False
    tokenverzoeken: list[dict[str, list[str]]] = field(default_factory=list)

    @property
    def basis(self) -> str:
        return f"http://127.0.0.1:{self.poort}"

    def id_token(self) -> str:
        sleutel = rsa.generate_private_key(65537, 2048) if self.andere_sleutel else self.sleutel
        nu = int(time.time())
        claims = {
            "iss": self.iss, "sub": "f-123", "aud": self.aud, "iat": nu, "exp": nu + 300,
            "nonce": self.nonce, "email": self.email,
        }
        return jwt.encode(claims, sleutel, algorithm="RS256", headers={"kid": "k1"})

    def jwks(self) -> dict[str, Any]:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.sleutel.public_key()))
        return {"keys": [{**jwk, "kid": "k1", "alg": "RS256", "use": "sig"}]}


def _handler(idp: Idp) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _json(self, data: dict[str, Any]) -> None:
            inhoud = json.dumps(data).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(inhoud)))
            self.end_headers()
            self.wfile.write(inhoud)

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            lengte = int(self.headers.get("Content-Length", 0))
            idp.tokenverzoeken.append(parse_qs(self.rfile.read(lengte).decode()))
            self._json({"access_token": "at-1", "token_type": "Bearer", "id_token": idp.id_token()})

        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/jwks":
                self._json(idp.jwks())
            else:  # /userinfo
                self._json({"sub": "f-123", "email": idp.email})

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def idp(settings: Any) -> Iterator[Idp]:
    idp = Idp()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(idp))
    idp.poort = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = "geheim"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{idp.basis}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{idp.basis}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{idp.basis}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{idp.basis}/jwks"
    settings.OIDC_OP_ISSUER = UITGEVER
    settings.OIDC_NAAM = "Gemeente-account"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]
    yield idp
    server.shutdown()
    server.server_close()


def _sso(client: Client, idp: Idp) -> Any:
    """Click the button, 'log in' at the IdP, come back on the callback."""
    inlogpagina = client.get(reverse("accounts:login")).content.decode()
    assert "Inloggen met Gemeente-account" in inlogpagina
    naar_idp = client.get(reverse("oidc_authentication_init"))
    assert naar_idp.status_code == 302 and naar_idp["Location"].startswith(f"{idp.basis}/authorize")
    vraag = parse_qs(urlsplit(naar_idp["Location"]).query)
    assert vraag["client_id"] == [CLIENT_ID] and "openid" in vraag["scope"][0].split()
    idp.nonce = vraag["nonce"][0]
    return client.get(
        reverse("oidc_authentication_callback"), {"code": "code-1", "state": vraag["state"][0]}
    )


def _ingelogd_als(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def test_medewerker_logt_in_met_sso(idp: Idp, maak_medewerker: Any) -> None:
    femke = maak_medewerker(Rol.BACKOFFICE, "femke")
    femke.email = "Femke.Jansen@gemeente.test"  # matched without regard to case
    femke.save()
    client = Client()
    terug = _sso(client, idp)
    assert terug.status_code == 302 and terug["Location"] == reverse("start:home")
    assert _ingelogd_als(client) == str(femke.pk)
    assert client.session[SESSIE_SSO] is True
    [verzoek] = idp.tokenverzoeken
    assert verzoek["code"] == ["code-1"] and verzoek["grant_type"] == ["authorization_code"]
    assert client.get(reverse("bankafschriften:transacties")).status_code == 200


@pytest.mark.parametrize(
    ("wijziging", "waarde"),
    [
        ("aud", "een-andere-applicatie"),
        ("iss", "http://nep-idp.test"),
        ("andere_sleutel", True),
        ("email", "onbekend@gemeente.test"),
    ],
)
def test_sso_weigert_een_verkeerd_token_of_onbekend_account(
    idp: Idp, maak_medewerker: Any, wijziging: str, waarde: object
) -> None:
    femke = maak_medewerker(Rol.BACKOFFICE, "femke")
    femke.email = "femke.jansen@gemeente.test"
    femke.save()
    setattr(idp, wijziging, waarde)
    client = Client()
    terug = _sso(client, idp)
    assert terug.status_code == 302 and terug["Location"] == "/accounts/login/?sso=mislukt"
    assert _ingelogd_als(client) is None
    melding = client.get(terug["Location"]).content.decode()
    assert "Inloggen met single sign-on is niet gelukt" in melding


def test_uitgeschakeld_account_logt_niet_in_met_sso(idp: Idp, maak_medewerker: Any) -> None:
    femke = maak_medewerker(Rol.BACKOFFICE, "femke")
    femke.email, femke.is_active = "femke.jansen@gemeente.test", False
    femke.save()
    client = Client()
    _sso(client, idp)
    assert _ingelogd_als(client) is None


@pytest.mark.parametrize("idp_doet_mfa", [False, True])
def test_sso_telt_alleen_als_tweede_factor_wanneer_de_idp_mfa_afdwingt(
    idp: Idp, maak_medewerker: Any, settings: Any, idp_doet_mfa: bool
) -> None:
    settings.HHB_OTP_REQUIRED = True
    settings.OIDC_IDP_DOET_MFA = idp_doet_mfa
    femke = maak_medewerker(Rol.BACKOFFICE, "femke")
    femke.email = "femke.jansen@gemeente.test"
    femke.save()
    client = Client()
    _sso(client, idp)
    pagina = client.get(reverse("bankafschriften:transacties"))
    if idp_doet_mfa:
        assert pagina.status_code == 200
    else:
        assert pagina.status_code == 302
        assert pagina["Location"].startswith(reverse("accounts:tweede_factor"))
    # a password login never skips the second factor, whatever the IdP does
    wachtwoord = Client()
    wachtwoord.post(
        reverse("accounts:login"), {"username": "femke", "password": "Test-wachtwoord-2026!"}
    )
    assert wachtwoord.get(reverse("bankafschriften:transacties")).status_code == 302


def test_sso_sluit_de_activatie_af(idp: Idp, maak_medewerker: Any) -> None:
    """An account the beheerder created for SSO use: after the first SSO login its
    activation link no longer works (it would let the holder add a password)."""
    uitnodiging = medewerker_aanmaken(
        door=maak_medewerker(Rol.BEHEERDER),
        gegevens={"username": "femke", "email": "femke.jansen@gemeente.test", "rol": "beheerder"},
    )
    client = Client()
    _sso(client, idp)
    assert _ingelogd_als(client) == str(uitnodiging.medewerker.pk)
    femke = Medewerker.objects.get(username="femke")
    assert not femke.wacht_op_activatie and not femke.has_usable_password()
    link = reverse("accounts:activeren", kwargs={"sleutel": uitnodiging.sleutel})
    assert Client().get(link).status_code == 400
