"""`hhb demo-data --leegmaken` deletes every participant, agreement, organisation and
account: it only runs in demo mode (HHB_DEMO), elsewhere it refuses and deletes nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.burgers.models import Burger
from huishoudboekje.fabrieken import AfspraakFabriek
from huishoudboekje.organisaties.models import Organisatie

pytestmark = pytest.mark.django_db


def _aantallen() -> tuple[int, int, int]:
    return Burger.objects.count(), Afspraak.objects.count(), Organisatie.objects.count()


def test_leegmaken_weigert_buiten_de_demo_en_verwijdert_niets(settings) -> None:
    settings.HHB_DEMO = False
    AfspraakFabriek()
    voor = _aantallen()
    with pytest.raises(CommandError, match="alleen in de demo: zet HHB_DEMO=true"):
        call_command("demo-data", "--deelnemers", "3", "--leegmaken", stdout=StringIO())
    assert _aantallen() == voor == (1, 1, 1)


def test_leegmaken_mag_in_de_demo(settings) -> None:
    settings.HHB_DEMO = True
    AfspraakFabriek()
    call_command(
        "demo-data", "--deelnemers", "3", "--peildatum", "2026-03-15", "--leegmaken",
        stdout=StringIO(),
    )
    assert Burger.objects.count() == 3  # the old participant is gone, three demo ones came


def test_zonder_leegmaken_hoeft_geen_demo(settings) -> None:
    """Loading into an empty database stays possible outside demo mode (a training or
    acceptance environment); only emptying is dangerous."""
    settings.HHB_DEMO = False
    call_command(
        "demo-data", "--deelnemers", "3", "--peildatum", "2026-03-15", stdout=StringIO()
    )
    assert Burger.objects.count() == 3
