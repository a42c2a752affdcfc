"""A new staff member in a real browser: the beheerder creates the account and copies the
activation link (no password field anywhere), the staff member opens it in another
browser, chooses a password (a weak one first) and is logged in without a role; a
teamleider approves the requested role. Every page passes axe-core."""

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from huishoudboekje.accounts.models import Medewerker
from huishoudboekje.accounts.roles import Rol

from .conftest import schermafdruk

pytestmark = pytest.mark.django_db(transaction=True)

WACHTWOORD = "Mijn-eigen-zin-voor-het-werk-2026"


def test_activatielink_en_goedkeuring_van_de_rol(
    pagina: Page,
    browser: Browser,
    live_server: Any,
    inloggen: Callable[[Page, str], Medewerker],
    toegankelijk: Callable[[Page], None],
) -> None:
    inloggen(pagina, Rol.BEHEERDER)
    pagina.goto("/accounts/medewerkers/nieuw/")
    toegankelijk(pagina)
    assert pagina.locator('input[type="password"]').count() == 0
    pagina.get_by_label("Gebruikersnaam").fill("kees")
    pagina.get_by_label("Voornaam").fill("Kees")
    pagina.get_by_label("Rol").select_option("auditor")
    pagina.get_by_role("button", name="Medewerker aanmaken").click()
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("Activatielink voor kees")
    toegankelijk(pagina)
    link = pagina.get_by_label("Activatielink").input_value()
    assert "/accounts/activeren/" in link

    ander = browser.new_context(base_url=live_server.url, locale="nl-NL")  # their own browser
    kees = ander.new_page()
    kees.goto(link)
    expect(kees.get_by_role("heading", level=1)).to_have_text("Account activeren")
    assert "/accounts/activeren/wachtwoord-kiezen/" in kees.url  # the secret left the URL
    toegankelijk(kees)
    kees.get_by_label("Nieuw wachtwoord").fill("Welkom01!!!!!!")
    kees.get_by_label("Herhaal het nieuwe wachtwoord").fill("Welkom01!!!!!!")
    kees.get_by_role("button", name="Wachtwoord instellen").click()
    expect(kees.get_by_role("alert")).to_contain_text("veelgebruikt")
    toegankelijk(kees)
    kees.get_by_label("Nieuw wachtwoord").fill(WACHTWOORD)
    kees.get_by_label("Herhaal het nieuwe wachtwoord").fill(WACHTWOORD)
    kees.get_by_role("button", name="Wachtwoord instellen").click()
    expect(kees.get_by_text("Uw account is geactiveerd.")).to_be_visible()
    kees.goto("/accounts/mijn-account/")
    expect(kees.get_by_text("aangevraagd: Auditor")).to_be_visible()
    toegankelijk(kees)
    assert Medewerker.objects.get(username="kees").rol == ""
    kees.goto(link)  # a second time: used up
    expect(kees.get_by_role("heading", level=1)).to_have_text("Activatielink werkt niet")
    ander.close()

    pagina.get_by_role("button", name="Uitloggen").click()
    inloggen(pagina, Rol.TEAMLEIDER)
    pagina.get_by_role("link", name="Rolverzoeken").click()
    toegankelijk(pagina)
    pagina.get_by_role("button", name="Goedkeuren").click()
    expect(pagina.get_by_text("kees heeft nu de rol Auditor.")).to_be_visible()
    toegankelijk(pagina)
    assert Medewerker.objects.get(username="kees").rol == "auditor"
    schermafdruk(pagina, "rolverzoeken")
