"""PostgreSQL statistics on `geboekt = bedrag` (fully booked), so the planner knows that
nearly every transaction is booked. Without them it takes the comparison of two columns
for 0.5% of the rows and reads the booked part of the transactions list (and its count)
by scanning and sorting the whole table instead of walking the (boekdatum, id) index
backwards: 700 ms instead of 2 ms at a million transactions. The list asks for
`(geboekt = bedrag) IS TRUE`, the form these expression statistics serve. SQLite keeps
no such statistics and needs none."""

from django.db import migrations

NAAM = "banktransactie_volledig_geboekt"
TABEL = "bankafschriften_banktransactie"


def aanmaken(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE STATISTICS IF NOT EXISTS {NAAM} ON ((geboekt = bedrag)) FROM {TABEL}"
        )
        schema_editor.execute(f"ANALYZE {TABEL}")


def verwijderen(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP STATISTICS IF EXISTS {NAAM}")


class Migration(migrations.Migration):
    dependencies = [("bankafschriften", "0006_afletter_uitkomst_keuzes")]

    operations = [migrations.RunPython(aanmaken, verwijderen)]
