"""Browser tests: the real app served by pytest-django's live server, driven by
Playwright in Debian's Chromium, every page checked with axe-core."""

import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from huishoudboekje.accounts.models import Medewerker

os.environ.setdefault(
    "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
)  # Playwright's sync API runs an event loop

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE_URL = "/static/vendor/axe-core/axe.min.js"  # same origin: the strict CSP allows it
SCHERMAFDRUKKEN = Path(__file__).resolve().parents[2] / "test-results"
WACHTWOORD = "Browser-wachtwoord-2026!"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def pagina(browser: Browser, live_server: Any) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


AXE_RUN = (
    "async () => await axe.run(document, {runOnly: {type: 'tag',"
    " values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})"
)


def axe_controle(page: Page) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.1 A/AA rules) on the current page; return the violations.

    A click on a link may still be navigating when the check starts: the document is
    then being replaced (no <head> yet, or the execution context goes away). Wait for
    the page to be loaded and try again, a few times at most."""
    for poging in range(5):
        page.wait_for_load_state("load")
        try:
            page.add_script_tag(url=AXE_URL)
            resultaat = page.evaluate(AXE_RUN)
        except PlaywrightError as fout:
            if poging == 4 or not _navigatie_bezig(fout):
                raise
            page.wait_for_timeout(200)
            continue
        return resultaat["violations"]  # type: ignore[no-any-return]
    raise AssertionError("unreachable")


def _navigatie_bezig(fout: Exception) -> bool:
    tekst = str(fout)
    return any(
        teken in tekst
        for teken in (
            "appendChild",
            "Execution context was destroyed",
            "axe is not defined",
            "navigat",
        )
    )


@pytest.fixture
def toegankelijk() -> Callable[[Page], None]:
    def controleer(page: Page) -> None:
        fouten = axe_controle(page)
        samenvatting = [
            {"id": f["id"], "help": f["help"], "nodes": [n["target"] for n in f["nodes"]][:5]}
            for f in fouten
        ]
        assert not fouten, f"axe-core op {page.url}: {json.dumps(samenvatting, indent=1)}"

    return controleer


@pytest.fixture
def inloggen(transactional_db: None) -> Callable[[Page, str], Medewerker]:
    def login(page: Page, rol: str) -> Medewerker:
        gebruiker = Medewerker.objects.create_user(
            username=f"browser-{rol}",
            password=WACHTWOORD,
            rol=rol,
            first_name="Test",
            last_name=rol.title(),
        )
        page.goto("/accounts/login/")
        page.get_by_label("Gebruikersnaam").fill(gebruiker.username)
        page.get_by_label("Wachtwoord").fill(WACHTWOORD)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(lambda url: "/accounts/login" not in url)
        return gebruiker

    return login


def schermafdruk(page: Page, naam: str) -> Path:
    SCHERMAFDRUKKEN.mkdir(exist_ok=True)
    pad = SCHERMAFDRUKKEN / f"{naam}.png"
    page.screenshot(path=str(pad), full_page=True)
    return pad
