"""Loading demo data: counts, the service rules hold for every stored agreement, refusal
on a filled database, --leegmaken, deterministic HHB numbers, the command's output."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from huishoudboekje.accounts.models import Medewerker
from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.afspraken.regels import controleer_afspraak
from huishoudboekje.audit.models import AuditRegel
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.burgers.demo_laden import DemoDataFout, demo_data_laden
from huishoudboekje.burgers.models import Burger, Deelname, Huishouden
from huishoudboekje.configuratie.models import Gemeente
from huishoudboekje.demogegevens import Leefgeldinstelling, genereer_gemeente
from huishoudboekje.organisaties.models import Afdeling, Organisatie, Postadres
from huishoudboekje.rekeningen.models import Rekening

pytestmark = pytest.mark.django_db
PEILDATUM = dt.date(2026, 3, 15)


@pytest.fixture(autouse=True)
def _gemeente() -> Gemeente:
    gemeente, _ = Gemeente.objects.update_or_create(
        pk=1,
        defaults={
            "naam": "Gemeente Voorbeeldstad",
            "leefgeld_standaard_bedrag": 8000,
            "leefgeld_standaard_weekdag": 3,
        },
    )
    return gemeente


def _aantallen() -> dict[str, int]:
    return {
        m.__name__: m.objects.count()
        for m in (
            Burger,
            Deelname,
            Huishouden,
            Afspraak,
            Organisatie,
            Afdeling,
            Postadres,
            Rekening,
        )
    }


def _gegevens(afspraak: Afspraak) -> dict[str, object]:
    """The agreement as the services would receive it."""
    return {
        "richting": afspraak.richting,
        "leefgeld": afspraak.leefgeld,
        "afdeling": afspraak.afdeling,
        "tegenrekening": afspraak.tegenrekening,
        "bedrag": afspraak.bedrag,
        "omschrijving": afspraak.omschrijving,
        "rubriek": afspraak.rubriek,
        "geldig_van": afspraak.geldig_van,
        "geldig_tot": afspraak.geldig_tot,
        "zoektermen": afspraak.zoektermen,
        "betaalwijze": afspraak.betaalwijze,
        "frequentie": afspraak.frequentie,
        "interval": afspraak.interval,
        "dag_van_maand": afspraak.dag_van_maand,
        "weekdag": afspraak.weekdag,
        "maand": afspraak.maand,
        "uitzonderingen": [dt.date.fromisoformat(d) for d in afspraak.uitzonderingen],
    }


def test_loads_the_generated_municipality_with_the_right_counts() -> None:
    verwacht = genereer_gemeente(
        deelnemers=30,
        seed=3,
        peildatum=PEILDATUM,
        gemeente_naam="Gemeente Voorbeeldstad",
        leefgeld=Leefgeldinstelling(bedrag=8000, frequentie="wekelijks", weekdag=3),
    )
    samenvatting = demo_data_laden(deelnemers=30, seed=3, peildatum=PEILDATUM)
    assert _aantallen() == {
        "Burger": 30,
        "Deelname": 30,
        "Huishouden": len(verwacht.huishoudens),
        "Afspraak": len(verwacht.afspraken),
        "Organisatie": len(verwacht.organisaties),
        "Afdeling": samenvatting.afdelingen,
        "Postadres": samenvatting.afdelingen,
        "Rekening": len(verwacht.rekeningen),
    }
    assert samenvatting.afspraken == len(verwacht.afspraken)
    assert sorted(Burger.objects.values_list("hhb_nummer", flat=True)) == [
        f"HHB{n:06d}" for n in range(1, 31)
    ]
    assert set(Burger.objects.values_list("bsn", flat=True)) == {b.bsn for b in verwacht.burgers}
    assert Burger.objects.get(hhb_nummer="HHB000001").bsn == verwacht.burgers[0].bsn


def test_stored_data_passes_model_validation_and_the_agreement_rules() -> None:
    demo_data_laden(deelnemers=30, seed=4, peildatum=PEILDATUM)
    for model in (Burger, Rekening, Organisatie, Postadres, Deelname, Huishouden):
        for obj in model.objects.all():
            obj.full_clean()
    for burger in Burger.objects.prefetch_related("rekeningen"):
        assert burger.rekeningen.count() == 1
        assert burger.huishouden_id is not None
    afspraken = Afspraak.objects.select_related(
        "burger", "afdeling", "tegenrekening", "rubriek__grootboekrekening"
    )
    assert afspraken.count() > 30 * 3
    for afspraak in afspraken:
        assert controleer_afspraak(afspraak.burger, _gegevens(afspraak)) == {}, (
            afspraak.omschrijving
        )
        afspraak.full_clean()


def test_counter_account_belongs_to_the_department_or_the_participant() -> None:
    demo_data_laden(deelnemers=30, seed=5, peildatum=PEILDATUM)
    for afspraak in Afspraak.objects.select_related("burger", "afdeling"):
        if afspraak.afdeling is None:
            assert afspraak.burger.rekeningen.filter(pk=afspraak.tegenrekening_id).exists()
        else:
            assert afspraak.afdeling.rekeningen.filter(pk=afspraak.tegenrekening_id).exists()
    # The shared collection account: one IBAN, several departments.
    gedeeld = [
        r for r in Rekening.objects.prefetch_related("afdelingen") if r.afdelingen.count() >= 2
    ]
    assert gedeeld


def test_every_participant_has_exactly_one_leefgeld_agreement_to_own_account() -> None:
    demo_data_laden(deelnemers=30, seed=6, peildatum=PEILDATUM)
    leefgeld = Rubriek.objects.get(naam="Leefgeld")
    for burger in Burger.objects.all():
        eigen = burger.afspraken.filter(leefgeld=True)
        assert eigen.count() == 1
        afspraak = eigen.get()
        assert afspraak.rubriek == leefgeld and afspraak.richting == "uitgaven"
        assert (
            afspraak.afdeling is None
            and burger.rekeningen.filter(pk=afspraak.tegenrekening_id).exists()
        )
    weekbedragen = set(
        Afspraak.objects.filter(leefgeld=True, frequentie="wekelijks").values_list(
            "bedrag", flat=True
        )
    )
    assert 8000 in weekbedragen  # the municipality's configured amount
    for afspraak in Afspraak.objects.select_related("rubriek__grootboekrekening"):
        assert afspraak.rubriek.soort == afspraak.richting


def test_follow_up_agreements_continue_the_previous_one() -> None:
    demo_data_laden(deelnemers=60, seed=7, peildatum=PEILDATUM)
    vervolgen = Afspraak.objects.filter(vervolg_op__isnull=False).select_related("vervolg_op")
    assert vervolgen.exists()
    for afspraak in vervolgen:
        vorige = afspraak.vervolg_op
        assert vorige.burger_id == afspraak.burger_id
        assert vorige.geldig_tot == afspraak.geldig_van - dt.timedelta(days=1)


def test_one_summary_audit_line_records_the_load() -> None:
    demo_data_laden(deelnemers=10, seed=1, peildatum=PEILDATUM)
    regels = list(AuditRegel.objects.all())
    assert len(regels) == 1
    assert regels[0].medewerker_naam == "systeem"
    assert regels[0].na["gebeurtenis"] == "demo-data geladen"
    assert (
        regels[0].na["deelnemers"] == 10 and regels[0].na["afspraken"] == Afspraak.objects.count()
    )
    assert not any(b.bsn in str(regels[0].na) for b in Burger.objects.all())


def test_refuses_a_database_with_participants_and_changes_nothing() -> None:
    demo_data_laden(deelnemers=10, seed=1, peildatum=PEILDATUM)
    voor = _aantallen()
    with pytest.raises(DemoDataFout, match="--leegmaken"):
        demo_data_laden(deelnemers=10, seed=2, peildatum=PEILDATUM)
    assert _aantallen() == voor
    assert AuditRegel.objects.count() == 1


def test_refuses_a_database_with_organisations() -> None:
    Organisatie.objects.create(naam="Bestaande partij", kvk_nummer="12345678")
    with pytest.raises(DemoDataFout, match="organisaties"):
        demo_data_laden(deelnemers=5, seed=1, peildatum=PEILDATUM)
    assert Burger.objects.count() == 0


def test_leegmaken_replaces_everything_with_identical_data_for_the_same_seed() -> None:
    medewerker = Medewerker.objects.create_user(username="blijft", password="Een-lang-wachtwoord-1")
    demo_data_laden(deelnemers=20, seed=9, peildatum=PEILDATUM)
    eerst = sorted(Burger.objects.values_list("hhb_nummer", "bsn", "achternaam"))
    afspraken = sorted(Afspraak.objects.values_list("burger__hhb_nummer", "omschrijving", "bedrag"))
    demo_data_laden(deelnemers=20, seed=9, peildatum=PEILDATUM, leegmaken=True)
    assert sorted(Burger.objects.values_list("hhb_nummer", "bsn", "achternaam")) == eerst
    assert (
        sorted(Afspraak.objects.values_list("burger__hhb_nummer", "omschrijving", "bedrag"))
        == afspraken
    )
    assert Medewerker.objects.filter(pk=medewerker.pk).exists()
    assert Rubriek.objects.filter(naam="Leefgeld").exists()
    assert Gemeente.objects.get(pk=1).naam == "Gemeente Voorbeeldstad"
    assert AuditRegel.objects.count() == 2  # the audit trail is kept
    demo_data_laden(deelnemers=5, seed=1, peildatum=PEILDATUM, leegmaken=True)
    assert (
        Burger.objects.count() == 5 and Rekening.objects.filter(burgers__isnull=False).count() == 5
    )


def test_command_prints_counts_and_refuses_in_dutch() -> None:
    uit = StringIO()
    call_command(
        "demo-data", "--deelnemers", "12", "--seed", "2", "--peildatum", "2026-03-15", stdout=uit
    )
    assert "12 deelnemers" in uit.getvalue() and "Demo-data geladen in" in uit.getvalue()
    assert Burger.objects.count() == 12
    with pytest.raises(CommandError, match="Er staan al deelnemers"):
        call_command("demo-data", "--deelnemers", "12", "--seed", "2", stdout=StringIO())
    with pytest.raises(CommandError, match="geen datum"):
        call_command("demo-data", "--peildatum", "15-03-2026", "--leegmaken", stdout=StringIO())
    assert Burger.objects.count() == 12
