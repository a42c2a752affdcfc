"""Test helper: write to the ledger as an administrator with raw SQL would, past the
database's guards, to prove that `hhb controleer-boekhouding` still finds what is wrong."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

_triggers = importlib.import_module("huishoudboekje.boekhouding.migrations.0006_grootboek_triggers")


@contextmanager
def zonder_grootboektriggers() -> Iterator[None]:
    """Inside a test's transaction, without the ledger's triggers: SQLite drops them,
    PostgreSQL disables them (both DDL in the test's transaction, so they are back when
    it rolls back; Django's constraint check at a test's end then has nothing queued)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for naam in _triggers.SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER {naam}")
        elif connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no events may be pending
            for tabel in ("bankafschriften_banktransactie", "boekhouding_journaalpost"):
                cursor.execute(f"ALTER TABLE {tabel} DISABLE TRIGGER USER")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    yield
