"""The main staff flows in a real browser: log in, create a participant (first with an
invalid BSN, then a valid one), create an agreement with a 4-weekly schedule, search.
Every page visited is checked with axe-core (WCAG 2.1 AA): 0 violations."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.audit.models import AuditRegel
from huishoudboekje.burgers.models import Burger
from huishoudboekje.fabrieken import AfdelingFabriek, BurgerFabriek, RekeningFabriek

from .conftest import schermafdruk

pytestmark = pytest.mark.django_db(transaction=True)

GELDIG_BSN = "111222333"
ONGELDIG_BSN = "123456789"  # fails the elfproef


def _vul_deelnemer_in(page: Page, bsn: str) -> None:
    page.get_by_label("Voornamen").fill("Fatima")
    page.get_by_label("Achternaam").fill("El Amrani")
    page.get_by_label("BSN").fill(bsn)
    page.get_by_label("Geboortedatum").fill("1990-04-12")
    page.get_by_label("Straat").fill("Oudegracht")
    page.get_by_label("Huisnummer").fill("12 bis")
    page.get_by_label("Postcode").fill("3511ab")
    page.get_by_label("Woonplaats").fill("Utrecht")
    page.get_by_label("Startdatum").fill("2026-01-01")
    page.get_by_label("IBAN").fill("nl91 abna 0417 1643 00")


def test_inloggen_deelnemer_aanmaken_met_bsn_fout_en_dan_goed(
    pagina: Page, inloggen: Callable[[Page, str], object], toegankelijk: Callable[[Page], None]
) -> None:
    pagina.goto("/accounts/login/")
    toegankelijk(pagina)
    inloggen(pagina, Rol.FRONTOFFICE)
    toegankelijk(pagina)

    pagina.goto("/deelnemers/")
    toegankelijk(pagina)
    pagina.get_by_role("link", name="Nieuwe deelnemer").click()
    toegankelijk(pagina)

    _vul_deelnemer_in(pagina, ONGELDIG_BSN)
    pagina.get_by_role("button", name="Deelnemer aanmaken").click()
    expect(pagina.get_by_role("alert")).to_contain_text("elfproef")
    toegankelijk(pagina)  # the page with errors is accessible too
    assert not Burger.objects.filter(achternaam="El Amrani").exists()

    pagina.get_by_label("BSN").fill(GELDIG_BSN)
    pagina.get_by_role("button", name="Deelnemer aanmaken").click()
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("Fatima El Amrani")
    toegankelijk(pagina)
    burger = Burger.objects.get(bsn=GELDIG_BSN)
    assert burger.postcode == "3511 AB"
    assert burger.rekeningen.get().iban == "NL91ABNA0417164300"
    assert AuditRegel.objects.filter(burger_id=burger.pk).exists()
    schermafdruk(pagina, "deelnemer")


def test_afspraak_met_vierwekelijks_schema(
    pagina: Page, inloggen: Callable[[Page, str], object], toegankelijk: Callable[[Page], None]
) -> None:
    burger = BurgerFabriek(voornamen="Jan", achternaam="Jansen")
    afdeling = AfdelingFabriek(
        organisatie__naam="Bouwbedrijf De Toekomst", naam="Salarisadministratie"
    )
    rekening = afdeling.rekeningen.get()
    inloggen(pagina, Rol.FRONTOFFICE)

    pagina.goto(f"/afspraken/deelnemer/{burger.pk}/nieuw/")
    toegankelijk(pagina)
    rubriek = pagina.get_by_label("Rubriek")
    expect(rubriek.locator("option", has_text=re.compile("^Huur$"))).to_have_count(1)
    pagina.get_by_label("Inkomsten").check()
    # only income rubrieken once the direction is chosen
    expect(rubriek.locator("option", has_text=re.compile("^Huur$"))).to_have_count(0)
    expect(rubriek.locator("option", has_text=re.compile("^Loon$"))).to_have_count(1)
    pagina.get_by_label("Organisatie (afdeling)").select_option(
        label="Bouwbedrijf De Toekomst – Salarisadministratie"
    )
    tegenrekening = pagina.get_by_label("Tegenrekening")
    expect(tegenrekening.locator(f"option[value='{rekening.pk}']")).to_have_count(1)
    tegenrekening.select_option(str(rekening.pk))
    pagina.get_by_label("Bedrag").fill("1.234,56")
    pagina.get_by_label("Omschrijving").fill("Loon Bouwbedrijf De Toekomst")
    pagina.get_by_label("Rubriek").select_option(label="Loon")
    pagina.get_by_label("Geldig vanaf").fill("2026-01-01")
    pagina.get_by_label("Frequentie").select_option("wekelijks")
    pagina.get_by_label("Elke hoeveel keer").fill("4")
    pagina.get_by_label("Weekdag").select_option(label="vrijdag")
    pagina.get_by_label("Zoektermen").fill("salaris\nde toekomst")
    pagina.get_by_role("button", name="Opslaan").click()

    expect(pagina.get_by_role("heading", level=1)).to_contain_text("Loon Bouwbedrijf De Toekomst")
    expect(pagina.get_by_text("Elke 4 weken op vrijdag")).to_be_visible()
    toegankelijk(pagina)
    afspraak = Afspraak.objects.get(burger=burger)
    assert (afspraak.richting, afspraak.bedrag, afspraak.frequentie) == (
        "inkomsten",
        123456,
        "wekelijks",
    )
    assert (afspraak.interval, afspraak.weekdag, afspraak.tegenrekening_id) == (4, 4, rekening.pk)
    assert afspraak.zoektermen == ["salaris", "de toekomst"]
    schermafdruk(pagina, "afspraak")


def test_zoeken_op_naam_bsn_en_iban(
    pagina: Page, inloggen: Callable[[Page, str], object], toegankelijk: Callable[[Page], None]
) -> None:
    gezocht = BurgerFabriek(voornamen="Samira", achternaam="Bakker")
    gezocht.rekeningen.add(RekeningFabriek(iban="NL02ABNA0123456789"))
    BurgerFabriek(voornamen="Kees", achternaam="Visser")
    inloggen(pagina, Rol.BACKOFFICE)
    pagina.goto("/deelnemers/")
    for zoekterm in ("bakker", gezocht.bsn, gezocht.hhb_nummer, "NL02 ABNA 0123 4567 89"):
        pagina.get_by_role("searchbox").or_(pagina.get_by_label("Zoeken")).first.fill(zoekterm)
        pagina.get_by_role("button", name="Zoeken").click()
        expect(pagina.get_by_role("status")).to_contain_text("1 deelnemer gevonden")
        expect(pagina.get_by_role("link", name="Samira Bakker")).to_be_visible()
        expect(pagina.get_by_role("link", name="Kees Visser")).to_have_count(0)
        toegankelijk(pagina)
