"""The same statement day delivered in two formats (camt.053 and MT940, other words
and references for the same bookings) is read once; equal lines count one by one
between formats, and stay apart within one format."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from huishoudboekje.bankafschriften.models import Banktransactie
from huishoudboekje.boekhouding.selectors import boekhouding_controleren
from huishoudboekje.fabrieken import GemeenteRekeningFabriek

from .hulp import camt, mt940, tx
from .hulp_importeren import importeer

pytestmark = pytest.mark.django_db


def _anders_geformuleerd(t, **kw):
    """The same booking as another format words it: other text and bank reference."""
    return dataclasses.replace(
        t,
        omschrijving=t.omschrijving.upper() + " /TRCD/100",
        bankreferentie="MT" + t.bankreferentie,
        **kw,
    )


@pytest.mark.parametrize("dialect", ["ing", "rabobank", "abnamro", "bng"])
def test_dezelfde_dag_in_het_andere_formaat_wordt_niet_nog_eens_ingelezen(dialect):
    GemeenteRekeningFabriek()
    a = tx(bankreferentie="A1", end_to_end_id="E-A")
    b = tx(bankreferentie="B1", end_to_end_id="", tegen_iban="NL20INGB0001234567", bedrag=-1500)
    assert importeer(camt(a, b, eindsaldo=100000 + 72500 - 1500)).nieuw == 2
    r = importeer(
        mt940(
            _anders_geformuleerd(a),
            _anders_geformuleerd(b),
            eindsaldo=100000 + 72500 - 1500,
            dialect=dialect,
        ),
        "ing.sta",
    )
    assert r.gelukt, r.fouten
    assert (r.nieuw, r.dubbel) == (0, 2)
    assert "ander formaat" in r.waarschuwingen[0]
    assert Banktransactie.objects.count() == 2
    assert boekhouding_controleren().klopt


def test_andere_volgorde_en_gedeeltelijke_overlap_tussen_formaten():
    GemeenteRekeningFabriek()
    d1, d2, d3 = dt.date(2026, 5, 27), dt.date(2026, 5, 28), dt.date(2026, 5, 29)
    a = tx(bankreferentie="A", end_to_end_id="A", boekdatum=d1, valutadatum=d1)
    b = tx(bankreferentie="B", end_to_end_id="B", boekdatum=d2, valutadatum=d2)
    c = tx(bankreferentie="C", end_to_end_id="C", boekdatum=d3, valutadatum=d3)
    # MT940 first: days 1 and 2
    eerst = importeer(mt940(a, b, datum=d2, eindsaldo=100000 + 2 * 72500), "a.sta")
    assert eerst.nieuw == 2
    # then camt for days 2 and 3: only day 3 is new
    r = importeer(
        camt(
            _anders_geformuleerd(b),
            c,
            datum=d3,
            beginsaldo=100000 + 72500,
            eindsaldo=100000 + 3 * 72500,
            afschrift_id="X",
        )
    )
    assert (r.nieuw, r.dubbel) == (1, 1)
    assert sorted(Banktransactie.objects.values_list("boekdatum", flat=True)) == [d1, d2, d3]


def test_gelijke_regels_op_een_dag_tellen_tussen_formaten_een_voor_een():
    GemeenteRekeningFabriek()
    x1 = tx(bankreferentie="X1", end_to_end_id="", omschrijving="Huur mei Jansen")
    x2 = tx(bankreferentie="X2", end_to_end_id="", omschrijving="Huur mei De Vries")
    x3 = tx(bankreferentie="X3", end_to_end_id="", omschrijving="Huur mei Bakker")
    assert importeer(camt(x1, x2, eindsaldo=100000 + 2 * 72500)).nieuw == 2
    # the other format holds three lines with the same date, amount and IBAN: two were
    # there already, the third is new. (A statement of the other format for exactly the
    # same period and opening balance with another closing balance would contradict the
    # first and be refused; this one runs a day longer.)
    r = importeer(
        mt940(
            _anders_geformuleerd(x1),
            _anders_geformuleerd(x2),
            _anders_geformuleerd(x3),
            eindsaldo=100000 + 3 * 72500,
            datum=dt.date(2026, 5, 29),
        ),
        "b.sta",
    )
    assert (r.nieuw, r.dubbel) == (1, 2)
    assert Banktransactie.objects.count() == 3


def test_binnen_hetzelfde_formaat_blijven_gelijksoortige_regels_apart():
    """Date, amount and IBAN alone never make a duplicate within one format: only the
    full key (bank reference, end-to-end id, text) does."""
    GemeenteRekeningFabriek()
    x1 = tx(bankreferentie="X1", end_to_end_id="", omschrijving="Huur mei Jansen")
    x2 = tx(bankreferentie="X2", end_to_end_id="", omschrijving="Huur mei De Vries")
    assert importeer(camt(x1, eindsaldo=100000 + 72500)).nieuw == 1
    r = importeer(
        camt(x2, beginsaldo=100000 + 72500, eindsaldo=100000 + 2 * 72500, afschrift_id="Y")
    )
    assert (r.nieuw, r.dubbel) == (1, 0) and not r.waarschuwingen
