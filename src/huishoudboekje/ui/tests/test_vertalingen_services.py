"""Refusals raised in a service layer reach the page in the staff member's language.

The message of each case below comes from a service (not from a form or a template):
deleting a category that agreements still use (boekhouding.services), deleting a household
that still has members (burgers.services_huishouden) and a second participant with the same
BSN (burgers.services). With English chosen with the language button the page shows the
English text and not the Dutch one; without that choice the same action stays Dutch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.burgers.tests.hulp import BSN, post_nieuw
from huishoudboekje.fabrieken import AfspraakFabriek, BurgerFabriek, HuishoudenFabriek

from .test_vertalingen import _in_het_engels

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Geval:
    """One service refusal: who does it, how, and the message in both languages."""

    rol: Rol
    status: int
    nederlands: str
    engels: str
    uitvoeren: Callable[[Client], object]


def _rubriek_in_gebruik(client: Client):  # type: ignore[no-untyped-def]
    AfspraakFabriek()
    AfspraakFabriek()
    rubriek = Rubriek.objects.get(naam="Huur")
    url = reverse("boekhouding:rubriek_verwijderen", kwargs={"pk": rubriek.pk})
    return client.post(url, follow=True)


def _huishouden_met_lid(client: Client):  # type: ignore[no-untyped-def]
    huishouden = HuishoudenFabriek()
    BurgerFabriek(huishouden=huishouden)
    return client.post(reverse("burgers:huishouden_verwijderen", kwargs={"pk": huishouden.pk}))


def _dubbel_bsn(client: Client):  # type: ignore[no-untyped-def]
    BurgerFabriek(bsn=BSN)
    return client.post(reverse("burgers:nieuw"), post_nieuw())


GEVALLEN = {
    "rubriek-in-gebruik": Geval(
        rol=Rol.BEHEERDER,
        status=200,
        nederlands=(
            "Rubriek Huur kan niet worden verwijderd: er zijn nog 2 afspraken met deze rubriek."
        ),
        engels="Category Huur cannot be deleted: 2 agreements still use it.",
        uitvoeren=_rubriek_in_gebruik,
    ),
    "huishouden-met-lid": Geval(
        rol=Rol.TEAMLEIDER,
        status=409,
        nederlands=(
            "Dit huishouden heeft nog 1 deelnemer en kan daarom niet worden verwijderd. "
            "Haal eerst alle leden uit het huishouden."
        ),
        engels=(
            "This household still has 1 participant and therefore cannot be deleted. "
            "Remove all members from the household first."
        ),
        uitvoeren=_huishouden_met_lid,
    ),
    "dubbel-bsn": Geval(
        rol=Rol.FRONTOFFICE,
        status=200,
        nederlands="Er is al een deelnemer met dit BSN.",
        engels="There is already a participant with this BSN.",
        uitvoeren=_dubbel_bsn,
    ),
}


def _html(geval: Geval, client: Client) -> str:
    antwoord = geval.uitvoeren(client)
    assert antwoord.status_code == geval.status  # type: ignore[attr-defined]
    return antwoord.content.decode()  # type: ignore[attr-defined]


@pytest.mark.parametrize("naam", list(GEVALLEN))
def test_servicemelding_in_het_engels(client_als, naam):
    geval = GEVALLEN[naam]
    html = _html(geval, _in_het_engels(client_als(geval.rol)))
    assert '<html lang="en"' in html
    assert geval.engels in html
    assert geval.nederlands not in html


@pytest.mark.parametrize("naam", list(GEVALLEN))
def test_servicemelding_blijft_standaard_nederlands(client_als, naam):
    geval = GEVALLEN[naam]
    html = _html(geval, client_als(geval.rol))
    assert '<html lang="nl"' in html
    assert geval.nederlands in html
    assert geval.engels not in html
