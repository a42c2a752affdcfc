"""Every kind of staff page passes axe-core (WCAG 2.1 A/AA), not only the main flows:
organisations, households, audit trail, configuration, rubrieken, staff management,
the second-factor page, the pages of a transaction, and the same in English."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.burgers import services as burger_services
from huishoudboekje.burgers.models import Burger, Huishouden
from huishoudboekje.burgers.tests.hulp import persoon
from huishoudboekje.configuratie.models import GemeenteRekening
from huishoudboekje.fabrieken import (
    AfspraakFabriek,
    BanktransactieFabriek,
    GemeenteRekeningFabriek,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _gegevens(medewerker: object) -> dict[str, int]:
    """A participant created through the service (so the audit trail has lines), in a
    household, with an agreement, and an unbooked transaction."""
    huishouden = Huishouden.objects.create()
    burger = burger_services.burger_aanmaken(
        door=medewerker, gegevens=persoon(huishouden=huishouden), deelname={}
    )
    afspraak = AfspraakFabriek(burger=burger)
    transactie = BanktransactieFabriek()
    return {
        "burger": burger.pk,
        "huishouden": huishouden.pk,
        "organisatie": afspraak.afdeling.organisatie_id,
        "afdeling": afspraak.afdeling_id,
        "transactie": transactie.pk,
        "gemeenterekening": GemeenteRekening.objects.get().pk,
    }


def _bezoek(pagina: Page, toegankelijk: Callable[[Page], None], paden: list[str]) -> None:
    for pad in paden:
        antwoord = pagina.goto(pad)
        assert antwoord is not None and antwoord.status == 200, pad
        expect(pagina.get_by_role("heading", level=1)).to_be_visible()
        toegankelijk(pagina)


def test_paginas_van_teamleider_en_beheerder(
    pagina: Page, inloggen: Callable[[Page, str], object], toegankelijk: Callable[[Page], None]
) -> None:
    GemeenteRekeningFabriek()
    teamleider = inloggen(pagina, Rol.TEAMLEIDER)
    ids = _gegevens(teamleider)
    _bezoek(
        pagina,
        toegankelijk,
        [
            "/organisaties/",
            f"/organisaties/{ids['organisatie']}/",
            "/deelnemers/huishoudens/",
            f"/deelnemers/huishoudens/{ids['huishouden']}/",
            "/audit/",
            "/audit/?actie=aangemaakt",
            f"/audit/deelnemers/{ids['burger']}/",
            "/configuratie/",
            "/rubrieken/",
            "/rubrieken/grootboekrekeningen/",
            "/bankafschriften/",
            "/transacties/",
            f"/transacties/{ids['transactie']}/",
        ],
    )
    pagina.get_by_role("button", name="Uitloggen").click()
    inloggen(pagina, Rol.BEHEERDER)
    _bezoek(
        pagina,
        toegankelijk,
        [
            "/configuratie/wijzigen/",
            "/configuratie/rekeningen/nieuw/",
            f"/configuratie/rekeningen/{ids['gemeenterekening']}/verwijderen/",
            "/accounts/medewerkers/",
            "/accounts/medewerkers/nieuw/",
            "/rubrieken/nieuw/",
        ],
    )


def test_formulieren_van_de_frontoffice_ook_in_het_engels(
    pagina: Page, inloggen: Callable[[Page, str], object], toegankelijk: Callable[[Page], None]
) -> None:
    GemeenteRekeningFabriek()
    frontoffice = inloggen(pagina, Rol.FRONTOFFICE)
    ids = _gegevens(frontoffice)
    paden = [
        "/organisaties/nieuw/",
        f"/organisaties/{ids['organisatie']}/afdelingen/nieuw/",
        "/deelnemers/huishoudens/nieuw/",
        f"/deelnemers/{ids['burger']}/",
        f"/deelnemers/{ids['burger']}/wijzigen/",
    ]
    _bezoek(pagina, toegankelijk, paden)
    pagina.get_by_role("button", name="English").click()
    expect(pagina.locator("html")).to_have_attribute("lang", "en")
    hhb_nummer = Burger.objects.get(pk=ids["burger"]).hhb_nummer
    # the front office sees its participants' transactions, not the whole account
    eigen = f"/transacties/?status=&deelnemer={hhb_nummer}"
    _bezoek(pagina, toegankelijk, [*paden, "/organisaties/", eigen])
    expect(pagina.get_by_role("navigation").first).to_contain_text("Participants")
    geweigerd = pagina.goto("/transacties/")  # the 403 page: styled, accessible, English
    assert geweigerd is not None and geweigerd.status == 403
    expect(pagina.get_by_role("heading", level=1)).to_have_text("No access")
    expect(pagina.get_by_role("alert")).to_contain_text("you are logged in as Front office")
    toegankelijk(pagina)


def test_pagina_van_de_tweede_factor(
    pagina: Page, inloggen: Callable[[Page, str], object], toegankelijk: Callable[[Page], None],
    settings: object,
) -> None:
    settings.HHB_OTP_REQUIRED = True  # type: ignore[attr-defined]
    inloggen(pagina, Rol.BACKOFFICE)
    expect(pagina).to_have_url(re.compile(r"/accounts/tweede-factor"))
    expect(pagina.get_by_role("heading", level=1)).to_be_visible()
    toegankelijk(pagina)
