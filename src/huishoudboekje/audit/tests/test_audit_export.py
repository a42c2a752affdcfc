"""CSV export of the audit trail for the auditor: filtered like the page, semicolons,
UTF-8 with BOM, Dutch columns and values, no formula injection."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.audit.csvexport import veilige_cel
from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer, momentopname
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.boekhouding.services import rubriek_opslaan
from huishoudboekje.fabrieken import AfspraakFabriek, BurgerFabriek

pytestmark = pytest.mark.django_db


@pytest.fixture
def medewerker(maak_medewerker):
    return maak_medewerker(Rol.FRONTOFFICE, "frida")


def _csv(response) -> tuple[str, list[list[str]]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="audittrail-')
    ruw = b"".join(response.streaming_content)
    assert ruw.startswith("\ufeff".encode())
    tekst = ruw.decode("utf-8")
    return tekst, list(csv.reader(io.StringIO(tekst.removeprefix("\ufeff")), delimiter=";"))


def test_export_met_nederlandse_kolommen_en_waarden(client_als, medewerker):
    burger = BurgerFabriek(voorletters="J.", achternaam="Jansen")
    afspraak = AfspraakFabriek(burger=burger)
    voor = momentopname(afspraak)
    afspraak.bedrag = 123456
    afspraak.save()
    audit_registreer(
        door=medewerker, actie=AuditActie.GEWIJZIGD, obj=afspraak, voor=voor, burger_id=burger.pk
    )
    tekst, rijen = _csv(client_als(Rol.AUDITOR).get(reverse("audit:lijst"), {"formaat": "csv"}))
    assert rijen[0] == [
        "Tijdstip",
        "Medewerker",
        "Actie",
        "Soort gegeven",
        "Gegeven",
        "Deelnemer",
        "Veld",
        "Oude waarde",
        "Nieuwe waarde",
    ]
    (rij,) = rijen[1:]
    assert rij[1:] == [
        "frida",
        "Gewijzigd",
        "Afspraak",
        "Huur",
        f"J. Jansen ({burger.hhb_nummer})",
        "bedrag",
        "€\u00a0725,00",
        "€\u00a01.234,56",
    ]
    assert "\r\n" in tekst


def test_export_volgt_de_filters_van_de_pagina(client_als, medewerker, maak_medewerker):
    rubriek = Rubriek.objects.get(naam="Water")
    rubriek.naam = "Drinkwater"
    rubriek_opslaan(door=medewerker, rubriek=rubriek)
    burger = BurgerFabriek()
    audit_registreer(
        door=maak_medewerker(Rol.TEAMLEIDER, "tom"),
        actie=AuditActie.AANGEMAAKT,
        obj=burger,
        burger_id=burger.pk,
    )
    client = client_als(Rol.AUDITOR)
    lijst = reverse("audit:lijst")
    _, rijen = _csv(client.get(lijst, {"object_type": "rubriek", "formaat": "csv"}))
    assert {r[3] for r in rijen[1:]} == {"Rubriek"}
    # a searched text goes through POST and a token, and the export keeps it
    zoek = client.post(lijst, {"tekst": "drinkw"}, follow=True).request["QUERY_STRING"]
    _, rijen = _csv(client.get(f"{lijst}?{zoek}&formaat=csv"))
    assert [r[4] for r in rijen[1:]] == ["Drinkwater"]
    per_deelnemer = reverse("audit:burger", kwargs={"burger_pk": burger.pk})
    _, rijen = _csv(client.get(per_deelnemer, {"formaat": "csv"}))
    assert rijen[1:] and {r[1] for r in rijen[1:]} == {"tom"}
    _, rijen = _csv(client.get(lijst, {"formaat": "csv"}))
    assert {r[3] for r in rijen[1:]} == {"Rubriek", "Deelnemer"}


def test_export_link_draagt_de_filters_mee(client_als, medewerker):
    rubriek_opslaan(door=medewerker, rubriek=Rubriek.objects.get(naam="Huur"))
    html = client_als(Rol.AUDITOR).get(reverse("audit:lijst"), {"actie": "gewijzigd"}).content
    assert b'href="?actie=gewijzigd&amp;formaat=csv"' in html


def test_geen_formule_injectie(client_als, medewerker):
    burger = BurgerFabriek(achternaam='=HYPERLINK("http://x")', voornamen="@SOM")
    audit_registreer(door=medewerker, actie=AuditActie.AANGEMAAKT, obj=burger, burger_id=burger.pk)
    tekst, rijen = _csv(client_als(Rol.AUDITOR).get(reverse("audit:lijst"), {"formaat": "csv"}))
    waarden = [cel for rij in rijen[1:] for cel in rij]
    assert '\'=HYPERLINK("http://x")' in waarden  # achternaam, before -> after
    assert "'@SOM" in waarden
    assert not any(cel.startswith(("=", "+", "-", "@")) for cel in waarden)


@pytest.mark.parametrize(
    ("waarde", "veilig"),
    [
        ("=1+1", "'=1+1"),
        ("+31 6", "'+31 6"),
        ("-€ 12,00", "'-€ 12,00"),
        ("@SOM(A1)", "'@SOM(A1)"),
        ("\tx", "'\tx"),
        ("Jansen", "Jansen"),
        (None, ""),
        (12, "12"),
    ],
)
def test_veilige_cel(waarde, veilig):
    assert veilige_cel(waarde) == veilig


@pytest.mark.parametrize("rol", [Rol.FRONTOFFICE, Rol.BACKOFFICE, Rol.BEHEERDER])
def test_export_alleen_voor_teamleider_en_auditor(client_als, rol):
    assert client_als(rol).get(reverse("audit:lijst"), {"formaat": "csv"}).status_code == 403
