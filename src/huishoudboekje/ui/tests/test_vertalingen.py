"""The English translation: staff pages switch to English with the language button, and
the catalogue (locale/en/LC_MESSAGES/django.po) has a translation for every string.

The catalogue tests guard later work: a string marked for translation but left empty or
fuzzy in django.po (or a .mo that was not compiled again) fails here with the command
that fixes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from huishoudboekje.accounts.context_processors import _NAVIGATIE
from huishoudboekje.accounts.roles import Rol
from huishoudboekje.fabrieken import BurgerFabriek, DeelnameFabriek

CATALOGUS = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES"
HOE_TE_HERSTELLEN = (
    "Fix: cd src/huishoudboekje && ../../.venv/bin/hhb makemessages -l en "
    "--ignore 'static/*' --ignore 'core/*' --ignore '*/tests/*'; translate every empty "
    "or fuzzy entry in locale/en/LC_MESSAGES/django.po (and remove the '#, fuzzy' "
    "flag); then ../../.venv/bin/hhb compilemessages and commit django.po and django.mo."
)

# Navigation labels that are the same word in both languages.
ZELFDE_IN_HET_ENGELS = {"Audit trail"}


def _navigatie_labels() -> dict[str, str]:
    """Dutch label -> its English translation, for every item of the main navigation."""
    with translation.override("en"):
        return {nl: translation.gettext(nl) for nl, _url, _recht in _NAVIGATIE}


def _navigatie_nl() -> list[str]:
    return [nl for nl in _navigatie_labels() if nl not in ZELFDE_IN_HET_ENGELS]


def _in_het_engels(client: Client) -> Client:
    """Switch the session's language the way the button in the header does."""
    antwoord = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert antwoord.status_code == 302
    return client


def _tekst(antwoord) -> str:  # type: ignore[no-untyped-def]
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def _navigatie(html: str) -> str:
    gevonden = re.search(r'<nav class="utrecht-nav-bar hhb-nav".*?</nav>', html, re.S)
    assert gevonden, "main navigation not found"
    return gevonden.group(0)


def _geen_woorden(html: str, woorden: list[str]) -> None:
    over = [w for w in woorden if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", html)]
    assert not over, f"Dutch left on an English page: {over}"


@pytest.fixture
def engels(client_als: Callable[[Rol | str], Client]) -> Callable[[Rol], Client]:
    return lambda rol: _in_het_engels(client_als(rol))


def test_elk_navigatie_item_heeft_een_engelse_vertaling():
    onvertaald = [
        nl for nl, en in _navigatie_labels().items() if nl == en and nl not in ZELFDE_IN_HET_ENGELS
    ]
    assert not onvertaald, f"Navigation labels without English: {onvertaald}. {HOE_TE_HERSTELLEN}"


@pytest.mark.django_db
@pytest.mark.parametrize("rol", list(Rol))
def test_navigatie_in_het_engels_voor_elke_rol(engels, rol):
    html = _tekst(engels(rol).get(reverse("start:home")))
    assert '<html lang="en"' in html
    nav = _navigatie(html)
    _geen_woorden(nav, _navigatie_nl())
    assert "Overview" in nav
    assert "Log out" in html and "Uitloggen" not in html


@pytest.mark.django_db
def test_alle_navigatie_items_verschijnen_in_het_engels(engels):
    alle = "".join(_navigatie(_tekst(engels(rol).get(reverse("start:home")))) for rol in Rol)
    for nl, en in _navigatie_labels().items():
        assert f">{en}</a>" in alle, f"{en} (for {nl}) missing from the English navigation"
    for en in ("Participants", "Households", "Organisations", "Categories", "Staff"):
        assert f">{en}</a>" in alle


@pytest.mark.django_db
def test_deelnemerslijst_in_het_engels(engels):
    DeelnameFabriek(burger=BurgerFabriek(voornamen="Anna", achternaam="Jansen"))
    html = _tekst(engels(Rol.FRONTOFFICE).get(reverse("burgers:lijst")))
    assert '<h1 class="utrecht-heading-1">Participants</h1>' in html
    assert "New participant" in html
    assert "Jansen" in html
    assert "Active" in html  # status badge, translated in the template
    _geen_woorden(html, ["Nieuwe deelnemer", "Zoeken", "Actief", *_navigatie_nl()])


@pytest.mark.django_db
def test_deelnemerformulier_in_het_engels(engels):
    html = _tekst(engels(Rol.FRONTOFFICE).get(reverse("burgers:nieuw")))
    for tekst in (
        "New participant",
        "Personal details",
        "First names",
        "Surname",
        "Date of birth",
        "Own bank account",
        "Buffer limit",
        "Alert on negative balance",
        "Create participant",
        "(required)",
        "Full (income, fixed costs and living allowance)",
    ):
        assert tekst in html, tekst
    _geen_woorden(
        html,
        [
            "Nieuwe deelnemer",
            "Persoonsgegevens",
            "Voornamen",
            "Achternaam",
            "Geboortedatum",
            "Eigen bankrekening",
            "Buffergrens",
            "Deelnemer aanmaken",
            "verplicht",
            "Annuleren",
        ],
    )


@pytest.mark.django_db
def test_afspraakformulier_in_het_engels(engels):
    burger = BurgerFabriek(voornamen="Anna", achternaam="Jansen")
    url = reverse("afspraken:nieuw", kwargs={"burger_pk": burger.pk})
    html = _tekst(engels(Rol.FRONTOFFICE).get(url))
    for tekst in (
        "New agreement",
        "Type of agreement",
        "Direction",
        "Income",
        "Expenses",
        "Counterparty bank account",
        "Choose a category",
        "Payment schedule",
        "Monthly",
        "Monday",
        "January",
        "Search terms",
        "Cancel",
    ):
        assert tekst in html, tekst
    _geen_woorden(
        html,
        [
            "Nieuwe afspraak",
            "Soort afspraak",
            "Richting",
            "Inkomsten",
            "Uitgaven",
            "Tegenrekening",
            "Betaalschema",
            "Maandelijks",
            "maandag",
            "januari",
            "Zoektermen",
            "Annuleren",
        ],
    )


@pytest.mark.django_db
def test_melding_na_opslaan_in_het_engels(engels):
    client = engels(Rol.FRONTOFFICE)
    antwoord = client.post(reverse("burgers:huishouden_nieuw"), {"naam": "Test"}, follow=True)
    assert "Test has been created." in _tekst(antwoord)


@pytest.mark.django_db
def test_nederlands_blijft_de_standaard(client_als):
    html = _tekst(client_als(Rol.FRONTOFFICE).get(reverse("burgers:lijst")))
    assert '<html lang="nl"' in html
    assert "Nieuwe deelnemer" in html and "New participant" not in html


def _po():  # type: ignore[no-untyped-def]
    with open(CATALOGUS / "django.po", "rb") as bestand:
        return read_po(bestand, locale="en")


def test_catalogus_heeft_geen_lege_of_fuzzy_vertalingen():
    catalogus = _po()
    assert not catalogus.fuzzy, f"The header of django.po is marked fuzzy. {HOE_TE_HERSTELLEN}"
    leeg, fuzzy = [], []
    for bericht in catalogus:
        if not bericht.id:
            continue
        teksten = bericht.string if isinstance(bericht.string, tuple) else (bericht.string,)
        if not all(teksten):
            leeg.append(bericht.id)
        if bericht.fuzzy:
            fuzzy.append(bericht.id)
    assert not leeg, f"Untranslated msgids in django.po: {leeg}. {HOE_TE_HERSTELLEN}"
    assert not fuzzy, f"Fuzzy (unchecked) msgids in django.po: {fuzzy}. {HOE_TE_HERSTELLEN}"


def test_catalogus_plaatshouders_kloppen():
    fouten = [(bericht.id, [str(f) for f in problemen]) for bericht, problemen in _po().check()]
    assert not fouten, f"Placeholders differ between msgid and msgstr: {fouten}"


def _sleutel(waarde):  # type: ignore[no-untyped-def]
    """Plural ids and strings come as lists from read_mo and tuples from read_po."""
    return tuple(waarde) if isinstance(waarde, list | tuple) else waarde


def test_mo_is_gecompileerd_uit_de_huidige_po():
    with open(CATALOGUS / "django.mo", "rb") as bestand:
        mo = {_sleutel(b.id): _sleutel(b.string) for b in read_mo(bestand) if b.id}
    po = {_sleutel(b.id): _sleutel(b.string) for b in _po() if b.id}
    verschil = sorted(str(k) for k in po.keys() ^ mo.keys() | {k for k in po if po[k] != mo.get(k)})
    assert not verschil, (
        f"django.mo does not match django.po for {verschil[:20]}. "
        "Run: cd src/huishoudboekje && ../../.venv/bin/hhb compilemessages"
    )
