"""The statement writers: whatever we write, the readers give back.

Round trip: any list of Transacties, written in each camt.053 version and each MT940
dialect and read back with `lezen.lees`, gives the same transactions and balances, up
to what the format can carry (the rule is in `schrijven`'s docstring and in `verwacht`
below): camt keeps everything (text normalised by `tekst_camt`); MT940 keeps text as
`tekst_mt940` gives it, gives the booking date as value date when there is none, has no
counterparty BIC at Rabobank and shows a payment reference instead of the description
(except ABN AMRO's old text, which has both).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import string
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from huishoudboekje.core.bank.camt_xsd import valideer_xsd
from huishoudboekje.core.bank.lezen import lees
from huishoudboekje.core.bank.model import Afschriftkop, Afschriftslot, Transactie
from huishoudboekje.core.bank.retourredenen import omschrijf_retourreden
from huishoudboekje.core.bank.schrijven import (
    INCASSO,
    KOSTEN,
    OVERBOEKING_IN,
    OVERBOEKING_UIT,
    STORTING,
    Batch,
    Post,
    TeSchrijvenAfschrift,
    schrijf_camt053,
    schrijf_mt940,
    soort_code,
    tekst_camt,
    tekst_mt940,
)
from huishoudboekje.demogegevens.generatie import iban_uit_rekeningnummer

D = dt.date
GEMEENTE = "NL62BNGH0285128701"
CAMT = ("001.02", "001.04", "001.08")
MT940 = ("ing", "rabobank", "abnamro", "bng", "abnamro-oud")
BICS = {"INGB": "INGBNL2A", "RABO": "RABONL2U", "ABNA": "ABNANL2A", "SNSB": "SNSBNL2A",
        "BNGH": "BNGHNL2G"}

# -- strategies -----------------------------------------------------------------------------

_LETTERS = string.ascii_letters + "éëïöüçñ"
_ID = st.from_regex(r"[A-Z]{0,4}[0-9][A-Z0-9-]{0,10}", fullmatch=True)  # never an :86: tag


def _woorden(tekens: str, max_woorden: int = 8) -> st.SearchStrategy[str]:
    """Words starting with a lower-case letter (so a value never equals an :86: tag or
    looks like an old ABN AMRO account number), separated by single spaces."""
    woord = st.tuples(
        st.sampled_from(string.ascii_lowercase), st.text(tekens, max_size=11)
    ).map("".join)
    return st.lists(woord, min_size=1, max_size=max_woorden).map(" ".join)


TEKST = _woorden(_LETTERS + string.digits + "&<>'\".,+()?-/")
TEKST_OUD = _woorden(_LETTERS + string.digits + ".,")  # no ":" (labels) in ABN AMRO's old text


@st.composite
def transacties(draw: st.DrawFn, dag: D, *, tekst: st.SearchStrategy[str] = TEKST) -> Transactie:
    soort = draw(st.sampled_from(["in", "uit", "incasso", "kosten", "storting"]))
    bedrag = draw(st.integers(1, 99_999_999_99))
    if soort in ("uit", "incasso", "kosten"):
        bedrag = -bedrag
    met_rekening = soort in ("in", "uit", "incasso")
    bank = draw(st.sampled_from(sorted(BICS)))
    iban = iban_uit_rekeningnummer(bank, draw(st.integers(0, 10**10 - 1))) if met_rekening else ""
    kenmerk = draw(st.sampled_from(["", "", "", "1234567890123456"])) if soort == "uit" else ""
    return Transactie(
        bedrag=bedrag,
        boekdatum=dag,
        valutadatum=draw(st.sampled_from([dag, None, dag - dt.timedelta(days=1)])),
        tegen_iban=iban,
        tegen_naam=draw(tekst) if met_rekening and draw(st.booleans()) or soort == "incasso"
        else "",
        tegen_bic=BICS[bank] if met_rekening and draw(st.booleans()) else "",
        omschrijving=draw(tekst) if not met_rekening or draw(st.booleans()) else "",
        betalingskenmerk=kenmerk,
        end_to_end_id=draw(_ID) if met_rekening and draw(st.booleans()) else "",
        mandaat_id=draw(_ID) if soort == "incasso" else "",
        incassant_id="NL98ZZZ999999990000" if soort == "incasso" else "",
        bankreferentie="",  # numbered below: unique per statement
        transactiecode={"kosten": KOSTEN, "storting": STORTING}.get(soort, ""),
        bron="",
    )


@st.composite
def afschriften(draw: st.DrawFn, *, tekst: st.SearchStrategy[str] = TEKST,
                batches: bool = True) -> TeSchrijvenAfschrift:
    dag = draw(st.dates(D(2020, 1, 2), D(2035, 12, 30)))
    lijst = draw(st.lists(transacties(dag, tekst=tekst), max_size=6))
    posten: list[Post] = []
    nummer = iter(range(1, 1000))
    for t in lijst:
        posten.append(dataclasses.replace(t, bankreferentie=f"REF{next(nummer):06d}"))
    if batches and draw(st.booleans()):
        delen = tuple(
            dataclasses.replace(t, bedrag=abs(t.bedrag), bankreferentie=f"REF{next(nummer):06d}",
                                transactiecode="", mandaat_id="", incassant_id="", valutadatum=dag,
                                tegen_iban=t.tegen_iban or GEMEENTE)
            for t in draw(st.lists(transacties(dag, tekst=tekst), min_size=2, max_size=4))
        )
        posten.insert(draw(st.integers(0, len(posten))),
                      Batch(delen, f"REF{next(nummer):06d}", "PMTINF-1", "verzamelbetaling"))
    begin = draw(st.integers(-10**9, 10**9))
    som = sum(p.bedrag for p in posten)
    kop = Afschriftkop(
        formaat="", dialect="", rekening_iban=GEMEENTE, valuta="EUR",
        afschrift_id=f"AFS{dag:%Y%m%d}", volgnummer=str(draw(st.integers(1, 99999))),
        aangemaakt=dt.datetime.combine(dag, dt.time(21, 0)), beginsaldo=begin,
        begindatum=dag - dt.timedelta(days=1),
        eindsaldo=begin + som if draw(st.booleans()) else None, einddatum=dag,
    )
    return TeSchrijvenAfschrift(kop, posten)


# -- writing and reading --------------------------------------------------------------------


def schrijf(afschrift: list[TeSchrijvenAfschrift], formaat: str) -> bytes:
    uit = io.BytesIO()
    if formaat in CAMT:
        schrijf_camt053(uit, afschrift, versie=formaat)  # type: ignore[arg-type]
    else:
        schrijf_mt940(uit, afschrift, dialect=formaat.removesuffix("-oud"),  # type: ignore[arg-type]
                      ongestructureerd=formaat.endswith("-oud"))
    return uit.getvalue()


def lees_terug(data: bytes) -> list[tuple[Afschriftkop, list[Transactie], Afschriftslot]]:
    uit: list[tuple[Afschriftkop, list[Transactie], Afschriftslot]] = []
    kop: Afschriftkop | None = None
    lijst: list[Transactie] = []
    for gebeurtenis in lees(io.BytesIO(data)):
        if isinstance(gebeurtenis, Afschriftkop):
            kop, lijst = gebeurtenis, []
        elif isinstance(gebeurtenis, Transactie):
            lijst.append(dataclasses.replace(gebeurtenis, bron=""))
        else:
            assert kop is not None
            uit.append((kop, lijst, gebeurtenis))
    return uit


def _vlak(posten: list[Post], formaat: str) -> Iterator[Transactie]:
    """What the reader yields per entry: camt a transaction per batch part, MT940 one
    transaction for the batch total."""
    for post in posten:
        if not isinstance(post, Batch):
            yield post
        elif formaat in CAMT:
            yield from post.onderdelen
        else:
            eerste = post.onderdelen[0]

            def gedeeld(veld: str, p: Batch = post) -> str:
                waarden = {getattr(t, veld) for t in p.onderdelen}
                return waarden.pop() if len(waarden) == 1 else ""

            iban = gedeeld("tegen_iban")
            yield dataclasses.replace(
                eerste, bedrag=post.bedrag, tegen_iban=iban,
                tegen_naam=gedeeld("tegen_naam"), tegen_bic=gedeeld("tegen_bic") if iban else "",
                omschrijving=post.omschrijving, betalingskenmerk="", end_to_end_id="",
                mandaat_id="", incassant_id="", bankreferentie=post.bankreferentie,
            )


def verwacht(t: Transactie, formaat: str) -> Transactie:
    """The transaction as the format carries it (the documented round-trip rule)."""
    if formaat in CAMT:
        return dataclasses.replace(
            t, tegen_naam=tekst_camt(t.tegen_naam, 140), omschrijving=tekst_camt(t.omschrijving),
            transactiecode=soort_code(t),
        )
    oud = formaat == "abnamro-oud"
    omschrijving = "" if t.betalingskenmerk and not oud else tekst_mt940(t.omschrijving)
    return dataclasses.replace(
        t,
        valutadatum=t.valutadatum or t.boekdatum,
        tegen_naam=tekst_mt940(t.tegen_naam, 70),
        tegen_bic="" if formaat == "rabobank" else t.tegen_bic,
        omschrijving=omschrijving,
        transactiecode="",
    )


def _vergelijk(gelezen: Transactie, origineel: Transactie, formaat: str) -> None:
    gelezen = gelezen if formaat in CAMT else dataclasses.replace(gelezen, transactiecode="")
    assert gelezen == verwacht(origineel, formaat), formaat


def _controleer(afschrift: TeSchrijvenAfschrift, formaat: str) -> None:
    posten = list(afschrift.transacties)
    data = schrijf([afschrift], formaat)
    [(kop, gelezen, slot)] = lees_terug(data)
    origineel = list(_vlak(posten, formaat))
    assert len(gelezen) == len(origineel) == slot.aantal
    for a, b in zip(gelezen, origineel, strict=True):
        _vergelijk(a, b, formaat)
    k = afschrift.kop
    assert kop.rekening_iban == k.rekening_iban and kop.valuta == k.valuta
    assert (kop.beginsaldo, kop.begindatum) == (k.beginsaldo, k.begindatum)
    eind = (k.beginsaldo or 0) + sum(p.bedrag for p in posten)
    assert (slot.eindsaldo, slot.einddatum) == (eind, k.einddatum)
    assert int(kop.volgnummer.split("/")[0]) == int(k.volgnummer)
    if formaat in CAMT:
        assert kop.afschrift_id == k.afschrift_id and kop.aangemaakt == k.aangemaakt
        assert (kop.eindsaldo, kop.einddatum) == (eind, k.einddatum)
        assert valideer_xsd(data, f"camt.053.{formaat}") == []
    else:
        assert kop.afschrift_id.startswith(k.afschrift_id)


# -- properties -----------------------------------------------------------------------------

_INSTELLING = settings(max_examples=40, deadline=None,
                       suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("formaat", CAMT + MT940[:-1])
@_INSTELLING
@given(afschrift=afschriften())
def test_wat_we_schrijven_lezen_we_terug(formaat: str, afschrift: TeSchrijvenAfschrift) -> None:
    _controleer(afschrift, formaat)


@_INSTELLING
@given(afschrift=afschriften(tekst=TEKST_OUD))
def test_abnamro_oude_tekst_komt_terug(afschrift: TeSchrijvenAfschrift) -> None:
    _controleer(afschrift, "abnamro-oud")


@pytest.mark.parametrize("formaat", CAMT + MT940)
@settings(max_examples=15, deadline=None)
@given(lijst=st.lists(afschriften(tekst=TEKST_OUD), min_size=2, max_size=3))
def test_meerdere_afschriften_in_een_bestand(
    formaat: str, lijst: list[TeSchrijvenAfschrift]
) -> None:
    gelezen = lees_terug(schrijf(lijst, formaat))
    assert len(gelezen) == len(lijst)
    for (kop, transacties, slot), afschrift in zip(gelezen, lijst, strict=True):
        begin = afschrift.kop.beginsaldo or 0
        assert kop.beginsaldo == begin
        assert slot.eindsaldo == begin + sum(t.bedrag for t in transacties)
        assert slot.aantal == len(transacties) == len(list(_vlak(list(afschrift.transacties),
                                                                  formaat)))


# -- examples -------------------------------------------------------------------------------


def _t(bedrag: int, ref: str, **velden: object) -> Transactie:
    basis = dict(
        bedrag=bedrag, boekdatum=D(2026, 5, 12), valutadatum=D(2026, 5, 12),
        tegen_iban="NL91ABNA0417164300", tegen_naam="Belastingdienst/Toeslagen",
        tegen_bic="ABNANL2A", omschrijving="Zorgtoeslag MEI 2026 Toeslagnummer 1234567890",
        betalingskenmerk="", end_to_end_id="E2E-1", mandaat_id="", incassant_id="",
        bankreferentie=ref, transactiecode="", bron="",
    )
    basis.update(velden)
    return Transactie(**basis)  # type: ignore[arg-type]


def _kop(begin: int, eind: int | None) -> Afschriftkop:
    return Afschriftkop("", "", GEMEENTE, "EUR", "20260512-00001", "12",
                        dt.datetime(2026, 5, 12, 21), begin, D(2026, 5, 11), eind, D(2026, 5, 12))


def test_camt_versies_verschillen_waar_de_standaard_verschilt() -> None:
    afschrift = TeSchrijvenAfschrift(_kop(0, 100), [_t(100, "R1")])
    v02, v04, v08 = (schrijf([afschrift], v).decode() for v in CAMT)
    assert "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02" in v02
    assert "<Sts>BOOK</Sts>" in v02 and "<Sts>BOOK</Sts>" in v04
    assert "<Sts><Cd>BOOK</Cd></Sts>" in v08
    assert "<AmtDtls><TxAmt>" in v02 and "<AmtDtls>" not in v04
    assert "<BIC>ABNANL2A</BIC>" in v02 and "<BICFI>ABNANL2A</BICFI>" in v04
    assert "<Dbtr><Nm>" in v04 and "<Dbtr><Pty><Nm>" in v08
    assert "<Cd>OPBD</Cd>" in v02 and "<Cd>CLBD</Cd>" in v02
    assert "Belastingdienst/Toeslagen" in v02


def test_batch_is_een_boeking_met_delen_in_camt_en_een_totaal_in_mt940() -> None:
    delen = (_t(1000, "R1", end_to_end_id="A"), _t(2500, "R2", end_to_end_id="B"))
    afschrift = TeSchrijvenAfschrift(_kop(0, 3500), [Batch(delen, "R3", "PMT-9", "TOESLAGEN")])
    xml = schrijf([afschrift], "001.02").decode()
    assert xml.count("<Ntry>") == 1 and xml.count("<TxDtls>") == 2
    assert "<NbOfTxs>2</NbOfTxs>" in xml and "<PmtInfId>PMT-9</PmtInfId>" in xml
    [(_, camt, _)] = lees_terug(xml.encode())
    assert [(t.bedrag, t.bankreferentie) for t in camt] == [(1000, "R1"), (2500, "R2")]
    for dialect in MT940:
        [(_, mt940, _)] = lees_terug(schrijf([afschrift], dialect))
        assert [(t.bedrag, t.bankreferentie) for t in mt940] == [(3500, "R3")], dialect


def _los(tekst: str) -> str:
    """MT940 text with the 65-character line breaks taken out (to look for values)."""
    return tekst.replace("\r\n", "")


def test_mt940_dialecten_hebben_hun_eigen_vorm() -> None:
    afschrift = TeSchrijvenAfschrift(_kop(-5000, None), [
        _t(123456, "R1"), _t(-7500, "R2", mandaat_id="MND-1", incassant_id="NL98ZZZ999999990000"),
    ])
    ing = schrijf([afschrift], "ing").decode()
    assert ing.startswith("{1:F01INGBNL2A") and ":25:NL62BNGH0285128701EUR\r\n" in ing
    assert "/CNTP/NL91ABNA0417164300/ABNANL2A/Belastingdienst-Toeslagen//" in _los(ing)
    assert ":60F:D260511EUR50,00\r\n" in ing and ":62F:C260512EUR1109,56\r\n" in ing
    rabo = schrijf([afschrift], "rabobank").decode()
    assert rabo.startswith(":940:\r\n") and ":25:NL62BNGH0285128701 EUR" in rabo
    assert ":61:2605120512C000000001234,56N544EREF//R1\r\nNL91ABNA0417164300\r\n" in rabo
    assert "/ORDP//NAME/Belastingdienst-Toeslagen" in _los(rabo) and "/BENM//NAME/" in _los(rabo)
    abn = schrijf([afschrift], "abnamro").decode()
    assert abn.startswith("ABNANL2A\r\n940\r\nABNANL2A\r\n") and abn.endswith("-\r\n")
    assert ":86:/TRTP/SEPA OVERBOEKING/IBAN/NL91ABNA0417164300/BIC/ABNANL2A/NAME/" in _los(abn)
    oud = schrijf([afschrift], "abnamro-oud").decode()
    assert "SEPA OVERBOEKING                 IBAN: NL91ABNA0417164300" in oud
    bng = schrijf([afschrift], "bng").decode()
    assert bng.startswith("{1:F01BNGHNL2GAXXX") and bng.endswith("-}\r\n")
    for tekst in (ing, rabo, abn, oud, bng):
        regels = [r for r in tekst.split("\r\n") if not r.startswith("{")]  # not the envelope
        assert all(len(regel) <= 65 + len(":86:") for regel in regels), tekst
        assert tekst.isascii()


def test_schrijvers_zijn_deterministisch_en_streamen() -> None:
    posten = (_t(100 + i, f"R{i}", omschrijving=f"post {i} " + "x" * 100) for i in range(3000))

    class Teller(io.BytesIO):
        grootste = 0

        def write(self, data: bytes, /) -> int:  # type: ignore[override]
            Teller.grootste = max(Teller.grootste, len(data))
            return super().write(data)

    uit = Teller()
    som = sum(100 + i for i in range(3000))
    schrijf_camt053(uit, [TeSchrijvenAfschrift(_kop(0, som), posten)])
    assert len(uit.getvalue()) > 2_000_000
    assert Teller.grootste < 80_000  # written in chunks, never the whole file at once
    lijst = [_t(100, "R1"), _t(-50, "R2")]
    for formaat in CAMT + MT940:
        een = schrijf([TeSchrijvenAfschrift(_kop(0, 50), lijst)], formaat)
        assert een == schrijf([TeSchrijvenAfschrift(_kop(0, 50), iter(lijst))], formaat)


def test_ongeldige_invoer_wordt_geweigerd() -> None:
    with pytest.raises(ValueError, match="eindsaldo"):
        schrijf([TeSchrijvenAfschrift(_kop(0, 999), [_t(100, "R1")])], "001.02")
    with pytest.raises(ValueError, match="eindsaldo"):
        schrijf([TeSchrijvenAfschrift(_kop(0, 999), [_t(100, "R1")])], "ing")
    with pytest.raises(ValueError, match="versie"):
        schrijf_camt053(io.BytesIO(), [], versie="001.99")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="dialect"):
        schrijf_mt940(io.BytesIO(), [], dialect="knab")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="0"):
        schrijf([TeSchrijvenAfschrift(_kop(0, 0), [_t(0, "R1")])], "001.02")
    with pytest.raises(ValueError, match="teken"):
        Batch((_t(100, "R1"), _t(-100, "R2")), "R3")
    with pytest.raises(ValueError, match="16 tekens"):
        schrijf([TeSchrijvenAfschrift(_kop(0, 100), [_t(100, "R" * 17)])], "bng")


def test_tekstregels() -> None:
    assert tekst_mt940("Café  Zoë / Co & Zn  ") == "Cafe Zoe - Co Zn"
    assert tekst_mt940("x" * 200) == "x" * 140
    assert tekst_camt("a\x01b   c") == "a b c"
    assert soort_code(_t(1, "R")) == OVERBOEKING_IN
    assert soort_code(_t(-1, "R")) == OVERBOEKING_UIT
    assert soort_code(_t(-1, "R", mandaat_id="M")) == INCASSO


@pytest.mark.parametrize("versie", CAMT)
def test_retourreden_in_camt_heen_en_terug_en_volgens_het_schema(versie: str) -> None:
    terug = _t(100, "R1", retourreden="AC04")
    eigen = _t(250, "R2", retourreden="BANKEIGEN01")  # longer than a code: Prtry
    data = schrijf([TeSchrijvenAfschrift(_kop(0, 350), [terug, eigen])], versie)
    assert valideer_xsd(data, f"camt.053.{versie}") == []
    [(_, gelezen, _)] = lees_terug(data)
    assert [t.retourreden for t in gelezen] == ["AC04", "BANKEIGEN01"]


def test_retourreden_in_woorden() -> None:
    assert omschrijf_retourreden("ac04") == "AC04 – rekening opgeheven"
    assert omschrijf_retourreden("ZZ99") == "ZZ99"
    assert omschrijf_retourreden("") == ""
