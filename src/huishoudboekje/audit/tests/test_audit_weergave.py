"""The audit trail reads like the domain: names instead of ids, Dutch amounts and dates,
lists as text, booleans ja/nee, choices by their label; a removed object keeps the name
the trail recorded for it; a page of 50 lines needs no more queries than a page of 5."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.audit.models import AuditActie, AuditRegel
from huishoudboekje.audit.services import audit_registreer, momentopname
from huishoudboekje.audit.weergave import auditregels_voor_weergave, deelnemer_label
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.fabrieken import (
    AfdelingFabriek,
    AfspraakFabriek,
    BurgerFabriek,
    OrganisatieFabriek,
    RekeningFabriek,
)

pytestmark = pytest.mark.django_db

PIJL = ' <span aria-hidden="true">→</span><span class="hhb-visueel-verborgen"> naar</span> '
VAN = '<dd><span class="hhb-visueel-verborgen">van </span>'


def _veld(naam: str, voor: str, na: str) -> str:
    return f"<dt>{naam}</dt>\n            {VAN}{voor}{PIJL}{na}</dd>"


@pytest.fixture
def auditor(client_als):
    return client_als(Rol.AUDITOR)


@pytest.fixture
def medewerker(maak_medewerker):
    return maak_medewerker(Rol.FRONTOFFICE, "frida")


def _afdeling(organisatie: str, afdeling: str):
    return AfdelingFabriek(organisatie=OrganisatieFabriek(naam=organisatie), naam=afdeling)


def _gewijzigde_afspraak(medewerker):
    burger = BurgerFabriek(voornamen="Jan Piet", tussenvoegsel="de", achternaam="Vries")
    afspraak = AfspraakFabriek(burger=burger, afdeling=_afdeling("Woonstad", "Verhuur"))
    voor = momentopname(afspraak)
    afspraak.afdeling = _afdeling("Eneco", "Klantenservice")
    afspraak.rubriek = Rubriek.objects.get(naam="Energie")
    afspraak.bedrag = 123456
    afspraak.geldig_tot = dt.date(2026, 12, 4)
    afspraak.zoektermen = ["eneco", "termijn"]
    afspraak.uitzonderingen = ["2026-05-01"]
    afspraak.weekdag = 2
    afspraak.betaalwijze = "incasso"
    afspraak.save()
    audit_registreer(
        door=medewerker, actie=AuditActie.GEWIJZIGD, obj=afspraak, voor=voor, burger_id=burger.pk
    )
    return afspraak


def test_namen_bedragen_datums_en_lijsten_in_plaats_van_ids(auditor, medewerker):
    afspraak = _gewijzigde_afspraak(medewerker)
    html = auditor.get(reverse("audit:lijst")).content.decode()
    assert _veld("organisatie (afdeling)", "Woonstad – Verhuur", "Eneco – Klantenservice") in html
    assert f"Huur{PIJL}Energie</dd>" in html
    assert f"€\u00a0725,00{PIJL}€\u00a01.234,56</dd>" in html
    assert "<dt>geldig tot en met</dt>" in html and f"—{PIJL}4 december 2026</dd>" in html
    assert f"—{PIJL}eneco, termijn</dd>" in html
    assert f"—{PIJL}1 mei 2026</dd>" in html  # a list of dates
    assert "<dt>weekdag</dt>" in html and f"—{PIJL}woensdag</dd>" in html.lower()
    assert "Wij maken over" in html  # betaalwijze by its label
    assert "Deelnemer: J.P. de Vries (" in html
    # no raw ids, field names or Python lists
    assert f">{afspraak.afdeling_id}<" not in html and "afdeling_id" not in html
    assert "['" not in html and "[]" not in html


def test_aangemaakt_toont_de_deelnemer_van_een_afspraak(auditor, medewerker):
    burger = BurgerFabriek(voorletters="J.", voornamen="Jan", achternaam="Jansen")
    afspraak = AfspraakFabriek(burger=burger)
    audit_registreer(
        door=medewerker, actie=AuditActie.AANGEMAAKT, obj=afspraak, burger_id=burger.pk
    )
    html = auditor.get(reverse("audit:lijst")).content.decode()
    assert _veld("deelnemer", "—", f"J. Jansen ({burger.hhb_nummer})") in html
    assert "<dt>leefgeld</dt>" in html and f"—{PIJL}nee</dd>" in html


def test_veel_op_veel_als_namen(auditor, medewerker):
    burger = BurgerFabriek()
    voor = momentopname(burger)
    een = RekeningFabriek(iban="NL91ABNA0417164300", rekeninghouder="J. Jansen")
    twee = RekeningFabriek(iban="NL20INGB0001234567", rekeninghouder="Stichting X")
    burger.rekeningen.add(een, twee)
    audit_registreer(
        door=medewerker, actie=AuditActie.GEWIJZIGD, obj=burger, voor=voor, burger_id=burger.pk
    )
    html = auditor.get(reverse("audit:lijst")).content.decode()
    assert "<dt>rekeningen</dt>" in html
    assert (
        f"—{PIJL}NL91 ABNA 0417 1643 00 (J. Jansen), NL20 INGB 0001 2345 67 (Stichting X)</dd>"
        in html
    )


def test_verwijderd_object_houdt_zijn_naam_uit_de_audit_trail(medewerker):
    weg = _afdeling("Vitens", "Drinkwater")
    audit_registreer(door=medewerker, actie=AuditActie.VERWIJDERD, obj=weg, voor=momentopname(weg))
    weg_pk = weg.pk
    weg.delete()
    afspraak = AfspraakFabriek()
    voor = momentopname(afspraak) | {"afdeling_id": weg_pk}
    nooit_gezien = {"afdeling_id": 999999}
    audit_registreer(door=medewerker, actie=AuditActie.GEWIJZIGD, obj=afspraak, voor=voor)
    audit_registreer(
        door=medewerker,
        actie=AuditActie.GEWIJZIGD,
        obj=afspraak,
        voor=momentopname(afspraak) | nooit_gezien,
    )
    rijen = auditregels_voor_weergave(list(AuditRegel.objects.filter(object_type="afspraak")))
    waarden = {
        w.voor for rij in rijen for w in rij.wijzigingen if w.veld == "organisatie (afdeling)"
    }
    assert waarden == {"Vitens – Drinkwater (verwijderd)", "#999999"}


def test_geen_n_plus_1_op_een_pagina(medewerker):
    def vragen_voor(aantal: int) -> int:
        AuditRegel.objects.all().delete()
        for _ in range(aantal):
            _gewijzigde_afspraak(medewerker)
        regels = list(AuditRegel.objects.all())
        assert len(regels) == aantal
        with CaptureQueriesContext(connection) as vragen:
            rijen = auditregels_voor_weergave(regels)
        assert all(len(r.wijzigingen) >= 8 for r in rijen)
        return len(vragen)

    assert vragen_voor(5) == vragen_voor(50)
    assert vragen_voor(50) <= 6  # burgers, afdelingen, rubrieken, rekeningen, ...


def test_deelnemer_label_zonder_voorletters():
    burger = BurgerFabriek.build(voorletters="", voornamen="Anna Maria", achternaam="Bakker")
    assert deelnemer_label(burger) == f"A.M. Bakker ({burger.hhb_nummer})"
