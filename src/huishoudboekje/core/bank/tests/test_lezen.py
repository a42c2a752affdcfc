"""Format detection from the content and dispatch to the right reader."""

from __future__ import annotations

import codecs

import pytest

from huishoudboekje.core.bank.lezen import detecteer_formaat
from huishoudboekje.core.bank.model import Afschriftkop, Bestandsfout

from ._hulp import BESTANDEN, lees_bytes, soorten, zonder_bron

CAMT = (BESTANDEN / "camt053_001_02_ing.xml").read_bytes()


@pytest.mark.parametrize(
    ("begin", "formaat"),
    [
        (CAMT[:300], "camt.053"),
        (codecs.BOM_UTF8 + b"\r\n  \n" + CAMT[:300], "camt.053"),
        (CAMT[:300].decode().encode("utf-16"), "camt.053"),
        (b"<BkToCstmrStmt><Stmt>", "camt.053"),
        (b'<x:Document xmlns:x="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">', "camt.053"),
        (b":20:P240102000000001\r\n:25:NL20INGB0001234567EUR", "mt940"),
        (b"\xef\xbb\xbf\n:20:X", "mt940"),
        (b"{1:F01BNGHNL2GAXXX0000000000}{2:O940}{4:\r\n:20:X", "mt940"),
        (b":940:\r\n:20:940S240102", "mt940"),
        (b"ABNANL2A\r\n940\r\nABNANL2A\r\n:20:ABN AMRO BANK NV", "mt940"),
        (b"0000 01INGBNL2AXXXX00001\r\n0000 01INGBNL2AXXXX00001\r\n940 00\r\n", "mt940"),
    ],
)
def test_detectie_op_inhoud(begin: bytes, formaat: str) -> None:
    assert detecteer_formaat(begin) == formaat


def _document(namespace: str, bericht: str) -> bytes:
    return (
        f'<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:{namespace}">'
        f"<{bericht}><GrpHdr/></{bericht}></Document>"
    ).encode()


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        (_document("camt.052.001.02", "BkToCstmrAcctRpt"),
         "Dit is een tussentijds rekeningrapport (camt.052), geen bankafschrift; lees een "
         "camt.053- of MT940-afschrift in"),
        (_document("camt.054.001.02", "BkToCstmrDbtCdtNtfctn"),
         "Dit is een debet-/creditnotificatie (camt.054), geen bankafschrift; lees een "
         "camt.053- of MT940-afschrift in"),
        (_document("pain.001.001.03", "CstmrCdtTrfInitn"),
         "Dit is een betaalopdracht (pain.001), geen bankafschrift; lees een camt.053- of "
         "MT940-afschrift in"),
        (b"<Document><CstmrDrctDbtInitn/></Document>",
         "Dit is een incasso-opdracht (pain.008), geen bankafschrift; lees een camt.053- of "
         "MT940-afschrift in"),
        (b"<html><body>Inloggen</body></html>",
         "Onbekend bestandsformaat: een XML-bestand, maar geen camt.053-bankafschrift (geen "
         "namespace urn:iso:std:iso:20022:tech:xsd:camt.053.001.xx)"),
        (b"Datum;Naam;Bedrag\n2024-01-02;Jansen;12,50\n",
         "Onbekend bestandsformaat: het bestand begint met 'Datum;Naam;Bedrag'; verwacht een "
         "camt.053-afschrift (XML) of een MT940-afschrift (begint met :20:)"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
         "Onbekend bestandsformaat: dit lijkt een binair bestand (bijvoorbeeld PDF, Excel of "
         "zip), geen camt.053- of MT940-bankafschrift"),
        (b"", "Het bestand is leeg"),
        (b" \r\n\t\n", "Het bestand is leeg"),
    ],
)
def test_andere_bestanden_krijgen_een_specifieke_melding(data: bytes, melding: str) -> None:
    with pytest.raises(Bestandsfout) as fout:
        detecteer_formaat(data)
    assert fout.value.melding == melding
    with pytest.raises(Bestandsfout) as fout:
        lees_bytes(data)
    assert fout.value.melding == melding


def test_lees_kiest_de_lezer_en_leest_het_hele_bestand() -> None:
    for naam, formaat in [("camt053_001_08_batch_storno.xml", "camt.053.001.08"),
                          ("mt940_rabobank.swi", "mt940")]:
        data = (BESTANDEN / naam).read_bytes()
        gebeurtenissen = lees_bytes(data)
        kop = gebeurtenissen[0]
        assert isinstance(kop, Afschriftkop) and kop.formaat == formaat
        assert soorten(gebeurtenissen).endswith("S")


def test_lees_over_de_detectiegrens_heen() -> None:
    """The detection peeks at 64 KB; the reader must still get those bytes first."""
    data = (BESTANDEN / "mt940_bng.sta").read_bytes()
    opgevuld = b"\r\n" * 40_000 + data  # the first statement starts after 80 KB
    assert zonder_bron(lees_bytes(opgevuld)) == zonder_bron(lees_bytes(data))


def test_camt_in_utf16_met_bom() -> None:
    data = CAMT.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert zonder_bron(lees_bytes(data)) == zonder_bron(lees_bytes(CAMT))


def test_camt_kop_met_commentaar_en_bom() -> None:
    data = codecs.BOM_UTF8 + b"<!-- export -->\n" + CAMT.split(b"?>", 1)[1]
    assert zonder_bron(lees_bytes(data)) == zonder_bron(lees_bytes(CAMT))


def test_mt940_zonder_blok_1_wordt_herkend_en_gelezen():
    """Some exports strip the SWIFT basic header: the file starts with {2: or {4:."""
    import io

    from huishoudboekje.core.bank.lezen import detecteer_formaat, lees
    from huishoudboekje.core.bank.model import Transactie

    inhoud = (
        b"{2:I940INGBNL2AXXXXN}{4:\r\n:20:P260512000000001\r\n:25:NL20INGB0001234567EUR\r\n"
        b":28C:00001\r\n:60F:C260511EUR1000,00\r\n:61:2605120512C25,00NTRFNONREF//R1\r\n"
        b":86:/TRTP/SEPA OVERBOEKING/IBAN/NL91ABNA0417164300/BIC/ABNANL2A/NAME/J JANSEN/REMI/"
        b"test/EREF/E1\r\n:62F:C260512EUR1025,00\r\n-}\r\n"
    )
    assert detecteer_formaat(inhoud) == "mt940"
    transacties = [g for g in lees(io.BytesIO(inhoud)) if isinstance(g, Transactie)]
    assert [(t.bedrag, t.tegen_iban) for t in transacties] == [(2500, "NL91ABNA0417164300")]
