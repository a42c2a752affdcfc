"""Parse rate of the bank file readers, next to the physical floor: a bare lxml
iterparse pass over the same camt.053 file (every element visited and cleared, nothing
interpreted). Also MT940. Files of 100,000 transactions, written by our own writers."""

from __future__ import annotations

import datetime as dt
import os
import resource
import tempfile
import time
from pathlib import Path

from lxml import etree

from huishoudboekje.core.bank.lezen import lees
from huishoudboekje.core.bank.model import Afschriftkop, Transactie
from huishoudboekje.core.bank.schrijven import TeSchrijvenAfschrift, schrijf_camt053, schrijf_mt940

AANTAL = int(os.environ.get("HHB_BENCH_PARSEN", "100000"))
IBAN = "NL62BNGH0285128701"


def _transacties(n: int) -> list[Transactie]:
    dag = dt.date(2026, 5, 4)
    return [
        Transactie(
            bedrag=(12345 + i % 5000) * (1 if i % 3 else -1),
            boekdatum=dag,
            valutadatum=dag,
            tegen_iban="NL91ABNA0417164300",
            tegen_naam=f"Partij {i % 700}",
            tegen_bic="ABNANL2A",
            omschrijving=f"Betaling {i} klantnummer {100000 + i} periode 05-2026",
            betalingskenmerk="",
            end_to_end_id=f"E2E{i:010d}",
            mandaat_id="",
            incassant_id="",
            bankreferentie=f"R{i:015d}",
            transactiecode="",
            bron="",
        )
        for i in range(n)
    ]


def _afschrift(transacties: list[Transactie]) -> TeSchrijvenAfschrift:
    kop = Afschriftkop(
        formaat="camt.053.001.02",
        dialect="",
        rekening_iban=IBAN,
        valuta="EUR",
        afschrift_id="BENCH",
        volgnummer="1",
        aangemaakt=None,
        beginsaldo=0,
        begindatum=dt.date(2026, 5, 3),
        eindsaldo=None,
        einddatum=dt.date(2026, 5, 4),
    )
    return TeSchrijvenAfschrift(kop, transacties)


def _tijd(functie: object) -> float:
    begin = time.perf_counter()
    functie()  # type: ignore[operator]
    return time.perf_counter() - begin


def _kaal_lxml(pad: Path) -> None:
    for _, element in etree.iterparse(
        str(pad), events=("end",), resolve_entities=False, no_network=True
    ):
        element.clear()
        while element.getprevious() is not None:
            del element.getparent()[0]


def _lees(pad: Path) -> int:
    with pad.open("rb") as stream:
        return sum(1 for g in lees(stream) if isinstance(g, Transactie))


def run() -> None:
    transacties = _transacties(AANTAL)
    with tempfile.TemporaryDirectory() as map_:
        camt = Path(map_) / "bench.xml"
        with camt.open("wb") as uit:
            schrijf_camt053(uit, [_afschrift(transacties)])
        mt940 = Path(map_) / "bench.sta"
        with mt940.open("wb") as uit:
            schrijf_mt940(uit, [_afschrift(transacties)], dialect="ing")
        del transacties
        kaal = _tijd(lambda: _kaal_lxml(camt))
        t_camt = _tijd(lambda: _lees(camt))
        t_mt940 = _tijd(lambda: _lees(mt940))
        mb = camt.stat().st_size / 1e6
        print(
            f"camt.053 {AANTAL:,} transacties ({mb:.0f} MB): lezen {AANTAL / t_camt:,.0f} tx/s; "
            f"kale lxml-doorloop {AANTAL / kaal:,.0f} tx/s "
            f"(ondergrens: {kaal / t_camt:.0%} van de leestijd)"
        )
        print(
            f"MT940 (ING) {AANTAL:,} transacties ({mt940.stat().st_size / 1e6:.0f} MB): "
            f"lezen {AANTAL / t_mt940:,.0f} tx/s"
        )
        print(
            "piekgeheugen van dit proces: "
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB"
        )
