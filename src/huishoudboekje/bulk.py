"""Fast bulk inserts for large imports (demo data, bank statements).

`invoegen` writes rows with ids reserved up front (`nieuwe_ids`): PostgreSQL gets COPY,
SQLite one prepared INSERT run by executemany. Both skip the ORM's per-object work,
which dominated the time of bulk_create for hundreds of thousands of rows. Database
constraints still apply to every row.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.db import connection, models


def nieuwe_ids(model: type[models.Model], aantal: int) -> list[int]:
    """Reserve `aantal` primary keys: from the sequence on PostgreSQL, above the highest
    id ever used on SQLite (its AUTOINCREMENT counter), inside our write transaction."""
    tabel, kolom = model._meta.db_table, model._meta.pk.column
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [qn(tabel), kolom, aantal],
            )
            return sorted(r[0] for r in cursor.fetchall())
        cursor.execute(f"SELECT COALESCE(MAX({qn(kolom)}), 0) FROM {qn(tabel)}")  # noqa: S608
        hoogste = cursor.fetchone()[0]
        if connection.vendor == "sqlite":
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [tabel])
            rij = cursor.fetchone()
            hoogste = max(hoogste, rij[0] if rij else 0)
    return list(range(hoogste + 1, hoogste + 1 + aantal))


def invoegen(
    model: type[models.Model], rijen: list[dict[str, Any]], *, ids: list[int] | None = None
) -> list[int]:
    """Insert rows (field attname -> value) with reserved ids (`ids`, from `nieuwe_ids`,
    or reserved here); returns the ids in row order.

    PostgreSQL gets COPY, SQLite one prepared INSERT run by executemany. Both skip the
    ORM's per-object work, which made bulk_create take most of the time for 100,000
    agreements (and Django limits SQLite to 999 parameters per statement). Values are
    adapted as the ORM would for the field types used here; missing fields get their
    default."""
    if not rijen:
        return []
    if ids is None:
        ids = nieuwe_ids(model, len(rijen))
    velden = [f for f in model._meta.concrete_fields if not f.primary_key]
    postgres = connection.vendor == "postgresql"
    datum = connection.ops.adapt_datefield_value

    def omzetter(veld: models.Field[Any, Any]) -> Callable[[Any], Any] | None:
        if isinstance(veld, models.JSONField):
            return json.dumps
        if isinstance(veld, models.DateTimeField) and not postgres:
            return lambda w: connection.ops.adapt_datetimefield_value(w)
        if isinstance(veld, models.DateField) and not postgres:
            return datum
        return None

    opbouw = [(f.attname, f.get_default(), omzetter(f)) for f in velden]

    def waarden(pk: int, rij: dict[str, Any]) -> list[Any]:
        uit: list[Any] = [pk]
        for naam, standaard, omzetten in opbouw:
            waarde = rij.get(naam, standaard)
            uit.append(omzetten(waarde) if omzetten is not None else waarde)
        return uit

    qn = connection.ops.quote_name
    tabel = qn(model._meta.db_table)
    kolommen = ", ".join(qn(c) for c in [model._meta.pk.column, *(f.column for f in velden)])
    if postgres:
        with (
            connection.wrap_database_errors,  # psycopg errors as Django's IntegrityError etc.
            connection.connection.cursor() as cursor,
            cursor.copy(f"COPY {tabel} ({kolommen}) FROM STDIN") as copy,
        ):
            for pk, rij in zip(ids, rijen, strict=True):
                copy.write_row(waarden(pk, rij))
    else:
        plaatsen = ", ".join(["%s"] * (len(velden) + 1))
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {tabel} ({kolommen}) VALUES ({plaatsen})",  # noqa: S608 (names from model metadata)
                [waarden(pk, rij) for pk, rij in zip(ids, rijen, strict=True)],
            )
    return ids
