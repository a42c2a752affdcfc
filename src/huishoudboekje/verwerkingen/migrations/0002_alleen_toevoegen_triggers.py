"""Append-only in the database: triggers refuse UPDATE and DELETE on the read log, for
every client (also raw SQL), on SQLite and on PostgreSQL (see ../triggers.py)."""

from typing import Any

from django.db import migrations

from huishoudboekje.verwerkingen import triggers


class RunSQLVoor(migrations.RunSQL):
    """RunSQL that only runs on one database vendor ("sqlite", "postgresql")."""

    def __init__(self, vendor: str, *args: Any, **kwargs: Any) -> None:
        self.vendor = vendor
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        naam, args, kwargs = super().deconstruct()
        return naam, [self.vendor, *args], kwargs

    def database_forwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, *args)

    def database_backwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, *args)


class Migration(migrations.Migration):
    dependencies = [("verwerkingen", "0001_verwerking")]

    operations = [
        RunSQLVoor("sqlite", triggers.SQLITE_AAN, triggers.SQLITE_UIT),
        RunSQLVoor("postgresql", triggers.POSTGRESQL_AAN, triggers.POSTGRESQL_UIT),
    ]
