"""The committed OpenAPI file (docs/openapi.json) is what the code generates, and the
live endpoint serves the same; the API follows the NL API Design Rules basics."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol

BESTAND = Path(__file__).resolve().parents[4] / "docs" / "openapi.json"


def test_gecommitte_openapi_is_actueel(tmp_path):
    nieuw = tmp_path / "openapi.json"
    call_command("spectacular", "--file", str(nieuw), "--format", "openapi-json", "--validate")
    assert json.loads(nieuw.read_text()) == json.loads(BESTAND.read_text()), (
        "docs/openapi.json is verouderd: draai `make openapi` en commit het resultaat."
    )


def test_paden_volgen_de_api_design_rules():
    schema = json.loads(BESTAND.read_text())
    for pad in schema["paths"]:
        assert pad.startswith("/api/v1/"), pad
        assert not pad.endswith("/"), f"{pad}: geen slash aan het eind (API-48)"
        assert pad == pad.lower(), f"{pad}: kebab-case (API-05)"


@pytest.mark.django_db
def test_openapi_endpoint_en_api_version_header(client_als):
    response = client_als(Rol.BACKOFFICE).get(reverse("bankafschriften"))
    assert response.status_code == 200 and response["API-Version"] == "1.0.0"
    assert set(response.json()) == {"count", "next", "previous", "results"}
