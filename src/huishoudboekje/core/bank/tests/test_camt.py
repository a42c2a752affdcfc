"""camt.053 reader: the sample files of each version, batches, returns, odd layouts."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from huishoudboekje.core.bank.camt import lees_camt
from huishoudboekje.core.bank.model import Afschriftkop, Afschriftslot, Bestandsfout, Transactie

from ._hulp import d, klopt_saldo, lees_bestand, soorten, transactie, zonder_bron

CET = dt.timezone(dt.timedelta(hours=1))


def test_camt_001_02_ing_alle_velden() -> None:
    gebeurtenissen = lees_bestand("camt053_001_02_ing.xml")

    assert soorten(gebeurtenissen) == "K T T T S"  # the PDNG entry is skipped
    assert gebeurtenissen[0] == Afschriftkop(
        formaat="camt.053.001.02",
        dialect="",
        rekening_iban="NL20INGB0001234567",
        valuta="EUR",
        afschrift_id="NL20INGB0001234567-2024-01-02",
        volgnummer="2",
        aangemaakt=dt.datetime(2024, 1, 3, 6, 0, 12, tzinfo=CET),
        beginsaldo=1234567,  # PRCD counts as opening balance
        begindatum=d("2024-01-01"),
        eindsaldo=1345783,
        einddatum=d("2024-01-02"),
    )
    assert zonder_bron(gebeurtenissen[1:4]) == [
        transactie(
            bedrag=185000, boekdatum=d("2024-01-02"), valutadatum=d("2024-01-02"),
            tegen_iban="NL44RABO0123456789", tegen_naam="Bakkerij De Korenschoof B.V.",
            tegen_bic="RABONL2U", omschrijving="Salaris december 2023 personeelsnr 0042",
            end_to_end_id="SAL202312-000042", bankreferentie="20240102000000123",
            transactiecode="PMNT/RCDT/ESCT",
        ),
        transactie(
            bedrag=-72550, boekdatum=d("2024-01-02"), valutadatum=d("2024-01-02"),
            tegen_iban="NL91ABNA0417164300", tegen_naam="Woonstichting Het Gooi",
            tegen_bic="ABNANL2A", betalingskenmerk="1234567890123456",
            end_to_end_id="",  # NOTPROVIDED
            bankreferentie="20240102000000124", transactiecode="PMNT/ICDT/ESCT",
        ),
        transactie(
            bedrag=-1234, boekdatum=d("2024-01-02"), valutadatum=d("2024-01-01"),
            omschrijving="Kosten zakelijk betalingsverkeer december 2023",
            bankreferentie="20240102000000125", transactiecode="ACMT/MDOP/CHRG",
        ),
    ]
    slot = Afschriftslot(eindsaldo=1345783, einddatum=d("2024-01-02"), aantal=3)
    assert gebeurtenissen[4] == slot
    assert klopt_saldo(gebeurtenissen)


def test_bron_is_het_ntry_element() -> None:
    eerste = lees_bestand("camt053_001_02_ing.xml")[1]
    assert isinstance(eerste, Transactie)
    assert eerste.bron.startswith("<Ntry")
    assert "<AcctSvcrRef>20240102000000123</AcctSvcrRef>" in eerste.bron
    assert eerste.bron.rstrip().endswith("</Ntry>")


def test_camt_001_04_twee_afschriften_en_incasso() -> None:
    gebeurtenissen = lees_bestand("camt053_001_04_bng_twee_afschriften.xml")

    assert soorten(gebeurtenissen) == "K T T S K T S"
    kop1, kop2 = gebeurtenissen[0], gebeurtenissen[4]
    assert isinstance(kop1, Afschriftkop) and isinstance(kop2, Afschriftkop)
    assert (kop1.formaat, kop1.rekening_iban, kop1.afschrift_id, kop1.volgnummer) == (
        "camt.053.001.04", "NL38BNGH0285012345", "BNG-0285012345-20240201", "22",
    )
    assert (kop1.beginsaldo, kop1.begindatum, kop1.eindsaldo) == (5000000, d("2024-01-31"), 5120311)
    assert kop1.aangemaakt == dt.datetime(2024, 2, 3, 5, 30)
    assert (kop2.afschrift_id, kop2.volgnummer, kop2.beginsaldo, kop2.eindsaldo) == (
        "BNG-0285012345-20240202", "23", 5120311, 5105311,
    )
    assert zonder_bron(gebeurtenissen[1:3] + gebeurtenissen[5:6]) == [
        transactie(
            bedrag=123456, boekdatum=d("2024-02-01"), valutadatum=d("2024-02-01"),
            tegen_iban="NL73ABNA0555123456", tegen_naam="UWV", tegen_bic="ABNANL2A",
            omschrijving="UWV WW uitkering januari 2024 BSN-deel 1234",
            end_to_end_id="UWV-WW-202401-88412", bankreferentie="BNG240201CR0000017",
            transactiecode="PMNT/RCDT/ESCT",
        ),
        transactie(
            bedrag=-3145, boekdatum=d("2024-02-01"), valutadatum=d("2024-02-01"),
            tegen_iban="NL86INGB0002445588", tegen_naam="Vitens N.V.", tegen_bic="INGBNL2A",
            omschrijving="Termijnbedrag februari 2024 klantnr 400123",
            end_to_end_id="VIT2024020100123456", mandaat_id="VIT-000123456",
            incassant_id="NL61ZZZ051199000000",
            bankreferentie="BNG240201DD0000018-1",  # TxDtls/Refs wins over the Ntry
            transactiecode="PMNT/RDDT/ESDD",
        ),
        transactie(
            bedrag=-15000, boekdatum=d("2024-02-02"), valutadatum=d("2024-02-02"),
            tegen_iban="NL66ASNB0707070707", tegen_naam="J. de Vries",
            omschrijving="Leefgeld week 6", end_to_end_id="HHB-LG-2024-06-0007",
            bankreferentie="BNG240202CT0000004", transactiecode="PMNT/ICDT/ESCT",
        ),
    ]
    slot = Afschriftslot(eindsaldo=5120311, einddatum=d("2024-02-01"), aantal=2)
    assert gebeurtenissen[3] == slot
    assert klopt_saldo(gebeurtenissen)


def test_camt_001_08_batch_storno_en_retour() -> None:
    gebeurtenissen = lees_bestand("camt053_001_08_batch_storno.xml")

    assert soorten(gebeurtenissen) == "K T T T T T S"
    kop = gebeurtenissen[0]
    assert isinstance(kop, Afschriftkop)
    assert (kop.formaat, kop.beginsaldo, kop.eindsaldo) == ("camt.053.001.08", 2000000, 1972170)
    batch = dict(bankreferentie="BNG240304CT0000031", transactiecode="PMNT/ICDT/ESCT",
                 boekdatum=d("2024-03-04"), valutadatum=d("2024-03-04"))
    assert zonder_bron(gebeurtenissen[1:6]) == [
        transactie(bedrag=-12500, tegen_iban="NL66ASNB0707070707", tegen_naam="J. de Vries",
                   tegen_bic="ASNBNL21", omschrijving="Leefgeld week 10",
                   end_to_end_id="HHB-LG-2024-10-0001", **batch),
        transactie(bedrag=-20000, tegen_iban="NL22SNSB0912345678", tegen_naam="A. El Amrani",
                   tegen_bic="SNSBNL2A", omschrijving="Leefgeld maart 2024",
                   end_to_end_id="HHB-LG-2024-10-0002", **batch),
        transactie(bedrag=-8750, tegen_iban="NL12TRIO0198765432", tegen_naam="T. Haile",
                   tegen_bic="TRIONL2U", omschrijving="Leefgeld week 10",
                   end_to_end_id="HHB-LG-2024-10-0003", **batch),
        # storno of a direct debit: money back in, the counterparty is the collector
        transactie(bedrag=5420, boekdatum=d("2024-03-04"), valutadatum=d("2024-03-04"),
                   tegen_iban="NL18RABO0302456789", tegen_naam="Eneco Consumenten B.V.",
                   tegen_bic="RABONL2U", omschrijving="Storno termijn maart 2024 klantnr 4400123",
                   end_to_end_id="ENECO-20240226-7788123",
                   mandaat_id="ENE-4400123-01", incassant_id="NL52ZZZ240442660000",
                   bankreferentie="BNG240304RV0000032", transactiecode="PMNT/RDDT/PRDD",
                   retourreden="MD06"),
        # a returned transfer: the debtor is ourselves, so the creditor is the other party
        transactie(bedrag=8000, boekdatum=d("2024-03-04"), valutadatum=d("2024-03-04"),
                   tegen_iban="NL71INGB0009876543", tegen_naam="P. Jansen", tegen_bic="INGBNL2A",
                   omschrijving="Terugbetaling voorschot", end_to_end_id="HHB-BT-2024-09-0042",
                   bankreferentie="BNG240304RT0000033", transactiecode="PMNT/ICDT/RRTN",
                   retourreden="AC04"),
    ]
    slot = Afschriftslot(eindsaldo=1972170, einddatum=d("2024-03-04"), aantal=5)
    assert gebeurtenissen[-1] == slot
    assert klopt_saldo(gebeurtenissen)


def _camt(ntries: str, *, kop: str | None = None, versie: str = "001.08", na: str = "") -> bytes:
    """A minimal statement around the given Ntry elements."""
    if kop is None:
        kop = (
            "<Acct><Id><IBAN>NL38BNGH0285012345</IBAN></Id><Ccy>EUR</Ccy></Acct>"
            '<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">10.00</Amt>'
            "<CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2024-01-01</Dt></Dt></Bal>"
        )
    return (
        f'<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.{versie}">'
        f"<BkToCstmrStmt><GrpHdr><MsgId>M</MsgId><CreDtTm>2024-01-02T06:00:00</CreDtTm></GrpHdr>"
        f"<Stmt><Id>S</Id>{kop}{ntries}{na}</Stmt></BkToCstmrStmt></Document>"
    ).encode()


def _ntry(bedrag: str = "5.00", ind: str = "CRDT", details: str = "", ccy: str = "EUR") -> str:
    return (
        f'<Ntry><Amt Ccy="{ccy}">{bedrag}</Amt><CdtDbtInd>{ind}</CdtDbtInd><Sts>BOOK</Sts>'
        f"<BookgDt><Dt>2024-01-02</Dt></BookgDt>{details}</Ntry>"
    )


def _lees(data: bytes) -> list[object]:
    return list(lees_camt(io.BytesIO(data)))


def test_debet_beginsaldo_is_negatief_en_valuta_uit_acct() -> None:
    kop = _lees(_camt(_ntry()))[0]
    assert isinstance(kop, Afschriftkop)
    aangemaakt = dt.datetime(2024, 1, 2, 6)
    assert (kop.beginsaldo, kop.valuta, kop.aangemaakt) == (-1000, "EUR", aangemaakt)


def test_saldo_na_de_boekingen_komt_in_het_slot() -> None:
    na = (
        '<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">4.00</Amt>'
        "<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-01-02</Dt></Dt></Bal>"
    )
    kop = "<Acct><Id><IBAN>NL38BNGH0285012345</IBAN></Id></Acct>"
    gebeurtenissen = _lees(_camt(_ntry("5.00", "DBIT") + _ntry("9.00"), kop=kop, na=na))
    assert soorten(gebeurtenissen) == "K T T S"  # type: ignore[arg-type]
    assert isinstance(gebeurtenissen[0], Afschriftkop)
    assert gebeurtenissen[0].beginsaldo is None and gebeurtenissen[0].valuta == "EUR"
    assert gebeurtenissen[-1] == Afschriftslot(eindsaldo=400, einddatum=d("2024-01-02"), aantal=2)


def test_afschrift_zonder_boekingen_en_versie_zonder_namespace() -> None:
    data = _camt("").replace(b' xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"', b"")
    gebeurtenissen = _lees(data)
    assert soorten(gebeurtenissen) == "K S"  # type: ignore[arg-type]
    assert isinstance(gebeurtenissen[0], Afschriftkop)
    assert gebeurtenissen[0].formaat == "camt.053"


def test_andere_001_versie_wordt_gelezen() -> None:
    kop = _lees(_camt(_ntry(), versie="001.06"))[0]
    assert isinstance(kop, Afschriftkop) and kop.formaat == "camt.053.001.06"


def _tx(bedrag: str | None, naam: str, ind: str = "") -> str:
    amt = f'<Amt Ccy="EUR">{bedrag}</Amt>' if bedrag else ""
    teken = f"<CdtDbtInd>{ind}</CdtDbtInd>" if ind else ""
    return (
        f"<TxDtls>{amt}{teken}<RltdPties><Cdtr><Pty><Nm>{naam}</Nm></Pty></Cdtr></RltdPties>"
        "</TxDtls>"
    )


def test_batch_met_bedragen_in_amtdtls_001_02() -> None:
    deel = (
        '<TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">{}</Amt></TxAmt></AmtDtls>'
        "<RltdPties><Cdtr><Nm>{}</Nm></Cdtr></RltdPties></TxDtls>"
    )
    details = f"<NtryDtls>{deel.format('1.25', 'A')}{deel.format('2.75', 'B')}</NtryDtls>"
    gebeurtenissen = _lees(_camt(_ntry("4.00", "DBIT", details), versie="001.02"))
    assert [(t.bedrag, t.tegen_naam) for t in gebeurtenissen if isinstance(t, Transactie)] == [
        (-125, "A"), (-275, "B"),
    ]


def test_batch_zonder_bedrag_per_deelpost_wordt_geweigerd() -> None:
    details = f"<NtryDtls>{_tx(None, 'A')}{_tx(None, 'B')}</NtryDtls>"
    with pytest.raises(Bestandsfout) as fout:
        _lees(_camt(_ntry("4.00", "DBIT", details)))
    assert "Batchboeking met 2 deelposten zonder bedrag per deelpost" in fout.value.melding
    assert fout.value.plek == "Stmt[1]/Ntry[1]"


def test_batch_die_niet_optelt_wordt_geweigerd() -> None:
    details = f"<NtryDtls>{_tx('1.00', 'A')}{_tx('2.00', 'B')}</NtryDtls>"
    with pytest.raises(Bestandsfout) as fout:
        _lees(_camt(_ntry("4.00", "DBIT", details)))
    assert fout.value.melding == (
        "De bedragen van de deelposten (samen -3.00) tellen niet op tot het bedrag van de "
        "boeking (-4.00)"
    )


def test_enkele_txdtls_zonder_bedrag_krijgt_het_boekingsbedrag() -> None:
    details = f"<NtryDtls>{_tx(None, 'A')}</NtryDtls>"
    gebeurtenissen = _lees(_camt(_ntry("4.00", "DBIT", details)))
    transacties = [t for t in gebeurtenissen if isinstance(t, Transactie)]
    assert [(t.bedrag, t.tegen_naam) for t in transacties] == [(-400, "A")]


def test_boeking_in_andere_valuta_wordt_geweigerd() -> None:
    with pytest.raises(Bestandsfout) as fout:
        _lees(_camt(_ntry() + _ntry(ccy="USD")))
    assert fout.value.melding == "Boeking in USD terwijl het afschrift in EUR is"
    assert fout.value.plek == "Stmt[1]/Ntry[2]/Amt"


def test_afschrift_in_vreemde_valuta_wordt_gemeld_niet_geweigerd() -> None:
    kop = "<Acct><Id><IBAN>NL38BNGH0285012345</IBAN></Id><Ccy>USD</Ccy></Acct>"
    gebeurtenissen = _lees(_camt(_ntry(ccy="USD"), kop=kop))
    assert isinstance(gebeurtenissen[0], Afschriftkop) and gebeurtenissen[0].valuta == "USD"


@pytest.mark.parametrize(
    ("ntry", "melding", "plek"),
    [
        (_ntry("12,50"), "Ongeldig bedrag '12,50': verwacht cijfers met een punt als decimaalteken",
         "Stmt[1]/Ntry[1]/Amt"),
        (_ntry("1.234"), "Bedrag '1.234' heeft meer dan twee decimalen", "Stmt[1]/Ntry[1]/Amt"),
        (_ntry(ind="CRD"), "Credit/debet-indicator 'CRD' is ongeldig (CRDT of DBIT)",
         "Stmt[1]/Ntry[1]/CdtDbtInd"),
        ("<Ntry><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>", "Boeking zonder bedrag",
         "Stmt[1]/Ntry[1]/Amt"),
        ('<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>',
         "Boeking zonder status (Sts)", "Stmt[1]/Ntry[1]/Sts"),
        ('<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>',
         "Boeking zonder boekdatum (BookgDt)", "Stmt[1]/Ntry[1]"),
        (_ntry().replace("2024-01-02", "2024-02-30"), "Ongeldige datum '2024-02-30'",
         "Stmt[1]/Ntry[1]/BookgDt"),
    ],
)
def test_fouten_in_een_boeking_noemen_het_element(ntry: str, melding: str, plek: str) -> None:
    with pytest.raises(Bestandsfout) as fout:
        _lees(_camt(ntry))
    assert (fout.value.melding, fout.value.plek) == (melding, plek)


def test_afschrift_zonder_rekening_wordt_geweigerd() -> None:
    with pytest.raises(Bestandsfout) as fout:
        _lees(_camt(_ntry(), kop=""))
    assert fout.value.melding == "Rekeningnummer van het afschrift (Acct/Id) ontbreekt"
    assert fout.value.plek == "Stmt[1]"


def test_status_book_in_001_08_en_pdng_overgeslagen() -> None:
    geboekt = _ntry().replace("<Sts>BOOK</Sts>", "<Sts><Cd>BOOK</Cd></Sts>")
    info = _ntry("7.00").replace("<Sts>BOOK</Sts>", "<Sts><Cd>INFO</Cd></Sts>")
    transacties = [t for t in _lees(_camt(geboekt + info)) if isinstance(t, Transactie)]
    assert [t.bedrag for t in transacties] == [500]


def test_nulbedrag_wordt_overgeslagen() -> None:
    gebeurtenissen = _lees(_camt(_ntry("0.00") + _ntry("1.00")))
    assert [t.bedrag for t in gebeurtenissen if isinstance(t, Transactie)] == [100]
    assert isinstance(gebeurtenissen[-1], Afschriftslot) and gebeurtenissen[-1].aantal == 1


def test_saldo_tussen_de_boekingen_telt_ook() -> None:
    tussen = (
        '<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">7.00</Amt>'
        "<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-01-02</Dt></Dt></Bal>"
    )
    gebeurtenissen = _lees(_camt(_ntry("5.00") + tussen + _ntry("2.00")))
    assert gebeurtenissen[-1] == Afschriftslot(eindsaldo=700, einddatum=d("2024-01-02"), aantal=2)


@pytest.mark.parametrize(
    ("data", "pad"),
    [
        (_camt(_ntry()).replace(b"</Stmt>", _ntry("1.00").encode() + b"</Stmt><Ntry/>"),
         "Document/BkToCstmrStmt"),
        (_camt(_ntry("2.00", details="<Ntry/>")), "Document/BkToCstmrStmt/Stmt/Ntry"),
        (_camt("<Extra>" + _ntry() + "</Extra>"), "Document/BkToCstmrStmt/Stmt/Extra"),
    ],
    ids=["na-stmt", "in-ntry", "dieper"],
)
def test_boeking_buiten_een_afschrift_wordt_geweigerd(data: bytes, pad: str) -> None:
    """An Ntry that is not a direct child of BkToCstmrStmt/Stmt was skipped (money in no
    balance check); now the file is refused, saying where."""
    with pytest.raises(Bestandsfout) as fout:
        _lees(data)
    assert fout.value.melding.startswith(
        f"Boeking (Ntry) buiten een afschrift: de boeking staat in {pad} in plaats van"
    )
    assert fout.value.plek.startswith("regel 1")


def test_beginsaldo_na_de_boekingen_komt_in_het_slot() -> None:
    na = (
        '<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1.00</Amt>'
        "<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-01-01</Dt></Dt></Bal>"
    )
    kop = "<Acct><Id><IBAN>NL38BNGH0285012345</IBAN></Id></Acct>"
    gebeurtenissen = _lees(_camt(_ntry("5.00"), kop=kop, na=na))
    assert isinstance(gebeurtenissen[0], Afschriftkop) and gebeurtenissen[0].beginsaldo is None
    slot = gebeurtenissen[-1]
    assert isinstance(slot, Afschriftslot)
    assert (slot.beginsaldo, slot.begindatum) == (100, d("2024-01-01"))
