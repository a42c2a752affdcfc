"""Streaming: memory stays flat in the file size (a behavioural bound, not a speed test).

tracemalloc sees Python objects (a reader that collected its transactions in a list
would fail here); the lxml tree lives in libxml2's own memory, which tracemalloc cannot
see, so the resident set size is checked as well (Linux /proc).
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from huishoudboekje.core.bank.lezen import lees
from huishoudboekje.core.bank.model import Afschriftslot, Transactie

MB = 1024 * 1024


def _camt_boekingen(aantal: int) -> Iterator[bytes]:
    yield (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>'
        b"<GrpHdr><MsgId>M</MsgId><CreDtTm>2024-01-03T06:00:00</CreDtTm></GrpHdr><Stmt><Id>S</Id>"
        b"<Acct><Id><IBAN>NL38BNGH0285012345</IBAN></Id><Ccy>EUR</Ccy></Acct>\n"
    )
    for i in range(aantal):
        yield (
            f'<Ntry><Amt Ccy="EUR">{i % 900 + 1}.{i % 100:02d}</Amt><CdtDbtInd>CRDT</CdtDbtInd>'
            f"<Sts>BOOK</Sts><BookgDt><Dt>2024-01-02</Dt></BookgDt>"
            f"<AcctSvcrRef>{i:012d}</AcctSvcrRef><AddtlNtryInf>Boeking {i}</AddtlNtryInf>"
            "</Ntry>\n"
        ).encode()
    yield b"</Stmt></BkToCstmrStmt></Document>\n"


def _mt940_boekingen(aantal: int) -> Iterator[bytes]:
    yield b":20:X\r\n:25:NL38BNGH0285012345\r\n:28C:1\r\n:60F:C240101EUR0,00\r\n"
    for i in range(aantal):
        yield (
            f":61:2401020102C{i % 900 + 1},{i % 100:02d}NTRFNONREF//{i:012d}\r\n"
            ":86:/TRTP/SEPA OVERBOEKING/IBAN/NL66ASNB0707070707/BIC/ASNBNL21/NAME/J DE\r\n"
            f" VRIES/REMI/Leefgeld week {i % 52} met een langere omschrijving van de bet\r\n"
            f"aling {i:08d} zoals banken die over meerdere regels verdelen/EREF/E{i}\r\n"
        ).encode()
    yield b":62F:C240102EUR0,00\r\n-\r\n"


def _rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096


GETRACEERD = 20_000
"""Transactions read with tracemalloc on. tracemalloc slows this allocation-heavy loop
about fivefold, so it watches the first 20,000 (peak, and no growth between 5,000 and
20,000); the resident set size watches all of them."""


@pytest.mark.parametrize(("soort", "aantal"), [("camt", 200_000), ("mt940", 120_000)])
def test_geheugen_blijft_vlak(tmp_path: Path, soort: str, aantal: int) -> None:
    pad = tmp_path / f"groot.{soort}"
    maker = _camt_boekingen if soort == "camt" else _mt940_boekingen
    with open(pad, "wb") as bestand:
        bestand.writelines(maker(aantal))
    assert pad.stat().st_size > 30 * MB  # larger than any bound below

    meet_rss = Path("/proc/self/statm").exists()
    rss_begin = rss_piek = _rss() if meet_rss else 0
    transacties = 0
    na_5000 = 0
    tracemalloc.start()
    try:
        with open(pad, "rb") as bestand:
            for gebeurtenis in lees(bestand):
                if isinstance(gebeurtenis, Transactie):
                    transacties += 1
                    if transacties == 5_000:
                        na_5000 = tracemalloc.get_traced_memory()[0]
                    elif transacties == GETRACEERD:
                        huidig, piek = tracemalloc.get_traced_memory()
                        tracemalloc.stop()
                    if meet_rss and transacties % 20_000 == 0:
                        rss_piek = max(rss_piek, _rss())
                elif isinstance(gebeurtenis, Afschriftslot):
                    assert gebeurtenis.aantal == aantal
    finally:
        tracemalloc.stop()

    assert transacties == aantal
    assert piek < 10 * MB, f"Python-geheugen piek {piek / MB:.1f} MB"
    assert huidig - na_5000 < 1 * MB, f"Python-geheugen groeide {(huidig - na_5000) / MB:.2f} MB"
    assert rss_piek - rss_begin < 30 * MB, f"RSS groeide {(rss_piek - rss_begin) / MB:.1f} MB"
