"""Hostile and broken files: every one must end in a Bestandsfout with a useful Dutch
message, quickly, without reading the network or other files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from huishoudboekje.core.bank import _xml
from huishoudboekje.core.bank.camt import lees_camt
from huishoudboekje.core.bank.camt_xsd import valideer_xsd
from huishoudboekje.core.bank.model import Bestandsfout
from huishoudboekje.core.bank.mt940 import lees_mt940

from ._hulp import BESTANDEN, lees_bytes

CAMT = (BESTANDEN / "camt053_001_02_ing.xml").read_bytes()
KOP = b'<?xml version="1.0" encoding="UTF-8"?>\n'
NS = b'xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"'
DOCTYPE = "bevat een DOCTYPE- of ENTITY-declaratie; dat is om veiligheidsredenen niet toegestaan"


def _fout(data: bytes, **opties: object) -> Bestandsfout:
    with pytest.raises(Bestandsfout) as fout:
        lees_bytes(data, **opties)
    return fout.value


def _xxe(doel: str) -> bytes:
    return KOP + (
        f'<!DOCTYPE Document [<!ENTITY xxe SYSTEM "{doel}">]>'
        f"<Document {NS.decode()}><BkToCstmrStmt><Stmt><Id>&xxe;</Id></Stmt></BkToCstmrStmt>"
        "</Document>"
    ).encode()


_LACHJES = "".join(
    f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
    for i in range(1, 10)
)
BILJOEN_LACHJES = KOP + (
    f'<!DOCTYPE Document [<!ENTITY lol "lol">{_LACHJES}]><Document {NS.decode()}>'
    "<BkToCstmrStmt><Stmt><Id>&lol9;</Id></Stmt></BkToCstmrStmt></Document>"
).encode()


@pytest.mark.parametrize(
    "data",
    [
        _xxe("file:///etc/passwd"),
        _xxe("http://127.0.0.1:9/x"),
        BILJOEN_LACHJES,
        KOP + b"<!DOCTYPE Document>" + CAMT[len(KOP) :],
        b"<!DOCTYPE Document SYSTEM 'camt.dtd'>" + CAMT[len(KOP) :],
        KOP + b'<!-- x --><!ENTITY % p SYSTEM "file:///etc/passwd">' + CAMT[len(KOP) :],
    ],
    ids=["xxe-bestand", "xxe-netwerk", "biljoen-lachjes", "doctype", "doctype-system", "entity"],
)
def test_doctype_en_entities_worden_geweigerd(data: bytes) -> None:
    fout = _fout(data)
    assert DOCTYPE in fout.melding
    with pytest.raises(Bestandsfout, match="DOCTYPE"):
        list(lees_camt(io.BytesIO(data)))
    with pytest.raises(Bestandsfout, match="DOCTYPE"):
        valideer_xsd(data, "camt.053.001.02")


def test_doctype_in_utf16_wordt_na_het_parsen_geweigerd(tmp_path: Path) -> None:
    """A UTF-16 file escapes the byte scan; the check on the parsed document and
    lxml's own options (no entity resolution, no DTD loading) still hold."""
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("GEHEIM-123")
    data = _xxe(geheim.as_uri()).decode().replace("UTF-8", "UTF-16").encode("utf-16")
    with pytest.raises(Bestandsfout, match="DOCTYPE"):
        list(lees_camt(io.BytesIO(data)))
    with pytest.raises(Bestandsfout, match="DOCTYPE"):
        lees_bytes(data)
    # the second line of defence on its own: the parser options never expand the entity
    document = etree.fromstring(data, etree.XMLParser(**_xml.VEILIG))
    assert "GEHEIM" not in etree.tostring(document, encoding="unicode")


@pytest.mark.parametrize(
    ("data", "melding", "plek"),
    [
        (CAMT[: len(CAMT) // 2], "Het XML-bestand is afgebroken of onvolledig", "regel "),
        (CAMT.replace(b"</Ntry>", b"</Ntr>", 1), "Ongeldige XML: Opening and ending tag mismatch",
         "regel 143"),
        (CAMT.replace(b"<Ntry>", b"<Ntry>\xff\xfe", 1),
         "Het XML-bestand heeft een ongeldige tekencodering", "regel 68"),
        (KOP + b"<Document " + NS + b"><BkToCstmrStmt></BkToCstmrStmt></Document>",
         "Het bestand bevat geen afschrift (Stmt)", "BkToCstmrStmt"),
        (KOP + b"<BkToCstmrStmt><Stmt><Ntry>&onbekend;</Ntry></Stmt></BkToCstmrStmt>",
         "Ongeldige XML: het bestand is afgebroken of gebruikt een onbekende entiteit", ""),
    ],
    ids=["afgebroken", "tags", "codering", "geen-stmt", "entity"],
)
def test_kapotte_xml(data: bytes, melding: str, plek: str) -> None:
    fout = _fout(data)
    assert fout.melding.startswith(melding)
    assert fout.plek.startswith(plek)


def test_verkeerde_namespace_ook_zonder_detectie() -> None:
    data = CAMT.replace(b"camt.053.001.02", b"camt.052.001.02")
    with pytest.raises(Bestandsfout, match=r"tussentijds rekeningrapport \(camt.052\)"):
        list(lees_camt(io.BytesIO(data)))
    with pytest.raises(Bestandsfout, match="Onbekende XML-namespace 'urn:voorbeeld'"):
        list(lees_camt(io.BytesIO(CAMT.replace(b"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02",
                                               b"urn:voorbeeld"))))


def test_diep_genest_xml() -> None:
    diep = KOP + b"<Document " + NS + b"><BkToCstmrStmt>" + b"<a>" * 100_000
    fout = _fout(diep)
    assert fout.melding == "Het XML-bestand is te diep genest"

    ntry = b"<Ntry>" + b"<x>" * 50 + b"</x>" * 50 + b"</Ntry>"
    data = CAMT.replace(b"<Ntry>", ntry + b"<Ntry>", 1)
    fout = _fout(data)
    assert (fout.melding, fout.plek) == ("Het XML-bestand is dieper genest dan 40 niveaus",
                                         "Stmt[1]/Ntry[1]")


def test_reusachtige_tekst_in_xml() -> None:
    data = CAMT.replace(b"Salaris december 2023", b"x" * 11_000_000)
    fout = _fout(data)
    assert fout.melding.startswith("Ongeldige XML")


def test_bestand_groter_dan_de_grens() -> None:
    assert _fout(CAMT, max_bytes=1000).melding == "Het bestand is groter dan de toegestane 1 MB"
    mt940 = (BESTANDEN / "mt940_ing.sta").read_bytes()
    assert _fout(mt940, max_bytes=500).melding == "Het bestand is groter dan de toegestane 1 MB"
    with pytest.raises(Bestandsfout, match="groter dan de toegestane 20 MB"):
        valideer_xsd(b" " * (20 * 1024 * 1024 + 1))


def test_reusachtige_mt940_regel() -> None:
    data = b":20:X\r\n:25:NL38BNGH0285012345\r\n:86:" + b"A" * 5_000_000 + b"\r\n"
    fout = _fout(data)
    assert (fout.melding, fout.plek) == ("Regel is langer dan 10000 tekens", "regel 3")


def test_afgebroken_mt940() -> None:
    volledig = (BESTANDEN / "mt940_ing.sta").read_bytes()
    tot_61 = volledig[: volledig.index(b":61:2401020102D725,50")] + b":61:2401020102D"
    fout = _fout(tot_61)
    assert fout.melding == "Ongeldige :61:-regel '2401020102D': bedrag ontbreekt"
    zonder_slot = volledig[: volledig.index(b":62F:")]
    fout = _fout(zonder_slot)
    assert fout.melding.startswith("Eindsaldo (:62F:) ontbreekt in het afschrift vanaf regel 4")


def test_binaire_rommel_na_een_mt940_begin() -> None:
    fout = _fout(b":20:X\n:25:NL38BNGH0285012345\n\x00\x01\x02\x03binair")
    assert fout.melding.startswith("Het bestand bevat binaire gegevens of stuurtekens")
    assert fout.plek == "regel 3"


def test_rommel_in_een_mt940_lezer_direct() -> None:
    with pytest.raises(Bestandsfout, match="Onverwachte regel buiten een afschrift"):
        list(lees_mt940(io.BytesIO(b"%PDF-1.7\n")))


def test_xsd_validatie_van_de_voorbeelden_en_een_fout() -> None:
    for naam in ("camt053_001_02_ing.xml", "camt053_001_04_bng_twee_afschriften.xml",
                 "camt053_001_08_batch_storno.xml"):
        assert valideer_xsd(BESTANDEN / naam) == [], naam
    fout = CAMT.replace(b"<CdtDbtInd>CRDT</CdtDbtInd>", b"<CdtDbtInd>X</CdtDbtInd>", 1)
    fouten = valideer_xsd(fout)
    assert len(fouten) == 1 and fouten[0].startswith("regel 38: Element")
    assert "CdtDbtInd" in fouten[0]
    with pytest.raises(Bestandsfout, match="Geen XSD beschikbaar voor camt.053.001.06"):
        valideer_xsd(CAMT, "001.06")
