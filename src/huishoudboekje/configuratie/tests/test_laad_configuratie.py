"""`hhb laad-configuratie FILE`: the shipped demo file, idempotence, and a bad file."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from huishoudboekje.audit.models import AuditRegel
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.configuratie.models import Gemeente, GemeenteRekening
from huishoudboekje.configuratie.selectors import gemeente

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[4] / "config" / "demo-gemeente.yaml"


def _staat():
    return (
        list(Gemeente.objects.values()),
        list(GemeenteRekening.objects.values()),
        AuditRegel.objects.count(),
    )


def test_demobestand_laden(capsys):
    assert DEMO.exists()
    call_command("laad-configuratie", str(DEMO))
    g = gemeente()
    assert g.naam == "Gemeente Voorbeeldstad"
    assert g.standaard_buffergrens == 150000
    assert g.leefgeld_standaard_bedrag == 7500
    rekening = GemeenteRekening.objects.get()
    assert (rekening.iban, rekening.bic) == ("NL62BNGH0285128701", "BNGHNL2G")
    assert Rubriek.objects.filter(naam="Huur").exists()
    assert "1 rekening(en)" in capsys.readouterr().out
    # each change is attributed to the system
    assert set(AuditRegel.objects.values_list("medewerker_naam", flat=True)) == {"systeem"}


def test_tweemaal_laden_geeft_geen_dubbele_rekening():
    call_command("laad-configuratie", str(DEMO))
    call_command("laad-configuratie", str(DEMO))
    assert GemeenteRekening.objects.count() == 1
    assert Gemeente.objects.count() == 1


def test_fout_iban_wijzigt_niets(tmp_path):
    call_command("laad-configuratie", str(DEMO))
    voor = _staat()
    bestand = tmp_path / "fout.yaml"
    bestand.write_text(
        "gemeente:\n  naam: Gemeente Foutstad\n  standaard_buffergrens: 99900\n"
        "rekeningen:\n"
        "  - {iban: NL91ABNA0417164300, rekeninghouder: Goed}\n"
        "  - {iban: NL91ABNA0417164301, rekeninghouder: Fout}\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as fout:
        call_command("laad-configuratie", str(bestand))
    assert "er is niets gewijzigd" in str(fout.value)
    assert "Rekening 2 (NL91ABNA0417164301)" in str(fout.value)
    assert "controlegetal" in str(fout.value)
    assert _staat() == voor
    assert gemeente().naam == "Gemeente Voorbeeldstad"


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        ("gemeente:\n  onbekend_veld: 1\n", "Onbekende instelling(en): onbekend_veld"),
        ("gemeente:\n  alarm_marge_dagen: veel\n", "alarm_marge_dagen"),
        ("rekeningen:\n  - {iban: NL91ABNA0417164300}\n", "rekeninghouder ontbreekt"),
        ("- alleen\n- een lijst\n", "YAML-mapping"),
        ("gemeente: [\n", "geen geldige YAML"),
    ],
)
def test_slecht_bestand_geeft_duidelijke_melding(tmp_path, inhoud, melding):
    gemeente()
    voor = _staat()
    bestand = tmp_path / "slecht.yaml"
    bestand.write_text(inhoud, encoding="utf-8")
    with pytest.raises(CommandError) as fout:
        call_command("laad-configuratie", str(bestand))
    assert melding in str(fout.value)
    assert _staat() == voor


def test_bestand_bestaat_niet(tmp_path):
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        call_command("laad-configuratie", str(tmp_path / "bestaat-niet.yaml"))


def test_zonder_saldi_uit_het_bestand(tmp_path):
    """The demo file states the setting explicitly (false); true is loaded and audited."""
    call_command("laad-configuratie", str(DEMO))
    assert GemeenteRekening.objects.get().zonder_saldi is False
    bestand = tmp_path / "zonder.yaml"
    bestand.write_text(
        "rekeningen:\n"
        "  - {iban: NL62BNGH0285128701, rekeninghouder: Gemeente, zonder_saldi: true}\n",
        encoding="utf-8",
    )
    call_command("laad-configuratie", str(bestand))
    assert GemeenteRekening.objects.get().zonder_saldi is True
    regel = AuditRegel.objects.filter(object_type="gemeenterekening").latest("pk")
    assert ("zonder_saldi", False, True) in regel.wijzigingen()


def test_zonder_saldi_moet_waar_of_onwaar_zijn(tmp_path):
    gemeente()
    voor = _staat()
    bestand = tmp_path / "fout.yaml"
    bestand.write_text(
        "rekeningen:\n"
        "  - {iban: NL62BNGH0285128701, rekeninghouder: Gemeente, zonder_saldi: misschien}\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as fout:
        call_command("laad-configuratie", str(bestand))
    assert "Rekening 1 (NL62BNGH0285128701): zonder_saldi moet true of false zijn." in str(
        fout.value
    )
    assert _staat() == voor
