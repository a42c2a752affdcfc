"""MT940 reader: one sample file per Dutch bank dialect, then the edge cases."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from huishoudboekje.core.bank.model import Afschriftkop, Afschriftslot, Bestandsfout, Transactie
from huishoudboekje.core.bank.mt940 import lees_mt940

from ._hulp import BESTANDEN, d, klopt_saldo, lees_bestand, soorten, transactie, zonder_bron


def test_ing_gestructureerd() -> None:
    gebeurtenissen = lees_bestand("mt940_ing.sta")

    assert soorten(gebeurtenissen) == "K T T T T S"
    assert gebeurtenissen[0] == Afschriftkop(
        formaat="mt940", dialect="ing", rekening_iban="NL20INGB0001234567", valuta="EUR",
        afschrift_id="P240102000000001/00001", volgnummer="00001", aangemaakt=None,
        beginsaldo=1234567, begindatum=d("2023-12-29"), eindsaldo=None, einddatum=None,
    )
    dag = {"boekdatum": d("2024-01-02"), "valutadatum": d("2024-01-02")}
    assert zonder_bron(gebeurtenissen[1:5]) == [
        transactie(
            bedrag=185000, **dag, tegen_iban="NL44RABO0123456789",
            tegen_naam="BAKKERIJ DE KORENSCHOOF B.V.", tegen_bic="RABONL2U",
            omschrijving="Salaris december 2023 personeelsnr 0042",  # wrapped mid-word
            end_to_end_id="SAL202312-000042", bankreferentie="00000000001005",
            transactiecode="NTRF",
        ),
        transactie(
            bedrag=-72550, **dag, tegen_iban="NL91ABNA0417164300",
            tegen_naam="WOONSTICHTING HET GOOI", tegen_bic="ABNANL2A",
            betalingskenmerk="1234567890123456", bankreferentie="00000000001006",
            transactiecode="NTRF",
        ),
        transactie(  # value date 31 December, booked 2 January: the year rolls over
            bedrag=-3145, boekdatum=d("2024-01-02"), valutadatum=d("2023-12-31"),
            tegen_iban="NL86INGB0002445588", tegen_naam="VITENS N.V.", tegen_bic="INGBNL2A",
            omschrijving="Termijnbedrag januari 2024 klantnr 400123",
            end_to_end_id="VIT2023123100123456", mandaat_id="VIT-000123456",
            incassant_id="NL61ZZZ051199000000", bankreferentie="00000000001007",
            transactiecode="NDDT",
        ),
        transactie(
            bedrag=8000, **dag, tegen_iban="NL71INGB0009876543", tegen_naam="P. JANSEN",
            tegen_bic="INGBNL2A", omschrijving="Terugbetaling voorschot (retourreden AC04)",
            end_to_end_id="HHB-BT-2023-52-0042", bankreferentie="00000000001008",
            transactiecode="NRTI", retourreden="AC04",
        ),
    ]
    slot = Afschriftslot(eindsaldo=1351872, einddatum=d("2024-01-02"), aantal=4)
    assert gebeurtenissen[-1] == slot
    assert klopt_saldo(gebeurtenissen)


def test_bron_bevat_de_regels_van_61_en_86() -> None:
    eerste = lees_bestand("mt940_ing.sta")[1]
    assert isinstance(eerste, Transactie)
    assert eerste.bron.splitlines() == [
        ":61:2401020102C1850,00NTRFEREF//00000000001005",
        "/TRCD/00100/",
        ":86:/EREF/SAL202312-000042//CNTP/NL44RABO0123456789/RABONL2U/BAKK",
        "ERIJ DE KORENSCHOOF B.V./UTRECHT//REMI/USTD//Salaris december 202",
        "3 personeelsnr 0042/",
    ]


def test_rabobank() -> None:
    gebeurtenissen = lees_bestand("mt940_rabobank.swi")

    assert soorten(gebeurtenissen) == "K T T T S"
    kop = gebeurtenissen[0]
    assert isinstance(kop, Afschriftkop)
    assert (kop.dialect, kop.rekening_iban, kop.valuta, kop.afschrift_id, kop.beginsaldo) == (
        "rabobank", "NL44RABO0123456789", "EUR", "940S240102/0", 500000,
    )
    dag = {"boekdatum": d("2024-01-02"), "valutadatum": d("2024-01-02")}
    assert zonder_bron(gebeurtenissen[1:4]) == [
        transactie(  # ordering party from /ORDP//NAME/, IBAN from the :61: supplementary line
            bedrag=123456, **dag, tegen_iban="NL73ABNA0555123456", tegen_naam="UWV",
            omschrijving="UWV WW uitkering december 2023", end_to_end_id="UWV-WW-202312-77120",
            transactiecode="N541",
        ),
        transactie(
            bedrag=-72550, **dag, tegen_iban="NL91ABNA0417164300",
            tegen_naam="Woonstichting Het Gooi",
            omschrijving="Huur januari 2024 huurcontract 88123",
            transactiecode="N658",
        ),
        transactie(  # the IBAN on the :61: line itself, after the reference
            bedrag=-5420, **dag, tegen_iban="NL18RABO0302456789",
            tegen_naam="Eneco Consumenten B.V.",
            omschrijving="Termijn januari 2024 klantnr 4400123",
            end_to_end_id="ENECO-20231226-7788123", mandaat_id="ENE-4400123-01",
            incassant_id="NL52ZZZ240442660000", transactiecode="N064",
        ),
    ]
    slot = Afschriftslot(eindsaldo=545486, einddatum=d("2024-01-02"), aantal=3)
    assert gebeurtenissen[-1] == slot
    assert klopt_saldo(gebeurtenissen)


def test_rabobank_betalingskenmerk_buiten_remi() -> None:
    """Rabobank puts /CDTRREFTP//.../CDTRREF/ between the parties and /REMI/; it was
    glued onto the name. Also /ID/, /ULTD//NAME/ and /PURP//CD/ around the names."""
    gebeurtenissen = lees_bestand("mt940_rabobank_kenmerk.swi")

    assert soorten(gebeurtenissen) == "K T T S"
    kop = gebeurtenissen[0]
    assert isinstance(kop, Afschriftkop)
    assert (kop.dialect, kop.rekening_iban, kop.beginsaldo, kop.begindatum) == (
        "rabobank", "NL44RABO0123456789", 100000, d("2026-04-14"),
    )
    dag = {"boekdatum": d("2026-04-15"), "valutadatum": d("2026-04-15")}
    assert zonder_bron(gebeurtenissen[1:3]) == [
        transactie(
            bedrag=-25000, **dag, tegen_iban="NL18RABO0302456789", tegen_naam="J. de Vries",
            omschrijving="Factuur 2026-118", betalingskenmerk="1234567890123456",
            transactiecode="N541",
        ),
        transactie(  # the ordering party, not the ultimate debtor (ULTD) behind it
            bedrag=8000, **dag, tegen_iban="NL66ASNB0707070707",
            tegen_naam="Stichting Voedselbank", omschrijving="Bijdrage april",
            end_to_end_id="HHB-BT-2026-15-0003", transactiecode="N544",
        ),
    ]
    slot = Afschriftslot(eindsaldo=83000, einddatum=d("2026-04-15"), aantal=2)
    assert gebeurtenissen[-1] == slot


def test_abnamro_gestructureerd() -> None:
    gebeurtenissen = lees_bestand("mt940_abnamro.sta")

    assert soorten(gebeurtenissen) == "K T T T S"
    kop = gebeurtenissen[0]
    assert isinstance(kop, Afschriftkop)
    assert (kop.dialect, kop.rekening_iban, kop.valuta, kop.afschrift_id, kop.volgnummer) == (
        "abnamro", "NL02ABNA0123456789", "EUR", "ABN AMRO BANK NV/24002/1", "24002/1",
    )
    dag = {"boekdatum": d("2024-01-02"), "valutadatum": d("2024-01-02")}
    assert zonder_bron(gebeurtenissen[1:4]) == [
        transactie(
            bedrag=125000, **dag, tegen_iban="NL44RABO0123456789",
            tegen_naam="BAKKERIJ DE KORENSCHOOF BV", tegen_bic="RABONL2U",
            omschrijving="SALARIS DECEMBER 2023", end_to_end_id="SAL202312-000043",
            transactiecode="SEPA OVERBOEKING",
        ),
        transactie(
            bedrag=-8995, **dag, tegen_iban="NL18RABO0302456789",
            tegen_naam="Menzis Zorgverzekeraar NV", tegen_bic="RABONL2U",
            omschrijving="Premie januari 2024", end_to_end_id="MZ2024010200034",
            mandaat_id="MZ-0012345678", incassant_id="NL98ZZZ302072880000",
            transactiecode="SEPA Incasso algemeen doorlopend",
        ),
        transactie(
            bedrag=-4500, **dag, tegen_iban="NL86INGB0002445588", tegen_naam="Gemeentebelastingen",
            tegen_bic="INGBNL2A", betalingskenmerk="5000123456789012",
            transactiecode="SEPA OVERBOEKING",
        ),
    ]
    assert klopt_saldo(gebeurtenissen)


def test_abnamro_oud_ongestructureerd_in_latin1() -> None:
    gebeurtenissen = lees_bestand("mt940_abnamro_oud.sta")

    assert soorten(gebeurtenissen) == "K T T T T T S K S"
    kop = gebeurtenissen[0]
    assert isinstance(kop, Afschriftkop)
    assert (kop.dialect, kop.rekening_iban) == ("abnamro", "517852257")
    assert kop.begindatum == d("2013-05-06")
    dag = {"boekdatum": d("2013-05-07"), "valutadatum": d("2013-05-07")}
    assert zonder_bron(gebeurtenissen[1:6]) == [
        transactie(bedrag=-4500, **dag, tegen_naam="NUON KLANTENSERVICE",
                   omschrijving="KLANTNR 400123 TERMIJN MEI", transactiecode="GIRO"),
        transactie(bedrag=50000, **dag, tegen_naam="J DE VRIES",
                   omschrijving="TERUGBETALING LENING", transactiecode="N196"),
        transactie(bedrag=-1250, **dag,
                   omschrijving="BEA NR:XXX1234 07.05.13/10.12 CAFÉ DE KROON UTRECHT,PAS999",
                   transactiecode="BEA"),
        transactie(bedrag=2500, **dag, tegen_iban="NL73ABNA0555123456",
                   tegen_naam="STICHTING VOEDSELBANK", omschrijving="BIJDRAGE MEI",
                   transactiecode="N196"),
        transactie(bedrag=-15000, **dag, tegen_iban="NL66ASNB0707070707", tegen_naam="J DE VRIES",
                   tegen_bic="ASNBNL21", omschrijving="LEEFGELD WEEK 19",
                   end_to_end_id="HHB-LG-2013-19-01", transactiecode="SEPA OVERBOEKING"),
    ]
    slot = Afschriftslot(eindsaldo=184960, einddatum=d("2013-05-08"), aantal=0)
    assert gebeurtenissen[-1] == slot
    assert klopt_saldo(gebeurtenissen)


def test_bng_met_swift_envelop_en_twee_berichten() -> None:
    gebeurtenissen = lees_bestand("mt940_bng.sta")

    assert soorten(gebeurtenissen) == "K T T S K T S"
    kop = gebeurtenissen[0]
    assert kop == Afschriftkop(
        formaat="mt940", dialect="bng", rekening_iban="NL38BNGH0285012345", valuta="EUR",
        afschrift_id="BNG2401020001/2/1", volgnummer="2/1",
        aangemaakt=dt.datetime(2024, 1, 3, 6, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        beginsaldo=100000000, begindatum=d("2024-01-01"), eindsaldo=None, einddatum=None,
    )
    assert zonder_bron(gebeurtenissen[1:3]) == [
        transactie(
            bedrag=123456, boekdatum=d("2024-01-02"), valutadatum=d("2024-01-02"),
            tegen_iban="NL73ABNA0555123456", tegen_naam="UWV", tegen_bic="ABNANL2A",
            omschrijving="UWV WW uitkering december 2023", end_to_end_id="UWV-WW-202312-88412",
            bankreferentie="24010200001", transactiecode="SEPA OVERBOEKING",
        ),
        transactie(
            bedrag=-41250, boekdatum=d("2024-01-02"), valutadatum=d("2024-01-02"),
            omschrijving="Batch 3 betalingen", bankreferentie="24010200002",
            transactiecode="SEPA BATCH",
        ),
    ]
    assert klopt_saldo(gebeurtenissen)


def _mt940(*regels: str, kop: str = ":25:NL38BNGH0285012345\n:60F:C240101EUR10,00") -> bytes:
    return "\n".join([":20:X", *kop.split("\n"), *regels, ":62F:C240102EUR10,00", "-"]).encode()


def _lees(data: bytes) -> list[object]:
    return list(lees_mt940(io.BytesIO(data)))


@pytest.mark.parametrize(
    ("regel", "bedrag", "boekdatum"),
    [
        ("2401020102C1,56NTRF", 156, "2024-01-02"),
        ("240102D1,5NTRF", -150, "2024-01-02"),
        ("240102D100,NTRF", -10000, "2024-01-02"),
        ("2401020102RD1,57NTRF", 157, "2024-01-02"),  # reversal of a debit: money in
        ("2401020102RC2,00NTRF", -200, "2024-01-02"),  # reversal of a credit: money out
        ("240102CR3,00NMSC", 300, "2024-01-02"),  # funds code R
        ("2312291229D1,00NTRF", -100, "2023-12-29"),
        ("2401021229D1,00NTRF", -100, "2023-12-29"),  # booked before the new year
    ],
)
def test_61_regelvarianten(regel: str, bedrag: int, boekdatum: str) -> None:
    transacties = [g for g in _lees(_mt940(f":61:{regel}")) if isinstance(g, Transactie)]
    assert [(t.bedrag, t.boekdatum) for t in transacties] == [(bedrag, d(boekdatum))]


def test_crlf_lf_en_bom_geven_hetzelfde() -> None:
    basis = _mt940(":61:240102C1,00NTRF", ":86:/TRTP/SEPA OVERBOEKING/NAME/A/REMI/x")
    varianten = [basis, basis.replace(b"\n", b"\r\n"), b"\xef\xbb\xbf" + basis]
    uitkomsten = [zonder_bron(_lees(v)) for v in varianten]  # type: ignore[arg-type]
    assert uitkomsten[0] == uitkomsten[1] == uitkomsten[2]


def test_windows_1252_tekens_worden_gelezen() -> None:
    data = _mt940(":61:240102C1,00NTRF", ":86:/NAME/CAFE/REMI/TEKST")
    data = data.replace(b"CAFE", b"Caf\x80 \xe9").replace(b"TEKST", b"\x93test\x94")
    transacties = [g for g in _lees(data) if isinstance(g, Transactie)]
    assert [(t.tegen_naam, t.omschrijving) for t in transacties] == [("Caf€ é", "“test”")]


def test_ing_iban_met_valuta_en_rabobank_met_spatie() -> None:
    for rekening in ("NL20INGB0001234567EUR", "NL20INGB0001234567 EUR", "NL20 INGB 0001 2345 67"):
        kop = _lees(_mt940(kop=f":25:{rekening}\n:60F:C240101EUR1,00"))[0]
        assert isinstance(kop, Afschriftkop)
        assert (kop.rekening_iban, kop.valuta, kop.dialect) == ("NL20INGB0001234567", "EUR", "ing")


@pytest.mark.parametrize(
    ("kop", "slot", "dialect"),
    [
        ("{1:F01INGBNL2AXXXX0000000000}{2:I940INGBNL2AXXXN}{4:\n", "}", "ing"),  # SWIFT envelope
        (":940:\n", "", "rabobank"),
        ("ABNANL2A\n940\nABNANL2A\n", "", "abnamro"),
        ("", "", "bng"),  # no header: the bank of the account (BNGH)
    ],
)
def test_de_kop_van_het_bestand_bepaalt_het_dialect(kop: str, slot: str, dialect: str) -> None:
    """The header says which bank wrote the file, also for an account at another bank
    (a municipality that moved banks, or a file converted by its accounting system)."""
    data = kop.encode() + _mt940() + slot.encode()
    kop = _lees(data)[0]
    assert isinstance(kop, Afschriftkop) and kop.rekening_iban == "NL38BNGH0285012345"
    assert kop.dialect == dialect


@pytest.mark.parametrize(
    ("data", "melding", "plek"),
    [
        (_mt940(":61:2401020102CNTRFEREF"),
         "Ongeldige :61:-regel '2401020102CNTRFEREF': bedrag ontbreekt", "regel 4"),
        (_mt940(":61:24010C1,00NTRF"),
         "Ongeldige :61:-regel '24010C1,00NTRF': valutadatum (JJMMDD) ontbreekt", "regel 4"),
        (_mt940(":61:240102X1,00NTRF"),
         "Ongeldige :61:-regel '240102X1,00NTRF': credit/debet-teken (C, D, RC, RD) ontbreekt",
         "regel 4"),
        (_mt940(":61:240102C1,00"),
         "Ongeldige :61:-regel '240102C1,00': transactietype (bijv. NTRF) ontbreekt", "regel 4"),
        (_mt940(":61:240102C1.00NTRF"),
         "Ongeldige :61:-regel '240102C1.00NTRF': bedrag met een punt; MT940 gebruikt een "
         "komma als decimaalteken", "regel 4"),
        (_mt940(":61:240102C1,00NTRF", ":86:a", ":86:b"),
         "Tweede :86: bij dezelfde boeking (:61:)", "regel 6"),
        (_mt940(":61:241302C1,00NTRF"), "Ongeldige datum '241302' (verwacht JJMMDD)", "regel 4"),
        (_mt940(":61:2401021302C1,00NTRF"), "Ongeldige boekdatum '1302' (verwacht MMDD)",
         "regel 4"),
        (_mt940(kop=":25:NL38BNGH0285012345\n:60F:C240101USD1,00"),
         "Saldo in EUR wijkt af van de valuta van het afschrift (USD)", "regel 4"),
        (_mt940(kop=":60F:C240101EUR1,00"),
         "Rekeningnummer (:25:) ontbreekt vóór het beginsaldo", "regel 2"),
        (_mt940(kop=":25:NL38BNGH0285012345\n:60F:240101EUR1,00"),
         "Ongeldig saldo :60F: '240101EUR1,00' (verwacht C/D, JJMMDD, valuta, bedrag)",
         "regel 3"),
        (_mt940(":99:x"), "Onbekend veld :99: in een MT940-afschrift", "regel 4"),
        (_mt940(kop=":25:NL38BNGH0285012345"),
         "Eindsaldo (:62F:) zonder beginsaldo (:60F:)", "regel 3"),
        (b":20:X\n:25:NL38BNGH0285012345\n:60F:C240101EUR1,00\n:61:240102C1,00NTRF\n",
         "Eindsaldo (:62F:) ontbreekt in het afschrift vanaf regel 1; is het bestand afgebroken?",
         "regel 4"),
        (b":20:X\n:25:NL38BNGH0285012345\n:61:240102C1,00NTRF\n",
         "Boeking (:61:) vóór het beginsaldo (:60F:)", "regel 3"),
        (b"ABNANL2A\nhallo\n", "Onverwachte regel buiten een afschrift: 'hallo' (een "
         "MT940-afschrift begint met :20:)", "regel 2"),
        (b"ABNANL2A\n940\n", "Het bestand bevat geen MT940-afschrift (geen :20:-regel)", ""),
    ],
)
def test_fouten_noemen_de_regel(data: bytes, melding: str, plek: str) -> None:
    with pytest.raises(Bestandsfout) as fout:
        _lees(data)
    assert (fout.value.melding, fout.value.plek) == (melding, plek)


def test_alle_voorbeeldbestanden_kloppen_met_hun_saldo() -> None:
    for pad in sorted(BESTANDEN.iterdir()):
        assert klopt_saldo(lees_bestand(pad.name)), pad.name
