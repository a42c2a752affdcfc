"""Free texts of a bank file are capped where a transaction is made: a 5 MB remittance
text in a valid file is neither refused nor stored whole, but cut with a mark."""

from __future__ import annotations

import datetime as dt
import io

from huishoudboekje.core.bank.model import (
    BRON_MAX,
    OMSCHRIJVING_MAX,
    Afschriftkop,
    Transactie,
    ingekort,
)
from huishoudboekje.core.bank.schrijven import TeSchrijvenAfschrift, schrijf_camt053, schrijf_mt940

from ._hulp import lees_bytes, transactie

VIJF_MB = 5 * 1024 * 1024


def test_korte_tekst_blijft_zoals_hij_is():
    assert ingekort("Huur mei", 1000) == "Huur mei"
    assert ingekort("x" * 1000, 1000) == "x" * 1000


def test_lange_tekst_ingekort_met_merk():
    tekst = ingekort("Huur " + "x" * 5000, 1000)
    assert len(tekst) == 1000
    assert tekst.startswith("Huur xxx")
    assert tekst.endswith("[... ingekort, 5005 tekens]")


def test_transactie_kapt_omschrijving_en_bron():
    t = transactie(bedrag=1, omschrijving="a" * VIJF_MB, bron="<Ntry>" + "b" * VIJF_MB)
    assert len(t.omschrijving) == OMSCHRIJVING_MAX and "ingekort" in t.omschrijving
    assert len(t.bron) == BRON_MAX and t.bron.startswith("<Ntry>")


def _bestand(schrijver, **opties) -> bytes:  # type: ignore[no-untyped-def]
    kop = Afschriftkop(
        formaat="camt.053.001.02",
        dialect="",
        rekening_iban="NL62BNGH0285128701",
        valuta="EUR",
        afschrift_id="AFS-1",
        volgnummer="1",
        aangemaakt=None,
        beginsaldo=100000,
        begindatum=dt.date(2026, 5, 27),
        eindsaldo=172500,
        einddatum=dt.date(2026, 5, 28),
    )
    t = transactie(
        bedrag=72500,
        boekdatum=dt.date(2026, 5, 28),
        tegen_iban="NL91ABNA0417164300",
        tegen_naam="Woonstichting",
        omschrijving="MERKTEKST",
        end_to_end_id="E2E-1",
        bankreferentie="REF-1",
    )
    uit = io.BytesIO()
    schrijver(uit, [TeSchrijvenAfschrift(kop, [t])], **opties)
    return uit.getvalue()


def test_camt_met_vijf_mb_omschrijving_wordt_gelezen_en_ingekort():
    data = _bestand(schrijf_camt053).replace(b"MERKTEKST", b"Huur " + b"x" * VIJF_MB)
    [t] = [g for g in lees_bytes(data) if isinstance(g, Transactie)]
    assert t.bedrag == 72500 and t.end_to_end_id == "E2E-1"
    assert len(t.omschrijving) == OMSCHRIJVING_MAX
    assert t.omschrijving.startswith("Huur xxx") and "ingekort" in t.omschrijving
    assert len(t.bron) <= BRON_MAX


def test_mt940_met_lange_86_wordt_gelezen_en_ingekort():
    """MT940 lines are at most 65 characters; a long :86: is many lines (the reader
    refuses a single line over 10,000 characters with its own message)."""
    lang = "x" * VIJF_MB
    regels = "\r\n".join(lang[i : i + 65] for i in range(0, len(lang), 65))
    data = _bestand(schrijf_mt940, dialect="bng").replace(b"MERKTEKST", b"Huur " + regels.encode())
    [t] = [g for g in lees_bytes(data) if isinstance(g, Transactie)]
    assert t.bedrag == 72500
    assert len(t.omschrijving) == OMSCHRIJVING_MAX and "ingekort" in t.omschrijving
    assert len(t.bron) == BRON_MAX
