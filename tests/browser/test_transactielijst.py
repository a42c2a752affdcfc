"""The transactions list in the browser: the rows come at once, the open rows' suggestions
and checkboxes follow (htmx, out of band); accepting the chosen suggestion books it; the
next page by its keyset link; "Nu afletteren" shows what it did."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.bankafschriften.models import Banktransactie
from huishoudboekje.boekhouding.models import Journaalpost, Rubriek
from huishoudboekje.fabrieken import AfspraakFabriek, BanktransactieFabriek

pytestmark = pytest.mark.django_db(transaction=True)


def test_suggestie_volgt_de_lijst_en_wordt_geboekt(
    pagina: Page,
    inloggen: Callable[[Page, str], object],
    toegankelijk: Callable[[Page], None],
) -> None:
    afspraak = AfspraakFabriek(
        richting="inkomsten",
        omschrijving="Loon Bouwbedrijf",
        bedrag=150000,
        rubriek=Rubriek.objects.get(naam="Loon"),
        betaalwijze="",
        zoektermen=["pers 8812"],
    )
    for i in range(30):  # more than a page of other open lines, without a suggestion
        BanktransactieFabriek(bedrag=100 + i, tegen_iban="", omschrijving=f"overig {i}")
    open_ = BanktransactieFabriek(  # the newest: on top
        bedrag=150000, tegen_iban=afspraak.tegenrekening.iban, omschrijving="SALARIS pers 8812"
    )
    inloggen(pagina, Rol.BACKOFFICE)
    pagina.goto("/transacties/")
    suggestie = pagina.locator(f"#hhb-suggestie-{open_.pk}")
    expect(suggestie).to_contain_text(f"Suggestie: {afspraak.burger.hhb_nummer} · Loon Bouwbedrijf")
    toegankelijk(pagina)
    pagina.locator(f"#kies-{open_.pk}").check()
    pagina.get_by_role("button", name="Beste suggestie boeken voor de gekozen transacties").click()
    expect(pagina.locator("main")).to_contain_text("1 transactie geboekt.")
    assert Journaalpost.objects.get(transactie=open_).afspraak == afspraak
    # the remaining 30 open lines: 25 here, 5 on the next page
    expect(pagina.locator("tbody tr")).to_have_count(25)
    pagina.get_by_role("link", name="Volgende pagina").click()
    expect(pagina.locator("tbody tr")).to_have_count(5)
    toegankelijk(pagina)
    assert Banktransactie.objects.filter(geboekt=0).count() == 30
    # the matching run over them (the demo's immediate backend: done within the request)
    pagina.get_by_role("button", name="Nu afletteren").click()
    expect(pagina.locator("main")).to_contain_text(
        "Afletteren klaar: 30 open transacties bekeken, 0 automatisch geboekt."
    )
    expect(pagina.get_by_role("button", name="Nu afletteren")).to_be_enabled()
