"""Database triggers that keep the read log append-only for every client, not only this
application: UPDATE and DELETE on the table are refused with an integrity error.

Used by migration 0002. Never change these statements in place: a change is a new
migration. PostgreSQL's row triggers do not fire on TRUNCATE (Django's `flush`, used by
the test suite); on SQLite `flush` deletes rows, so the `flush` command of this app
lifts the DELETE trigger for the duration of a full wipe of the database
(management/commands/flush.py).
"""

TABEL = "verwerkingen_verwerking"

SQLITE_AAN = [
    f"CREATE TRIGGER {TABEL}_geen_update BEFORE UPDATE ON {TABEL} "
    "BEGIN SELECT RAISE(ABORT, 'verwerkingenlog: alleen toevoegen, UPDATE geweigerd'); END",
    f"CREATE TRIGGER {TABEL}_geen_delete BEFORE DELETE ON {TABEL} "
    "BEGIN SELECT RAISE(ABORT, 'verwerkingenlog: alleen toevoegen, DELETE geweigerd'); END",
]
SQLITE_UIT = [
    f"DROP TRIGGER IF EXISTS {TABEL}_geen_update",
    f"DROP TRIGGER IF EXISTS {TABEL}_geen_delete",
]
SQLITE_DELETE_AAN = SQLITE_AAN[1]
SQLITE_DELETE_UIT = SQLITE_UIT[1]

POSTGRESQL_AAN = [
    f"""CREATE OR REPLACE FUNCTION {TABEL}_alleen_toevoegen() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'verwerkingenlog: alleen toevoegen, % geweigerd', TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END $$""",
    f"CREATE TRIGGER {TABEL}_alleen_toevoegen BEFORE UPDATE OR DELETE ON {TABEL} "
    f"FOR EACH ROW EXECUTE FUNCTION {TABEL}_alleen_toevoegen()",
]
POSTGRESQL_UIT = [
    f"DROP TRIGGER IF EXISTS {TABEL}_alleen_toevoegen ON {TABEL}",
    f"DROP FUNCTION IF EXISTS {TABEL}_alleen_toevoegen()",
]
