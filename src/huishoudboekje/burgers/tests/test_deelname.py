"""Participation (deelname) rules: defaults, no overlap, ending and the minimum term."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from huishoudboekje.audit.models import AuditRegel
from huishoudboekje.burgers import selectors, services
from huishoudboekje.burgers.models import Deelname
from huishoudboekje.configuratie.selectors import gemeente
from huishoudboekje.fabrieken import BurgerFabriek, DeelnameFabriek

from .hulp import persoon

pytestmark = pytest.mark.django_db
D = dt.date


def test_eerste_deelname_met_standaarden_van_de_gemeente(frontoffice):
    instelling = gemeente()
    instelling.minimale_looptijd_maanden = 9
    instelling.standaard_buffergrens = 120000
    instelling.save()
    burger = services.burger_aanmaken(door=frontoffice, gegevens=persoon(), deelname={})
    deelname = burger.deelnames.get()
    assert deelname.startdatum == timezone.localdate()
    assert (deelname.minimale_looptijd_maanden, deelname.variant, deelname.buffergrens) == (
        9,
        "volledig",
        None,
    )
    assert deelname.signaal_negatief_saldo is True
    assert selectors.effectieve_buffergrens(deelname) == 120000
    deelname.buffergrens = 250000
    assert selectors.effectieve_buffergrens(deelname) == 250000


def test_tweede_open_deelname_geweigerd(frontoffice):
    deelname = DeelnameFabriek()
    with pytest.raises(ValidationError) as exc:
        services.deelname_aanmaken(
            door=frontoffice, burger=deelname.burger, gegevens={"startdatum": D(2027, 1, 1)}
        )
    assert "lopende deelname" in exc.value.message_dict["startdatum"][0]
    assert Deelname.objects.count() == 1


def test_nieuwe_deelname_na_beeindigde_en_geen_overlap(frontoffice):
    deelname = DeelnameFabriek(startdatum=D(2025, 1, 1), einddatum=D(2025, 12, 31))
    with pytest.raises(ValidationError) as exc:
        services.deelname_aanmaken(
            door=frontoffice, burger=deelname.burger, gegevens={"startdatum": D(2025, 6, 1)}
        )
    assert "overlapt" in exc.value.message_dict["startdatum"][0]
    nieuw = services.deelname_aanmaken(
        door=frontoffice,
        burger=deelname.burger,
        gegevens={"startdatum": D(2026, 3, 1), "variant": "afbouw"},
    )
    assert nieuw.variant == "afbouw" and nieuw.einddatum is None


@pytest.mark.parametrize(
    ("gegevens", "veld"),
    [
        ({"buffergrens": -1}, "buffergrens"),
        ({"variant": "onbekend"}, "variant"),
        ({"minimale_looptijd_maanden": 500}, "minimale_looptijd_maanden"),
    ],
)
def test_ongeldige_deelname_niet_opgeslagen(frontoffice, gegevens, veld):
    burger = BurgerFabriek()
    with pytest.raises(ValidationError) as exc:
        services.deelname_aanmaken(door=frontoffice, burger=burger, gegevens=gegevens)
    assert list(exc.value.message_dict) == [veld]
    assert not Deelname.objects.exists()


def test_einde_minimale_looptijd():
    assert selectors.einde_minimale_looptijd(
        Deelname(startdatum=D(2026, 1, 1), minimale_looptijd_maanden=6)
    ) == D(2026, 6, 30)
    assert selectors.einde_minimale_looptijd(
        Deelname(startdatum=D(2025, 8, 31), minimale_looptijd_maanden=6)
    ) == D(2026, 2, 27)
    assert selectors.plus_maanden(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert selectors.plus_maanden(D(2024, 11, 15), 14) == D(2026, 1, 15)


def test_beeindigen_voor_startdatum_geweigerd(frontoffice):
    deelname = DeelnameFabriek(startdatum=D(2026, 1, 1))
    with pytest.raises(ValidationError) as exc:
        services.deelname_beeindigen(
            door=frontoffice, deelname=deelname, einddatum=D(2025, 12, 31), toch_beeindigen=True
        )
    assert "vóór de startdatum (01-01-2026)" in exc.value.message_dict["einddatum"][0]
    deelname.refresh_from_db()
    assert deelname.einddatum is None


def test_beeindigen_binnen_minimale_looptijd_vraagt_bevestiging(frontoffice):
    deelname = DeelnameFabriek(startdatum=D(2026, 1, 1), minimale_looptijd_maanden=6)
    with pytest.raises(ValidationError) as exc:
        services.deelname_beeindigen(door=frontoffice, deelname=deelname, einddatum=D(2026, 3, 31))
    assert "30-06-2026" in exc.value.message_dict["toch_beeindigen"][0]
    deelname.refresh_from_db()
    assert deelname.einddatum is None
    services.deelname_beeindigen(
        door=frontoffice, deelname=deelname, einddatum=D(2026, 3, 31), toch_beeindigen=True
    )
    deelname.refresh_from_db()
    assert deelname.einddatum == D(2026, 3, 31)


def test_beeindigen_na_minimale_looptijd_zonder_bevestiging_met_audit(frontoffice):
    deelname = DeelnameFabriek(startdatum=D(2026, 1, 1), minimale_looptijd_maanden=6)
    services.deelname_beeindigen(door=frontoffice, deelname=deelname, einddatum=D(2026, 6, 30))
    regel = AuditRegel.objects.get(object_type="deelname")
    assert (regel.voor["einddatum"], regel.na["einddatum"]) == (None, "2026-06-30")
    assert regel.burger_id == deelname.burger_id


def test_deelname_wijzigen_met_audit(frontoffice):
    deelname = DeelnameFabriek(startdatum=D(2026, 1, 1))
    services.deelname_wijzigen(
        door=frontoffice,
        deelname=deelname,
        gegevens={
            "startdatum": D(2026, 1, 1),
            "variant": "inkomsten",
            "buffergrens": 250000,
            "minimale_looptijd_maanden": 6,
            "signaal_negatief_saldo": False,
        },
    )
    deelname.refresh_from_db()
    assert (deelname.variant, deelname.buffergrens, deelname.signaal_negatief_saldo) == (
        "inkomsten",
        250000,
        False,
    )
    regel = AuditRegel.objects.get(object_type="deelname")
    assert (regel.voor["variant"], regel.na["variant"]) == ("volledig", "inkomsten")


def test_deelname_status():
    vandaag = D(2026, 5, 1)
    assert selectors.deelname_status(None, None, None, vandaag=vandaag).code == "geen"
    assert (
        selectors.deelname_status(D(2026, 1, 1), None, "volledig", vandaag=vandaag).code == "actief"
    )
    assert (
        selectors.deelname_status(D(2026, 1, 1), D(2026, 5, 1), "volledig", vandaag=vandaag).code
        == "actief"
    )
    assert (
        selectors.deelname_status(D(2026, 1, 1), D(2026, 4, 30), "volledig", vandaag=vandaag).code
        == "beeindigd"
    )
    status = selectors.deelname_status(D(2026, 6, 1), None, "inkomsten", vandaag=vandaag)
    assert (status.code, status.variant) == ("gepland", "Inkomstenzekerheid")
