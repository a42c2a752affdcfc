"""Continuity the other way round: a statement that opens LOWER than the previous one
closed (money counted twice, or a missing debit) is a balance gap as well, with a
negative difference."""

from __future__ import annotations

import datetime as dt

from huishoudboekje.core.bank.aansluiting import Schakel, aansluitingen, gaten

D = dt.date


def _s(pk: int, dag: int, begin: int, eind: int) -> Schakel:
    return Schakel(pk, 1, "camt.053.001.02", "", D(2026, 5, dag), D(2026, 5, dag), begin, eind)


def test_beginsaldo_lager_dan_het_vorige_eindsaldo_is_een_gat():
    reeks = [_s(1, 26, 100, 150), _s(2, 27, 125, 200)]
    [gat] = gaten(reeks)
    assert (gat.vorige, gat.afschrift, gat.soort, gat.verschil) == (1, 2, "saldo", -25)
    assert aansluitingen(reeks)[2].status == "gat"


def test_een_cent_lager_is_al_een_gat():
    [gat] = gaten([_s(1, 26, 100, 150), _s(2, 27, 149, 200)])
    assert gat.verschil == -1
