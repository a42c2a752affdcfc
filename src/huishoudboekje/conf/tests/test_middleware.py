"""The request-size cap and `Cache-Control: no-store` (conf/middleware.py)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.bankafschriften.models import Banktransactie, Importbestand
from huishoudboekje.bankafschriften.tests.hulp import camt, tx
from huishoudboekje.core.bank._gemeen import MAX_BYTES
from huishoudboekje.core.bank.model import OMSCHRIJVING_MAX
from huishoudboekje.fabrieken import BurgerFabriek, GemeenteRekeningFabriek

pytestmark = pytest.mark.django_db

VIJF_MB = 5 * 1024 * 1024


def _bestand(omschrijving: str = "Huur mei contract 12") -> SimpleUploadedFile:
    data = camt(tx(), eindsaldo=172500).replace(b"Huur mei contract 12", omschrijving.encode())
    return SimpleUploadedFile("afschrift.xml", data, "application/xml")


# --- no-store -------------------------------------------------------------------------


def test_pagina_met_persoonsgegevens_niet_in_een_cache(client_als):
    burger = BurgerFabriek()
    client = client_als(Rol.FRONTOFFICE)
    for url in (reverse("burgers:detail", args=[burger.pk]), reverse("burgers:lijst"), "/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
        assert response["Pragma"] == "no-cache"


def test_api_en_weigering_niet_in_een_cache(client_als):
    client = client_als(Rol.BACKOFFICE)
    assert "no-store" in client.get("/api/v1/bankafschriften")["Cache-Control"]
    geweigerd = client_als(Rol.BEHEERDER).get(reverse("burgers:lijst"))
    assert geweigerd.status_code == 403 and "no-store" in geweigerd["Cache-Control"]


def test_statische_bestanden_wel_in_een_cache():
    response = Client().get("/static/hhb/hhb.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


# --- request size ---------------------------------------------------------------------


def test_uploadgrens_past_bij_de_grens_van_de_banklezer():
    """A file the bank reader accepts (core.bank MAX_BYTES) fits in one upload."""
    assert settings.HHB_MAX_UPLOAD_BYTES >= MAX_BYTES + 64 * 1024
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE < settings.HHB_MAX_UPLOAD_BYTES


def test_bankbestand_groter_dan_de_formuliergrens_wordt_ingelezen(client_als):
    """5 MB (more than the 2.5 MB of ordinary request bodies), with a 5 MB remittance
    text: read, stored, the text cut with a mark; nothing refused."""
    GemeenteRekeningFabriek()
    bestand = _bestand("Huur " + "x" * VIJF_MB)
    assert bestand.size > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = client_als(Rol.BACKOFFICE).post(
        reverse("bankafschriften:importeren"), {"bestanden": [bestand]}
    )
    assert response.status_code == 200, response.content.decode()[-1500:]
    transactie = Banktransactie.objects.get()
    assert len(transactie.omschrijving) == OMSCHRIJVING_MAX
    assert transactie.omschrijving.startswith("Huur xxx")
    assert "ingekort" in transactie.omschrijving
    assert len(transactie.bron) <= 10_000


@override_settings(HHB_MAX_UPLOAD_BYTES=64 * 1024, DATA_UPLOAD_MAX_MEMORY_SIZE=16 * 1024)
def test_upload_boven_de_grens_geweigerd_zonder_gevolgen(client_als):
    GemeenteRekeningFabriek()
    client = client_als(Rol.BACKOFFICE)
    te_groot = _bestand("Huur " + "x" * (100 * 1024))
    response = client.post(reverse("bankafschriften:importeren"), {"bestanden": [te_groot]})
    assert response.status_code == 413
    assert "te groot" in response.content.decode()
    assert not Importbestand.objects.exists() and not Banktransactie.objects.exists()
    # above the ordinary cap, below the upload cap: read (on the upload route only)
    past = _bestand("Huur " + "x" * (32 * 1024))
    response = client.post(reverse("bankafschriften:importeren"), {"bestanden": [past]})
    assert response.status_code == 200 and Banktransactie.objects.count() == 1
    elders = client.post(reverse("organisaties:nieuw"), {"bestand": _bestand("x" * 32 * 1024)})
    assert elders.status_code == 413


def test_groot_json_verzoek_aan_de_api_geweigerd(client_als):
    client = client_als(Rol.BACKOFFICE)
    lijf = '{"x": "' + "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1) + '"}'
    response = client.post("/api/v1/bankafschriften", lijf, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"


def test_groot_formulier_geweigerd(client_als):
    client = client_als(Rol.FRONTOFFICE)
    response = client.post(
        reverse("burgers:nieuw"), {"voornamen": "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    )
    assert response.status_code == 413
