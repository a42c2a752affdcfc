"""The audit pages page by keyset: lines with the same timestamp keep their order by id,
none is skipped or shown twice, back and forth; a participant's page pages its own
lines; the count stops at the limit ("Meer dan ...")."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.audit.models import AuditRegel
from huishoudboekje.bulk import invoegen

pytestmark = pytest.mark.django_db


@pytest.fixture
def auditor(client_als):
    return client_als(Rol.AUDITOR)


def _regels(aantal: int, burger_id: int | None = None) -> list[int]:
    """`aantal` lines at one and the same moment (a bulk change), ids ascending."""
    nu = timezone.now()
    return invoegen(
        AuditRegel,
        [
            {
                "tijdstip": nu,
                "medewerker_naam": "test",
                "actie": "gewijzigd",
                "object_type": "afspraak",
                "object_id": str(i),
                "object_omschrijving": f"afspraak {i}",
                "burger_id": burger_id,
                "voor": {"bedrag": i},
                "na": {"bedrag": i + 1},
            }
            for i in range(aantal)
        ],
    )


def _pagina_ids(antwoord) -> list[int]:
    return [r.regel.pk for r in antwoord.context["rijen"]]


def _alle_paginas(client, url: str) -> list:
    paginas = [client.get(url)]
    while (volgende := paginas[-1].context["pagina"].volgende) is not None:
        paginas.append(client.get(f"{url}?{volgende}"))
    return paginas


def test_gelijke_tijdstippen_vooruit_en_terug(auditor):
    ids = _regels(120)
    url = reverse("audit:lijst")
    paginas = _alle_paginas(auditor, url)
    assert [len(p.context["rijen"]) for p in paginas] == [50, 50, 20]
    assert [i for p in paginas for i in _pagina_ids(p)] == sorted(ids, reverse=True)
    terug = auditor.get(f"{url}?{paginas[-1].context['pagina'].vorige}")
    assert _pagina_ids(terug) == _pagina_ids(paginas[1])
    assert "120 wijzigingen" in paginas[0].content.decode()


def test_pagina_van_een_deelnemer_bladert_door_de_eigen_regels(auditor):
    eigen = _regels(60, burger_id=7)
    _regels(30, burger_id=8)
    url = reverse("audit:burger", args=[7])
    paginas = _alle_paginas(auditor, url)
    assert [i for p in paginas for i in _pagina_ids(p)] == sorted(eigen, reverse=True)


def test_telling_stopt_bij_de_grens(auditor, monkeypatch):
    _regels(60)
    monkeypatch.setattr("huishoudboekje.keyset.TELLEN_TOT", 55)
    tekst = auditor.get(reverse("audit:lijst")).content.decode()
    assert "Meer dan 55 wijzigingen" in tekst and "60 wijzigingen" not in tekst
