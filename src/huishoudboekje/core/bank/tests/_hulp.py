"""Shared helpers for the bank reader tests (not a test module itself)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path
from typing import Any

from huishoudboekje.core.bank.lezen import lees
from huishoudboekje.core.bank.model import Afschriftkop, Afschriftslot, Gebeurtenis, Transactie

BESTANDEN = Path(__file__).parent / "bestanden"


def d(tekst: str) -> dt.date:
    return dt.date.fromisoformat(tekst)


def lees_bestand(naam: str) -> list[Gebeurtenis]:
    with open(BESTANDEN / naam, "rb") as bestand:
        return list(lees(bestand))


def lees_bytes(data: bytes, **opties: Any) -> list[Gebeurtenis]:
    return list(lees(io.BytesIO(data), **opties))


def transactie(**velden: Any) -> Transactie:
    """A Transactie with "" / None for every field not given (bron always "")."""
    standaard: dict[str, Any] = {
        veld.name: "" for veld in dataclasses.fields(Transactie)
    }
    standaard["valutadatum"] = None
    standaard.update(velden)
    return Transactie(**standaard)


def zonder_bron(gebeurtenissen: list[Gebeurtenis]) -> list[Gebeurtenis]:
    return [
        dataclasses.replace(g, bron="") if isinstance(g, Transactie) else g
        for g in gebeurtenissen
    ]


def soorten(gebeurtenissen: list[Gebeurtenis]) -> str:
    """"K T T S" etc.: the shape of a stream of events."""
    letters = {Afschriftkop: "K", Transactie: "T", Afschriftslot: "S"}
    return " ".join(letters[type(g)] for g in gebeurtenissen)


def klopt_saldo(gebeurtenissen: list[Gebeurtenis]) -> bool:
    """Opening balance + transactions = closing balance, per statement."""
    saldo: int | None = None
    for g in gebeurtenissen:
        if isinstance(g, Afschriftkop):
            saldo = g.beginsaldo
        elif isinstance(g, Transactie) and saldo is not None:
            saldo += g.bedrag
        elif isinstance(g, Afschriftslot) and saldo != g.eindsaldo:
            return False
    return True
