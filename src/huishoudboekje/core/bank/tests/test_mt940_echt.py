"""What real MT940 files of Dutch banks do outside the letter of SWIFT (found on the
sample files of other projects, see test_echte_bestanden.py), each on a snippet of our
own, and the refusals of files that are not statements."""

from __future__ import annotations

import pytest

from huishoudboekje.core.bank.model import Afschriftkop, Afschriftslot, Bestandsfout, Transactie

from ._hulp import BESTANDEN, d, klopt_saldo, lees_bytes, soorten

KOP = ":20:HHB240102\n:25:NL38BNGH0285012345\n:28C:1/1\n:60F:C240101EUR100,00\n"


def _afschrift(*regels: str, slot: str = ":62F:C240102EUR75,00\n", kop: str = KOP) -> bytes:
    return (kop + "".join(f"{regel}\n" for regel in regels) + slot).encode()


def _transacties(data: bytes) -> list[Transactie]:
    gebeurtenissen = lees_bytes(data)
    assert klopt_saldo(gebeurtenissen)
    return [g for g in gebeurtenissen if isinstance(g, Transactie)]


@pytest.mark.parametrize("code", ["NIC", "NOV", "NDV", "NIT", "NET", "NID"])
def test_twee_letter_code_aangevuld_met_een_spatie(code: str) -> None:
    """ING and Triodos: "NOV NONREF", the code padded to four characters."""
    (t,) = _transacties(_afschrift(f":61:2401020102D25,00{code} NONREF", ":86:Huur januari"))
    assert (t.bedrag, t.transactiecode, t.bankreferentie) == (-2500, code, "")
    assert t.omschrijving == "Huur januari"


def test_asn_boekdatum_als_vier_spaties() -> None:
    (t,) = _transacties(
        _afschrift(":61:240102    D25,00NOVBNL91ABNA0417164300", ":86:Huur januari")
    )
    assert (t.valutadatum, t.boekdatum, t.tegen_iban) == (
        d("2024-01-02"), d("2024-01-02"), "NL91ABNA0417164300"
    )


@pytest.mark.parametrize("vervolg", [":00:00/", ":12:30 uur", ":25:NL38", ":60F:x", ":28C:1"])
def test_ing_86_afgebroken_op_65_tekens(vervolg: str) -> None:
    """A continuation line of :86: that looks like a field is text, unless it is a tag
    that may follow a :86: here."""
    (t,) = _transacties(_afschrift(
        ":61:2401020102D25,00NTRFEREF//00000000001001",
        ":86:/EREF/NOTPROVIDED//CNTP/NL91ABNA0417164300/ABNANL2A/Woonstichting//",
        "/REMI/USTD//Huur januari kenmerk 2024-01 om 12",
        vervolg,
    ))
    assert t.tegen_iban == "NL91ABNA0417164300"
    assert t.omschrijving.endswith(("om 12" + vervolg).rstrip("/"))


def test_een_veld_op_zijn_plaats_opent_wel_een_veld() -> None:
    data = _afschrift(
        ":61:2401020102D10,00NTRFNONREF", ":86:Eerste", ":61:2401020102D15,00NTRFNONREF",
        ":86:Tweede",
    )
    assert [t.omschrijving for t in _transacties(data)] == ["Eerste", "Tweede"]


def test_onbekend_veld_buiten_86_blijft_geweigerd() -> None:
    with pytest.raises(Bestandsfout) as fout:
        lees_bytes(_afschrift(":61:2401020102D25,00NTRFNONREF", ":00:x"))
    assert (fout.value.melding, fout.value.plek) == (
        "Onbekend veld :00: in een MT940-afschrift", "regel 6"
    )


def test_losse_streep_in_86_is_geen_einde() -> None:
    """Rabobank ends a description with a "-" on a line of its own; the statement goes
    on (look ahead: the next line is :62F:, not a new statement)."""
    gebeurtenissen = lees_bytes(_afschrift(
        ":61:2401020102D25,00NTRFNONREF", ":86:/REMI/Huur januari Arrap -", "-",
    ))
    assert soorten(gebeurtenissen) == "K T S" and klopt_saldo(gebeurtenissen)
    assert isinstance(gebeurtenissen[1], Transactie)
    assert gebeurtenissen[1].bron.endswith("Arrap -\n-")


@pytest.mark.parametrize("na", ["", "\n", ":20:HHB240103\n", "-}\n", "0000 01INGBNL2AXXXX00001\n"])
def test_streep_na_86_van_het_afschrift_is_wel_het_einde(na: str) -> None:
    data = _afschrift(":61:2401020102D25,00NTRFNONREF", slot=":62F:C240102EUR75,00\n:86:/SUM/\n-\n")
    if na.startswith(":20:"):
        na += ":25:NL38BNGH0285012345\n:60F:C240102EUR75,00\n:62F:C240103EUR75,00\n"
    gebeurtenissen = lees_bytes(data + na.encode())
    assert soorten(gebeurtenissen) in ("K T S", "K T S K S")
    assert klopt_saldo(gebeurtenissen)


def test_streep_in_86_voor_een_nieuw_afschrift_zonder_eindsaldo_wordt_geweigerd() -> None:
    data = _afschrift(":61:2401020102D25,00NTRFNONREF", ":86:Huur", "-", slot=KOP)
    with pytest.raises(Bestandsfout, match=r"Eindsaldo \(:62F:\) ontbreekt"):
        lees_bytes(data)


@pytest.mark.parametrize(
    ("kop", "dialect"),
    [
        # bunq and Moneyou have no dialect of their own: the account's bank (BNG) counts
        ("BUNQNL2A\n940\nBUNQNL2A\n", "bng"),
        ("MOYONL21\r\n940\r\nMOYONL21\r\n", "bng"),
        ("0200 13BNGHNL2GAXXX0000000001\n940 02\n", "bng"),  # BNG envelope
        ("0200 130240103\n940 02\n", "bng"),  # BNG, no BIC: the account's bank
        ("\x01{1:F01INGBNL2AXXXX0000000000}{2:I940INGBNL2AXXXN}{4:\n", "ing"),  # SOH
    ],
)
def test_koppen_van_andere_banken(kop: str, dialect: str) -> None:
    slot = "-}\x03\n" if kop.startswith("\x01") else "-\n"
    gebeurtenissen = lees_bytes(kop.encode() + _afschrift(slot=":62F:C240102EUR100,00\n" + slot))
    assert soorten(gebeurtenissen) == "K S"
    assert isinstance(gebeurtenissen[0], Afschriftkop) and gebeurtenissen[0].dialect == dialect


def test_twee_swift_berichten_op_een_regel_en_dos_einde() -> None:
    """PostFinance: "-}\\x03\\x01{1:..." joins two messages on one line; two DOS
    exports concatenated leave a \\x1a before the next :20:."""
    een = _afschrift(slot=":62F:C240102EUR100,00\n").decode()
    envelop = "{1:F01INGBNL2AXXXX0000000000}{2:I940INGBNL2AXXXN}{4:\n"
    data = "\x01" + envelop + een + "-}\x03\x01" + envelop + een + "-}\x03\r\n\x1a" + een
    gebeurtenissen = lees_bytes(data.encode())
    assert soorten(gebeurtenissen) == "K S K S K S"


def test_oude_rabobank_meerdere_86_regels_en_rekening_met_punten() -> None:
    data = (
        b":940:\n:20:940A240102\n:25:1291.99.348EUR\n:28:00000/00\n"
        b":60F:C240101EUR000000000100,00\n"
        b":61:240102D000000000025,00N0440123456789      J. Jansen\n"
        b":86:Huur januari\n:86:kenmerk 2024-01\n"
        b":62F:C240102EUR0000000000075,00\n"  # padded to 13 digits before the comma
    )
    gebeurtenissen = lees_bytes(data)
    kop, t, slot = gebeurtenissen
    assert isinstance(kop, Afschriftkop) and (kop.rekening_iban, kop.valuta) == ("129199348", "EUR")
    assert isinstance(t, Transactie) and t.omschrijving == "Huur januari kenmerk 2024-01"
    assert isinstance(slot, Afschriftslot) and slot.eindsaldo == 7500


MT942 = "Dit is een MT942-bestand: een tussentijds rapport, geen afschrift"


@pytest.mark.parametrize(
    ("data", "plek"),
    [
        ("{1:F01INGBNL2AXXXX0000000000}{2:I942INGBNL2AXXXN}{4:\n:20:X\n", "regel 1"),
        (":20:X\n:25:NL38BNGH0285012345\n:28C:1/1\n:34F:EURD0,00\n:13D:2401021200+0100\n"
         ":61:2401020102D1,00NTRFNONREF\n:90D:1EUR1,00\n", "regel 4"),
    ],
)
def test_mt942_is_geen_afschrift(data: str, plek: str) -> None:
    with pytest.raises(Bestandsfout) as fout:
        lees_bytes(data.encode())
    assert fout.value.melding.startswith(MT942) and fout.value.plek == plek


def test_negatief_camt_bedrag() -> None:
    camt = (BESTANDEN / "camt053_001_02_ing.xml").read_bytes()
    begin = camt.index(b"<Ntry>")
    eind = camt.index(b"</Amt>", begin)
    plek = camt.index(b">", camt.index(b"<Amt", begin)) + 1
    data = camt[:plek] + b"-" + camt[plek:eind].lstrip(b"-") + camt[eind:]
    with pytest.raises(Bestandsfout) as fout:
        lees_bytes(data)
    assert fout.value.melding.startswith("Negatief bedrag '-")
    assert "CdtDbtInd" in fout.value.melding and fout.value.plek.endswith("/Amt")
