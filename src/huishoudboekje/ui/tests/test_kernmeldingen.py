"""The fixed messages of core/ (BSN, IBAN, BIC, KvK, postcode, amount, schedule) reach
English pages in English: every one is in `kernmeldingen.KERNMELDINGEN` (checked against
the source of core/, so a new message cannot be forgotten), every one has a translation,
and a wrong BSN in the participant form says so in the chosen language."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.burgers.tests.hulp import post_nieuw
from huishoudboekje.kernmeldingen import KERNMELDINGEN, vertaal

from .test_vertalingen import HOE_TE_HERSTELLEN, _in_het_engels

CORE = Path(__file__).resolve().parents[2] / "core"


def _vaste_meldingen(pad: Path) -> set[str]:
    """String literals raised as IdentificatieFout/BedragFout, appended to `fouten`, or
    assigned to _VOORBEELD (f-strings have variable parts and are left out)."""
    meldingen: set[str] = set()
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Call):
            naam = getattr(knoop.func, "id", None) or getattr(knoop.func, "attr", None)
            eerste = knoop.args[0] if knoop.args else None
            if (
                naam in ("IdentificatieFout", "BedragFout", "append")
                and isinstance(eerste, ast.Constant)
                and isinstance(eerste.value, str)
            ):
                meldingen.add(eerste.value)
        elif isinstance(knoop, ast.Assign) and any(
            getattr(d, "id", "") == "_VOORBEELD" for d in knoop.targets
        ):
            meldingen.add(knoop.value.value)  # type: ignore[attr-defined]
    return meldingen


@pytest.mark.parametrize("bestand", ["identificatie.py", "money.py", "schedules.py"])
def test_elke_vaste_melding_van_core_staat_in_de_lijst(bestand: str) -> None:
    meldingen = _vaste_meldingen(CORE / bestand)
    assert meldingen, bestand
    assert meldingen <= set(KERNMELDINGEN), meldingen - set(KERNMELDINGEN)


@pytest.mark.parametrize("melding", KERNMELDINGEN)
def test_elke_kernmelding_heeft_een_engelse_vertaling(melding: str) -> None:
    with translation.override("en"):
        engels = vertaal(melding)
    assert engels != melding, f"Geen vertaling voor {melding!r}. {HOE_TE_HERSTELLEN}"
    with translation.override("nl"):
        assert vertaal(melding) == melding


@pytest.mark.django_db
def test_verkeerd_bsn_in_het_engels_en_in_het_nederlands(client_als) -> None:
    data = post_nieuw(bsn="111222334")
    client = client_als(Rol.FRONTOFFICE)
    nederlands = client.post(reverse("burgers:nieuw"), data)
    assert "Dit BSN klopt niet (het voldoet niet aan de elfproef)." in nederlands.content.decode()
    engels = _in_het_engels(client).post(reverse("burgers:nieuw"), data)
    html = engels.content.decode()
    assert "elfproef" in html and "Dit BSN klopt niet" not in html
    with translation.override("en"):
        assert vertaal("Dit BSN klopt niet (het voldoet niet aan de elfproef).") in html
