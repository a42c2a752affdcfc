"""The file as bytes: its SHA-256 (before the import when the stream can be rewound,
else while it is read) and its check against the camt.053 schema."""

from __future__ import annotations

import hashlib
import io
from typing import Any, BinaryIO

from huishoudboekje.core.bank.camt_xsd import MAX_XSD_BYTES, valideer_xsd
from huishoudboekje.core.bank.lezen import detecteer_formaat
from huishoudboekje.core.bank.model import Bestandsfout

from .models import Importbestand

# XSD validation needs the whole document in memory; above this size only the streaming
# reader checks the file, so an import's memory stays flat however large the file is.
XSD_GRENS = min(5 * 1024 * 1024, MAX_XSD_BYTES)


class Meelezer(io.RawIOBase):
    """Passes the stream through while counting bytes and computing its SHA-256."""

    def __init__(self, bron: BinaryIO) -> None:
        self.bron = bron
        self.sha = hashlib.sha256()
        self.grootte = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.bron.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.sha.update(data)
        self.grootte += n
        return n


def schemacontrole(stream: BinaryIO) -> list[str]:
    """Validate a camt.053 file against its XSD where that is possible: a seekable stream
    of at most XSD_GRENS. The bank's file is not refused for a deviation (our reader
    checks what it uses); the deviations are reported and stored with the file."""
    if not (hasattr(stream, "seekable") and stream.seekable()):
        return []
    begin = stream.tell()
    kop = stream.read(4096)
    stream.seek(begin)
    try:
        if detecteer_formaat(kop) != "camt.053":
            return []
    except Bestandsfout:
        return []  # the reader will refuse it with the specific reason
    inhoud = stream.read(XSD_GRENS + 1)
    stream.seek(begin)
    if len(inhoud) > XSD_GRENS:
        return []
    try:
        return valideer_xsd(inhoud)
    except Bestandsfout:
        return []  # not well-formed: the streaming reader says exactly where


def sha256_vooraf(stream: BinaryIO) -> str | None:
    """The file's SHA-256 before importing, when the stream can be rewound (an upload, a
    file); None otherwise (then the import computes it while reading)."""
    if not (hasattr(stream, "seekable") and stream.seekable()):
        return None
    begin = stream.tell()
    sha = hashlib.sha256()
    while blok := stream.read(1 << 20):
        sha.update(blok)
    stream.seek(begin)
    return sha.hexdigest()


def eerder_ingelezen(sha256: str, *, behalve: int | None = None) -> Importbestand | None:
    qs = Importbestand.objects.filter(sha256=sha256).order_by("tijdstip", "pk")
    if behalve is not None:
        qs = qs.exclude(pk=behalve)
    return qs.first()
