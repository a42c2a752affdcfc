"""The schedule function: examples from real life and properties for any schedule."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from huishoudboekje.core.schedules import (
    Betaalschema,
    Frequentie,
    dag_in_maand,
    omschrijving,
    valideer,
    verwachte_datums,
)

D = dt.date


def datums(schema: Betaalschema, van: dt.date, tot: dt.date) -> list[dt.date]:
    return list(verwachte_datums(schema, van, tot))


def test_maandelijks_op_de_31e_valt_op_de_laatste_dag_van_kortere_maanden():
    schema = Betaalschema(Frequentie.MAANDELIJKS, D(2028, 1, 1), dag_van_maand=31)
    assert datums(schema, D(2028, 1, 1), D(2028, 5, 31)) == [
        D(2028, 1, 31),
        D(2028, 2, 29),
        D(2028, 3, 31),
        D(2028, 4, 30),
        D(2028, 5, 31),
    ]
    assert datums(schema, D(2027, 1, 1), D(2027, 3, 1)) == []  # before the start
    schema = Betaalschema(Frequentie.MAANDELIJKS, D(2027, 1, 1), dag_van_maand=29)
    assert datums(schema, D(2027, 2, 1), D(2027, 3, 31)) == [D(2027, 2, 28), D(2027, 3, 29)]


def test_maandelijks_begint_niet_voor_de_startdatum():
    schema = Betaalschema(Frequentie.MAANDELIJKS, D(2026, 1, 20), dag_van_maand=15)
    assert datums(schema, D(2026, 1, 1), D(2026, 3, 31)) == [D(2026, 2, 15), D(2026, 3, 15)]


def test_om_de_maand_telt_vanaf_de_startmaand():
    schema = Betaalschema(Frequentie.MAANDELIJKS, D(2026, 1, 1), interval=2, dag_van_maand=5)
    assert datums(schema, D(2026, 2, 1), D(2026, 7, 31)) == [
        D(2026, 3, 5),
        D(2026, 5, 5),
        D(2026, 7, 5),
    ]


def test_vierwekelijks_salaris_op_vrijdag():
    # 2 January 2026 is a Friday
    schema = Betaalschema(Frequentie.WEKELIJKS, D(2026, 1, 1), interval=4, weekdag=4)
    assert datums(schema, D(2026, 1, 1), D(2026, 4, 30)) == [
        D(2026, 1, 2),
        D(2026, 1, 30),
        D(2026, 2, 27),
        D(2026, 3, 27),
        D(2026, 4, 24),
    ]
    # thirteen payments in a year, not twelve
    assert len(datums(schema, D(2026, 1, 1), D(2026, 12, 31))) == 13
    # a window far after the start continues the same rhythm
    assert datums(schema, D(2030, 1, 1), D(2030, 1, 31)) == [D(2030, 1, 25)]


def test_wekelijks_leefgeld_op_maandag_met_uitzondering():
    schema = Betaalschema(
        Frequentie.WEKELIJKS, D(2026, 12, 1), weekdag=0, uitzonderingen=frozenset({D(2026, 12, 28)})
    )
    assert datums(schema, D(2026, 12, 1), D(2027, 1, 10)) == [
        D(2026, 12, 7),
        D(2026, 12, 14),
        D(2026, 12, 21),
        D(2027, 1, 4),
    ]


def test_kwartaal_en_jaarlijks_en_eenmalig():
    kwartaal = Betaalschema(Frequentie.KWARTAAL, D(2026, 3, 1), dag_van_maand=25, maand=2)
    assert datums(kwartaal, D(2026, 1, 1), D(2027, 3, 1)) == [
        D(2026, 5, 25),
        D(2026, 8, 25),
        D(2026, 11, 25),
        D(2027, 2, 25),
    ]
    jaarlijks = Betaalschema(Frequentie.JAARLIJKS, D(2025, 6, 1), dag_van_maand=30, maand=4)
    assert datums(jaarlijks, D(2025, 1, 1), D(2027, 12, 31)) == [D(2026, 4, 30), D(2027, 4, 30)]
    eenmalig = Betaalschema(Frequentie.EENMALIG, D(2026, 5, 12))
    assert datums(eenmalig, D(2026, 1, 1), D(2026, 12, 31)) == [D(2026, 5, 12)]
    assert datums(eenmalig, D(2026, 5, 13), D(2026, 12, 31)) == []


def test_einddatum_is_inclusief():
    schema = Betaalschema(
        Frequentie.MAANDELIJKS, D(2026, 1, 1), einddatum=D(2026, 3, 1), dag_van_maand=1
    )
    assert datums(schema, D(2020, 1, 1), D(2030, 1, 1)) == [
        D(2026, 1, 1),
        D(2026, 2, 1),
        D(2026, 3, 1),
    ]


@pytest.mark.parametrize(
    ("schema", "melding"),
    [
        (Betaalschema(Frequentie.MAANDELIJKS, D(2026, 1, 1)), "dag van de maand"),
        (Betaalschema(Frequentie.MAANDELIJKS, D(2026, 1, 1), dag_van_maand=32), "1 tot en met 31"),
        (Betaalschema(Frequentie.WEKELIJKS, D(2026, 1, 1)), "Kies een weekdag"),
        (Betaalschema(Frequentie.WEKELIJKS, D(2026, 1, 1), weekdag=7), "maandag tot en met zondag"),
        (Betaalschema(Frequentie.JAARLIJKS, D(2026, 1, 1), dag_van_maand=1), "Kies de maand"),
        (
            Betaalschema(Frequentie.KWARTAAL, D(2026, 1, 1), dag_van_maand=1, maand=13),
            "12 (december)",
        ),
        (Betaalschema(Frequentie.EENMALIG, D(2026, 1, 1), interval=0), "interval"),
        (Betaalschema(Frequentie.EENMALIG, D(2026, 1, 2), einddatum=D(2026, 1, 1)), "einddatum"),
        (
            Betaalschema(
                Frequentie.EENMALIG, D(2026, 1, 2), uitzonderingen=frozenset({D(2025, 1, 1)})
            ),
            "01-01-2025 valt buiten",
        ),
    ],
)
def test_ongeldig_schema_wordt_uitgelegd_en_niet_uitgerekend(schema, melding):
    meldingen = valideer(schema)
    assert any(melding in m for m in meldingen), meldingen
    with pytest.raises(ValueError, match="Ongeldig betaalschema"):
        datums(schema, D(2026, 1, 1), D(2026, 12, 31))


def test_omschrijving_in_woorden():
    assert omschrijving(
        Betaalschema(Frequentie.WEKELIJKS, D(2026, 1, 1), interval=4, weekdag=4)
    ) == ("Elke 4 weken op vrijdag")
    assert omschrijving(Betaalschema(Frequentie.MAANDELIJKS, D(2026, 1, 1), dag_van_maand=31)) == (
        "Elke maand op de 31e (in kortere maanden de laatste dag)"
    )
    assert omschrijving(
        Betaalschema(Frequentie.JAARLIJKS, D(2026, 1, 1), dag_van_maand=1, maand=7)
    ) == ("Elk jaar op 1 juli")
    assert "januari, april, juli, oktober" in omschrijving(
        Betaalschema(Frequentie.KWARTAAL, D(2026, 1, 1), dag_van_maand=15, maand=1)
    )


# -- properties -----------------------------------------------------------------------------

dagen = st.dates(min_value=D(2000, 1, 1), max_value=D(2060, 12, 31))


@st.composite
def schemas(draw: st.DrawFn) -> Betaalschema:
    frequentie = draw(st.sampled_from(list(Frequentie)))
    start = draw(dagen)
    einde = draw(st.none() | st.dates(min_value=start, max_value=D(2070, 12, 31)))
    interval = draw(st.integers(1, 6))
    dag = draw(st.integers(1, 31))
    uitzonderingen = draw(
        st.frozensets(st.dates(min_value=start, max_value=einde or D(2070, 12, 31)), max_size=4)
    )
    return Betaalschema(
        frequentie=frequentie,
        startdatum=start,
        einddatum=einde,
        interval=interval,
        dag_van_maand=dag,
        weekdag=draw(st.integers(0, 6)),
        maand=draw(st.integers(1, 12)),
        uitzonderingen=uitzonderingen,
    )


@st.composite
def vensters(draw: st.DrawFn) -> tuple[dt.date, dt.date]:
    van = draw(dagen)
    return van, van + dt.timedelta(days=draw(st.integers(0, 800)))


@settings(max_examples=300)
@given(schemas(), vensters())
def test_datums_liggen_in_venster_en_geldigheid_gesorteerd_en_zonder_uitzonderingen(
    schema, venster
):
    van, tot = venster
    uitkomst = datums(schema, van, tot)
    assert uitkomst == sorted(set(uitkomst))
    for d in uitkomst:
        assert van <= d <= tot
        assert schema.startdatum <= d
        assert schema.einddatum is None or d <= schema.einddatum
        assert d not in schema.uitzonderingen


@settings(max_examples=300)
@given(schemas(), vensters(), st.integers(0, 800))
def test_een_venster_splitsen_verandert_niets(schema, venster, knip):
    van, tot = venster
    midden = min(tot, van + dt.timedelta(days=knip))
    geheel = datums(schema, van, tot)
    assert geheel == datums(schema, van, midden) + datums(
        schema, midden + dt.timedelta(days=1), tot
    )


@settings(max_examples=300)
@given(schemas(), vensters())
def test_elke_datum_past_bij_de_frequentie(schema, venster):
    van, tot = venster
    uitkomst = datums(schema, van, tot)
    f = schema.frequentie
    for d in uitkomst:
        if f is Frequentie.WEKELIJKS:
            assert d.weekday() == schema.weekdag
        elif f is Frequentie.EENMALIG:
            assert d == schema.startdatum
        else:
            assert d == dag_in_maand(d.year, d.month, schema.dag_van_maand)
            if f is Frequentie.JAARLIJKS:
                assert d.month == schema.maand
            if f is Frequentie.KWARTAAL:
                assert (d.month - schema.maand) % 3 == 0
    zonder = Betaalschema(**{**schema.__dict__, "uitzonderingen": frozenset()})
    volledig = datums(zonder, van, tot)
    stappen = {(b - a).days for a, b in zip(volledig, volledig[1:], strict=False)}
    if f is Frequentie.WEKELIJKS:
        assert stappen <= {7 * schema.interval}
    elif f is Frequentie.MAANDELIJKS and schema.interval == 1:
        # every calendar month in the window is paid exactly once
        assert all(
            (b.year * 12 + b.month) - (a.year * 12 + a.month) == 1
            for a, b in zip(volledig, volledig[1:], strict=False)
        )


def test_kwartaal_met_latere_maand_loopt_ook_in_het_eerste_jaar():
    # "every quarter from November" paid from January: February, May, August, November
    schema = Betaalschema(Frequentie.KWARTAAL, D(2026, 1, 1), dag_van_maand=1, maand=11)
    assert datums(schema, D(2026, 1, 1), D(2026, 12, 31)) == [
        D(2026, 2, 1),
        D(2026, 5, 1),
        D(2026, 8, 1),
        D(2026, 11, 1),
    ]
    jaarlijks = Betaalschema(
        Frequentie.JAARLIJKS, D(2026, 3, 1), dag_van_maand=1, maand=2, interval=1
    )
    assert datums(jaarlijks, D(2026, 1, 1), D(2027, 12, 31)) == [D(2027, 2, 1)]
