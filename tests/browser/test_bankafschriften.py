"""Bank statements in the browser: upload a real camt.053 file, see it booked
automatically where it is clear, then book the remaining line by hand from its ranked
suggestion (and learn its reference). Every page checked with axe-core."""

import datetime as dt
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.bankafschriften.models import Banktransactie
from huishoudboekje.bankafschriften.tests.hulp import camt, mt940, tx
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


def test_meerdere_bestanden_een_voor_een_met_voortgang_en_resultaat_per_bestand(
    pagina: Page,
    inloggen: Callable[[Page, str], object],
    toegankelijk: Callable[[Page], None],
    tmp_path,
) -> None:
    """Three files in one choice: a camt.053, a hostile XML file and an MT940. They are
    sent one by one; each gets its own result in order, the refused one changes
    nothing, and the status line sums up."""
    GemeenteRekeningFabriek()
    eerste = tmp_path / "mei.xml"
    eerste.write_bytes(camt(tx(), eindsaldo=100000 + 72500))
    vijandig = tmp_path / "vijandig.xml"
    vijandig.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<Document>&x;</Document>"
    )
    derde = tmp_path / "juni.sta"
    derde.write_bytes(
        mt940(
            tx(bankreferentie="R9", end_to_end_id="E9", boekdatum=dt.date(2026, 6, 28),
               valutadatum=dt.date(2026, 6, 28)),
            afschrift_id="AFS-2026-06-28", datum=dt.date(2026, 6, 28),
            beginsaldo=100000 + 72500, eindsaldo=100000 + 2 * 72500,
        )
    )
    inloggen(pagina, Rol.BACKOFFICE)
    pagina.goto("/bankafschriften/inlezen/")
    pagina.get_by_label("Bankafschriften").set_input_files([str(eerste), str(vijandig), str(derde)])
    verzoeken: list[str] = []
    pagina.on("request", lambda r: verzoeken.append(r.url) if r.method == "POST" else None)
    pagina.get_by_role("button", name="Inlezen").click()
    status = pagina.locator(".hhb-uploadstatus")
    expect(status).to_have_text("3 bestand(en) verwerkt: 2 ingelezen, 1 niet ingelezen.")
    regels = pagina.locator("#hhb-importresultaat .hhb-importresultaten > li")
    expect(regels).to_have_count(3)
    expect(regels.nth(0)).to_contain_text("mei.xml")
    expect(regels.nth(0)).to_contain_text("1 transacties: 1 nieuw")
    expect(regels.nth(1)).to_contain_text("vijandig.xml")
    expect(regels.nth(1)).to_contain_text("Niet ingelezen; er is niets veranderd.")
    expect(regels.nth(2)).to_contain_text("juni.sta")
    expect(regels.nth(2)).to_contain_text("1 transacties: 1 nieuw")
    expect(pagina.locator("progress.hhb-voortgang")).to_have_attribute("value", "300")
    expect(
        pagina.get_by_role("link", name="Naar de transacties die nog geboekt moeten worden")
    ).to_have_count(1)
    schermafdruk(pagina, "inlezen-per-bestand")
    assert len(verzoeken) == 3  # one request per file
    assert Banktransactie.objects.count() == 2
    toegankelijk(pagina)
