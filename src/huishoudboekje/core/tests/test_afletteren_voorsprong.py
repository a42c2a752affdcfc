"""Rule 4 of the matcher at its limit: another agreement of the SAME participant that the
evidence also fits must be at least `MINIMALE_VOORSPRONG` (20) points behind the best
one; at 19 a staff member chooses, at exactly 20 and above the best one is booked."""

import datetime as dt

import pytest

from huishoudboekje.core.afletterdata import Bewijs, Kandidaat
from huishoudboekje.core.afletteren import (
    MINIMALE_VOORSPRONG,
    Afspraakindex,
    AfspraakInfo,
    Marges,
    TeMatchen,
    _concurrentie,
    besluit,
)
from huishoudboekje.core.schedules import Betaalschema, Frequentie

D = dt.date
ENECO = "NL20INGB0001234567"
MARGES = Marges(dagen=3, bedrag=1000)


def _afspraak(i: int, *, dag: int, bedrag: int, zoektermen: tuple[str, ...]) -> AfspraakInfo:
    """Two agreements of participant 7 with Eneco on one account (energy and a
    payment plan), told apart by neither a reference nor a name."""
    return AfspraakInfo(
        id=i,
        burger_id=7,
        richting="uitgaven",
        bedrag=bedrag,
        geldig_van=D(2026, 1, 1),
        geldig_tot=None,
        zoektermen=zoektermen,
        tegen_iban=ENECO,
        partijnaam="Eneco",
        schema=Betaalschema(Frequentie.MAANDELIJKS, D(2026, 1, 1), dag_van_maand=dag),
    )


@pytest.mark.parametrize(
    ("dag", "bedrag", "scores", "geboekt"),
    [
        # search term (+25) but 5 days off (+5 instead of +10): exactly 20 points ahead
        (20, 12500, (95, 75), True),
        # also 10 cents off (+15 instead of +25): 15 ahead, a staff member chooses
        (25, 12400, (90, 75), False),
        (25, 12500, (100, 75), True),  # 25 ahead
    ],
)
def test_voorsprong_op_een_andere_afspraak_van_dezelfde_deelnemer(dag, bedrag, scores, geboekt):
    index = Afspraakindex.bouw(
        [
            _afspraak(1, dag=dag, bedrag=bedrag, zoektermen=("energie",)),
            _afspraak(2, dag=25, bedrag=12500, zoektermen=()),
        ]
    )
    tx = TeMatchen(
        bedrag=-12500, boekdatum=D(2026, 5, 25), tegen_iban=ENECO, omschrijving="Termijn energie"
    )
    b = besluit(tx, index, marges=MARGES)
    assert tuple(k.score for k in b.kandidaten) == scores
    assert [k.afspraak_id for k in b.kandidaten] == [1, 2]
    if geboekt:
        assert b.automatisch and b.afspraak_id == 1 and b.uitkomst == "geboekt"
    else:
        assert not b.automatisch and b.uitkomst == "twijfel"
        assert b.toelichting == (
            "twee afspraken van dezelfde deelnemer passen (90 en 75 punten): een medewerker kiest"
        )


@pytest.mark.parametrize(("achter", "twijfel"), [(19, True), (20, False), (21, False)])
def test_minimale_voorsprong_is_precies_twintig_punten(achter, twijfel):
    """The threshold on its own, one point below, at and above it (the scores of real
    evidence move in steps of five, so 19 and 21 are only reachable like this)."""
    assert MINIMALE_VOORSPRONG == 20
    index = Afspraakindex.bouw(
        [
            _afspraak(1, dag=25, bedrag=12500, zoektermen=()),
            _afspraak(2, dag=25, bedrag=12500, zoektermen=()),
        ]
    )
    bewijs = Bewijs(iban=True, bedrag_normaal=True, bedrag_ruim=True, datum_dagen=0)
    beste = Kandidaat(afspraak_id=1, burger_id=7, score=100, redenen=(), bewijs=bewijs)
    ander = Kandidaat(afspraak_id=2, burger_id=7, score=100 - achter, redenen=(), bewijs=bewijs)
    uitkomst = _concurrentie(beste, [ander], index)
    assert bool(uitkomst) is twijfel
    if twijfel:
        assert uitkomst.startswith("twee afspraken van dezelfde deelnemer passen (100 en 81")
