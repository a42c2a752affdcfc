"""The ledger's invariants in the database, on PostgreSQL and on SQLite:

- `Banktransactie.geboekt` is the sum of its bookings: a trigger adds every booking
  inserted; a direct write that breaks it is refused (SQLite: at once; PostgreSQL: at
  commit, by DEFERRABLE INITIALLY DEFERRED constraint triggers, so the import may write
  its bookings before the transactions they book). Every booking that is no reversal
  has the transaction's sign.
- A booking is append-only: its amount, date, transaction, agreement, participant,
  rubriek and what it reverses never change.
- A reversal (`tegenboeking_van`) is the exact opposite of one ordinary booking of the
  same transaction, dated no earlier.
- No booking is dated in the closed period (`Periodeafsluiting`), and the closed period
  only moves forward.

Deleting is not refused and not added up: `hhb demo-data --leegmaken` and the test
database empty whole tables (their intermediate sums would break the transactions'
check constraint); the application itself never deletes a booking. On PostgreSQL a
booking deleted while its transaction stays is refused at commit; on SQLite only
`hhb controleer-boekhouding` finds it.
"""

from django.db import migrations, models

POSTGRES = r"""
CREATE FUNCTION hhb_journaalpost_voor_invoegen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    afgesloten date;
    origineel boekhouding_journaalpost%ROWTYPE;
BEGIN
    SELECT max(tot_en_met) INTO afgesloten FROM boekhouding_periodeafsluiting;
    IF afgesloten IS NOT NULL AND NEW.datum <= afgesloten THEN
        RAISE EXCEPTION 'journaalpost op % valt in de afgesloten periode (tot en met %)',
            NEW.datum, afgesloten USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.tegenboeking_van_id IS NOT NULL THEN
        SELECT * INTO origineel FROM boekhouding_journaalpost WHERE id = NEW.tegenboeking_van_id;
        IF NOT FOUND OR origineel.tegenboeking_van_id IS NOT NULL
            OR NEW.bedrag <> -origineel.bedrag
            OR NEW.transactie_id <> origineel.transactie_id
            OR NEW.rubriek_id <> origineel.rubriek_id
            OR NEW.afspraak_id IS DISTINCT FROM origineel.afspraak_id
            OR NEW.burger_id IS DISTINCT FROM origineel.burger_id
            OR NEW.datum < origineel.datum THEN
            RAISE EXCEPTION 'een tegenboeking keert precies een gewone boeking om'
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER hhb_journaalpost_voor_invoegen BEFORE INSERT ON boekhouding_journaalpost
    FOR EACH ROW EXECUTE FUNCTION hhb_journaalpost_voor_invoegen();

CREATE FUNCTION hhb_journaalpost_geboekt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE bankafschriften_banktransactie SET geboekt = geboekt + NEW.bedrag
        WHERE id = NEW.transactie_id;
    RETURN NULL;
END $$;
CREATE TRIGGER hhb_journaalpost_geboekt AFTER INSERT ON boekhouding_journaalpost
    FOR EACH ROW EXECUTE FUNCTION hhb_journaalpost_geboekt();

CREATE FUNCTION hhb_journaalpost_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'een journaalpost wordt niet gewijzigd; maak een tegenboeking'
        USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER hhb_journaalpost_onveranderlijk
    BEFORE UPDATE OF bedrag, datum, transactie_id, afspraak_id, burger_id, rubriek_id,
        tegenboeking_van_id ON boekhouding_journaalpost
    FOR EACH ROW WHEN (
        OLD.bedrag IS DISTINCT FROM NEW.bedrag OR OLD.datum IS DISTINCT FROM NEW.datum
        OR OLD.transactie_id IS DISTINCT FROM NEW.transactie_id
        OR OLD.afspraak_id IS DISTINCT FROM NEW.afspraak_id
        OR OLD.burger_id IS DISTINCT FROM NEW.burger_id
        OR OLD.rubriek_id IS DISTINCT FROM NEW.rubriek_id
        OR OLD.tegenboeking_van_id IS DISTINCT FROM NEW.tegenboeking_van_id)
    EXECUTE FUNCTION hhb_journaalpost_onveranderlijk();

CREATE FUNCTION hhb_grootboek_controle() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tid bigint;
    t_bedrag bigint;
    t_geboekt bigint;
    som bigint;
    verkeerd boolean;
BEGIN
    IF TG_TABLE_NAME = 'bankafschriften_banktransactie' THEN
        tid := NEW.id;
    ELSIF TG_OP = 'DELETE' THEN
        tid := OLD.transactie_id;
    ELSE
        tid := NEW.transactie_id;
    END IF;
    SELECT bedrag, geboekt INTO t_bedrag, t_geboekt
        FROM bankafschriften_banktransactie WHERE id = tid;
    IF NOT FOUND THEN
        RETURN NULL;  -- deleted too; the foreign key refuses bookings of a missing one
    END IF;
    SELECT COALESCE(sum(bedrag), 0),
           COALESCE(bool_or(tegenboeking_van_id IS NULL AND sign(bedrag) <> sign(t_bedrag)),
                    false)
        INTO som, verkeerd FROM boekhouding_journaalpost WHERE transactie_id = tid;
    IF som <> t_geboekt OR verkeerd THEN
        RAISE EXCEPTION 'banktransactie %: geboekt % is niet de som % van haar journaalposten '
            '(elk met het teken van de transactie)', tid, t_geboekt, som
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER hhb_grootboek_journaalpost
    AFTER INSERT OR UPDATE OR DELETE ON boekhouding_journaalpost
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hhb_grootboek_controle();
CREATE CONSTRAINT TRIGGER hhb_grootboek_banktransactie_nieuw
    AFTER INSERT ON bankafschriften_banktransactie
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.geboekt <> 0)
    EXECUTE FUNCTION hhb_grootboek_controle();
CREATE CONSTRAINT TRIGGER hhb_grootboek_banktransactie
    AFTER UPDATE OF geboekt, bedrag ON bankafschriften_banktransactie
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hhb_grootboek_controle();

CREATE FUNCTION hhb_periodeafsluiting_vooruit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    afgesloten date;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'een periodeafsluiting wordt niet gewijzigd'
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT max(tot_en_met) INTO afgesloten FROM boekhouding_periodeafsluiting;
    IF afgesloten IS NOT NULL AND NEW.tot_en_met <= afgesloten THEN
        RAISE EXCEPTION 'de afgesloten periode gaat alleen vooruit (nu tot en met %)', afgesloten
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER hhb_periodeafsluiting_vooruit
    BEFORE INSERT OR UPDATE OF tot_en_met ON boekhouding_periodeafsluiting
    FOR EACH ROW EXECUTE FUNCTION hhb_periodeafsluiting_vooruit();
"""

POSTGRES_TERUG = """
DROP TRIGGER hhb_periodeafsluiting_vooruit ON boekhouding_periodeafsluiting;
DROP FUNCTION hhb_periodeafsluiting_vooruit();
DROP TRIGGER hhb_grootboek_banktransactie ON bankafschriften_banktransactie;
DROP TRIGGER hhb_grootboek_banktransactie_nieuw ON bankafschriften_banktransactie;
DROP TRIGGER hhb_grootboek_journaalpost ON boekhouding_journaalpost;
DROP FUNCTION hhb_grootboek_controle();
DROP TRIGGER hhb_journaalpost_onveranderlijk ON boekhouding_journaalpost;
DROP FUNCTION hhb_journaalpost_onveranderlijk();
DROP TRIGGER hhb_journaalpost_geboekt ON boekhouding_journaalpost;
DROP FUNCTION hhb_journaalpost_geboekt();
DROP TRIGGER hhb_journaalpost_voor_invoegen ON boekhouding_journaalpost;
DROP FUNCTION hhb_journaalpost_voor_invoegen();
"""

# SQLite has no deferred triggers: the booked amount is kept by the trigger on new
# bookings, and every other write of it must already equal the sum (checked at once).
_SOM = (
    "(SELECT COALESCE(SUM(bedrag), 0) FROM boekhouding_journaalpost "
    "WHERE transactie_id = NEW.id)"
)
# `+tegenboeking_van_id`: no index on that column for this (its unique index would make
# "IS NULL" walk every ordinary booking); the index on transactie_id finds the few rows.
_VERKEERD_TEKEN = (
    "EXISTS (SELECT 1 FROM boekhouding_journaalpost WHERE transactie_id = NEW.id "
    "AND +tegenboeking_van_id IS NULL AND (bedrag > 0) <> (NEW.bedrag > 0))"
)
_SOM_FOUT = "geboekt is niet de som van de journaalposten (elk met het teken van de transactie)"
SQLITE = [
    """CREATE TRIGGER hhb_journaalpost_afgesloten BEFORE INSERT ON boekhouding_journaalpost
    WHEN NEW.datum <= (SELECT MAX(tot_en_met) FROM boekhouding_periodeafsluiting)
    BEGIN SELECT RAISE(ABORT, 'journaalpost valt in de afgesloten periode'); END""",
    """CREATE TRIGGER hhb_journaalpost_tegenboeking BEFORE INSERT ON boekhouding_journaalpost
    WHEN NEW.tegenboeking_van_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM boekhouding_journaalpost o WHERE o.id = NEW.tegenboeking_van_id
        AND o.tegenboeking_van_id IS NULL AND o.bedrag = -NEW.bedrag
        AND o.transactie_id = NEW.transactie_id AND o.rubriek_id = NEW.rubriek_id
        AND o.afspraak_id IS NEW.afspraak_id AND o.burger_id IS NEW.burger_id
        AND NEW.datum >= o.datum)
    BEGIN SELECT RAISE(ABORT, 'een tegenboeking keert precies een gewone boeking om'); END""",
    """CREATE TRIGGER hhb_journaalpost_geboekt_erbij AFTER INSERT ON boekhouding_journaalpost
    BEGIN UPDATE bankafschriften_banktransactie SET geboekt = geboekt + NEW.bedrag
        WHERE id = NEW.transactie_id; END""",
    """CREATE TRIGGER hhb_journaalpost_onveranderlijk
    BEFORE UPDATE OF bedrag, datum, transactie_id, afspraak_id, burger_id, rubriek_id,
        tegenboeking_van_id ON boekhouding_journaalpost
    WHEN OLD.bedrag IS NOT NEW.bedrag OR OLD.datum IS NOT NEW.datum
        OR OLD.transactie_id IS NOT NEW.transactie_id OR OLD.afspraak_id IS NOT NEW.afspraak_id
        OR OLD.burger_id IS NOT NEW.burger_id OR OLD.rubriek_id IS NOT NEW.rubriek_id
        OR OLD.tegenboeking_van_id IS NOT NEW.tegenboeking_van_id
    BEGIN SELECT RAISE(ABORT, 'een journaalpost wordt niet gewijzigd; maak een tegenboeking');
    END""",
    f"""CREATE TRIGGER hhb_banktransactie_geboekt_nieuw
    BEFORE INSERT ON bankafschriften_banktransactie
    WHEN NEW.geboekt <> {_SOM} OR {_VERKEERD_TEKEN}
    BEGIN SELECT RAISE(ABORT, 'banktransactie: {_SOM_FOUT}'); END""",
    f"""CREATE TRIGGER hhb_banktransactie_geboekt
    BEFORE UPDATE OF geboekt, bedrag ON bankafschriften_banktransactie
    WHEN NEW.geboekt <> {_SOM} OR {_VERKEERD_TEKEN}
    BEGIN SELECT RAISE(ABORT, 'banktransactie: {_SOM_FOUT}'); END""",
    """CREATE TRIGGER hhb_periodeafsluiting_vooruit BEFORE INSERT ON boekhouding_periodeafsluiting
    WHEN NEW.tot_en_met <= (SELECT MAX(tot_en_met) FROM boekhouding_periodeafsluiting)
    BEGIN SELECT RAISE(ABORT, 'de afgesloten periode gaat alleen vooruit'); END""",
    """CREATE TRIGGER hhb_periodeafsluiting_onveranderlijk
    BEFORE UPDATE OF tot_en_met ON boekhouding_periodeafsluiting
    BEGIN SELECT RAISE(ABORT, 'een periodeafsluiting wordt niet gewijzigd'); END""",
]
SQLITE_TRIGGERS = [sql.split()[2] for sql in SQLITE]


def triggers_aanmaken(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            cursor.execute(POSTGRES)
        elif schema_editor.connection.vendor == "sqlite":
            for sql in SQLITE:
                cursor.execute(sql)


def triggers_verwijderen(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            cursor.execute(POSTGRES_TERUG)
        elif schema_editor.connection.vendor == "sqlite":
            for naam in reversed(SQLITE_TRIGGERS):
                cursor.execute(f"DROP TRIGGER {naam}")


class Migration(migrations.Migration):
    dependencies = [
        ("bankafschriften", "0006_afletter_uitkomst_keuzes"),
        ("boekhouding", "0005_afletterruns_van_eerdere_boekingen"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="journaalpost",
            constraint=models.CheckConstraint(
                condition=models.Q(automatisch=False)
                | models.Q(
                    afletterrun__isnull=False, buiten_afspraak=False, na_deelname=False
                ),
                name="journaalpost_automatisch_uit_een_run",
            ),
        ),
        migrations.RunPython(triggers_aanmaken, triggers_verwijderen),
    ]
