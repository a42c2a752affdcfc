"""Bank statements in the browser: upload a real camt.053 file, see it booked
automatically where it is clear, then book the remaining line by hand from its ranked
suggestion (and learn its reference). Every page checked with axe-core."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.bankafschriften.models import Banktransactie
from huishoudboekje.bankafschriften.tests.hulp import camt, tx
from huishoudboekje.boekhouding.models import Journaalpost, Rubriek
from huishoudboekje.fabrieken import (
    AfdelingFabriek,
    AfspraakFabriek,
    GemeenteRekeningFabriek,
    RekeningFabriek,
)

from .conftest import schermafdruk

pytestmark = pytest.mark.django_db(transaction=True)


def test_inlezen_automatisch_boeken_en_handmatig_boeken_met_suggestie(
    pagina: Page,
    inloggen: Callable[[Page, str], object],
    toegankelijk: Callable[[Page], None],
    tmp_path,
) -> None:
    GemeenteRekeningFabriek()
    uwv = AfdelingFabriek(
        organisatie__naam="UWV",
        naam="Uitkeringen",
        rekeningen=[RekeningFabriek(iban="NL91ABNA0417164300")],
    )
    ww = AfspraakFabriek(
        afdeling=uwv,
        richting="inkomsten",
        omschrijving="WW-uitkering",
        bedrag=98000,
        betaalwijze="",
        rubriek=Rubriek.objects.get(naam="Uitkering UWV"),
        zoektermen=["uitkeringsnummer 4411"],
        dag_van_maand=28,
    )
    bestand = tmp_path / "2026-05-28_BNG_camt053.xml"
    bestand.write_bytes(
        camt(
            tx(
                bedrag=98000,
                omschrijving="WW mei uitkeringsnummer 4411",
                bankreferentie="R1",
                end_to_end_id="E1",
            ),
            tx(
                bedrag=97500,
                omschrijving="WW correctie mei ref 99812",
                bankreferentie="R2",
                end_to_end_id="E2",
            ),
            eindsaldo=100000 + 98000 + 97500,
        )
    )
    inloggen(pagina, Rol.BACKOFFICE)
    pagina.goto("/bankafschriften/")
    toegankelijk(pagina)
    pagina.get_by_label("Bankafschriften").set_input_files(str(bestand))
    pagina.get_by_role("button", name="Inlezen").click()
    resultaat = pagina.locator("#hhb-importresultaat")
    expect(resultaat).to_contain_text(
        "2 transacties: 2 nieuw, 0 al eerder ingelezen, 1 automatisch geboekt."
    )
    toegankelijk(pagina)
    assert Journaalpost.objects.get(automatisch=True).afspraak == ww

    resultaat.get_by_role("link", name="Naar de transacties die nog geboekt moeten worden").click()
    pagina.wait_for_url(lambda url: "status=open" in url)
    toegankelijk(pagina)
    open_ = Banktransactie.objects.get(geboekt=0)
    pagina.get_by_role("link", name=open_.boekdatum.strftime("%d-%m-%Y")).first.click()
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("975,00")
    suggestie = pagina.locator(".hhb-suggestie").first
    expect(suggestie).to_contain_text("WW-uitkering")
    expect(suggestie).to_contain_text("IBAN bekend bij UWV")
    toegankelijk(pagina)
    schermafdruk(pagina, "transactie-suggestie")
    suggestie.get_by_role("button", name="Boeken en zoekterm '99812' toevoegen").click()
    expect(pagina.locator("main")).to_contain_text("Geboekt op 'WW-uitkering'")
    expect(pagina.locator("main")).to_contain_text("Zoekterm '99812' toegevoegd aan de afspraak.")
    toegankelijk(pagina)
    open_.refresh_from_db()
    ww.refresh_from_db()
    assert open_.open_bedrag == 0 and "99812" in ww.zoektermen
    assert Journaalpost.objects.get(transactie=open_).automatisch is False
