"""Opening a participant's page logs exactly one read, with the right activity, the
pseudonym of the participant's BSN, the staff member and the trace of the request."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.fabrieken import BurgerFabriek
from huishoudboekje.verwerkingen.models import Status, Verwerking
from huishoudboekje.verwerkingen.pseudoniem import pseudoniem

pytestmark = pytest.mark.django_db

TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


def test_frontoffice_opent_deelnemer_een_regel(client, maak_medewerker):
    medewerker = maak_medewerker(Rol.FRONTOFFICE, "frida")
    medewerker.last_name = "de Vries"
    medewerker.save()
    client.force_login(medewerker)
    burger = BurgerFabriek(bsn="111222333")
    BurgerFabriek()  # someone else, not on the page
    response = client.get(reverse("burgers:detail", kwargs={"pk": burger.pk}))
    assert response.status_code == 200
    regel = Verwerking.objects.get()
    assert regel.verwerkingsactiviteit_id == "deelnemer-raadplegen"
    assert regel.naam == "burgers:detail"
    assert regel.status == Status.OK
    assert regel.betrokkene_id == pseudoniem("111222333")
    assert regel.betrokkene_id_type == "BSN"
    assert "111222333" not in str(Verwerking.objects.values().get())
    assert regel.burger_id == burger.pk
    assert regel.medewerker_id == medewerker.pk
    assert regel.medewerker_gebruikersnaam == "frida"
    assert regel.medewerker_naam == "Frida de Vries"
    assert regel.medewerker_rol == "frontoffice"
    assert regel.begin <= regel.einde
    assert re.fullmatch(r"[0-9a-f]{32}", regel.trace_id)
    assert re.fullmatch(r"[0-9a-f]{16}", regel.operatie_id)
    # the response names the trace and the request's own operation (the rows' parent)
    assert response["traceresponse"] == f"00-{regel.trace_id}-{regel.aanroepende_operatie_id}-01"


def test_traceparent_van_de_aanroeper_wordt_voortgezet(client_als):
    burger = BurgerFabriek()
    response = client_als(Rol.FRONTOFFICE).get(
        reverse("burgers:detail", kwargs={"pk": burger.pk}), headers={"traceparent": TRACEPARENT}
    )
    regel = Verwerking.objects.get()
    assert regel.trace_id == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert regel.aanroepende_operatie_id != "00f067aa0ba902b7"  # our own span, not theirs
    assert response["traceresponse"].startswith("00-4bf92f3577b34da6a3ce929d0e0e4736-")


def test_ongeldige_traceparent_geeft_nieuwe_trace(client_als):
    burger = BurgerFabriek()
    client_als(Rol.FRONTOFFICE).get(
        reverse("burgers:detail", kwargs={"pk": burger.pk}),
        headers={"traceparent": "00-00000000000000000000000000000000-00f067aa0ba902b7-01"},
    )
    assert Verwerking.objects.get().trace_id != "0" * 32


def test_twee_paginas_twee_traces(client_als):
    burger = BurgerFabriek()
    client = client_als(Rol.FRONTOFFICE)
    for _ in range(2):
        client.get(reverse("burgers:detail", kwargs={"pk": burger.pk}))
    assert Verwerking.objects.values("trace_id").distinct().count() == 2


def test_geweigerd_niet_gevonden_en_post_loggen_niets(client_als, client):
    burger = BurgerFabriek()
    url = reverse("burgers:detail", kwargs={"pk": burger.pk})
    assert client_als(Rol.BEHEERDER).get(url).status_code == 403
    assert client.get(url).status_code == 302  # anonymous: to the login page
    frontoffice = client_als(Rol.FRONTOFFICE)
    assert frontoffice.get(reverse("burgers:detail", kwargs={"pk": 999999})).status_code == 404
    assert frontoffice.post(url).status_code == 405
    assert not Verwerking.objects.exists()


def test_pagina_zonder_persoonsgegevens_logt_niets(client_als):
    response = client_als(Rol.TEAMLEIDER).get(reverse("boekhouding:rubrieken"))
    assert response.status_code == 200
    assert "traceresponse" in response
    assert not Verwerking.objects.exists()


def test_lijst_logt_een_regel_zonder_betrokkene(client_als):
    BurgerFabriek()
    BurgerFabriek()
    client_als(Rol.FRONTOFFICE).get(reverse("burgers:lijst"))
    regel = Verwerking.objects.get()
    assert regel.verwerkingsactiviteit_id == "deelnemers-zoeken"
    assert regel.betrokkene_id == "" and regel.burger_id is None


@override_settings(HHB_PSEUDONIEM_SLEUTEL="een-andere-sleutel")
def test_pseudoniem_hangt_af_van_de_sleutel(client_als):
    burger = BurgerFabriek(bsn="111222333")
    client_als(Rol.FRONTOFFICE).get(reverse("burgers:detail", kwargs={"pk": burger.pk}))
    regel = Verwerking.objects.get()
    assert regel.betrokkene_id == pseudoniem("111222333", met_sleutel=b"een-andere-sleutel")


def test_pagina_niet_getoond_als_het_log_niet_geschreven_kan_worden(maak_medewerker):
    """Fail closed: no log, no page (here the table is gone inside the test's transaction)."""
    burger = BurgerFabriek(achternaam="Onzichtbaar")
    client = Client(raise_request_exception=False)
    client.force_login(maak_medewerker(Rol.FRONTOFFICE))
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {Verwerking._meta.db_table}")
    response = client.get(reverse("burgers:detail", kwargs={"pk": burger.pk}))
    assert response.status_code == 500
    assert "Onzichtbaar" not in response.content.decode()
