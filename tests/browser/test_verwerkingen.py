"""The read log in the browser: a front-office read shows up for the auditor, found by
HHB-number through the search form (POST, so the number is not in the address bar);
the log, its export link, the register and the readable audit trail pass axe-core."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer, momentopname
from huishoudboekje.fabrieken import AfspraakFabriek, BurgerFabriek

pytestmark = pytest.mark.django_db(transaction=True)


def test_auditor_ziet_wie_de_deelnemer_bekeek(
    pagina: Page, inloggen: Callable[[Page, str], object], toegankelijk: Callable[[Page], None]
) -> None:
    burger = BurgerFabriek(voorletters="S.", voornamen="Sanne", achternaam="Visser")
    afspraak = AfspraakFabriek(burger=burger)
    frontoffice = inloggen(pagina, Rol.FRONTOFFICE)
    voor = momentopname(afspraak)
    afspraak.bedrag = 80000
    afspraak.save()
    audit_registreer(
        door=frontoffice, actie=AuditActie.GEWIJZIGD, obj=afspraak, voor=voor, burger_id=burger.pk
    )
    pagina.goto(f"/deelnemers/{burger.pk}/")
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("Visser")
    pagina.get_by_role("button", name="Uitloggen").click()

    inloggen(pagina, Rol.AUDITOR)
    pagina.get_by_role("link", name="Verwerkingenlog").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Verwerkingenlog")
    toegankelijk(pagina)
    pagina.get_by_label("Deelnemer").fill(burger.hhb_nummer)
    pagina.get_by_role("button", name="Zoeken").click()
    expect(pagina.get_by_role("heading", level=2, name="Raadplegingen van")).to_be_visible()
    assert burger.hhb_nummer not in pagina.url
    tabel = pagina.get_by_role("table")
    expect(tabel).to_contain_text(f"S. Visser ({burger.hhb_nummer})")
    expect(tabel).to_contain_text("Deelnemer raadplegen")
    expect(tabel).to_contain_text("browser-frontoffice")
    toegankelijk(pagina)
    expect(pagina.get_by_role("link", name="Deze raadplegingen exporteren (CSV)")).to_be_visible()

    pagina.get_by_role("link", name="Register van verwerkingsactiviteiten").click()
    kop = pagina.get_by_role("heading", level=2, name="Deelnemer raadplegen", exact=True)
    expect(kop).to_be_visible()
    toegankelijk(pagina)

    pagina.goto("/audit/")
    expect(pagina.get_by_role("table")).to_contain_text("S. Visser")
    pagina.get_by_text("1 veld").click()
    expect(pagina.get_by_role("table")).to_contain_text("€ 800,00")
    toegankelijk(pagina)
