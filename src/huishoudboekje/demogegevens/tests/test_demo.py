"""The demo generator: deterministic, valid identifiers, agreements the rules accept."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from huishoudboekje.core import schedules
from huishoudboekje.core.identificatie import (
    normaliseer_bsn,
    normaliseer_iban,
    normaliseer_kvk,
    normaliseer_postcode,
)
from huishoudboekje.demogegevens import (
    RUBRIEK_SOORT,
    DemoAfspraak,
    DemoGemeente,
    Leefgeldinstelling,
    genereer_gemeente,
    stad_van,
)
from huishoudboekje.demogegevens.afschriftplan import schema_van
from huishoudboekje.demogegevens.afspraakbasis import PER_MAAND

PEILDATUM = dt.date(2026, 3, 15)
LEEFGELD = Leefgeldinstelling(bedrag=8200, frequentie="wekelijks", weekdag=2)
RGS = Path(__file__).resolve().parents[2] / "boekhouding" / "rgs.yaml"


def _genereer(deelnemers: int = 300, seed: int = 1, **extra: object) -> DemoGemeente:
    return genereer_gemeente(
        deelnemers=deelnemers,
        seed=seed,
        peildatum=PEILDATUM,
        gemeente_naam="Gemeente Voorbeeldstad",
        leefgeld=LEEFGELD,
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def gemeente() -> DemoGemeente:
    return _genereer()


def _rubriek_soorten() -> dict[str, str]:
    data = yaml.safe_load(RGS.read_text(encoding="utf-8"))
    return {r: g["soort"] for g in data["grootboekrekeningen"] for r in g["rubrieken"]}


def _schema(a: DemoAfspraak) -> schedules.Betaalschema:
    return schedules.Betaalschema(
        frequentie=schedules.Frequentie(a.frequentie),
        startdatum=a.geldig_van,
        einddatum=a.geldig_tot,
        interval=a.interval,
        dag_van_maand=a.dag_van_maand,
        weekdag=a.weekdag,
        maand=a.maand,
        uitzonderingen=frozenset(a.uitzonderingen),
    )


def _controleer_invarianten(g: DemoGemeente, deelnemers: int) -> None:
    """What the loader and the agreement rules rely on, for any size and seed."""
    assert len(g.burgers) == deelnemers
    assert [b.volgnummer for b in g.burgers] == list(range(1, deelnemers + 1))
    bsns = [b.bsn for b in g.burgers]
    assert len(set(bsns)) == len(bsns)
    assert all(normaliseer_bsn(bsn) == bsn for bsn in bsns)
    ibans = [r.iban for r in g.rekeningen]
    assert len(set(ibans)) == len(ibans)
    assert all(normaliseer_iban(iban) == iban for iban in ibans)
    assert all(0 < len(r.rekeninghouder) <= 70 for r in g.rekeningen)
    afdeling_ibans = {a.sleutel: set(a.ibans) for o in g.organisaties for a in o.afdelingen}
    assert set().union(*afdeling_ibans.values()) <= set(ibans)
    assert {b.iban for b in g.burgers} <= set(ibans)
    leefgeld = Counter(a.burger for a in g.afspraken if a.leefgeld)
    assert leefgeld == Counter(range(deelnemers)), (
        "every participant has exactly one leefgeld agreement"
    )
    for index, a in enumerate(g.afspraken):
        burger = g.burgers[a.burger]
        assert RUBRIEK_SOORT[a.rubriek] == a.richting
        assert a.bedrag > 0 and 0 < len(a.omschrijving) <= 140
        assert a.geldig_tot is None or a.geldig_tot >= a.geldig_van
        assert a.betaalwijze == ("" if a.richting == "inkomsten" else a.betaalwijze)
        if a.richting == "uitgaven":
            assert a.betaalwijze in ("overschrijving", "incasso")
        if a.afdeling is None:
            assert a.tegenrekening == burger.iban
        else:
            assert a.tegenrekening in afdeling_ibans[a.afdeling]
        if a.leefgeld:
            assert (a.richting, a.rubriek, a.afdeling) == ("uitgaven", "Leefgeld", None)
        assert schedules.valideer(_schema(a)) == [], a
        deelname = burger.deelname
        assert a.geldig_van >= deelname.startdatum
        if deelname.einddatum is not None:
            assert a.geldig_tot is not None and a.geldig_tot <= deelname.einddatum
        if a.vervolg_op is not None:
            vorige = g.afspraken[a.vervolg_op]
            assert a.vervolg_op < index and vorige.burger == a.burger
            assert vorige.geldig_tot == a.geldig_van - dt.timedelta(days=1)


def test_same_seed_gives_identical_data_and_another_seed_other_data() -> None:
    eerste, tweede = _genereer(120, seed=5), _genereer(120, seed=5)
    assert eerste == tweede
    ander = _genereer(120, seed=6)
    assert ander != eerste
    assert [b.bsn for b in ander.burgers] != [b.bsn for b in eerste.burgers]
    assert [a.bedrag for a in ander.afspraken] != [a.bedrag for a in eerste.afspraken]


def test_invariants_hold_for_the_demo_size(gemeente: DemoGemeente) -> None:
    _controleer_invarianten(gemeente, 300)


@settings(max_examples=25, deadline=None)
@given(
    deelnemers=st.integers(min_value=1, max_value=25),
    seed=st.integers(min_value=0, max_value=2**32),
)
def test_invariants_hold_for_any_size_and_seed(deelnemers: int, seed: int) -> None:
    _controleer_invarianten(_genereer(deelnemers, seed=seed), deelnemers)


def test_rubrieken_exist_in_the_shipped_rgs_with_the_same_kind() -> None:
    soorten = _rubriek_soorten()
    for naam, soort in RUBRIEK_SOORT.items():
        assert soorten.get(naam) == soort, naam


def test_organisations_are_the_real_kinds_of_parties(gemeente: DemoGemeente) -> None:
    namen = {o.naam for o in gemeente.organisaties}
    for naam in (
        "UWV",
        "Sociale Verzekeringsbank",
        "Belastingdienst/Toeslagen",
        "Eneco",
        "Vattenfall",
        "Zilveren Kruis",
        "CZ",
        "VGZ",
        "Menzis",
        "KPN",
        "Ziggo",
        "Odido",
        "Waterbedrijf Middenland",
    ):
        assert naam in namen
    gemeente_org = next(o for o in gemeente.organisaties if o.naam == "Gemeente Voorbeeldstad")
    assert {a.naam for a in gemeente_org.afdelingen} == {"Werk en Inkomen", "Belastingen"}
    werkgevers = [
        a for o in gemeente.organisaties for a in o.afdelingen if a.sleutel.startswith("werkgever/")
    ]
    assert len(werkgevers) >= 15
    assert any(n.startswith("Uitzendbureau ") for n in namen) and any(
        n.startswith("Bakkerij") for n in namen
    )
    kvk = [(o.kvk_nummer, o.vestigingsnummer) for o in gemeente.organisaties]
    assert len(set(kvk)) == len(kvk)
    assert all(normaliseer_kvk(o.kvk_nummer) == o.kvk_nummer for o in gemeente.organisaties)
    assert all(
        re.fullmatch(r"\d{12}", o.vestigingsnummer)
        for o in gemeente.organisaties
        if o.vestigingsnummer
    )
    for o in gemeente.organisaties:
        for a in o.afdelingen:
            assert normaliseer_postcode(a.postadres.postcode) == a.postadres.postcode
            assert a.ibans
    # One collection account shared by two departments (of different organisations even).
    gebruik = Counter(iban for o in gemeente.organisaties for a in o.afdelingen for iban in a.ibans)
    assert max(gebruik.values()) >= 2


def test_participants_look_like_residents_of_voorbeeldstad(gemeente: DemoGemeente) -> None:
    burgers = gemeente.burgers
    assert {b.plaats for b in burgers} == {"Voorbeeldstad"}
    assert all(normaliseer_postcode(b.postcode) == b.postcode for b in burgers)
    assert {"van der", "de", "van"} <= {b.tussenvoegsel for b in burgers}
    achternamen = {b.achternaam for b in burgers}
    assert achternamen & {
        "El Amrani",
        "Bouzid",
        "Benali",
        "El Idrissi",
        "Azzouz",
        "Ziani",
        "Bakkali",
        "Tahiri",
    }
    assert achternamen & {"Yilmaz", "Kaya", "Demir", "Sahin", "Celik", "Ozturk", "Aydin", "Dogan"}
    assert all(b.voorletters == "".join(f"{n[0]}." for n in b.voornamen.split()) for b in burgers)
    assert all(b.geboortedatum < PEILDATUM - dt.timedelta(days=365 * 18) for b in burgers)
    per_huishouden = Counter(b.huishouden for b in burgers)
    assert set(per_huishouden.values()) == {1, 2}
    assert sorted(per_huishouden) == list(range(len(gemeente.huishoudens)))
    for b in burgers:
        assert PEILDATUM - dt.timedelta(days=731) <= b.deelname.startdatum <= PEILDATUM
        assert b.deelname.einddatum is None or b.deelname.einddatum < PEILDATUM
    varianten = Counter(b.deelname.variant for b in burgers)
    assert varianten["volledig"] > varianten["inkomsten"] > 0 and varianten["afbouw"] > 0
    assert 0 < sum(b.deelname.einddatum is not None for b in burgers) < len(burgers) // 5


def test_agreements_have_realistic_amounts_and_schedules(gemeente: DemoGemeente) -> None:
    afspraken = gemeente.afspraken
    loon4 = [a for a in afspraken if a.rubriek == "Loon" and a.interval == 4]
    assert loon4 and all(a.frequentie == "wekelijks" and a.weekdag in (3, 4) for a in loon4)
    bijstand = [a for a in afspraken if a.omschrijving == "Bijstandsuitkering Participatiewet"]
    assert bijstand and all(a.frequentie == "maandelijks" and a.dag_van_maand for a in bijstand)
    alleen = [a for a in bijstand if 110000 <= a.bedrag <= 140000]
    assert len(alleen) > len(bijstand) // 3
    toeslagen = [
        a for a in afspraken if a.rubriek in ("Zorgtoeslag", "Huurtoeslag", "Kindgebonden budget")
    ]
    assert toeslagen and all(a.dag_van_maand == 20 for a in toeslagen)
    assert all(a.frequentie == "kwartaal" for a in afspraken if a.rubriek == "Kinderbijslag")
    huur = [a for a in afspraken if a.rubriek == "Huur"]
    assert huur and all(a.dag_van_maand == 1 and 55000 <= a.bedrag <= 100000 for a in huur)
    assert any(a.vervolg_op is not None for a in huur), "rent raises on 1 July as follow-ups"
    assert all(a.frequentie == "kwartaal" for a in afspraken if a.rubriek == "Water")
    zorg = [a.bedrag for a in afspraken if a.rubriek == "Zorgverzekering"]
    assert 14000 <= sum(zorg) / len(zorg) <= 16000
    belasting = {
        (a.frequentie, a.interval) for a in afspraken if a.rubriek == "Gemeentelijke belastingen"
    }
    assert belasting == {("maandelijks", 1), ("jaarlijks", 1)}
    assert any(a.uitzonderingen for a in afspraken)
    assert sum(bool(a.zoektermen) for a in afspraken) > len(afspraken) // 2
    weekleefgeld = Counter(
        a.bedrag for a in afspraken if a.leefgeld and a.frequentie == "wekelijks"
    )
    assert weekleefgeld.most_common(1)[0][0] == LEEFGELD.bedrag
    assert all(
        a.weekdag == LEEFGELD.weekdag
        for a in afspraken
        if a.leefgeld and a.frequentie == "wekelijks"
    )


def test_only_participants_in_variant_volledig_have_fixed_costs(gemeente: DemoGemeente) -> None:
    vaste_lasten = {"Huur", "Energie", "Water", "Zorgverzekering", "Internet en tv", "Telefoon"}
    for a in gemeente.afspraken:
        if a.rubriek in vaste_lasten:
            assert gemeente.burgers[a.burger].deelname.variant == "volledig"


def test_city_name_comes_from_the_municipality() -> None:
    assert stad_van("Gemeente Voorbeeldstad") == "Voorbeeldstad"
    assert stad_van("gemeente Utrecht") == "Utrecht"
    assert stad_van("Gemeente") == "Voorbeeldstad"
    g = genereer_gemeente(deelnemers=3, seed=1, peildatum=PEILDATUM, gemeente_naam="Gemeente")
    assert "Gemeente Voorbeeldstad" in {o.naam for o in g.organisaties}


def test_negative_size_is_refused() -> None:
    with pytest.raises(ValueError, match="negatief"):
        genereer_gemeente(deelnemers=-1, seed=1, peildatum=PEILDATUM)


def _per_maand(afspraken: list[DemoAfspraak], einde: dt.date | None) -> int:
    """Per month, of the agreements that run on (to the end of the participation)."""
    lopend = [a for a in afspraken if a.geldig_tot is None or a.geldig_tot == einde]
    return sum(
        a.bedrag
        * PER_MAAND[(a.frequentie, a.interval)][0]
        // PER_MAAND[(a.frequentie, a.interval)][1]
        for a in lopend
    )


def test_leefgeld_in_variant_volledig_stays_within_the_budget(gemeente: DemoGemeente) -> None:
    """As a budget plan: at most 95% of what the running incomes leave after the running
    fixed costs, and never below 40% of the municipality's default."""
    per_burger: dict[int, list[DemoAfspraak]] = {}
    for a in gemeente.afspraken:
        per_burger.setdefault(a.burger, []).append(a)
    bodem = LEEFGELD.bedrag * 4 // 10 // 500 * 500
    beperkt = 0
    for index, afspraken in per_burger.items():
        if gemeente.burgers[index].deelname.variant != "volledig":
            continue
        leefgeld = next(a for a in afspraken if a.leefgeld)
        per_week = (
            leefgeld.bedrag if leefgeld.frequentie == "wekelijks" else leefgeld.bedrag * 12 // 52
        )
        einde = gemeente.burgers[index].deelname.einddatum
        inkomsten = _per_maand([a for a in afspraken if a.richting == "inkomsten"], einde)
        lasten = _per_maand(
            [a for a in afspraken if a.richting == "uitgaven" and not a.leefgeld], einde
        )
        ruimte = (inkomsten - lasten) * 95 // 100 * 12 // 52
        assert per_week >= bodem - 100, leefgeld  # a monthly amount rounds down to whole euros
        assert per_week <= max(ruimte, bodem), (leefgeld, inkomsten, lasten)
        beperkt += per_week < LEEFGELD.bedrag
    assert beperkt  # the budget does limit some


def test_leefgeld_starts_with_the_first_expected_income(gemeente: DemoGemeente) -> None:
    for index, burger in enumerate(gemeente.burgers):
        afspraken = [a for a in gemeente.afspraken if a.burger == index]
        leefgeld = next(a for a in afspraken if a.leefgeld)
        inkomsten = [a for a in afspraken if a.richting == "inkomsten"]
        assert leefgeld.geldig_van >= burger.deelname.startdatum
        if inkomsten and leefgeld.geldig_van > burger.deelname.startdatum:
            eerste = min(
                next(
                    schedules.verwachte_datums(
                        schema_van(a), a.geldig_van, a.geldig_van + dt.timedelta(days=100)
                    ),
                    a.geldig_van,
                )
                for a in inkomsten
            )
            assert leefgeld.geldig_van == eerste
