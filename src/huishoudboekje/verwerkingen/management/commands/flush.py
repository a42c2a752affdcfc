"""Django's `flush` (empty every table), also when the read log refuses DELETE.

A full wipe of the database is not a change of the log but its end, like removing the
database file; the test suite does it after every transactional test. On SQLite the
flush deletes rows, which the append-only trigger refuses, so the trigger is lifted for
the wipe and put back in the same transaction. PostgreSQL empties tables with TRUNCATE,
which row triggers do not see.
"""

from __future__ import annotations

from typing import Any

from django.core.management.commands.flush import Command as DjangoFlush
from django.db import connections, transaction

from huishoudboekje.verwerkingen import triggers


class Command(DjangoFlush):
    def handle(self, **options: Any) -> None:
        verbinding = connections[options["database"]]
        if verbinding.vendor != "sqlite" or not _heeft_trigger(verbinding):
            super().handle(**options)
            return
        with transaction.atomic(using=verbinding.alias):
            with verbinding.cursor() as cursor:
                cursor.execute(triggers.SQLITE_DELETE_UIT)
            try:
                super().handle(**options)
            finally:
                with verbinding.cursor() as cursor:
                    cursor.execute(triggers.SQLITE_DELETE_AAN)


def _heeft_trigger(verbinding: Any) -> bool:
    with verbinding.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = %s",
            [f"{triggers.TABEL}_geen_delete"],
        )
        return cursor.fetchone() is not None
