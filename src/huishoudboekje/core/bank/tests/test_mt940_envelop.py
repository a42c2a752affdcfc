"""The SWIFT envelope around an MT940 message ({1:}{2:}{3:}{4: ... -}{5:}), on one line
or with each block on its own line, with nested braces, in every dialect."""

from __future__ import annotations

import pytest

from huishoudboekje.core.bank.model import Afschriftkop, Afschriftslot, Bestandsfout

from ._hulp import d, klopt_saldo, lees_bestand, lees_bytes, soorten, transactie, zonder_bron


def test_ing_met_blokken_op_aparte_regels_en_geneste_kop_3() -> None:
    """ING's own example layout: {1:}, {2:}, {3:{108:..}} and {4: each on a line."""
    gebeurtenissen = lees_bestand("mt940_ing_swift.sta")

    assert soorten(gebeurtenissen) == "K T T S"
    assert gebeurtenissen[0] == Afschriftkop(
        formaat="mt940", dialect="ing", rekening_iban="NL20INGB0001234567", valuta="EUR",
        afschrift_id="P260415000000001/00042", volgnummer="00042", aangemaakt=None,
        beginsaldo=250000, begindatum=d("2026-04-14"), eindsaldo=None, einddatum=None,
    )
    dag = {"boekdatum": d("2026-04-15"), "valutadatum": d("2026-04-15")}
    assert zonder_bron(gebeurtenissen[1:3]) == [
        transactie(
            bedrag=-72550, **dag, tegen_iban="NL91ABNA0417164300",
            tegen_naam="WOONSTICHTING HET GOOI", tegen_bic="ABNANL2A",
            betalingskenmerk="1234567890123456", bankreferentie="00000000002001",
            transactiecode="NTRF",
        ),
        transactie(
            bedrag=15000, **dag, tegen_iban="NL66ASNB0707070707", tegen_naam="J. de Vries",
            tegen_bic="ASNBNL21", omschrijving="Leefgeld week 16",
            end_to_end_id="HHB-LG-2026-16-0007", bankreferentie="00000000002002",
            transactiecode="NTRF",
        ),
    ]
    assert gebeurtenissen[3] == Afschriftslot(eindsaldo=192450, einddatum=d("2026-04-15"),
                                              aantal=2)
    assert klopt_saldo(gebeurtenissen)


# Per dialect: the sender BIC of the envelope and a statement as that bank writes it.
# The old ABN AMRO account number has no bank code, so its dialect comes from the
# envelope alone.
_BERICHTEN = {
    "ing": ("INGBNL2A", ":20:P260415000000001\n:25:NL20INGB0001234567EUR\n:28C:00042\n"
            ":60F:C260414EUR100,00\n:61:2604150415C25,00NTRFEREF//00000000002002\n"
            "/TRCD/00100/\n:86:/EREF/E1//CNTP/NL66ASNB0707070707/ASNBNL21/J. de Vries/UTREC\n"
            "HT//REMI/USTD//Leefgeld/\n:62F:C260415EUR125,00\n:86:/SUM/0/1/0,00/25,00/\n"),
    "rabobank": ("RABONL2U", ":20:940S260415\n:25:NL44RABO0123456789 EUR\n:28C:0\n"
                 ":60F:C260414EUR000000000100,00\n:61:260415C000000000025,00N544EREF\n"
                 "NL66ASNB0707070707\n:86:/EREF/E1/ORDP//NAME/J. de Vries/REMI/Leefgeld\n"
                 ":62F:C260415EUR000000000125,00\n"),
    "abnamro": ("ABNANL2A", ":20:ABN AMRO BANK NV\n:25:517852257\n:28:26105/1\n"
                ":60F:C260414EUR100,00\n:61:2604150415C25,00N658NONREF\n"
                ":86:/TRTP/SEPA OVERBOEKING/IBAN/NL66ASNB0707070707/BIC/ASNBNL21/N\n"
                "AME/J. de Vries/REMI/Leefgeld/EREF/E1\n:62F:C260415EUR125,00\n"),
    "bng": ("BNGHNL2G", ":20:BNG2604150001\n:25:NL38BNGH0285012345\n:28C:2/1\n"
            ":60F:C260414EUR100,00\n:61:2604150415C25,00NTRFE1//26041500001\n"
            ":86:/TRTP/SEPA OVERBOEKING/IBAN/NL66ASNB0707070707/BIC/ASNBNL21/N\n"
            "AME/J. de Vries/REMI/Leefgeld/EREF/E1\n:62F:C260415EUR125,00\n"),
}
_KOPPEN = {
    "een regel": "{{1:F01{bic}AXXX0000000000}}{{2:O9400630260416{bic}AXXX0000000000260416"
                 "0630N}}{{3:{{108:MT940 003}}}}{{4:\n",
    "aparte regels": "{{1:F01{bic}AXXX0000000000}}\n{{2:I940{bic}AXXXN}}\n"
                     "{{3:{{108:MT940 003}}{{119:STP}}}}\n{{4:\n",
    "kop 1 en 2 samen": "{{1:F01{bic}AXXX0000000000}}{{2:I940{bic}AXXXN}}\n{{4:\n",
}
_SLOTEN = {
    "-}": "-}\n",
    "-} met trailer": "-}{5:{MAC:00000000}{CHK:0123456789AB}}\n",
    "trailer apart": "-}\n{5:{CHK:0123456789AB}{TNG:}}\n",
}


@pytest.mark.parametrize("slot", _SLOTEN)
@pytest.mark.parametrize("kop", _KOPPEN)
@pytest.mark.parametrize("dialect", _BERICHTEN)
def test_envelop_in_elk_dialect_en_elke_vorm(dialect: str, kop: str, slot: str) -> None:
    bic, bericht = _BERICHTEN[dialect]
    envelop = _KOPPEN[kop].format(bic=bic)
    data = ((envelop + bericht + _SLOTEN[slot]) * 2).replace("\n", "\r\n").encode()

    gebeurtenissen = lees_bytes(data)

    assert soorten(gebeurtenissen) == "K T S K T S"
    koppen = [g for g in gebeurtenissen if isinstance(g, Afschriftkop)]
    assert [k.dialect for k in koppen] == [dialect, dialect]
    [eerste] = zonder_bron(gebeurtenissen[1:2])
    assert (eerste.bedrag, eerste.tegen_iban, eerste.tegen_naam, eerste.omschrijving,
            eerste.end_to_end_id) == (2500, "NL66ASNB0707070707", "J. de Vries", "Leefgeld", "E1")
    assert gebeurtenissen[2] == Afschriftslot(eindsaldo=12500, einddatum=d("2026-04-15"),
                                              aantal=1)


_ING = "{1:F01INGBNL2AXXXX0000000000}\n{2:I940INGBNL2AXXXXN}\n"


@pytest.mark.parametrize(
    ("data", "melding", "plek"),
    [
        (_ING + "{3:{108:MT940 003}\n{4:\n:20:X\n",  # a brace missing: not an envelope
         "Onverwachte regel buiten een afschrift: '{3:{108:MT940 003}' (een MT940-afschrift "
         "begint met :20:)", "regel 3"),
        (_ING + "{4:\nhallo\n",
         "Onverwachte regel buiten een afschrift: 'hallo' (een MT940-afschrift begint met "
         ":20:)", "regel 4"),
        (_ING + "{4:\n-}\n", "Het bestand bevat geen MT940-afschrift (geen :20:-regel)", ""),
    ],
)
def test_kapotte_envelop_wordt_geweigerd(data: str, melding: str, plek: str) -> None:
    with pytest.raises(Bestandsfout) as fout:
        lees_bytes(data.encode())
    assert (fout.value.melding, fout.value.plek) == (melding, plek)
