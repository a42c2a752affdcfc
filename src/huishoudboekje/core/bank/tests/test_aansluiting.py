"""Continuity of statements (pure): balances connect, gaps by balance, by business day
(only where balances cannot tell) and by sequence number; a statement delivered twice
is not a break; the order of arrival does not matter."""

from __future__ import annotations

import datetime as dt

from huishoudboekje.core.bank.aansluiting import (
    Schakel,
    aansluitingen,
    gaten,
    is_werkdag,
    volgnummer_als_getal,
)


def _s(pk, begin, eind, bs, es, *, volgnummer="", formaat="camt.053.001.02", rekening=1):
    return Schakel(pk, rekening, formaat, volgnummer, begin, eind, bs, es)


D = dt.date


def test_reeks_die_aansluit_en_de_eerste():
    reeks = [
        _s(2, D(2026, 5, 28), D(2026, 5, 29), 150, 90),
        _s(1, D(2026, 5, 27), D(2026, 5, 28), 100, 150),
    ]
    uit = aansluitingen(reeks)
    assert (uit[1].status, uit[2].status, uit[2].vorige) == ("eerste", "sluit_aan", 1)
    assert gaten(reeks) == []


def test_saldo_sluit_niet_aan_en_een_dag_zonder_afschrift_met_saldi_is_geen_gat():
    reeks = [
        _s(1, D(2026, 5, 26), D(2026, 5, 26), 100, 150),
        # 27-05 is a business day without a statement, but the balance connects
        _s(2, D(2026, 5, 28), D(2026, 5, 28), 150, 150),
        _s(3, D(2026, 5, 29), D(2026, 5, 29), 175, 200),
    ]
    [gat] = gaten(reeks)
    assert (gat.vorige, gat.afschrift, gat.soort, gat.verschil) == (2, 3, "saldo", 25)


def test_zonder_saldi_tellen_werkdagen_en_volgnummers():
    reeks = [
        _s(1, D(2026, 4, 2), D(2026, 4, 2), None, None, volgnummer="00010"),
        # Good Friday 3-4 and Easter Monday 6-4 are TARGET2 closing days: no gap
        _s(2, D(2026, 4, 7), D(2026, 4, 7), None, None, volgnummer="00011"),
        _s(3, D(2026, 4, 10), D(2026, 4, 10), None, None, volgnummer="14/1"),
    ]
    soorten = [(g.afschrift, g.soort, g.dagen, g.volgnummers) for g in gaten(reeks)]
    assert soorten == [
        (3, "datum", (D(2026, 4, 8), D(2026, 4, 9)), (0, 0)),
        (3, "volgnummer", (), (12, 13)),
    ]


def test_hetzelfde_afschrift_tweemaal_en_per_rekening_apart():
    reeks = [
        _s(1, D(2026, 5, 27), D(2026, 5, 28), 100, 150),
        _s(2, D(2026, 5, 28), D(2026, 5, 28), 100, 150, formaat="mt940"),  # other convention
        _s(3, D(2026, 5, 28), D(2026, 5, 29), 150, 160),
        _s(4, D(2026, 5, 28), D(2026, 5, 29), 999, 1000, rekening=2),
    ]
    uit = aansluitingen(reeks)
    assert [uit[i].status for i in (1, 2, 3, 4)] == ["eerste", "herhaald", "sluit_aan", "eerste"]


def test_werkdagen_en_volgnummers():
    assert not is_werkdag(D(2026, 12, 25)) and not is_werkdag(D(2026, 5, 30))
    assert is_werkdag(D(2026, 5, 29))
    assert [volgnummer_als_getal(v) for v in ("148", "00148", "2/1", "", "A1")] == [
        148,
        148,
        2,
        None,
        None,
    ]
