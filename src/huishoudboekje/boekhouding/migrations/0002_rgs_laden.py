"""Install the shipped RGS ledger accounts and default rubrieken (rgs.yaml)."""

from pathlib import Path

import yaml
from django.db import migrations

RGS = Path(__file__).resolve().parent.parent / "rgs.yaml"


def laden(apps, schema_editor):  # type: ignore[no-untyped-def]
    Grootboekrekening = apps.get_model("boekhouding", "Grootboekrekening")
    Rubriek = apps.get_model("boekhouding", "Rubriek")
    for item in yaml.safe_load(RGS.read_text(encoding="utf-8"))["grootboekrekeningen"]:
        rekening, _ = Grootboekrekening.objects.get_or_create(
            referentiecode=item["code"],
            defaults={
                "referentienummer": str(item["nummer"]),
                "omschrijving": item["omschrijving"],
                "soort": item["soort"],
            },
        )
        for naam in item.get("rubrieken", []):
            Rubriek.objects.get_or_create(naam=naam, defaults={"grootboekrekening": rekening})


class Migration(migrations.Migration):
    dependencies = [("boekhouding", "0001_initial")]
    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
