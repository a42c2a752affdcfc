"""Importing statement files: real files of each bank dialect and camt version;
idempotent (twice, overlapping); atomic (all or nothing); refused with a clear reason
(wrong account, broken balance, non-EUR, hostile or truncated XML) changing nothing;
automatic matching on import; the ledger invariant."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest

from huishoudboekje.bankafschriften.models import (
    Afletteruitkomst,
    Bankafschrift,
    Banktransactie,
    Importbestand,
)
from huishoudboekje.bankafschriften.selectors import suggesties
from huishoudboekje.bankafschriften.services import bankafschrift_importeren
from huishoudboekje.boekhouding.models import Journaalpost, Rubriek
from huishoudboekje.boekhouding.selectors import boekhouding_controleren, saldo
from huishoudboekje.boekhouding.services_boeken import Boekdeel, journaalposten_boeken
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

pytestmark = pytest.mark.django_db


def importeer(inhoud: bytes, naam: str = "afschrift.xml", door=None):
    return bankafschrift_importeren(stream=io.BytesIO(inhoud), bestandsnaam=naam, door=door)


def _staat():
    return (
        Importbestand.objects.count(),
        Bankafschrift.objects.count(),
        Banktransactie.objects.count(),
        Journaalpost.objects.count(),
    )


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


def test_na_inlezen_wordt_eenduidige_transactie_automatisch_geboekt_met_reden():
    GemeenteRekeningFabriek()
    afdeling = AfdelingFabriek(
        organisatie__naam="Woonstichting Het Baken",
        rekeningen=[RekeningFabriek(iban="NL91ABNA0417164300")],
    )
    huur = AfspraakFabriek(
        afdeling=afdeling,
        richting="uitgaven",
        bedrag=72500,
        zoektermen=["contract 12"],
        dag_van_maand=28,
    )
    ander = AfspraakFabriek(
        afdeling=afdeling,
        richting="uitgaven",
        bedrag=65000,
        zoektermen=["contract 99"],
        dag_van_maand=28,
    )
    r = importeer(
        camt(
            tx(bedrag=-72500),
            tx(
                bedrag=-72500,
                bankreferentie="X",
                end_to_end_id="X",
            ),
            eindsaldo=100000 - 2 * 72500,
        )
    )
    assert r.gelukt and r.automatisch == 1, r
    post = Journaalpost.objects.get()
    assert post.afspraak == huur and post.automatisch and post.bedrag == -72500
    assert (
        "IBAN bekend bij Woonstichting Het Baken" in post.toelichting
        and "bedrag gelijk" in post.toelichting
    )
    # the second payment on the same day is a double payment: never booked automatically
    open_ = Banktransactie.objects.get(geboekt=0)
    assert open_.afletter_uitkomst == Afletteruitkomst.GEBLOKKEERD
    assert "al een betaling geboekt rond 28-05" in open_.afletter_toelichting
    assert saldo(huur.burger_id) == -72500 and saldo(ander.burger_id) == 0
    assert boekhouding_controleren().klopt


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


def test_geweigerd_bestand_laat_geen_sporen_na_in_het_afletteren():
    from huishoudboekje.boekhouding.afletteren import Afletteraar

    GemeenteRekeningFabriek()
    afdeling = AfdelingFabriek(rekeningen=[RekeningFabriek(iban="NL91ABNA0417164300")])
    huur = AfspraakFabriek(
        afdeling=afdeling, bedrag=72500, zoektermen=["contract 12"], dag_van_maand=28
    )
    afletteraar = Afletteraar()  # one matcher for several files, as the upload screen does
    kapot = camt(tx(bedrag=-72500), eindsaldo=100000 - 72500).replace(b"275.00", b"275.01")
    assert not bankafschrift_importeren(
        stream=io.BytesIO(kapot), bestandsnaam="k.xml", door=None, afletteraar=afletteraar
    ).gelukt
    goed = camt(tx(bedrag=-72500), eindsaldo=100000 - 72500)
    r = bankafschrift_importeren(
        stream=io.BytesIO(goed), bestandsnaam="g.xml", door=None, afletteraar=afletteraar
    )
    assert r.gelukt and r.automatisch == 1, r
    assert Journaalpost.objects.get().afspraak == huur


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


def _anders_geformuleerd(t, **kw):
    """The same booking as another format words it: other text and bank reference."""
    return dataclasses.replace(
        t,
        omschrijving=t.omschrijving.upper() + " /TRCD/100",
        bankreferentie="MT" + t.bankreferentie,
        **kw,
    )


@pytest.mark.parametrize("dialect", ["ing", "rabobank", "abnamro", "bng"])
def test_dezelfde_dag_in_het_andere_formaat_wordt_niet_nog_eens_ingelezen(dialect):
    GemeenteRekeningFabriek()
    a = tx(bankreferentie="A1", end_to_end_id="E-A")
    b = tx(bankreferentie="B1", end_to_end_id="", tegen_iban="NL20INGB0001234567", bedrag=-1500)
    assert importeer(camt(a, b, eindsaldo=100000 + 72500 - 1500)).nieuw == 2
    r = importeer(
        mt940(
            _anders_geformuleerd(a),
            _anders_geformuleerd(b),
            eindsaldo=100000 + 72500 - 1500,
            dialect=dialect,
        ),
        "ing.sta",
    )
    assert r.gelukt, r.fouten
    assert (r.nieuw, r.dubbel) == (0, 2)
    assert "ander formaat" in r.waarschuwingen[0]
    assert Banktransactie.objects.count() == 2
    assert boekhouding_controleren().klopt


def test_andere_volgorde_en_gedeeltelijke_overlap_tussen_formaten():
    GemeenteRekeningFabriek()
    d1, d2, d3 = dt.date(2026, 5, 27), dt.date(2026, 5, 28), dt.date(2026, 5, 29)
    a = tx(bankreferentie="A", end_to_end_id="A", boekdatum=d1, valutadatum=d1)
    b = tx(bankreferentie="B", end_to_end_id="B", boekdatum=d2, valutadatum=d2)
    c = tx(bankreferentie="C", end_to_end_id="C", boekdatum=d3, valutadatum=d3)
    # MT940 first: days 1 and 2
    eerst = importeer(mt940(a, b, datum=d2, eindsaldo=100000 + 2 * 72500), "a.sta")
    assert eerst.nieuw == 2
    # then camt for days 2 and 3: only day 3 is new
    r = importeer(
        camt(
            _anders_geformuleerd(b),
            c,
            datum=d3,
            beginsaldo=100000 + 72500,
            eindsaldo=100000 + 3 * 72500,
            afschrift_id="X",
        )
    )
    assert (r.nieuw, r.dubbel) == (1, 1)
    assert sorted(Banktransactie.objects.values_list("boekdatum", flat=True)) == [d1, d2, d3]


def test_gelijke_regels_op_een_dag_tellen_tussen_formaten_een_voor_een():
    GemeenteRekeningFabriek()
    x1 = tx(bankreferentie="X1", end_to_end_id="", omschrijving="Huur mei Jansen")
    x2 = tx(bankreferentie="X2", end_to_end_id="", omschrijving="Huur mei De Vries")
    x3 = tx(bankreferentie="X3", end_to_end_id="", omschrijving="Huur mei Bakker")
    assert importeer(camt(x1, x2, eindsaldo=100000 + 2 * 72500)).nieuw == 2
    # the other format holds three lines with the same date, amount and IBAN: two were
    # there already, the third is new. (A statement of the other format for exactly the
    # same period and opening balance with another closing balance would contradict the
    # first and be refused; this one runs a day longer.)
    r = importeer(
        mt940(
            _anders_geformuleerd(x1),
            _anders_geformuleerd(x2),
            _anders_geformuleerd(x3),
            eindsaldo=100000 + 3 * 72500,
            datum=dt.date(2026, 5, 29),
        ),
        "b.sta",
    )
    assert (r.nieuw, r.dubbel) == (1, 2)
    assert Banktransactie.objects.count() == 3


def test_binnen_hetzelfde_formaat_blijven_gelijksoortige_regels_apart():
    """Date, amount and IBAN alone never make a duplicate within one format: only the
    full key (bank reference, end-to-end id, text) does."""
    GemeenteRekeningFabriek()
    x1 = tx(bankreferentie="X1", end_to_end_id="", omschrijving="Huur mei Jansen")
    x2 = tx(bankreferentie="X2", end_to_end_id="", omschrijving="Huur mei De Vries")
    assert importeer(camt(x1, eindsaldo=100000 + 72500)).nieuw == 1
    r = importeer(
        camt(x2, beginsaldo=100000 + 72500, eindsaldo=100000 + 2 * 72500, afschrift_id="Y")
    )
    assert (r.nieuw, r.dubbel) == (1, 0) and not r.waarschuwingen


def test_terugbetaling_wordt_voorgesteld_maar_nooit_automatisch_en_telt_niet_als_betaling():
    GemeenteRekeningFabriek()
    eneco = AfdelingFabriek(
        organisatie__naam="Eneco", rekeningen=[RekeningFabriek(iban="NL20INGB0001234567")]
    )
    energie = AfspraakFabriek(
        afdeling=eneco,
        richting="uitgaven",
        omschrijving="Termijnbedrag energie",
        bedrag=12000,
        rubriek=Rubriek.objects.get(naam="Energie"),
        dag_van_maand=28,
        zoektermen=[],
    )
    terug = tx(
        bedrag=3150,
        tegen_iban="NL20INGB0001234567",
        tegen_naam="Eneco",
        omschrijving="Terugbetaling jaarafrekening",
        bankreferentie="T1",
        end_to_end_id="T1",
    )
    termijn = tx(
        bedrag=-12000,
        tegen_iban="NL20INGB0001234567",
        tegen_naam="Eneco",
        omschrijving="Termijn mei",
        bankreferentie="T2",
        end_to_end_id="T2",
        mandaat_id="M1",
    )
    r = importeer(camt(terug, eindsaldo=100000 + 3150))
    assert r.gelukt and r.automatisch == 0, r.fouten
    open_ = Banktransactie.objects.get()
    [suggestie] = suggesties(open_)
    assert suggestie.afspraak == energie
    assert "terugbetaling of storno" in suggestie.kandidaat.blokkade
    assert "IBAN bekend bij Eneco" in suggestie.kandidaat.toelichting
    assert suggestie.zoekterm_voorstel is None  # no learning from a refund
    journaalposten_boeken(
        door=None, transactie_id=open_.pk, delen=[Boekdeel(bedrag=3150, afspraak=energie)]
    )
    assert saldo(energie.burger_id) == 3150
    # the refund booked on the agreement is no "second payment": the regular instalment
    # around the same expected date still books itself
    r = importeer(
        camt(termijn, beginsaldo=100000 + 3150, eindsaldo=100000 + 3150 - 12000, afschrift_id="Z")
    )
    assert r.automatisch == 1
    assert saldo(energie.burger_id) == 3150 - 12000
