"""Shared test fixtures: staff members per role and logged-in clients."""

import os
from collections.abc import Callable

import pytest
from django.test import Client
from hypothesis import HealthCheck, settings

# Property tests: no per-example deadline (a loaded 2-core CI machine is not a slow
# implementation; performance is measured by `make bench`, never asserted here), and the
# same examples on every run so CI is reproducible. Explore with fresh random examples:
# `HHB_HYPOTHESIS=verkennen make test`.
settings.register_profile(
    "hhb", deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "verkennen", deadline=None, max_examples=1000, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HHB_HYPOTHESIS", "hhb"))

from huishoudboekje.accounts.models import Medewerker
from huishoudboekje.accounts.roles import Rol

WACHTWOORD = "Test-wachtwoord-2026!"


@pytest.fixture(autouse=True)
def _geen_tweede_factor_in_tests(settings: pytest.FixtureRequest) -> None:
    """Unit tests log in directly; the two-factor flow has its own tests that switch it on."""
    settings.HHB_OTP_REQUIRED = False  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _rgs_aanwezig(request: pytest.FixtureRequest) -> None:
    """Rubrieken come from a data migration; a transactional test's flush removes them
    for the tests after it, so put them back where a test uses the database."""
    marker = request.node.get_closest_marker("django_db")
    transactioneel = "transactional_db" in request.fixturenames or "live_server" in request.fixturenames or (
        marker is not None and marker.kwargs.get("transaction", False)
    )
    if transactioneel:
        request.getfixturevalue("transactional_db")
    elif marker is not None or "db" in request.fixturenames:
        request.getfixturevalue("db")
    else:
        return
    from huishoudboekje.boekhouding.models import Rubriek
    from huishoudboekje.boekhouding.services import rgs_laden

    if not Rubriek.objects.exists():
        rgs_laden()


@pytest.fixture
def maak_medewerker(db: None) -> Callable[..., Medewerker]:
    def maak(rol: Rol | str = Rol.FRONTOFFICE, gebruikersnaam: str | None = None) -> Medewerker:
        naam = gebruikersnaam or f"test-{rol}"
        return Medewerker.objects.create_user(
            username=naam, password=WACHTWOORD, rol=str(rol), first_name=naam.title()
        )

    return maak


@pytest.fixture
def client_als(maak_medewerker: Callable[..., Medewerker]) -> Callable[[Rol | str], Client]:
    """client_als(Rol.BACKOFFICE) -> a Django test client logged in with that role."""

    def maak(rol: Rol | str) -> Client:
        client = Client()
        client.force_login(maak_medewerker(rol))
        return client

    return maak


@pytest.fixture
def frontoffice(maak_medewerker: Callable[..., Medewerker]) -> Medewerker:
    return maak_medewerker(Rol.FRONTOFFICE)
