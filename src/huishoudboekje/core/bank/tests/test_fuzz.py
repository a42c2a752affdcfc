"""Fuzzing the readers: whatever bytes come in, the only exception that may come out is
Bestandsfout (and a file that is read gives well-formed events)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from huishoudboekje.core.bank.model import (
    Afschriftkop,
    Afschriftslot,
    Bestandsfout,
    Gebeurtenis,
    Transactie,
)

from ._hulp import BESTANDEN, lees_bytes

VOORBEELDEN = {pad.name: pad.read_bytes() for pad in sorted(BESTANDEN.iterdir())}
VOORBEELDEN["mt940_ing_lf.sta"] = VOORBEELDEN["mt940_ing.sta"].replace(b"\r\n", b"\n")
AANTAL = int(os.environ.get("HHB_FUZZ_VOORBEELDEN", "150"))
INSTELLINGEN = settings(
    max_examples=AANTAL, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _lees_of_weiger(data: bytes) -> None:
    try:
        gebeurtenissen = lees_bytes(data, max_bytes=1024 * 1024)
    except Bestandsfout as fout:
        assert type(fout) is Bestandsfout
        assert fout.melding
        return
    _controleer_vorm(gebeurtenissen)


def _controleer_vorm(gebeurtenissen: list[Gebeurtenis]) -> None:
    """Kop, transactions, slot, repeated; counts and amounts consistent."""
    open_kop = False
    aantal = 0
    for g in gebeurtenissen:
        if isinstance(g, Afschriftkop):
            assert not open_kop
            open_kop, aantal = True, 0
        elif isinstance(g, Transactie):
            assert open_kop and g.bedrag != 0
            aantal += 1
        else:
            assert isinstance(g, Afschriftslot) and open_kop and g.aantal == aantal
            open_kop = False
    assert not open_kop


@INSTELLINGEN
@given(st.binary(max_size=2000))
def test_willekeurige_bytes(data: bytes) -> None:
    _lees_of_weiger(data)


@st.composite
def _gemuteerd(draw: st.DrawFn) -> bytes:
    """A sample file with a few random edits: overwrite, delete, insert, truncate."""
    data = bytearray(VOORBEELDEN[draw(st.sampled_from(sorted(VOORBEELDEN)))])
    for _ in range(draw(st.integers(1, 4))):
        plek = draw(st.integers(0, max(len(data) - 1, 0)))
        soort = draw(st.sampled_from(["vervang", "weg", "erbij", "kap", "kopie"]))
        if soort == "vervang" and data:
            data[plek] = draw(st.integers(0, 255))
        elif soort == "weg":
            del data[plek : plek + draw(st.integers(1, 40))]
        elif soort == "erbij":
            stukje = draw(st.sampled_from(
                [b"<", b">", b"&", b"/", b":61:", b":86:", b"\r\n", b"//", b"<Ntry>", b"</Stmt>",
                 b":62F:C", b"-}", b"\x00", b"\xff", b",", b"/REMI/", b"/ORDP//", b"<!DOCTYPE a>"]
            ))
            data[plek:plek] = stukje
        elif soort == "kap":
            del data[plek:]
        else:
            data[plek:plek] = data[max(plek - 200, 0) : plek]
    return bytes(data)


@INSTELLINGEN
@given(_gemuteerd())
def test_gemuteerde_voorbeeldbestanden(data: bytes) -> None:
    _lees_of_weiger(data)


_REGEL = st.one_of(
    st.sampled_from([":20:X", ":25:NL38BNGH0285012345", ":28C:1", ":60F:C240101EUR1,00",
                     ":62F:C240102EUR1,00", "-", "-}", "ABNANL2A", ":940:", "{1:F01X}{4:"]),
    st.builds(lambda d, t, b, r: f":61:{d}{t}{b}{r}",
              st.from_regex(r"\d{6}(\d{4})?", fullmatch=True),
              st.sampled_from(["C", "D", "RC", "RD", "CR", "X", ""]),
              st.from_regex(r"\d{0,4},?\d{0,3}", fullmatch=True),
              st.sampled_from(["NTRF", "N654EREF", "NTRF//123", "", "NONREF NL66RABO0160878799"])),
    st.builds(lambda t: ":86:" + t, st.text(alphabet="/ABCDEFGHIJKLMNOPRSTUVWXYZ :0123456789.",
                                             max_size=80)),
    st.text(max_size=70).filter(lambda t: "\n" not in t and "\r" not in t),
)


@INSTELLINGEN
@given(st.lists(_REGEL, max_size=25), st.sampled_from(["\n", "\r\n"]))
def test_willekeurige_mt940_regels(regels: list[str], einde: str) -> None:
    _lees_of_weiger(einde.join([":20:X", *regels]).encode("utf-8", errors="surrogatepass"))
