"""Services for participants: numbers, validation, accounts, deletion and audit lines."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from huishoudboekje.audit.models import AuditActie, AuditRegel
from huishoudboekje.burgers import services
from huishoudboekje.burgers.models import Burger, Deelname, Huishouden
from huishoudboekje.fabrieken import (
    AfspraakFabriek,
    BurgerFabriek,
    DeelnameFabriek,
    RekeningFabriek,
)
from huishoudboekje.rekeningen.models import Rekening

from .hulp import BSN, BSN_2, IBAN, IBAN_2, persoon

pytestmark = pytest.mark.django_db


def _fout(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return exc.value.message_dict


def _niets_aangemaakt() -> None:
    assert not Burger.objects.exists()
    assert not Deelname.objects.exists()
    assert not Rekening.objects.exists()
    assert not Huishouden.objects.exists()
    assert not AuditRegel.objects.exists()


# --- HHB-number ----------------------------------------------------------------------


def test_hhb_nummers_lopen_op_vanaf_1(frontoffice):
    eerste = services.burger_aanmaken(door=frontoffice, gegevens=persoon())
    tweede = services.burger_aanmaken(door=frontoffice, gegevens=persoon(bsn=BSN_2))
    assert (eerste.hhb_nummer, tweede.hhb_nummer) == ("HHB000001", "HHB000002")


def test_hhb_nummer_is_hoogste_plus_een_en_vult_geen_gaten(frontoffice):
    BurgerFabriek(hhb_nummer="HHB000041")
    BurgerFabriek(hhb_nummer="HHB000007")
    BurgerFabriek(hhb_nummer="X-IMPORT-9")  # another format is ignored
    burger = services.burger_aanmaken(door=frontoffice, gegevens=persoon())
    assert burger.hhb_nummer == "HHB000042"


def test_hhb_nummer_niet_te_wijzigen(frontoffice):
    burger = services.burger_aanmaken(door=frontoffice, gegevens=persoon())
    services.burger_wijzigen(
        door=frontoffice, burger=burger, gegevens=persoon(hhb_nummer="HHB999999")
    )
    burger.refresh_from_db()
    assert burger.hhb_nummer == "HHB000001"


# --- validation ----------------------------------------------------------------------


def test_dubbel_bsn_geweigerd_met_nederlandse_melding(frontoffice):
    BurgerFabriek(bsn=BSN)
    with pytest.raises(ValidationError) as exc:
        services.burger_aanmaken(door=frontoffice, gegevens=persoon(), deelname={})
    assert _fout(exc) == {"bsn": ["Er is al een deelnemer met dit BSN."]}
    assert Burger.objects.count() == 1
    assert not Deelname.objects.exists()


def test_dubbel_bsn_bij_wijzigen_geweigerd(frontoffice):
    ander = BurgerFabriek(bsn=BSN_2)
    burger = BurgerFabriek(bsn=BSN)
    with pytest.raises(ValidationError) as exc:
        services.burger_wijzigen(door=frontoffice, burger=burger, gegevens=persoon(bsn=ander.bsn))
    assert _fout(exc)["bsn"] == ["Er is al een deelnemer met dit BSN."]
    burger.refresh_from_db()
    assert burger.bsn == BSN


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("bsn", "111222334", "elfproef"),
        ("bsn", "12345", "9 cijfers"),
        ("postcode", "0123 AB", "1234 AB"),
        ("geboortedatum", dt.date.today() + dt.timedelta(days=1), "toekomst"),
        ("achternaam", "", "achternaam"),
        ("email", "geen-adres", "e-mailadres"),
    ],
)
def test_ongeldige_invoer_geeft_veldfout_en_maakt_niets(frontoffice, veld, waarde, melding):
    with pytest.raises(ValidationError) as exc:
        services.burger_aanmaken(
            door=frontoffice,
            gegevens=persoon(**{veld: waarde}, huishouden=services.NIEUW_HUISHOUDEN),
            deelname={},
            rekeningen=[{"iban": IBAN, "rekeninghouder": "J. de Vries"}],
        )
    fouten = _fout(exc)
    assert list(fouten) == [veld]
    assert melding in fouten[veld][0].lower() or melding in fouten[veld][0]
    _niets_aangemaakt()


def test_ongeldig_iban_geeft_veldfout_en_maakt_niets(frontoffice):
    with pytest.raises(ValidationError) as exc:
        services.burger_aanmaken(
            door=frontoffice,
            gegevens=persoon(),
            deelname={},
            rekeningen=[{"iban": "NL91ABNA0417164301", "rekeninghouder": "J. de Vries"}],
        )
    assert _fout(exc) == {"iban": ["Dit IBAN klopt niet: het controlegetal is onjuist."]}
    _niets_aangemaakt()


def test_bsn_en_postcode_worden_genormaliseerd(frontoffice):
    burger = services.burger_aanmaken(
        door=frontoffice, gegevens=persoon(bsn="111.222.333", postcode="3511ab")
    )
    assert (burger.bsn, burger.postcode) == (BSN, "3511 AB")


# --- accounts --------------------------------------------------------------------------


def test_nieuwe_rekening_krijgt_bic_en_audit(frontoffice):
    burger = services.burger_aanmaken(
        door=frontoffice,
        gegevens=persoon(),
        rekeningen=[{"iban": "nl91 abna 0417 1643 00", "rekeninghouder": ""}],
    )
    rekening = burger.rekeningen.get()
    assert (rekening.iban, rekening.bic, rekening.rekeninghouder) == (
        IBAN,
        "ABNANL2A",
        "Jan de Vries",
    )
    assert AuditRegel.objects.filter(
        object_type="rekening", actie=AuditActie.AANGEMAAKT, burger_id=burger.pk
    ).exists()


def test_gedeeld_iban_hergebruikt_bestaande_rekening(frontoffice):
    bestaand = RekeningFabriek(iban=IBAN, rekeninghouder="Fam. De Vries")
    partner = BurgerFabriek()
    partner.rekeningen.add(bestaand)
    burger = services.burger_aanmaken(
        door=frontoffice,
        gegevens=persoon(),
        rekeningen=[{"iban": "NL91 ABNA 0417 1643 00", "rekeninghouder": "Ander"}],
    )
    assert list(burger.rekeningen.all()) == [bestaand]
    assert Rekening.objects.count() == 1
    bestaand.refresh_from_db()
    assert bestaand.rekeninghouder == "Fam. De Vries"
    assert set(bestaand.burgers.all()) == {partner, burger}


def test_rekening_koppelen_en_ontkoppelen_met_audit(frontoffice):
    burger = BurgerFabriek()
    rekening = services.burger_rekening_koppelen(
        door=frontoffice, burger=burger, iban=IBAN_2, rekeninghouder="J"
    )
    regel = AuditRegel.objects.filter(object_type="burger", actie=AuditActie.GEWIJZIGD).latest("id")
    assert (regel.voor["rekeningen"], regel.na["rekeningen"]) == ([], [rekening.pk])
    with pytest.raises(ValidationError, match="al gekoppeld"):
        services.burger_rekening_koppelen(door=frontoffice, burger=burger, iban=IBAN_2)
    services.burger_rekening_ontkoppelen(door=frontoffice, burger=burger, rekening=rekening)
    assert not burger.rekeningen.exists()
    assert Rekening.objects.filter(pk=rekening.pk).exists()  # the account itself stays


def test_rekening_in_gebruik_bij_afspraak_niet_te_ontkoppelen(frontoffice):
    afspraak = AfspraakFabriek(
        afdeling=None, tegenrekening=RekeningFabriek(), omschrijving="Leefgeld"
    )
    burger = afspraak.burger
    burger.rekeningen.add(afspraak.tegenrekening)
    with pytest.raises(ValidationError, match="'Leefgeld'"):
        services.burger_rekening_ontkoppelen(
            door=frontoffice, burger=burger, rekening=afspraak.tegenrekening
        )
    assert burger.rekeningen.filter(pk=afspraak.tegenrekening_id).exists()


# --- deletion --------------------------------------------------------------------------


def test_verwijderen_zonder_gebruik_met_auditregel(frontoffice):
    burger = BurgerFabriek()
    burger.rekeningen.add(RekeningFabriek())
    pk = burger.pk
    services.burger_verwijderen(door=frontoffice, burger=burger)
    assert not Burger.objects.filter(pk=pk).exists()
    regel = AuditRegel.objects.get(actie=AuditActie.VERWIJDERD)
    assert (regel.burger_id, regel.object_type, regel.voor["bsn"], regel.na) == (
        pk,
        "burger",
        burger.bsn,
        None,
    )


def test_verwijderen_geweigerd_met_deelname(frontoffice):
    burger = DeelnameFabriek().burger
    with pytest.raises(ValidationError, match="deelname"):
        services.burger_verwijderen(door=frontoffice, burger=burger)
    assert Burger.objects.filter(pk=burger.pk).exists()
    assert not AuditRegel.objects.exists()


def test_verwijderen_geweigerd_met_afspraken(frontoffice):
    burger = AfspraakFabriek().burger
    with pytest.raises(ValidationError, match="afspraken"):
        services.burger_verwijderen(door=frontoffice, burger=burger)
    assert Burger.objects.filter(pk=burger.pk).exists()


# --- audit -----------------------------------------------------------------------------


def test_aanmaken_schrijft_auditregels_voor_alles(frontoffice):
    burger = services.burger_aanmaken(
        door=frontoffice,
        gegevens=persoon(huishouden=services.NIEUW_HUISHOUDEN),
        deelname={"variant": "afbouw"},
        rekeningen=[{"iban": IBAN, "rekeninghouder": "J. de Vries"}],
    )
    soorten = set(AuditRegel.objects.values_list("object_type", "actie"))
    assert soorten == {
        ("burger", "aangemaakt"),
        ("deelname", "aangemaakt"),
        ("rekening", "aangemaakt"),
        ("huishouden", "aangemaakt"),
    }
    regel = AuditRegel.objects.get(object_type="burger")
    assert regel.medewerker == frontoffice
    assert regel.burger_id == burger.pk
    assert regel.voor is None and regel.na["hhb_nummer"] == "HHB000001"
    assert burger.huishouden.naam == "Huishouden de Vries"


def test_wijzigen_schrijft_voor_en_na(frontoffice):
    burger = services.burger_aanmaken(door=frontoffice, gegevens=persoon())
    services.burger_wijzigen(
        door=frontoffice, burger=burger, gegevens=persoon(straat="Lange Nieuwstraat")
    )
    regel = AuditRegel.objects.get(actie=AuditActie.GEWIJZIGD)
    assert (regel.voor["straat"], regel.na["straat"]) == ("Oudegracht", "Lange Nieuwstraat")
    assert regel.burger_id == burger.pk
    assert [w[0] for w in regel.wijzigingen()] == ["straat"]
