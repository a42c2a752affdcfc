"""The demo bank statements: realistic, deterministic, readable, with ground truth that a
correct matcher agrees with."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from pathlib import Path

import holidays
import pytest

from huishoudboekje.core.bank.lezen import lees
from huishoudboekje.core.bank.model import Afschriftkop, Afschriftslot, Transactie
from huishoudboekje.core.bank.schrijven import INCASSO, Batch
from huishoudboekje.demogegevens import DemoGemeente, genereer_gemeente
from huishoudboekje.demogegevens.afschriftbestanden import CAMT, FORMATEN
from huishoudboekje.demogegevens.afschriften import (
    SOORTEN,
    Afschriftenset,
    Dagafschrift,
    genereer_afschriften,
    schrijf_bestanden,
)

GEMEENTE_IBAN = "NL62BNGH0285128701"
VAN = dt.date(2026, 3, 1)  # March-May 2026: Good Friday, Easter Monday and 1 May fall in it


@pytest.fixture(scope="module")
def gemeente() -> DemoGemeente:
    return genereer_gemeente(deelnemers=200, seed=1, peildatum=dt.date(2026, 6, 1))


def _set(gemeente: DemoGemeente, seed: int = 7) -> Afschriftenset:
    return genereer_afschriften(
        gemeente, van=VAN, maanden=3, seed=seed, gemeente_iban=GEMEENTE_IBAN
    )


@pytest.fixture(scope="module")
def dagen(gemeente: DemoGemeente) -> list[Dagafschrift]:
    return list(_set(gemeente))


def _transacties(dag: Dagafschrift) -> dict[str, Transactie]:
    uit: dict[str, Transactie] = {}
    for post in dag.afschrift.transacties:
        for t in post.onderdelen if isinstance(post, Batch) else (post,):
            uit[t.bankreferentie] = t
    return uit


def test_een_afschrift_per_target2_bankdag_met_doorlopende_saldi(
    dagen: list[Dagafschrift],
) -> None:
    gesloten = holidays.financial_holidays("XECB", years=2026)
    verwacht = [
        VAN + dt.timedelta(days=i) for i in range(92)
        if (VAN + dt.timedelta(days=i)).weekday() < 5 and VAN + dt.timedelta(days=i) not in gesloten
    ]
    assert [d.datum for d in dagen] == verwacht
    assert not {dt.date(2026, 4, 3), dt.date(2026, 4, 6), dt.date(2026, 5, 1)} & set(verwacht)
    vorige = None
    for dag in dagen:
        kop = dag.afschrift.kop
        assert kop.beginsaldo is not None and kop.eindsaldo is not None
        assert kop.beginsaldo + sum(p.bedrag for p in dag.afschrift.transacties) == kop.eindsaldo
        if vorige is not None:
            assert (kop.beginsaldo, kop.begindatum) == (vorige.eindsaldo, vorige.einddatum)
        assert all(t.boekdatum == dag.datum for t in _transacties(dag).values())
        vorige = kop


def test_elke_soort_ruis_komt_voor(dagen: list[Dagafschrift]) -> None:
    soorten = Counter(w.soort for dag in dagen for w in dag.waarheid)
    assert set(soorten) == set(SOORTEN), soorten
    assert sum(len(dag.ontbrekend) for dag in dagen) >= 1
    batches = [p for dag in dagen for p in dag.afschrift.transacties if isinstance(p, Batch)]
    assert batches and all(len(b.onderdelen) >= 2 for b in batches)
    totaal = sum(soorten.values())
    ruis = totaal - sum(soorten[s] for s in ("inkomen", "incasso", "overschrijving", "leefgeld"))
    assert ruis < totaal * 0.1  # noise is a few percent, not the bulk


def test_waarheid_heeft_unieke_sleutels_en_dekt_elke_transactie(
    gemeente: DemoGemeente, dagen: list[Dagafschrift]
) -> None:
    sleutels = [w.sleutel for dag in dagen for w in dag.waarheid]
    assert len(sleutels) == len(set(sleutels))
    for dag in dagen:
        transacties = _transacties(dag)
        assert sorted(transacties) == sorted(w.sleutel for w in dag.waarheid)
        for w in dag.waarheid:
            assert transacties[w.sleutel].bedrag == w.bedrag
            if w.afspraak is not None:
                assert w.burger == gemeente.afspraken[w.afspraak].burger
    assert _set(gemeente).waarheid().keys() == set(sleutels)


def test_betalingen_volgen_de_afspraken(gemeente: DemoGemeente, dagen: list[Dagafschrift]) -> None:
    namen = {a.sleutel: o.naam for o in gemeente.organisaties for a in o.afdelingen}
    eigen = {b.iban for b in gemeente.burgers}
    for dag in dagen:
        transacties = _transacties(dag)
        for w in dag.waarheid:
            t = transacties[w.sleutel]
            if w.soort in ("onbekend", "zonder_iban"):
                assert w.afspraak is None and not w.matchbaar
                if w.soort == "onbekend":
                    assert t.tegen_iban not in {r.iban for r in gemeente.rekeningen}
                else:
                    assert t.tegen_iban == ""
                continue
            assert w.afspraak is not None
            a = gemeente.afspraken[w.afspraak]
            assert t.tegen_iban == a.tegenrekening
            if w.soort == "terugbetaling":
                assert t.bedrag > 0 and a.richting == "uitgaven" and not w.matchbaar
                continue
            assert (t.bedrag > 0) == (a.richting == "inkomsten")
            assert w.verwacht is not None and 0 <= (t.boekdatum - w.verwacht).days <= 7
            if w.soort in ("inkomen", "batch", "incasso", "overschrijving", "leefgeld"):
                assert abs(t.bedrag) == a.bedrag
            if a.richting == "inkomsten":
                assert t.tegen_naam == namen[a.afdeling or ""]
                assert all(term in t.omschrijving for term in a.zoektermen)
            if w.soort == "incasso":
                assert t.mandaat_id and t.incassant_id.startswith("NL")
                assert t.transactiecode == INCASSO
            if w.soort == "leefgeld":
                assert a.leefgeld and t.tegen_iban in eigen
            if w.soort == "na_einde":
                einde = gemeente.burgers[a.burger].deelname.einddatum
                assert einde is not None and w.verwacht > einde and not w.matchbaar


def test_matchbaar_is_wat_een_correcte_matcher_vindt(
    gemeente: DemoGemeente, dagen: list[Dagafschrift]
) -> None:
    """A reference matcher (counter IBAN, direction, amount within EUR 10, all search
    terms, valid on the date) finds exactly the agreement for every matchable
    transaction, and none for unknown senders and payments without IBAN."""
    per_iban: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(gemeente.afspraken):
        per_iban[a.tegenrekening].append(i)

    def kandidaten(t: Transactie) -> list[int]:
        uit = []
        for i in per_iban.get(t.tegen_iban, []):
            a = gemeente.afspraken[i]
            geldig = a.geldig_van - dt.timedelta(days=10) <= t.boekdatum and (
                a.geldig_tot is None or t.boekdatum <= a.geldig_tot + dt.timedelta(days=5)
            )
            if (
                geldig
                and (a.richting == "inkomsten") == (t.bedrag > 0)
                and abs(abs(t.bedrag) - a.bedrag) <= 1000
                and all(term.lower() in t.omschrijving.lower() for term in a.zoektermen)
            ):
                uit.append(i)
        return uit

    for dag in dagen:
        transacties = _transacties(dag)
        for w in dag.waarheid:
            gevonden = kandidaten(transacties[w.sleutel])
            if w.matchbaar:
                assert gevonden == [w.afspraak], w
            elif w.soort in ("onbekend", "zonder_iban", "terugbetaling"):
                assert gevonden == [], w
            elif w.soort == "afwijkend_bedrag":
                assert w.afspraak not in gevonden, w


def test_deterministisch_en_lui(gemeente: DemoGemeente, tmp_path: Path) -> None:
    een, twee = _set(gemeente), _set(gemeente)
    eerste = [dataclasses.astuple(d.afschrift.kop) for d in een]
    assert eerste == [dataclasses.astuple(d.afschrift.kop) for d in een]  # iterate again
    paden_een = schrijf_bestanden(een, tmp_path / "een")
    paden_twee = schrijf_bestanden(twee, tmp_path / "twee")
    assert [p.name for p in paden_een] == [p.name for p in paden_twee]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(paden_een, paden_twee,
                                                                    strict=True))
    ander = [d.afschrift.kop.eindsaldo for d in _set(gemeente, seed=8)]
    assert ander != [d.afschrift.kop.eindsaldo for d in een]


def test_bestanden_in_elk_formaat_lezen_terug_met_waarheid(
    gemeente: DemoGemeente, tmp_path: Path
) -> None:
    afschriften = _set(gemeente)
    waarheid = afschriften.waarheid()
    paden = schrijf_bestanden(afschriften, tmp_path)
    formaten = Counter(p.name.split("_", 1)[1] for p in paden)
    assert len(formaten) == len(FORMATEN), formaten  # every version and dialect occurs
    batchdagen = {d.datum.isoformat() for d in afschriften if d.heeft_batch}
    gelezen: list[str] = []
    vorige_eind = None
    for pad in paden:
        if pad.name[:10] in batchdagen:
            assert pad.suffix == ".xml"  # MT940 could only show the batch total
        with open(pad, "rb") as bestand:
            gebeurtenissen = list(lees(bestand))
        kop, *transacties, slot = gebeurtenissen
        assert isinstance(kop, Afschriftkop) and isinstance(slot, Afschriftslot)
        assert kop.rekening_iban == GEMEENTE_IBAN
        assert vorige_eind is None or kop.beginsaldo == vorige_eind
        som = 0
        for t in transacties:
            assert isinstance(t, Transactie)
            assert waarheid[t.bankreferentie].bedrag == t.bedrag
            som += t.bedrag
            gelezen.append(t.bankreferentie)
        assert kop.beginsaldo is not None and kop.beginsaldo + som == slot.eindsaldo
        vorige_eind = slot.eindsaldo
    assert sorted(gelezen) == sorted(waarheid)


def test_formaten_kiezen(gemeente: DemoGemeente, tmp_path: Path) -> None:
    afschriften = genereer_afschriften(
        gemeente, van=dt.date(2026, 4, 1), maanden=1, seed=3, gemeente_iban=GEMEENTE_IBAN
    )
    paden = schrijf_bestanden(afschriften, tmp_path, formaten=("mt940-bng",))
    batchdagen = {d.datum.isoformat() for d in afschriften if d.heeft_batch}
    assert {p.name.split("_", 1)[1] for p in paden if p.name[:10] not in batchdagen} == {
        "BNG.mt940"
    }
    paden = schrijf_bestanden(afschriften, tmp_path / "camt", formaten=CAMT[1:2])
    assert {p.name.split("_", 1)[1] for p in paden} == {"BNG_camt053-001.04.xml"}
    with pytest.raises(ValueError, match="Onbekend formaat"):
        schrijf_bestanden(afschriften, tmp_path, formaten=("pdf",))
