"""Parsing helpers of the agreement rules (no database)."""

import datetime as dt

from huishoudboekje.afspraken.regels import lees_datums, schema_veld_bij_melding, splits_zoektermen


def test_zoektermen_splitsen():
    assert splits_zoektermen("huur,  contract 12\r\n\n huur ,, ZIGGO ") == [
        "huur",
        "contract 12",
        "ZIGGO",
    ]
    assert splits_zoektermen("  \n , ") == []


def test_datums_lezen():
    datums, fouten = lees_datums("24-12-2026\n2026-01-01\n\n24/12/2026\nmorgen\n31-02-2026")
    assert datums == [dt.date(2026, 1, 1), dt.date(2026, 12, 24)]
    assert fouten == [
        "Regel 5 ('morgen') is geen datum; schrijf dd-mm-jjjj, bijvoorbeeld 24-12-2026.",
        "Regel 6 ('31-02-2026') is geen datum; schrijf dd-mm-jjjj, bijvoorbeeld 24-12-2026.",
    ]


def test_melding_bij_veld():
    assert schema_veld_bij_melding("Kies een weekdag voor een wekelijks schema.") == "weekdag"
    assert (
        schema_veld_bij_melding("De dag van de maand moet 1 tot en met 31 zijn.") == "dag_van_maand"
    )
    assert schema_veld_bij_melding("Iets anders.") == "frequentie"
