"""Entry point for reading a bank statement file of any supported format.

`lees(stream)` looks at the first bytes (never the file name, which users rename),
picks the camt.053 or MT940 reader and streams its Gebeurtenissen. `detecteer_formaat`
is the detection on its own, e.g. to tell the user early what was uploaded.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from ._gemeen import MAX_BYTES, BegrensdeStroom, Bron, te_groot
from ._xml import controleer_proloog
from .camt import ANDER_BERICHT, MAX_DIEPTE, ander_bericht_fout, lees_camt, soort_uit_namespace
from .model import Bestandsfout, Gebeurtenis
from .mt940 import lees_mt940

BEGIN = 64 * 1024
"""How many bytes `lees` peeks at for detection (an XML prolog with comments fits)."""

MAX_WITRUIMTE = 1024 * 1024
"""Leading blank lines we look past to find the start (kept for the line numbers)."""
_WIT = re.compile(rb"^(?:\xef\xbb\xbf)?[ \t\r\n]*")

_MT940_BEGIN = re.compile(
    r"^(?::20:|\{[1-4]:|:940:|\d{4} \d\d|940(?: \d\d)?\s*$"
    r"|[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\s*$)",
    re.MULTILINE,
)
"""How an MT940 file starts: ":20:", a SWIFT block, Rabobank ":940:", ING "0000 01..."
or BNG "0200 13...", "940" / "940 00" / "940 02", or a BIC alone on the first line
(ABN AMRO "ABNANL2A", bunq "BUNQNL2A", Moneyou "MOYONL21")."""
_BERICHT = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(BkToCstmr\w+|Cstmr\w+)[\s>/]")


def detecteer_formaat(begin: bytes) -> str:
    """"camt.053" or "mt940" from the first bytes of a file (at least the first few
    hundred; `lees` passes 64 KB). Raises Bestandsfout for anything else, with a
    specific message for other ISO 20022 messages (camt.052/054, pain)."""
    # SOH (\x01) frames a SWIFT message; DOS may end a file with \x1a
    tekst = _als_tekst(begin).lstrip("\ufeff \t\r\n\x01\x1a")
    if not tekst:
        raise Bestandsfout("Het bestand is leeg")
    if tekst.startswith("<"):
        return _xml_soort(tekst)
    eerste = tekst.splitlines()[0] if tekst else ""
    if _MT940_BEGIN.match(eerste):
        return "mt940"
    if _lijkt_binair(tekst[:1024]):
        raise Bestandsfout(
            "Onbekend bestandsformaat: dit lijkt een binair bestand (bijvoorbeeld PDF, Excel "
            "of zip), geen camt.053- of MT940-bankafschrift"
        )
    raise Bestandsfout(
        f"Onbekend bestandsformaat: het bestand begint met {eerste[:30]!r}; verwacht een "
        "camt.053-afschrift (XML) of een MT940-afschrift (begint met :20:)"
    )


def _lijkt_binair(tekst: str) -> bool:
    stuur = sum(1 for teken in tekst if not teken.isprintable() and teken not in "\r\n\t")
    return "\x00" in tekst or stuur > 8


def _als_tekst(begin: bytes) -> str:
    """Decode enough of the start for detection; UTF-16 only when it has a BOM."""
    if begin.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return begin.decode("utf-16", errors="replace")
    return begin.removeprefix(codecs.BOM_UTF8).decode("latin-1")


def _xml_soort(tekst: str) -> str:
    controleer_proloog(tekst.encode("utf-8", errors="replace"))
    bericht = _BERICHT.search(tekst)
    namespaces = re.findall(r"urn:iso:std:iso:20022:tech:xsd:[\w.]+", tekst[:4096])
    for namespace in namespaces:
        soort = soort_uit_namespace(namespace)
        if soort:
            raise ander_bericht_fout(soort)
    if bericht and bericht.group(1) in ANDER_BERICHT:
        raise ander_bericht_fout(bericht.group(1))
    if any(".camt.053." in n or ":camt.053." in n for n in namespaces) or (
        bericht and bericht.group(1) == "BkToCstmrStmt"
    ):
        return "camt.053"
    raise Bestandsfout(
        "Onbekend bestandsformaat: een XML-bestand, maar geen camt.053-bankafschrift "
        "(geen namespace urn:iso:std:iso:20022:tech:xsd:camt.053.001.xx)"
    )


def lees(
    stream: Bron, *, max_bytes: int = MAX_BYTES, max_diepte: int = MAX_DIEPTE
) -> Iterator[Gebeurtenis]:
    """Read a camt.053 or MT940 file: per statement an Afschriftkop, its Transacties
    and an Afschriftslot. Memory stays flat in the file size. Everything wrong with
    the file comes out as Bestandsfout (Dutch message, line or element)."""
    begin = stream.read(min(BEGIN, max_bytes + 1))
    while begin and len(begin) <= min(MAX_WITRUIMTE, max_bytes) and not _WIT.sub(b"", begin):
        meer = stream.read(BEGIN)  # only blank lines so far: look further
        if not meer:
            break
        begin += meer
    if len(begin) > max_bytes:
        raise te_groot(max_bytes)
    formaat = detecteer_formaat(begin)
    bron = BegrensdeStroom(stream, max_bytes, voorloop=begin)
    if formaat == "camt.053":
        return lees_camt(bron, max_bytes=max_bytes, max_diepte=max_diepte)
    return lees_mt940(bron, max_bytes=max_bytes)
