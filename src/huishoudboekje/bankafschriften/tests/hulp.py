"""Test helpers: real statement files written by the project's own writers
(`core.bank.schrijven`), in every format, for the municipal account of the tests."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from huishoudboekje.core.bank.model import Afschriftkop, Transactie
from huishoudboekje.core.bank.schrijven import TeSchrijvenAfschrift, schrijf_camt053, schrijf_mt940
from huishoudboekje.fabrieken import GEMEENTE_IBAN

BESTANDEN = __import__("pathlib").Path(__file__).resolve().parents[2] / "core/bank/tests/bestanden"


def tx(**kw: Any) -> Transactie:
    basis: dict[str, Any] = dict(
        bedrag=72500,
        boekdatum=dt.date(2026, 5, 28),
        valutadatum=dt.date(2026, 5, 28),
        tegen_iban="NL91ABNA0417164300",
        tegen_naam="Woonstichting Het Baken",
        tegen_bic="ABNANL2A",
        omschrijving="Huur mei contract 12",
        betalingskenmerk="",
        end_to_end_id="E2E-1",
        mandaat_id="",
        incassant_id="",
        bankreferentie="REF-1",
        transactiecode="",
        bron="",
    )
    basis.update(kw)
    return Transactie(**basis)


def kop(
    *,
    beginsaldo: int = 100000,
    eindsaldo: int | None = None,
    iban: str = GEMEENTE_IBAN,
    afschrift_id: str = "AFS-2026-05-28",
    datum: dt.date = dt.date(2026, 5, 28),
) -> Afschriftkop:
    return Afschriftkop(
        formaat="camt.053.001.02",
        dialect="",
        rekening_iban=iban,
        valuta="EUR",
        afschrift_id=afschrift_id,
        volgnummer="148",
        aangemaakt=None,
        beginsaldo=beginsaldo,
        begindatum=datum - dt.timedelta(days=1),
        eindsaldo=eindsaldo,
        einddatum=datum,
    )


def camt(*transacties: Transactie, versie: str = "001.02", **kopgegevens: Any) -> bytes:
    uit = io.BytesIO()
    schrijf_camt053(
        uit, [TeSchrijvenAfschrift(kop(**kopgegevens), list(transacties))], versie=versie
    )  # type: ignore[arg-type]
    return uit.getvalue()


def mt940(*transacties: Transactie, dialect: str = "bng", **kopgegevens: Any) -> bytes:
    uit = io.BytesIO()
    schrijf_mt940(
        uit, [TeSchrijvenAfschrift(kop(**kopgegevens), list(transacties))], dialect=dialect
    )  # type: ignore[arg-type]
    return uit.getvalue()
