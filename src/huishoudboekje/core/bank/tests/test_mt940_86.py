"""The Dutch :86: field on its own: each bank's tag style and the old free text."""

from __future__ import annotations

import dataclasses

import pytest

from huishoudboekje.core.bank.mt940_86 import Info86, is_gestructureerd, lees_86


@pytest.mark.parametrize(
    ("tekst", "credit", "verwacht"),
    [
        (  # ING: CNTP with positional sub-fields, REMI/USTD
            "/EREF/E1//CNTP/NL44RABO0123456789/RABONL2U/J JANSEN/UTRECHT//REMI/USTD//Huur 3/2024/",
            True,
            Info86(tegen_iban="NL44RABO0123456789", tegen_naam="J JANSEN",
                   tegen_bic="RABONL2U", omschrijving="Huur 3/2024", end_to_end_id="E1"),
        ),
        (  # ING: structured reference
            "/CNTP/NL91ABNA0417164300/ABNANL2A/WOONSTICHTING///REMI/STRD/CUR/1234567890123456/",
            False,
            Info86(tegen_iban="NL91ABNA0417164300", tegen_naam="WOONSTICHTING",
                   tegen_bic="ABNANL2A", betalingskenmerk="1234567890123456"),
        ),
        (  # ABN AMRO / BNG: flat tags, a value containing "/"
            "/TRTP/SEPA OVERBOEKING/IBAN/NL02ABNA0123456789/BIC/ABNANL2A/NAME/A/B Verhuur/"
            "REMI/Factuur 12/2024/EREF/NOTPROVIDED",
            True,
            Info86(tegen_iban="NL02ABNA0123456789", tegen_naam="A/B Verhuur", tegen_bic="ABNANL2A",
                   omschrijving="Factuur 12/2024", transactiecode="SEPA OVERBOEKING"),
        ),
        (  # ABN AMRO structured creditor reference
            "/TRTP/SEPA OVERBOEKING/NAME/Gemeente/REMI//CDTRREFTP//CD/SCOR/ISSR/CUR/CDTRREF/"
            "5000123456789012//EREF/X",
            False,
            Info86(tegen_naam="Gemeente", betalingskenmerk="5000123456789012",
                   end_to_end_id="X", transactiecode="SEPA OVERBOEKING"),
        ),
        (  # Rabobank: ordering party for a credit, nested IBAN and BIC
            "/EREF/E2/ORDP//NAME/Bakkerij/ADDR/Dorpsstraat 1/IBAN/NL44RABO0123456789/"
            "BIC/RABONL2U/BENM//NAME/Gemeente/REMI/Salaris/ISDT/2024-01-02",
            True,
            Info86(tegen_iban="NL44RABO0123456789", tegen_naam="Bakkerij",
                   tegen_bic="RABONL2U", omschrijving="Salaris", end_to_end_id="E2"),
        ),
        (  # Rabobank: the same text booked as a debit names the beneficiary
            "/EREF/E2/ORDP//NAME/Bakkerij/ADDR/Dorpsstraat 1/BENM//NAME/Gemeente/REMI/Salaris",
            False,
            Info86(tegen_naam="Gemeente", omschrijving="Salaris", end_to_end_id="E2"),
        ),
        (  # direct debit with mandate, creditor id and a return reason
            "/RTRN/MD06/MARF/M-1/CSID/NL52ZZZ240442660000/NAME/Eneco/REMI/Termijn",
            True,
            Info86(tegen_naam="Eneco", omschrijving="Termijn (retourreden MD06)",
                   mandaat_id="M-1", incassant_id="NL52ZZZ240442660000", retourreden="MD06"),
        ),
        (  # ABN AMRO before SEPA tags: labelled free text
            "SEPA Incasso algemeen doorlopend Incassant: NL98ZZZ302072880000  Naam: Menzis  "
            "Machtiging: MZ-1  Omschrijving: Premie mei  IBAN: NL18RABO0302456789  "
            "Kenmerk: MZ2024  Betalingskenm.: 5000123456789012",
            False,
            Info86(tegen_iban="NL18RABO0302456789", tegen_naam="Menzis", omschrijving="Premie mei",
                   betalingskenmerk="5000123456789012", end_to_end_id="MZ2024",
                   mandaat_id="MZ-1", incassant_id="NL98ZZZ302072880000",
                   transactiecode="SEPA Incasso algemeen doorlopend"),
        ),
        (
            "GIRO  1234567 GEMEENTE UTRECHT  AANSLAG 2013",
            False,
            Info86(tegen_naam="GEMEENTE UTRECHT", omschrijving="AANSLAG 2013",
                   transactiecode="GIRO"),
        ),
        (
            "NL66ASNB0707070707 J DE VRIES  LEEFGELD",
            False,
            Info86(tegen_iban="NL66ASNB0707070707", tegen_naam="J DE VRIES",
                   omschrijving="LEEFGELD"),
        ),
        (
            "VRIJE TEKST ZONDER STRUCTUUR",
            True,
            Info86(omschrijving="VRIJE TEKST ZONDER STRUCTUUR"),
        ),
        ("", True, Info86()),
    ],
)
def test_86_varianten(tekst: str, credit: bool, verwacht: Info86) -> None:
    assert lees_86(tekst, credit=credit) == verwacht


def test_gestructureerd_herkennen() -> None:
    assert is_gestructureerd("/TRTP/SEPA")
    assert is_gestructureerd("/EREF/x")
    assert not is_gestructureerd("/ONBEKEND/x")
    assert not is_gestructureerd("GIRO 123")


@pytest.mark.parametrize(
    ("tekst", "credit", "verwacht"),
    [
        (  # Rabobank: the structured reference as fields of its own, between BENM and REMI
            "/EREF/NOTPROVIDED/BENM//NAME/J. de Vries/CDTRREFTP//CD/SCOR/ISSR/CUR/CDTRREF/"
            "1234567890123456/REMI/Factuur 2026-118",
            False,
            Info86(tegen_naam="J. de Vries", betalingskenmerk="1234567890123456",
                   omschrijving="Factuur 2026-118"),
        ),
        (  # ABN AMRO batch: PREF, NRTX (number of transactions) and PIND
            "/TRTP/SEPA Incasso Batch/PREF/PMTINF-1/NRTX/0000011/PIND/BRUTO/",
            True,
            Info86(transactiecode="SEPA Incasso Batch"),
        ),
        (  # an upper-case word after a slash in a description is text, not a tag
            "/TRTP/SEPA OVERBOEKING/NAME/Woonstichting/REMI/HUUR/JUNI 2026/EREF/E1",
            False,
            Info86(tegen_naam="Woonstichting", omschrijving="HUUR/JUNI 2026", end_to_end_id="E1",
                   transactiecode="SEPA OVERBOEKING"),
        ),
        (  # ING closes each field with "/": an unknown tag after "//" ends the description
            "/EREF/E1//CNTP/NL66ASNB0707070707/ASNBNL21/ANWB/DEN HAAG///REMI/USTD//HUUR/"
            "JUNI//XYZW/iets/",
            False,
            Info86(tegen_iban="NL66ASNB0707070707", tegen_naam="ANWB", tegen_bic="ASNBNL21",
                   omschrijving="HUUR/JUNI", end_to_end_id="E1"),
        ),
        (  # a four-letter name is the value of NAME, not an unknown tag
            "/TRTP/SEPA OVERBOEKING/NAME/ANWB/REMI/Contributie",
            True,
            Info86(tegen_naam="ANWB", omschrijving="Contributie",
                   transactiecode="SEPA OVERBOEKING"),
        ),
    ],
)
def test_86_tags_van_rabobank_abnamro_en_ing(tekst: str, credit: bool, verwacht: Info86) -> None:
    assert lees_86(tekst, credit=credit) == verwacht


_ROND = "/TRTP/SEPA OVERBOEKING/IBAN/NL66ASNB0707070707/BIC/ASNBNL21/NAME/J. de Vries/{}/REMI/"
_ROND += "Leefgeld week 16/EREF/HHB-LG-2026-16-0007"
_BASIS = Info86(tegen_iban="NL66ASNB0707070707", tegen_naam="J. de Vries", tegen_bic="ASNBNL21",
                omschrijving="Leefgeld week 16", end_to_end_id="HHB-LG-2026-16-0007",
                transactiecode="SEPA OVERBOEKING")


@pytest.mark.parametrize(
    ("veld", "anders"),
    [
        ("ULTC//NAME/Incassobureau Noord/ID/NL12ZZZ123456780000", {}),
        ("ULTD//NAME/Gemeente Utrecht/ID/41177576", {}),
        ("ULTB//NAME/Stichting Schuldhulp", {}),
        ("PURP//CD/SALA", {}),
        ("ORDP//NAME/Werkgever BV/ADDR/Dorpsstraat 1 Utrecht", {}),
        ("BENM//NAME/Gemeente Utrecht/ID/41177576", {}),
        ("CSID/NL98ZZZ302072880000", {"incassant_id": "NL98ZZZ302072880000"}),
        ("MARF/MZ-0012345678", {"mandaat_id": "MZ-0012345678"}),
        ("SVCL/SEPA", {}),
        ("RTRN/MD06", {"omschrijving": "Leefgeld week 16 (retourreden MD06)",
                       "retourreden": "MD06"}),
        ("ISDT/2026-04-15", {}),
        ("PREF/PMTINF-1", {}),
        ("NRTX/0000011", {}),
        ("PIND/BRUTO", {}),
        ("ADDR/Dorpsstraat 1 Utrecht", {}),
        ("CDTRREFTP//CD/SCOR/ISSR/CUR/CDTRREF/1234567890123456",
         {"betalingskenmerk": "1234567890123456"}),
        ("XYZW/een veld dat we niet kennen", {}),
        ("XYZW//ABCD/EFGH/groep die we niet kennen", {}),
    ],
)
def test_een_veld_tussen_naam_en_remi_verandert_de_andere_velden_niet(
    veld: str, anders: dict[str, str]
) -> None:
    """Every Dutch tag, and a well-formed tag we do not know, stays out of the name
    before it and the description after it."""
    assert lees_86(_ROND.format(veld), credit=True) == dataclasses.replace(_BASIS, **anders)
