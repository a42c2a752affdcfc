"""Bookings made before runs were recorded get one: an automatic booking made while its
file was imported (its time is not after the file's) belongs to that import; the rest
to one run "van voor de afletterruns". Manual bookings get the name of who booked."""

from django.db import migrations


def runs_vullen(apps, schema_editor):
    Journaalpost = apps.get_model("boekhouding", "Journaalpost")
    Afletterrun = apps.get_model("boekhouding", "Afletterrun")
    Importbestand = apps.get_model("bankafschriften", "Importbestand")
    Medewerker = apps.get_model("accounts", "Medewerker")
    for medewerker in Medewerker.objects.filter(
        pk__in=Journaalpost.objects.filter(geboekt_door__isnull=False).values("geboekt_door_id")
    ):
        Journaalpost.objects.filter(geboekt_door_id=medewerker.pk).update(
            geboekt_door_naam=medewerker.username
        )
    zonder = Journaalpost.objects.filter(automatisch=True, afletterrun__isnull=True)
    if not zonder.exists():
        return
    bestanden = Importbestand.objects.filter(
        pk__in=zonder.values("transactie__afschrift__importbestand_id")
    )
    for bestand in bestanden:
        posten = zonder.filter(
            transactie__afschrift__importbestand_id=bestand.pk, tijdstip__lte=bestand.tijdstip
        )
        ids = list(posten.values_list("pk", flat=True))
        if not ids:
            continue
        run = Afletterrun.objects.create(
            soort="import",
            importbestand=bestand,
            gestart_door_id=bestand.geimporteerd_door_id,
            gestart_door_naam=bestand.geimporteerd_door_naam,
            gestart=bestand.tijdstip,
            klaar=bestand.tijdstip,
            bekeken=bestand.aantal_nieuw,
            geboekt=len(ids),
        )
        for i in range(0, len(ids), 900):
            Journaalpost.objects.filter(pk__in=ids[i : i + 900]).update(afletterrun=run)
    rest = list(zonder.values_list("pk", flat=True))
    if rest:
        eerste = zonder.order_by("tijdstip").values_list("tijdstip", flat=True).first()
        run = Afletterrun.objects.create(
            soort="alle_open",
            gestart_door_naam="onbekend (van voor de afletterruns)",
            gestart=eerste,
            klaar=eerste,
            geboekt=len(rest),
        )
        for i in range(0, len(rest), 900):
            Journaalpost.objects.filter(pk__in=rest[i : i + 900]).update(afletterrun=run)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("boekhouding", "0004_afletterrun_tegenboeking_periodeafsluiting"),
    ]

    operations = [migrations.RunPython(runs_vullen, migrations.RunPython.noop)]
