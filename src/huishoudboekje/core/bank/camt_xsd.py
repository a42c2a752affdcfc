"""Optional XSD validation of a camt.053 file against the official ISO 20022 schema.

Not streaming: the whole document is parsed into memory, so this is for files up to
`MAX_XSD_BYTES` (20 MB), e.g. a check in the upload screen or a test that a writer
produces schema-valid output. The streaming reader in `camt` does not need it: it
checks what it uses itself. Schemas ship in `xsd/` (see its README for provenance).
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from pathlib import Path
from typing import Any

from lxml import etree

from . import _xml
from ._gemeen import te_groot
from .model import Bestandsfout

MAX_XSD_BYTES = 20 * 1024 * 1024
VERSIES = ("camt.053.001.02", "camt.053.001.04", "camt.053.001.08")

_VERSIE = re.compile(r"(?:camt\.053\.)?(001\.\d{2})")


def valideer_xsd(
    bron: str | Path | bytes, versie: str | None = None, *, max_bytes: int = MAX_XSD_BYTES
) -> list[str]:
    """Validate a camt.053 document (a path or its bytes) against its XSD.

    `versie` is "camt.053.001.02", "001.02" etc.; None takes it from the document's
    namespace. Returns the schema violations as "regel N: message" (libxml2's English
    message), [] when valid. Raises Bestandsfout when the file is not well-formed XML,
    has a DOCTYPE, is larger than `max_bytes`, or no schema ships for the version."""
    data = _inhoud(bron, max_bytes)
    _xml.controleer_proloog(data[: _xml.MAX_PROLOOG])
    parser = etree.XMLParser(**_xml.VEILIG)
    try:
        document = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as exc:
        raise _xml.syntaxfout(exc) from None
    if document.docinfo.doctype:  # type: ignore[union-attr]
        raise Bestandsfout(_xml.DOCTYPE_FOUT, "regel 1")
    schema = _schema(_versie(versie, document))
    if schema.validate(document):
        return []
    fouten: Any = schema.error_log
    return [f"regel {fout.line}: {fout.message}" for fout in fouten]


def _inhoud(bron: str | Path | bytes, max_bytes: int) -> bytes:
    if isinstance(bron, bytes):
        if len(bron) > max_bytes:
            raise te_groot(max_bytes)
        return bron
    with open(bron, "rb") as bestand:
        data = bestand.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise te_groot(max_bytes)
    return data


def _versie(versie: str | None, document: Any) -> str:
    if versie is None:
        tag = document.getroot().tag
        versie = tag[1 : tag.find("}")] if tag.startswith("{") else ""
    match = _VERSIE.search(versie)
    volledig = f"camt.053.{match.group(1)}" if match else versie
    if volledig not in VERSIES:
        raise Bestandsfout(
            f"Geen XSD beschikbaar voor {volledig[:60] or 'een bestand zonder namespace'}; "
            f"wel voor {', '.join(VERSIES)}"
        )
    return volledig


@functools.cache
def _schema(versie: str) -> etree.XMLSchema:
    pad = importlib.resources.files(__package__) / "xsd" / f"{versie}.xsd"
    parser = etree.XMLParser(**_xml.VEILIG)
    return etree.XMLSchema(etree.fromstring(pad.read_bytes(), parser))
