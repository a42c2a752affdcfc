"""Never accept a file with missing money (issue 7): statements without balances, entries
outside a statement and statements from the future are refused changing nothing; the
same file twice is "al ingelezen" and stores nothing; continuity between statements is
shown and listed as work; a line that may be a duplicate is kept and marked, never
dropped silently, and identical lines on two statements of one day stay two."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.bankafschriften.models import (
    Afletteruitkomst,
    Bankafschrift,
    Banktransactie,
    Importbestand,
)
from huishoudboekje.bankafschriften.selectors import aansluiting_per_afschrift, afschrift_gaten
from huishoudboekje.bankafschriften.services import bankafschrift_importeren, sleutel_voor
from huishoudboekje.boekhouding.afletteren import afletteren_uitvoeren
from huishoudboekje.boekhouding.models import Journaalpost
from huishoudboekje.door import Systeem
from huishoudboekje.fabrieken import (
    GEMEENTE_IBAN,
    AfdelingFabriek,
    AfspraakFabriek,
    GemeenteRekeningFabriek,
    RekeningFabriek,
)

from .hulp import camt, mt940, tx

pytestmark = pytest.mark.django_db

D27, D28, D29, D30 = (dt.date(2026, 5, d) for d in (27, 28, 29, 30))


def importeer(inhoud: bytes, naam: str = "afschrift.xml", door=None):
    return bankafschrift_importeren(stream=io.BytesIO(inhoud), bestandsnaam=naam, door=door)


def _staat():
    return (
        Importbestand.objects.count(),
        Bankafschrift.objects.count(),
        Banktransactie.objects.count(),
        Journaalpost.objects.count(),
    )


def _dag(datum: dt.date, *transacties, begin: int, **kw) -> bytes:
    """A daily camt statement for `datum` from balance `begin`."""
    return camt(
        *transacties,
        datum=datum,
        beginsaldo=begin,
        eindsaldo=begin + sum(t.bedrag for t in transacties),
        afschrift_id=kw.pop("afschrift_id", f"AFS-{datum:%Y-%m-%d}"),
        **kw,
    )


def _t(ref: str, datum: dt.date = D28, **kw):
    return tx(bankreferentie=ref, end_to_end_id=ref, boekdatum=datum, valutadatum=datum, **kw)


# -- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weg", "ontbreekt"),
    [("OPBD", "beginsaldo"), ("CLBD", "eindsaldo")],
)
def test_camt_zonder_een_van_de_saldi_wordt_geweigerd(weg, ontbreekt):
    GemeenteRekeningFabriek()
    inhoud = re.sub(
        rb"<Bal>(?:(?!</Bal>).)*<Cd>" + weg.encode() + rb"</Cd>.*?</Bal>",
        b"",
        camt(tx(), eindsaldo=172500),
        flags=re.S,
    )
    assert weg.encode() not in inhoud
    r = importeer(inhoud)
    assert not r.gelukt
    assert f"Afschrift AFS-2026-05-28 heeft geen {ontbreekt}." in r.fouten[0], r.fouten
    assert _staat() == (0, 0, 0, 0)


def test_boeking_buiten_een_afschrift_wordt_geweigerd():
    """Today's reader skipped an Ntry that was not directly in a Stmt: its money was in no
    balance check. Now the file is refused, saying where the entry is."""
    GemeenteRekeningFabriek()
    goed = camt(tx(), eindsaldo=172500)
    ntry = goed[goed.index(b"<Ntry>") : goed.index(b"</Ntry>") + len(b"</Ntry>")]
    for kapot in (
        goed.replace(b"</Stmt>", b"</Stmt>" + ntry),  # after the statement
        goed.replace(b"<Ntry>", b"<Extra>" + ntry + b"</Extra><Ntry>", 1),  # nested deeper
    ):
        r = importeer(kapot)
        assert not r.gelukt
        assert "Boeking (Ntry) buiten een afschrift" in r.fouten[0], r.fouten
        assert "regel " in r.fouten[0]
        assert _staat() == (0, 0, 0, 0)


def test_afschrift_uit_de_toekomst_wordt_geweigerd():
    GemeenteRekeningFabriek()
    morgen = timezone.localdate() + dt.timedelta(days=1)
    r = importeer(camt(_t("A", morgen), datum=morgen, eindsaldo=172500))
    assert not r.gelukt
    assert f"loopt tot {morgen:%d-%m-%Y}, na vandaag" in r.fouten[0], r.fouten
    assert _staat() == (0, 0, 0, 0)
    vandaag = timezone.localdate()
    assert importeer(camt(_t("A", vandaag), datum=vandaag, eindsaldo=172500)).gelukt


def test_andere_versie_van_een_ingelezen_afschrift_wordt_geweigerd():
    """The same account, period and opening balance with another closing balance: the
    bank's second version of a statement. Only one can be right."""
    GemeenteRekeningFabriek()
    assert importeer(_dag(D28, _t("A"), begin=100000)).gelukt
    voor = _staat()
    r = importeer(_dag(D28, _t("A"), _t("B"), begin=100000), "tweede.xml")
    assert not r.gelukt
    assert "spreekt het al ingelezen afschrift AFS-2026-05-28 (bestand afschrift.xml) tegen" in (
        r.fouten[0]
    )
    assert _staat() == voor


def test_beginsaldo_na_de_boekingen_wordt_gecontroleerd():
    """A bank that puts the opening balance after the entries: still checked (the reader
    passes it in the slot), not taken for a statement without balances."""
    GemeenteRekeningFabriek()
    goed = camt(tx(), eindsaldo=172500)
    opbd = re.search(rb"<Bal>(?:(?!</Bal>).)*<Cd>OPBD</Cd>.*?</Bal>", goed, flags=re.S)
    assert opbd
    verplaatst = goed.replace(opbd.group(0), b"").replace(b"</Stmt>", opbd.group(0) + b"</Stmt>")
    r = importeer(verplaatst)
    assert r.gelukt, r.fouten
    assert Bankafschrift.objects.get().saldo_klopt is True
    fout = verplaatst.replace(b"1000.00", b"1000.01")
    assert b"1000.01" in fout
    r = importeer(fout, "fout.xml")
    assert not r.gelukt and "klopt niet" in r.fouten[0]


# -- balances optional only by an explicit setting ---------------------------------------------


def test_rekening_zonder_saldi_leest_in_en_bewaakt_de_aansluiting_op_datum():
    GemeenteRekeningFabriek(zonder_saldi=True)

    def zonder_bal(inhoud: bytes) -> bytes:
        return re.sub(rb"<Bal>.*?</Bal>", b"", inhoud, flags=re.S)

    assert importeer(zonder_bal(_dag(D27, _t("A", D27), begin=0)), "a.xml").gelukt
    # 28-05 missing; 29-05 arrives
    r = importeer(zonder_bal(_dag(D29, _t("C", D29), begin=0)), "c.xml")
    assert r.gelukt and "zoals voor deze rekening is ingesteld" in r.waarschuwingen[0]
    eerste, derde = Bankafschrift.objects.order_by("einddatum")
    # the period comes from the bookings when the file has no balance dates
    assert (eerste.begindatum, eerste.einddatum) == (D27, D27)
    [gat] = afschrift_gaten()
    assert (gat.gat.soort, gat.gat.dagen) == ("datum", (D28,))
    assert "ontbreekt 1 werkdag (28-05-2026)" in gat.omschrijving
    # the missing day arrives late: the gap closes
    assert importeer(zonder_bal(_dag(D28, _t("B", D28), begin=0)), "b.xml").gelukt
    assert afschrift_gaten() == []


# -- the same file twice -----------------------------------------------------------------------


def test_hetzelfde_bestand_nogmaals_is_al_ingelezen_en_voegt_niets_toe(django_user_model):
    GemeenteRekeningFabriek()
    medewerker = django_user_model.objects.create_user(username="jdevries", password="x")
    inhoud = _dag(D28, _t("A"), _t("B"), begin=100000)
    eerste = importeer(inhoud, "mei.xml", door=medewerker)
    assert eerste.gelukt and not eerste.al_ingelezen
    voor = _staat()
    opnieuw = importeer(inhoud, "mei-kopie.xml")
    assert opnieuw.gelukt and opnieuw.al_ingelezen
    assert (opnieuw.nieuw, opnieuw.dubbel, opnieuw.importbestand_id) == (
        0,
        2,
        eerste.importbestand_id,
    )
    tijdstip = timezone.localtime(Importbestand.objects.get().tijdstip)
    assert (
        f"mei-kopie.xml: al ingelezen op {tijdstip:%d-%m-%Y %H:%M} door jdevries (als mei.xml)"
        in opnieuw.waarschuwingen[0]
    )
    assert _staat() == voor  # not even an Importbestand row


def test_ook_een_stroom_die_niet_terug_kan_is_al_ingelezen():
    """A stream that cannot be rewound is hashed while reading; the import is then rolled
    back, so still nothing is added."""

    class Stroom(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self.bron = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            data = self.bron.read(len(buffer))
            buffer[: len(data)] = data
            return len(data)

    GemeenteRekeningFabriek()
    inhoud = _dag(D28, _t("A"), begin=100000)
    assert importeer(inhoud).gelukt
    voor = _staat()
    r = bankafschrift_importeren(stream=Stroom(inhoud), bestandsnaam="b.xml", door=None)
    assert r.gelukt and r.al_ingelezen and "al ingelezen op" in r.waarschuwingen[0]
    assert _staat() == voor


# -- possible duplicates: kept and marked, never dropped ---------------------------------------


def test_andere_formaat_met_andere_kenmerken_is_een_andere_betaling():
    """Same date, amount and counterparty as a line already read from MT940, but another
    end-to-end id (or another text, without references): a second payment, kept
    (the old code dropped it)."""
    GemeenteRekeningFabriek()
    a = _t("A")
    assert importeer(mt940(a, eindsaldo=100000 + 72500), "a.sta").nieuw == 1
    anders_e2e = tx(bankreferentie="CAMT-9", end_to_end_id="E2E-ANDERS")
    andere_tekst = tx(bankreferentie="CAMT-10", end_to_end_id="", omschrijving="Borg juni")
    r = importeer(
        camt(anders_e2e, andere_tekst, datum=D29, eindsaldo=100000 + 2 * 72500)
    )
    assert r.gelukt, r.fouten
    assert (r.nieuw, r.dubbel, r.mogelijk_dubbel) == (2, 0, 0)
    assert not r.waarschuwingen
    assert Banktransactie.objects.count() == 3


def test_geen_bewijs_is_mogelijk_dubbel_bewaard_en_niet_automatisch_geboekt():
    GemeenteRekeningFabriek()
    afdeling = AfdelingFabriek(rekeningen=[RekeningFabriek(iban="NL91ABNA0417164300")])
    AfspraakFabriek(afdeling=afdeling, richting="inkomsten", bedrag=72500, zoektermen=[])
    kaal = tx(bankreferentie="", end_to_end_id="", omschrijving="")
    assert importeer(mt940(kaal, eindsaldo=100000 + 72500), "a.sta").gelukt
    eerste = Banktransactie.objects.get()
    r = importeer(camt(tx(bankreferentie="C1", end_to_end_id="", omschrijving=""),
                       datum=D29, eindsaldo=100000 + 72500))
    assert r.gelukt and (r.nieuw, r.mogelijk_dubbel) == (1, 1), r
    assert "gemarkeerd als 'mogelijk dubbel'" in r.waarschuwingen[0]
    tweede = Banktransactie.objects.exclude(pk=eerste.pk).get()
    assert tweede.mogelijk_dubbel_van == eerste
    assert tweede.afletter_uitkomst == Afletteruitkomst.MOGELIJK_DUBBEL and tweede.geboekt == 0
    assert not Journaalpost.objects.filter(transactie=tweede).exists()
    # the matching run leaves it for staff too
    afletteren_uitvoeren(door=Systeem("test"))
    tweede.refresh_from_db()
    assert tweede.geboekt == 0


def test_mogelijk_dubbel_is_zichtbaar_in_de_lijst_en_op_de_transactie(client_als):
    GemeenteRekeningFabriek()
    kaal = tx(bankreferentie="", end_to_end_id="", omschrijving="")
    importeer(mt940(kaal, eindsaldo=100000 + 72500), "a.sta")
    importeer(camt(tx(bankreferentie="C1", end_to_end_id="", omschrijving=""),
                   datum=D29, eindsaldo=100000 + 72500))
    tweede = Banktransactie.objects.get(mogelijk_dubbel_van__isnull=False)
    bo = client_als(Rol.BACKOFFICE)
    lijst = bo.get(reverse("bankafschriften:transacties")).content.decode()
    assert lijst.count("mogelijk dubbel") == 1
    pagina = bo.get(reverse("bankafschriften:transactie", args=[tweede.pk])).content.decode()
    assert "Mogelijk dubbel: een eerder ingelezen transactie" in pagina
    assert reverse("bankafschriften:transactie", args=[tweede.mogelijk_dubbel_van_id]) in pagina


def test_gelijke_regels_op_twee_afschriften_van_een_dag_blijven_twee():
    """The occurrence counter restarts per statement: without the statement in the key the
    second statement's identical line (no reference) was taken for the first's."""
    GemeenteRekeningFabriek()
    zonder_ref = tx(bankreferentie="", end_to_end_id="")
    ochtend = _dag(D28, zonder_ref, begin=100000, afschrift_id="OCHTEND")
    middag = _dag(D28, zonder_ref, begin=172500, afschrift_id="MIDDAG")
    assert importeer(ochtend, "ochtend.xml").nieuw == 1
    r = importeer(middag, "middag.xml")
    assert (r.nieuw, r.dubbel, r.mogelijk_dubbel) == (1, 0, 1)
    assert Banktransactie.objects.count() == 2
    # the same statement delivered again in another file (other bytes): nothing new
    r2 = importeer(middag + b"\n", "middag-opnieuw.xml")
    assert not r2.al_ingelezen and (r2.nieuw, r2.dubbel) == (0, 1)
    assert Banktransactie.objects.count() == 2
    assert [a.status for a in aansluiting_per_afschrift().values()].count("sluit_aan") == 1


def test_regel_met_sleutel_van_voor_deze_versie_wordt_herkend():
    """Lines stored before the statement was part of the key of a reference-less line:
    the same statement delivered again still adds nothing."""
    GemeenteRekeningFabriek()
    zonder_ref = tx(bankreferentie="", end_to_end_id="")
    inhoud = _dag(D28, zonder_ref, zonder_ref, begin=100000)
    assert importeer(inhoud).nieuw == 2
    for volgnummer, t in enumerate(Banktransactie.objects.order_by("pk"), start=1):
        t.sleutel = sleutel_voor(GEMEENTE_IBAN, zonder_ref, volgnummer)  # the old key
        t.save(update_fields=["sleutel"])
    r = importeer(inhoud + b" ", "opnieuw.xml")
    assert (r.nieuw, r.dubbel) == (0, 2)


# -- continuity --------------------------------------------------------------------------------


def test_aansluiting_gat_en_laat_binnenkomend_afschrift(client_als):
    GemeenteRekeningFabriek()
    a, b, c = _t("A", D27), _t("B", D28), _t("C", D29)
    assert importeer(_dag(D27, a, begin=100000), "27.xml").gelukt
    # 28-05 is not there yet: 29-05 is imported anyway, and flagged
    assert importeer(_dag(D29, c, begin=100000 + 2 * 72500), "29.xml").gelukt
    [gat] = afschrift_gaten()
    assert (gat.gat.soort, gat.gat.verschil) == ("saldo", 72500)
    assert "begint met €\u00a02.450,00, maar het vorige afschrift" in gat.omschrijving
    bo = client_als(Rol.BACKOFFICE)
    html = bo.get(reverse("bankafschriften:lijst")).content.decode()
    assert "1 onderbreking in de reeks afschriften" in html
    assert gat.omschrijving in html
    assert "Sluit niet aan" in html and "Eerste afschrift" in html
    # the missing statement arrives: nothing is flagged any more
    assert importeer(_dag(D28, b, begin=100000 + 72500), "28.xml").gelukt
    assert afschrift_gaten() == []
    statussen = sorted(a.status for a in aansluiting_per_afschrift().values())
    assert statussen == ["eerste", "sluit_aan", "sluit_aan"]
    html = bo.get(reverse("bankafschriften:lijst")).content.decode()
    assert "Alle afschriften sluiten aan" in html and "Sluit niet aan" not in html


def test_hetzelfde_afschrift_in_het_andere_formaat_is_geen_onderbreking():
    GemeenteRekeningFabriek()
    a = _t("A")
    assert importeer(_dag(D28, a, begin=100000)).gelukt
    r = importeer(mt940(a, datum=D28, beginsaldo=100000, eindsaldo=172500), "a.sta")
    assert r.gelukt and r.dubbel == 1
    assert importeer(_dag(D29, _t("B", D29), begin=172500)).gelukt
    assert afschrift_gaten() == []
    assert sorted(a.status for a in aansluiting_per_afschrift().values()) == [
        "eerste",
        "herhaald",
        "sluit_aan",
    ]
