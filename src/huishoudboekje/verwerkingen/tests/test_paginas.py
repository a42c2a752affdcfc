"""The read log for teamleider and auditor: who may open it, the search (a participant by
HHB-number or BSN, never in the URL; staff member, activity, dates, trace), pages by
keyset, the CSV export, and that reading the log is logged too."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.fabrieken import BurgerFabriek
from huishoudboekje.verwerkingen.models import Verwerking
from huishoudboekje.verwerkingen.pseudoniem import pseudoniem
from huishoudboekje.verwerkingen.selectors import PER_PAGINA

from .hulp import rij

pytestmark = pytest.mark.django_db

LOG = "verwerkingen:lijst"


@pytest.fixture
def frontoffice_client(client, maak_medewerker):
    medewerker = maak_medewerker(Rol.FRONTOFFICE, "frida")
    client.force_login(medewerker)
    return client


def _bekijk(client, burger) -> None:
    assert client.get(reverse("burgers:detail", kwargs={"pk": burger.pk})).status_code == 200


def _zoek(client, **velden):
    """Search through the form (POST), follow to the result page; return both URLs' text."""
    antwoord = client.post(reverse(LOG), velden)
    assert antwoord.status_code == 303, antwoord.status_code
    return antwoord["Location"], client.get(antwoord["Location"])


def _getoonde(response) -> list[Verwerking]:
    return [r.regel for r in response.context["rijen"]]


@pytest.mark.parametrize("rol", [Rol.FRONTOFFICE, Rol.BACKOFFICE, Rol.BEHEERDER])
def test_andere_rollen_kunnen_het_log_niet_openen(client_als, rol):
    client = client_als(rol)
    assert client.get(reverse(LOG)).status_code == 403
    assert client.get(reverse(LOG), {"formaat": "csv"}).status_code == 403
    assert client.post(reverse(LOG), {"deelnemer": "HHB900001"}).status_code == 403
    assert client.get(reverse("verwerkingen:register")).status_code == 403
    assert not Verwerking.objects.exists()


@pytest.mark.parametrize("rol", [Rol.TEAMLEIDER, Rol.AUDITOR])
def test_teamleider_en_auditor_zien_het_log_en_de_navigatie(client_als, rol):
    response = client_als(rol).get(reverse(LOG))
    assert response.status_code == 200
    assert f'href="{reverse(LOG)}"' in response.content.decode()  # the navigation link


def test_navigatie_niet_voor_frontoffice(frontoffice_client):
    html = frontoffice_client.get(reverse("burgers:lijst")).content.decode()
    assert f'href="{reverse(LOG)}"' not in html


def test_zoeken_op_hhb_nummer_toont_wie_de_deelnemer_bekeek(frontoffice_client, client_als):
    jansen = BurgerFabriek(voorletters="J.", achternaam="Jansen")
    ander = BurgerFabriek()
    _bekijk(frontoffice_client, jansen)
    _bekijk(frontoffice_client, ander)
    auditor = client_als(Rol.AUDITOR)
    url, response = _zoek(auditor, deelnemer=jansen.hhb_nummer.lower())
    assert jansen.hhb_nummer.lower() not in url.lower() and "zoek=" in url
    getoond = _getoonde(response)
    assert [r.burger_id for r in getoond] == [jansen.pk]
    html = response.content.decode()
    assert f"Raadplegingen van {jansen}" in html
    assert f"J. Jansen ({jansen.hhb_nummer})" in html
    assert "frida" in html and "Deelnemer raadplegen" in html
    # reading the log is logged, naming the participant the search was about
    gelezen = Verwerking.objects.get(verwerkingsactiviteit_id="verwerkingenlog-raadplegen")
    assert gelezen.burger_id == jansen.pk
    assert gelezen.betrokkene_id == pseudoniem(jansen.bsn)
    assert gelezen.medewerker_rol == "auditor"


def test_zoeken_op_bsn_vindt_ook_een_verwijderde_deelnemer(frontoffice_client, client_als):
    burger = BurgerFabriek(bsn="111222333")
    _bekijk(frontoffice_client, burger)
    burger.deelnames.all().delete()
    burger.delete()
    url, response = _zoek(client_als(Rol.TEAMLEIDER), deelnemer="111 222 333")
    assert "111222333" not in url and "111 222 333" not in url
    html = response.content.decode()
    # only in the search field, as typed (the page is not cached: no-store)
    assert "111222333" not in html and html.count("111 222 333") == 1
    assert 'value="111 222 333"' in html
    (regel,) = _getoonde(response)
    assert regel.betrokkene_id == pseudoniem("111222333")
    assert "niet meer in Huishoudboekje" in html


@pytest.mark.parametrize(
    ("invoer", "melding"),
    [
        ("HHB999999", "Er is geen deelnemer met HHB-nummer HHB999999."),
        ("111222334", "elfproef"),
    ],
)
def test_onbekende_deelnemer_of_fout_bsn_geeft_melding(client_als, invoer, melding):
    client = client_als(Rol.AUDITOR)
    _, response = _zoek(client, deelnemer=invoer)
    assert melding in response.content.decode()
    assert "rijen" not in response.context or not response.context["rijen"]


def test_filter_op_medewerker_activiteit_datum_en_trace(client_als, maak_medewerker):
    frida = maak_medewerker(Rol.FRONTOFFICE, "frida")
    bert = maak_medewerker(Rol.BACKOFFICE, "bert")
    een = rij(medewerker_id=frida.pk, begin=timezone.make_aware(dt.datetime(2026, 5, 1, 23, 30)))
    twee = rij(
        medewerker_id=bert.pk,
        verwerkingsactiviteit_id="afspraken-raadplegen",
        begin=timezone.make_aware(dt.datetime(2026, 5, 2, 0, 30)),
        trace_id="b" * 32,
    )
    drie = rij(medewerker_id=bert.pk, begin=timezone.make_aware(dt.datetime(2026, 5, 3, 12)))
    client = client_als(Rol.TEAMLEIDER)

    def ids(**velden) -> list[int]:
        _, response = _zoek(client, **velden)
        return [
            r.pk
            for r in _getoonde(response)
            if r.verwerkingsactiviteit_id != "verwerkingenlog-raadplegen"
        ]

    assert ids(medewerker=frida.pk) == [een.pk]
    assert ids(medewerker=bert.pk) == [drie.pk, twee.pk]
    assert ids(activiteit="afspraken-raadplegen") == [twee.pk]
    assert ids(van="2026-05-02", tot="02-05-2026") == [twee.pk]
    assert ids(trace_id="B" * 32) == [twee.pk]
    _, response = _zoek(client, van="2026-05-03", tot="2026-05-01")
    assert "De einddatum ligt voor de begindatum." in response.content.decode()


def test_paginas_nieuwste_eerst_met_keyset(client_als):
    regels = [rij() for _ in range(PER_PAGINA + 5)]
    client = client_als(Rol.AUDITOR)
    eerste = client.get(reverse(LOG))
    getoond = _getoonde(eerste)
    assert [r.pk for r in getoond] == [r.pk for r in reversed(regels)][:PER_PAGINA]
    volgende = eerste.context["pagina"].volgende
    assert volgende and f'href="?{volgende}"' in eerste.content.decode().replace("&amp;", "&")
    tweede = client.get(f"{reverse(LOG)}?{volgende}")
    # the rest, then the log's own reads of the first page (newer, so not here)
    assert [r.pk for r in _getoonde(tweede)] == [r.pk for r in reversed(regels[:5])]
    assert tweede.context["pagina"].volgende is None


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    ruw = b"".join(response.streaming_content).decode("utf-8")
    assert ruw.startswith("\ufeff")
    return list(csv.reader(io.StringIO(ruw.removeprefix("\ufeff")), delimiter=";"))


def test_csv_export_van_de_zoekopdracht(frontoffice_client, client_als):
    jansen = BurgerFabriek(voorletters="J.", achternaam="Jansen", bsn="111222333")
    _bekijk(frontoffice_client, jansen)
    _bekijk(frontoffice_client, BurgerFabriek())
    auditor = client_als(Rol.AUDITOR)
    url, _ = _zoek(auditor, deelnemer=jansen.hhb_nummer)
    rijen = _csv(auditor.get(f"{url}&formaat=csv"))
    kop = rijen[0]
    assert kop[:7] == [
        "Begin",
        "Einde",
        "Medewerker",
        "Gebruikersnaam",
        "Medewerker-id",
        "Rol",
        "Deelnemer",
    ]
    regels = [dict(zip(kop, r, strict=True)) for r in rijen[1:]]
    bekeken = [r for r in regels if r["Verwerkingsactiviteit"] == "Deelnemer raadplegen"]
    assert len(bekeken) == 1
    (regel,) = bekeken
    assert regel["Deelnemer"] == f"J. Jansen ({jansen.hhb_nummer})"
    assert regel["Gebruikersnaam"] == "frida" and regel["Rol"] == "Frontoffice"
    assert regel["Betrokkene (pseudoniem)"] == pseudoniem("111222333")
    assert regel["Soort betrokkene-id"] == "BSN"
    assert regel["Verwerkingsactiviteit-id"] == "urn:hhb:verwerkingsactiviteit:deelnemer-raadplegen"
    assert regel["Operatie"] == "burgers:detail" and regel["Status"] == "Gelukt"
    assert len(regel["Trace-id"]) == 32 and len(regel["Operatie-id"]) == 16
    assert "111222333" not in "".join(c for r in rijen for c in r)


def test_csv_export_zonder_formule_injectie(client_als):
    rij(medewerker_naam='=HYPERLINK("http://x")', medewerker_gebruikersnaam="@evil")
    rijen = _csv(client_als(Rol.AUDITOR).get(reverse(LOG), {"formaat": "csv"}))
    cellen = [c for r in rijen[1:] for c in r]
    assert '\'=HYPERLINK("http://x")' in cellen and "'@evil" in cellen


def test_register_van_verwerkingsactiviteiten(client_als):
    html = client_als(Rol.AUDITOR).get(reverse("verwerkingen:register")).content.decode()
    assert "Deelnemer raadplegen" in html and "Audit raadplegen" in html
    assert "urn:hhb:verwerkingsactiviteit:transacties-deelnemer-raadplegen" in html
    assert "Grondslag" in html and "Doel" in html
