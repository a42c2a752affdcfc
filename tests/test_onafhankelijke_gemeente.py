"""Matching on the independent municipality (benchmarks.onafhankelijk, issue 7).

Why here: the matcher must hold on data nobody tuned it to. A small municipality (40
participants, 3 months, fixed seed) is built with the second generator in the test
database, every file is imported through the real service, and the bookings are
scored against the generator's own ground truth. The writers are checked on their own
too: each format reads back with the values that went in and balances that add up."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from benchmarks.onafhankelijk.boeking import Boeking
from benchmarks.onafhankelijk.bouwen import bouw_gemeente, importeer_bestanden
from benchmarks.onafhankelijk.camt import schrijf_camt
from benchmarks.onafhankelijk.evaluatie import evalueer_gemeente, lees_waarheid
from benchmarks.onafhankelijk.mt940 import DIALECTEN, schrijf_mt940
from django.core.management import call_command

from huishoudboekje.bankafschriften.models import Bankafschrift, Banktransactie
from huishoudboekje.core.bank.lezen import lees
from huishoudboekje.core.bank.model import Afschriftkop, Afschriftslot, Transactie

CONFIGURATIE = Path(__file__).resolve().parent.parent / "config" / "demo-gemeente.yaml"
EIND = dt.date(2026, 9, 30)  # fixed, so the test does not change with the calendar


@pytest.fixture
def gemeente(db, tmp_path):
    call_command("laad-configuratie", str(CONFIGURATIE), stdout=io.StringIO())
    gebouwd = bouw_gemeente(tmp_path, deelnemers=40, maanden=3, seed=11, eind=EIND)
    resultaten = importeer_bestanden(tmp_path)
    return tmp_path, gebouwd, resultaten


def test_elk_bestand_ingelezen_met_kloppende_saldi(gemeente):
    map_, gebouwd, resultaten = gemeente
    assert len(resultaten) == gebouwd.bestanden > 30
    assert [(r.bestandsnaam, r.fouten) for r in resultaten if not r.gelukt] == []
    afschriften = list(Bankafschrift.objects.order_by("einddatum", "pk"))
    assert len(afschriften) == gebouwd.bestanden
    assert {a.saldo_verschil for a in afschriften} == {0}
    for vorige, volgende in zip(afschriften, afschriften[1:], strict=False):
        assert volgende.beginsaldo == vorige.eindsaldo
    assert {a.formaat for a in afschriften} >= {"mt940", "camt.053.001.02"}


def test_waarheid_dekt_elke_ingelezen_regel(gemeente):
    map_, gebouwd, _ = gemeente
    refs = [str(w["ref"]) for w in lees_waarheid(map_)]
    assert len(refs) == len(set(refs)) == gebouwd.regels
    opgeslagen = list(Banktransactie.objects.values_list("bankreferentie", flat=True))
    assert sorted(opgeslagen) == sorted(refs)
    # the generator makes the cases of issue 7, and some of them must go to a human
    assert {"loon_variabel", "toeslag", "huur", "leefgeld", "dubbel"} <= set(gebouwd.categorieen)
    assert 0 < gebouwd.matchbaar < gebouwd.regels


def test_nooit_op_de_verkeerde_deelnemer(gemeente):
    map_, _, _ = gemeente
    uitslag = evalueer_gemeente(map_)
    assert uitslag.matcher.niet_gevonden == 0
    assert uitslag.matcher.geboekt > 0
    assert uitslag.matcher.fout_deelnemer == 0


def test_matchbare_regels_op_de_juiste_afspraak(gemeente):
    uitslag = evalueer_gemeente(gemeente[0])
    assert uitslag.matcher.goed_pct >= 98.0, json.dumps(uitslag.matcher.als_dict()["tekort"])


def test_hoogstens_een_op_tweeduizend_op_de_verkeerde_afspraak(gemeente):
    uitslag = evalueer_gemeente(gemeente[0])
    assert uitslag.matcher.fout_afspraak_pct <= 0.05


def _boekingen() -> list[Boeking]:
    datum = dt.date(2026, 6, 4)
    tekst = "Salaris juni 2026 pnr 2 204 441 J.P. Celik " + "extra tekst " * 40
    return [
        Boeking(
            "HO26060400000001",
            datum,
            123456,
            "NL91ABNA0417164300",
            "ABNANL2A",
            "Bakkerij De Vaart B.V.",
            tekst[:140],
            "",
            "E0000000001",
            "",
            "",
            False,
        ),
        Boeking(
            "HO26060400000002",
            datum,
            -20240,
            "NL20INGB0001234567",
            "INGBNL2A",
            "Groenstroom Nederland B.V.",
            "klantnr. 36164598 voorschot juni 2026",
            "",
            "E0000000002",
            "M0000028",
            "NL43ZZZ899872313623",
            True,
        ),
        Boeking(
            "HO26060400000003",
            datum,
            -3460,
            "NL13RABO4280387012",
            "RABONL2U",
            "Drinkwater Groenlanden N.V.",
            "",
            "0000000054959034",
            "E0000000003",
            "",
            "",
            True,
        ),
    ]


@pytest.mark.parametrize("formaat", ["camt", *DIALECTEN])
def test_schrijvers_lezen_terug_met_kloppend_saldo(formaat):
    uit = io.BytesIO()
    boekingen = _boekingen()
    gemeenschappelijk = dict(
        iban="NL62BNGH0285128701",
        bic="BNGHNL2G",
        afschrift_id="HO1",
        volgnummer=1,
        datum=boekingen[0].datum,
        beginsaldo=-5000,
        boekingen=boekingen,
    )
    if formaat == "camt":
        eind = schrijf_camt(uit, naam="Gemeente", **gemeenschappelijk)
    else:
        eind = schrijf_mt940(uit, dialect=formaat, **gemeenschappelijk)
    uit.seek(0)
    gebeurtenissen = list(lees(uit))
    kop, slot = gebeurtenissen[0], gebeurtenissen[-1]
    transacties = [g for g in gebeurtenissen if isinstance(g, Transactie)]
    assert isinstance(kop, Afschriftkop) and isinstance(slot, Afschriftslot)
    assert kop.beginsaldo + sum(t.bedrag for t in transacties) == slot.eindsaldo == eind
    assert [t.bankreferentie for t in transacties] == [b.bankreferentie for b in boekingen]
    assert [t.tegen_iban for t in transacties] == [b.tegen_iban for b in boekingen]
    assert [t.tegen_naam for t in transacties] == [b.tegen_naam for b in boekingen]
    assert transacties[0].omschrijving.startswith("Salaris juni 2026 pnr 2 204 441 J.P. Celik")
    assert transacties[1].omschrijving == boekingen[1].omschrijving
    assert transacties[1].mandaat_id == "M0000028"
    assert transacties[1].incassant_id == "NL43ZZZ899872313623"
    assert transacties[2].betalingskenmerk == "0000000054959034"
