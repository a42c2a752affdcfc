"""Importing statement files: real files of each bank dialect and camt version;
idempotent (twice, overlapping); atomic (all or nothing); refused with a clear reason
(wrong account, broken balance, non-EUR, hostile or truncated XML, no balances) changing
nothing. Matching on import: test_importeren_afletteren.py; the same day in two
formats: test_importeren_formaten.py."""

from __future__ import annotations

import io

import pytest

from huishoudboekje.bankafschriften.models import (
    Afletteruitkomst,
    Bankafschrift,
    Banktransactie,
    Importbestand,
)
from huishoudboekje.boekhouding.models import Journaalpost
from huishoudboekje.configuratie.models import GemeenteRekening
from huishoudboekje.core.bank.lezen import lees
from huishoudboekje.core.bank.model import Afschriftkop, Transactie
from huishoudboekje.fabrieken import (
    AfdelingFabriek,
    AfspraakFabriek,
    GemeenteRekeningFabriek,
    RekeningFabriek,
)

from .hulp import BESTANDEN, camt, mt940, tx
from .hulp_importeren import importeer
from .hulp_importeren import staat as _staat

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("bestand", sorted(p.name for p in BESTANDEN.iterdir()))
def test_elk_voorbeeldbestand_van_elke_bank_wordt_ingelezen(bestand):
    inhoud = (BESTANDEN / bestand).read_bytes()
    gebeurtenissen = list(lees(io.BytesIO(inhoud)))
    for iban in {g.rekening_iban for g in gebeurtenissen if isinstance(g, Afschriftkop)}:
        GemeenteRekening.objects.create(iban=iban, rekeninghouder="Gemeente")
    verwacht = [g for g in gebeurtenissen if isinstance(g, Transactie)]
    r = importeer(inhoud, bestand)
    assert r.gelukt, r.fouten
    assert (r.transacties, r.nieuw, r.dubbel) == (len(verwacht), len(verwacht), 0)
    opgeslagen = list(Banktransactie.objects.order_by("pk"))
    assert [t.bedrag for t in opgeslagen] == [t.bedrag for t in verwacht]
    assert [t.tegen_iban for t in opgeslagen] == [t.tegen_iban for t in verwacht]
    assert all(t.bron for t in opgeslagen)
    assert all(a.saldo_klopt is not False for a in Bankafschrift.objects.all())
    # and once more: nothing new, nothing lost
    r2 = importeer(inhoud, bestand)
    assert r2.gelukt and (r2.nieuw, r2.dubbel) == (0, len(verwacht))
    assert Banktransactie.objects.count() == len(verwacht)


def test_velden_en_bron_worden_bewaard():
    GemeenteRekeningFabriek()
    r = importeer(
        camt(
            tx(
                bedrag=-4321,
                mandaat_id="MNDT-9",
                incassant_id="NL98ZZZ999999999999",
                tegen_naam="Eneco",
                omschrijving="Termijn energie 05-2026",
            ),
            eindsaldo=100000 - 4321,
        )
    )
    assert r.gelukt, r.fouten
    t = Banktransactie.objects.get()
    assert (
        t.bedrag,
        t.tegen_iban,
        t.tegen_naam,
        t.mandaat_id,
        t.incassant_id,
        t.end_to_end_id,
    ) == (-4321, "NL91ABNA0417164300", "Eneco", "MNDT-9", "NL98ZZZ999999999999", "E2E-1")
    assert t.bron.startswith("<Ntry") and "Termijn energie 05-2026" in t.bron
    afschrift = Bankafschrift.objects.get()
    assert (afschrift.beginsaldo, afschrift.eindsaldo, afschrift.saldo_verschil) == (
        100000,
        95679,
        0,
    )


def test_overlappende_afschriften_geven_geen_dubbele_transacties():
    GemeenteRekeningFabriek()
    a, b, c = (
        tx(bankreferentie="A", end_to_end_id="A"),
        tx(bankreferentie="B", end_to_end_id="B"),
        tx(bankreferentie="C", end_to_end_id="C"),
    )
    assert importeer(camt(a, b, eindsaldo=100000 + 2 * 72500)).nieuw == 2
    r = importeer(
        camt(b, c, beginsaldo=100000 + 72500, eindsaldo=100000 + 3 * 72500, afschrift_id="X")
    )
    assert (r.nieuw, r.dubbel) == (1, 1)
    assert Banktransactie.objects.count() == 3


def test_twee_identieke_regels_in_een_afschrift_zijn_twee_transacties():
    GemeenteRekeningFabriek()
    zonder_ref = tx(bankreferentie="", end_to_end_id="")
    r = importeer(camt(zonder_ref, zonder_ref, eindsaldo=100000 + 2 * 72500))
    assert r.nieuw == 2
    assert importeer(camt(zonder_ref, zonder_ref, eindsaldo=100000 + 2 * 72500)).dubbel == 2


def test_rekening_die_niet_van_de_gemeente_is_wordt_geweigerd():
    r = importeer(camt(tx()))
    assert not r.gelukt
    assert "NL62 BNGH 0285 1287 01 is geen rekening van de gemeente" in r.fouten[0]
    assert _staat() == (0, 0, 0, 0)


def test_saldo_dat_niet_klopt_wordt_geweigerd():
    GemeenteRekeningFabriek()
    inhoud = camt(tx(), eindsaldo=172500).replace(b"1725.00", b"1725.01")
    r = importeer(inhoud)
    assert not r.gelukt and "klopt niet" in r.fouten[0], r.fouten
    assert _staat() == (0, 0, 0, 0)


def test_alles_of_niets_bij_meerdere_afschriften():
    GemeenteRekeningFabriek()
    goed = camt(tx(), eindsaldo=172500)
    fout = camt(tx(), eindsaldo=172500, iban="NL91ABNA0417164300")
    # glue the second statement into the first document
    stmt = fout[fout.index(b"<Stmt>") : fout.index(b"</Stmt>") + len(b"</Stmt>")]
    samen = goed.replace(b"</Stmt>", b"</Stmt>" + stmt, 1)
    r = importeer(samen)
    assert not r.gelukt and "geen rekening van de gemeente" in r.fouten[0]
    assert _staat() == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>',
            "DOCTYPE",
        ),
        (
            b"<Document xmlns='urn:iso:std:iso:20022:tech:xsd:camt.053.001.02'>"
            b"<BkToCstmrStmt><Stmt>",
            "",
        ),
        (b"\x00\x01\x02binary", "Onbekend bestandsformaat"),
        (b"", ""),
    ],
    ids=["xxe", "afgebroken", "binair", "leeg"],
)
def test_vijandige_of_kapotte_bestanden_worden_geweigerd(inhoud, melding):
    GemeenteRekeningFabriek()
    r = importeer(inhoud)
    assert not r.gelukt and r.fouten and melding in r.fouten[0], r.fouten
    assert _staat() == (0, 0, 0, 0)


def test_geen_euro_wordt_geweigerd():
    GemeenteRekeningFabriek()
    r = importeer(
        camt(tx(), eindsaldo=172500)
        .replace(b'Ccy="EUR"', b'Ccy="USD"')
        .replace(b"<Ccy>EUR</Ccy>", b"<Ccy>USD</Ccy>")
    )
    assert not r.gelukt and "USD" in r.fouten[0], r.fouten
    assert _staat() == (0, 0, 0, 0)


def test_mt940_van_elke_bank_met_saldocontrole():
    GemeenteRekeningFabriek()
    for i, dialect in enumerate(["ing", "rabobank", "abnamro", "bng"]):
        t = tx(bankreferentie=f"R{i}", end_to_end_id=f"E{i}")
        r = importeer(
            mt940(t, dialect=dialect, eindsaldo=172500, afschrift_id=f"A{i}"), f"{dialect}.sta"
        )
        assert r.gelukt and r.nieuw == 1, (dialect, r.fouten)
    assert Banktransactie.objects.count() == 4


def test_camt_die_afwijkt_van_het_schema_wordt_ingelezen_met_waarschuwing():
    GemeenteRekeningFabriek()
    goed = camt(tx(), eindsaldo=172500)
    r = importeer(goed)
    assert r.gelukt and r.waarschuwingen == [] and Importbestand.objects.get().schemameldingen == ""
    # an element the schema does not know, in a place the reader does not look
    afwijkend = camt(
        tx(bankreferentie="B", end_to_end_id="B"), eindsaldo=172500, afschrift_id="X"
    ).replace(b"</GrpHdr>", b"<Onbekend>x</Onbekend></GrpHdr>")
    r2 = importeer(afwijkend)
    assert r2.gelukt and r2.nieuw == 1
    assert r2.waarschuwingen and "wijkt af van het camt.053-schema" in r2.waarschuwingen[0]
    assert "Onbekend" in Importbestand.objects.latest("pk").schemameldingen


def test_camt_zonder_saldi_wordt_geweigerd():
    """Without OPBD/CLBD nobody can tell whether entries are missing: refused, naming the
    statement, and nothing changes (was: read with a warning)."""
    import re

    GemeenteRekeningFabriek()
    inhoud = re.sub(rb"<Bal>.*?</Bal>", b"", camt(tx(), eindsaldo=172500), flags=re.S)
    assert b"<Bal>" not in inhoud
    r = importeer(inhoud)
    assert not r.gelukt
    assert "Afschrift AFS-2026-05-28 heeft geen begin- en eindsaldo" in r.fouten[0]
    assert "De bank stuurt afschriften zonder saldi" in r.fouten[0]
    assert _staat() == (0, 0, 0, 0)


def test_camt_zonder_saldi_op_een_rekening_zonder_saldi_wordt_ingelezen_met_waarschuwing():
    """Only when the account is explicitly set to `zonder_saldi`: then the file is read,
    the result says so and the statement is marked as unchecked (not as 'klopt')."""
    import re

    GemeenteRekeningFabriek(zonder_saldi=True)
    inhoud = re.sub(rb"<Bal>.*?</Bal>", b"", camt(tx(), eindsaldo=172500), flags=re.S)
    r = importeer(inhoud)
    assert r.gelukt and r.nieuw == 1
    # the balance warning first; the schema (Bal is mandatory) also complains
    saldo_melding, schema_melding = r.waarschuwingen
    assert "1 afschrift(en) zonder begin- of eindsaldo (AFS-2026-05-28)" in saldo_melding
    assert "zoals voor deze rekening is ingesteld" in saldo_melding
    assert "wijkt af van het camt.053-schema" in schema_melding
    afschrift = Bankafschrift.objects.get()
    assert afschrift.saldo_klopt is None and afschrift.saldo_verschil is None


def test_regels_die_alleen_in_hoofdletters_verschillen_blijven_twee(monkeypatch):
    from huishoudboekje.bankafschriften import services

    GemeenteRekeningFabriek()
    a = tx(bedrag=5000, bankreferentie="", end_to_end_id="", omschrijving="Huur mei")
    b = tx(bedrag=5000, bankreferentie="", end_to_end_id="", omschrijving="HUUR  MEI")
    inhoud = camt(a, b, eindsaldo=100000 + 10000)
    assert importeer(inhoud).nieuw == 2
    assert importeer(inhoud).dubbel == 2
    Banktransactie.objects.all().delete()
    Bankafschrift.objects.all().delete()
    Importbestand.objects.all().delete()
    monkeypatch.setattr(services, "BATCH", 1)  # the two lines in different batches
    r = importeer(inhoud)
    assert (r.nieuw, r.dubbel) == (2, 0)
    assert Banktransactie.objects.count() == 2


def test_opdrachtregel_zonder_afletteren(tmp_path):
    from django.core.management import call_command

    GemeenteRekeningFabriek()
    afdeling = AfdelingFabriek(rekeningen=[RekeningFabriek(iban="NL91ABNA0417164300")])
    AfspraakFabriek(afdeling=afdeling, bedrag=72500, zoektermen=["contract 12"], dag_van_maand=28)
    pad = tmp_path / "a.xml"
    pad.write_bytes(camt(tx(bedrag=-72500), eindsaldo=100000 - 72500))
    call_command("importeer-afschrift", str(pad), "--geen-afletteren")
    assert Banktransactie.objects.count() == 1 and not Journaalpost.objects.exists()
    assert Banktransactie.objects.get().afletter_uitkomst == Afletteruitkomst.NIET_AFGELETTERD
