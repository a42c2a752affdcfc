"""The defaults the issue names: a minimum term of 6 months and a buffer limit of
EUR 1,500, both configurable per municipality, the buffer also per participant. A
participant created with those fields left empty gets the municipality's values, and the
participant page says whose limit it is."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.burgers.models import Burger
from huishoudboekje.burgers.selectors import effectieve_buffergrens
from huishoudboekje.configuratie.models import Gemeente

from .hulp import post_nieuw

pytestmark = pytest.mark.django_db


def _voorgevulde_looptijd(client) -> str:
    formulier = client.get(reverse("burgers:nieuw")).content.decode()
    return re.search(r'name="deelname-minimale_looptijd_maanden" value="(\d+)"', formulier)[1]


def _nieuw(client, **velden):
    """Create a participant as staff do: the minimum term as the form fills it in."""
    data = post_nieuw(**{"deelname-minimale_looptijd_maanden": _voorgevulde_looptijd(client)})
    data.update(velden)
    assert client.post(reverse("burgers:nieuw"), data).status_code == 302
    return Burger.objects.latest("pk").deelnames.get()


def test_zonder_instellingen_6_maanden_en_1500_euro(client_als) -> None:
    Gemeente.objects.all().delete()  # a municipality that configured nothing yet
    client = client_als(Rol.FRONTOFFICE)
    assert _voorgevulde_looptijd(client) == "6"
    deelname = _nieuw(client, **{"deelname-buffergrens": ""})
    assert deelname.minimale_looptijd_maanden == 6
    assert deelname.buffergrens is None and effectieve_buffergrens(deelname) == 150000
    pagina = client.get(reverse("burgers:detail", kwargs={"pk": deelname.burger_id}))
    assert "€\u00a01.500,00 (standaard van de gemeente)" in pagina.content.decode()


def test_de_gemeente_en_de_deelnemer_kunnen_afwijken(client_als) -> None:
    Gemeente.objects.update_or_create(
        pk=1, defaults={"standaard_buffergrens": 200000, "minimale_looptijd_maanden": 12}
    )
    client = client_als(Rol.FRONTOFFICE)
    assert _voorgevulde_looptijd(client) == "12"
    standaard = _nieuw(client, **{"deelname-buffergrens": ""})
    assert standaard.minimale_looptijd_maanden == 12
    assert effectieve_buffergrens(standaard) == 200000
    eigen = _nieuw(
        client,
        bsn="123456782",
        **{"rekening-iban": "NL20 INGB 0001 2345 67", "deelname-buffergrens": "500,00"},
    )
    assert eigen.buffergrens == 50000 and effectieve_buffergrens(eigen) == 50000
    pagina = client.get(reverse("burgers:detail", kwargs={"pk": eigen.burger_id}))
    assert "€\u00a0500,00 (eigen grens)" in pagina.content.decode()
