"""Rows of the role matrix (accounts/tests/test_rolmatrix.py) for the ledger: only the
teamleider closes the ledger through a date; everyone else gets 403 and changes
nothing."""

from __future__ import annotations

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.accounts.tests.rolmatrix import Schrijfactie

SCHRIJFACTIES = [
    Schrijfactie(
        "boekhouding:boekperiode_wijzigen",
        frozenset({Rol.TEAMLEIDER}),
        data=lambda kw: {"tot_en_met": "2026-05-31", "toelichting": "mei"},
    ),
]
