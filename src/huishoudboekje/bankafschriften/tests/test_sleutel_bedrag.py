"""The amount is part of the import key: two lines equal in everything but the amount
are two transactions, never one line delivered twice. A payer may reuse its own
end-to-end id (an invoice number) for a payment and a later correction; a line with an
end-to-end id is recognised on any statement, so only the amount tells them apart."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from huishoudboekje.bankafschriften.models import Banktransactie
from huishoudboekje.bankafschriften.sleutels import sleutel_voor
from huishoudboekje.fabrieken import GEMEENTE_IBAN, GemeenteRekeningFabriek

from .hulp import camt, tx
from .hulp_importeren import importeer

GEDEELD = {"bankreferentie": "", "end_to_end_id": "FACTUUR-2026-0512"}


@pytest.mark.parametrize("afschrift", ["", "AFS-1\x1e148\x1e2026-05-27\x1e100000"])
def test_sleutel_verschilt_als_alleen_het_bedrag_verschilt(afschrift):
    een = tx(**GEDEELD)
    ander = dataclasses.replace(een, bedrag=een.bedrag + 1)
    assert sleutel_voor(GEMEENTE_IBAN, een, 0, afschrift) != sleutel_voor(
        GEMEENTE_IBAN, ander, 0, afschrift
    )
    assert sleutel_voor(GEMEENTE_IBAN, een, 0, afschrift) == sleutel_voor(
        GEMEENTE_IBAN, dataclasses.replace(een), 0, afschrift
    )


@pytest.mark.django_db
def test_regel_met_een_ander_bedrag_op_een_volgend_afschrift_is_een_nieuwe_transactie():
    GemeenteRekeningFabriek()
    eerste = camt(tx(**GEDEELD), eindsaldo=100000 + 72500)
    assert importeer(eerste).nieuw == 1
    # the next day's statement carries a booking of 28-05 that differs only in amount
    tweede = camt(
        tx(bedrag=7250, **GEDEELD),
        beginsaldo=100000 + 72500,
        eindsaldo=100000 + 72500 + 7250,
        afschrift_id="AFS-2026-05-29",
        datum=dt.date(2026, 5, 29),
    )
    r = importeer(tweede)
    assert r.gelukt and (r.nieuw, r.dubbel) == (1, 0), r
    assert sorted(Banktransactie.objects.values_list("bedrag", flat=True)) == [7250, 72500]
    # delivered again, both files are recognised line by line
    assert (importeer(eerste).dubbel, importeer(tweede).dubbel) == (1, 1)
    assert Banktransactie.objects.count() == 2


@pytest.mark.django_db
def test_twee_regels_die_alleen_in_bedrag_verschillen_in_een_bestand():
    GemeenteRekeningFabriek()
    inhoud = camt(tx(**GEDEELD), tx(bedrag=7250, **GEDEELD), eindsaldo=100000 + 72500 + 7250)
    assert importeer(inhoud).nieuw == 2
    assert importeer(inhoud).dubbel == 2
    assert Banktransactie.objects.count() == 2
