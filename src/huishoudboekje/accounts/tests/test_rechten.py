"""The role policy as written down: docs/rollen.md's table equals RECHTEN, every right
is explained, and a refusal is a styled 403 page (Dutch and English) that says which
role the page needs and which role one has; the API says the same in its problem."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from huishoudboekje.accounts.models import Medewerker
from huishoudboekje.accounts.permissions import Geweigerd, geweigerd_melding
from huishoudboekje.accounts.roles import RECHT_UITLEG, RECHTEN, Recht, Rol, rechtentabel

DOCS = Path(__file__).resolve().parents[4] / "docs" / "rollen.md"
MARKERING = re.compile(
    r"<!-- rechtentabel: begin[^>]*-->\n(?P<tabel>.*?)<!-- rechtentabel: eind -->", re.S
)


def test_tabel_in_de_documentatie_volgt_de_rechtentabel():
    tekst = DOCS.read_text(encoding="utf-8")
    gevonden = MARKERING.search(tekst)
    assert gevonden, "docs/rollen.md mist de markeringen rond de rechtentabel"
    assert gevonden.group("tabel") == rechtentabel(), (
        "docs/rollen.md loopt achter op accounts/roles.py RECHTEN; genereer de tabel "
        "opnieuw (zie de regel onder de tabel) en plak hem tussen de markeringen."
    )


def test_elk_recht_heeft_een_uitleg_en_rollen():
    assert set(RECHT_UITLEG) == set(Recht) == set(RECHTEN)
    assert all(RECHT_UITLEG[r].strip() for r in Recht)


def test_auditor_leest_alleen():
    schrijven = [r for r in Recht if not r.value.endswith((".lezen", "_lezen"))]
    assert [r for r in schrijven if Rol.AUDITOR in RECHTEN[r]] == []


def test_beheerder_ziet_geen_persoonsgegevens():
    persoonsgegevens = {
        Recht.BURGERS_LEZEN,
        Recht.ORGANISATIES_LEZEN,
        Recht.AFSPRAKEN_LEZEN,
        Recht.AUDIT_LEZEN,
        Recht.BANKAFSCHRIFTEN_LEZEN,
        Recht.DEELNEMERTRANSACTIES_LEZEN,
    }
    assert [r for r in persoonsgegevens if Rol.BEHEERDER in RECHTEN[r]] == []


def test_melding_noemt_de_nodige_rollen_en_de_eigen_rol():
    medewerker = Medewerker(username="x", rol=Rol.FRONTOFFICE)
    assert geweigerd_melding(medewerker, Recht.BOEKEN) == (
        "Voor deze pagina is de rol Backoffice of Teamleider nodig; "
        "u bent ingelogd als Frontoffice."
    )
    assert geweigerd_melding(medewerker, Recht.GEBRUIKERS_BEHEREN, pagina=False) == (
        "Voor deze actie is de rol Functioneel beheerder nodig; u bent ingelogd als Frontoffice."
    )
    zonder_rol = geweigerd_melding(Medewerker(username="y", rol=""), Recht.BOEKEN)
    assert zonder_rol.endswith("uw account heeft nog geen rol; vraag een functioneel beheerder.")
    assert isinstance(Geweigerd(medewerker, Recht.BOEKEN), PermissionDenied)


@pytest.mark.django_db
def test_403_pagina_in_de_huisstijl_met_de_nodige_rol(client_als):
    response = client_als(Rol.BACKOFFICE).get(reverse("configuratie:wijzigen"))
    assert response.status_code == 403
    assert "403.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert '<h1 class="utrecht-heading-1">Geen toegang</h1>' in html
    assert "Voor deze pagina is de rol Functioneel beheerder nodig" in html
    assert "u bent ingelogd als Backoffice" in html
    assert 'class="utrecht-nav-bar hhb-nav"' in html  # the application's own layout
    assert "vereist_recht" not in html and "configuratie.wijzigen" not in html


@pytest.mark.django_db
def test_403_pagina_in_het_engels(client_als):
    client = client_als(Rol.FRONTOFFICE)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("bankafschriften:lijst"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "This page requires the role Back office, Team lead or Auditor" in html
    assert "you are logged in as Front office" in html


@pytest.mark.django_db
def test_api_weigering_noemt_de_nodige_rol(client_als):
    response = client_als(Rol.FRONTOFFICE).get("/api/v1/bankafschriften")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert "Backoffice, Teamleider of Auditor" in response.json()["detail"]


@pytest.mark.django_db
def test_anoniem_nog_steeds_naar_de_inlogpagina():
    response = Client().get(reverse("bankafschriften:lijst"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
