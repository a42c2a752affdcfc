"""Services for organisations and departments: validation, uniqueness, in-use rules,
shared accounts and the audit trail."""

import pytest
from django.core.exceptions import ValidationError

from huishoudboekje.audit.models import AuditActie, AuditRegel
from huishoudboekje.demogegevens.generatie import iban_uit_rekeningnummer
from huishoudboekje.fabrieken import (
    AfdelingFabriek,
    AfspraakFabriek,
    BurgerFabriek,
    OrganisatieFabriek,
    RekeningFabriek,
)
from huishoudboekje.organisaties import services
from huishoudboekje.organisaties import services_afdelingen as afd_services
from huishoudboekje.organisaties.models import Afdeling, Organisatie, Postadres
from huishoudboekje.rekeningen.models import Rekening
from huishoudboekje.rekeningen.selectors import afdelingen_met_rekening, rekening_zoeken_op_iban

pytestmark = pytest.mark.django_db

IBAN = "NL91ABNA0417164300"


def _kale_afdeling() -> Afdeling:
    """A department without accounts (the factory always adds one)."""
    afdeling = AfdelingFabriek()
    Rekening.objects.filter(afdelingen=afdeling).delete()
    return afdeling


def _fout(exc: pytest.ExceptionInfo[ValidationError], veld: str) -> str:
    return " ".join(exc.value.message_dict[veld])


def test_organisatie_aanmaken_normaliseert_en_registreert_audit(frontoffice):
    org = services.organisatie_aanmaken(
        door=frontoffice,
        gegevens={
            "naam": " Woonstichting Thuis ",
            "kvk_nummer": "3012 3456",
            "vestigingsnummer": "",
        },
    )
    org.refresh_from_db()
    assert (org.naam, org.kvk_nummer, org.vestigingsnummer) == (
        "Woonstichting Thuis",
        "30123456",
        "",
    )
    regel = AuditRegel.objects.get(object_type="organisatie", object_id=str(org.pk))
    assert regel.actie == AuditActie.AANGEMAAKT
    assert regel.medewerker == frontoffice
    assert regel.voor is None and regel.na["kvk_nummer"] == "30123456"
    assert regel.burger_id is None


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("kvk_nummer", "1234567", "precies 8 cijfers"),
        ("kvk_nummer", "1234567a", "precies 8 cijfers"),
        ("vestigingsnummer", "12345", "precies 12 cijfers"),
    ],
)
def test_ongeldig_kvk_of_vestigingsnummer_verandert_niets(frontoffice, veld, waarde, melding):
    gegevens = {"naam": "X", "kvk_nummer": "30123456", "vestigingsnummer": ""} | {veld: waarde}
    with pytest.raises(ValidationError) as exc:
        services.organisatie_aanmaken(door=frontoffice, gegevens=gegevens)
    assert melding in _fout(exc, veld)
    assert not Organisatie.objects.exists()
    assert not AuditRegel.objects.exists()


def test_dubbel_kvk_nummer_geweigerd_met_nederlandse_melding(frontoffice):
    OrganisatieFabriek(naam="UWV", kvk_nummer="34567890")
    with pytest.raises(ValidationError) as exc:
        services.organisatie_aanmaken(
            door=frontoffice, gegevens={"naam": "Ander", "kvk_nummer": "34567890"}
        )
    assert "Er bestaat al een organisatie met dit KvK-nummer" in _fout(exc, "kvk_nummer")
    assert "UWV" in _fout(exc, "kvk_nummer")
    assert Organisatie.objects.count() == 1
    # another branch of the same company is fine
    tweede = services.organisatie_aanmaken(
        door=frontoffice,
        gegevens={
            "naam": "UWV Utrecht",
            "kvk_nummer": "34567890",
            "vestigingsnummer": "000012345678",
        },
    )
    assert tweede.vestigingsnummer == "000012345678"


def test_wijzigen_naar_bestaand_kvk_geweigerd_en_wijziging_geaudit(frontoffice):
    OrganisatieFabriek(kvk_nummer="11111111")
    org = OrganisatieFabriek(naam="Oud", kvk_nummer="22222222")
    with pytest.raises(ValidationError):
        services.organisatie_wijzigen(
            door=frontoffice, organisatie=org, gegevens={"naam": "Nieuw", "kvk_nummer": "11111111"}
        )
    org.refresh_from_db()
    assert (org.naam, org.kvk_nummer) == ("Oud", "22222222")
    services.organisatie_wijzigen(
        door=frontoffice, organisatie=org, gegevens={"naam": "Nieuw", "kvk_nummer": "22222222"}
    )
    regel = AuditRegel.objects.get(object_type="organisatie", actie=AuditActie.GEWIJZIGD)
    assert regel.voor["naam"] == "Oud" and regel.na["naam"] == "Nieuw"
    assert regel.wijzigingen() == [("naam", "Oud", "Nieuw")]


def test_organisatie_met_afdeling_kan_niet_weg_zonder_wel(frontoffice):
    bezet = AfdelingFabriek().organisatie
    AfspraakFabriek(afdeling=bezet.afdelingen.get())
    with pytest.raises(ValidationError) as exc:
        services.organisatie_verwijderen(door=frontoffice, organisatie=bezet)
    assert "nog 1 afdeling" in exc.value.messages[0]
    assert "1 afspraak" in exc.value.messages[0]
    assert Organisatie.objects.filter(pk=bezet.pk).exists()

    vrij = OrganisatieFabriek()
    services.organisatie_verwijderen(door=frontoffice, organisatie=vrij)
    assert not Organisatie.objects.filter(pk=vrij.pk).exists()
    regel = AuditRegel.objects.get(actie=AuditActie.VERWIJDERD)
    assert regel.object_id == str(vrij.pk) and regel.voor["naam"] == vrij.naam and regel.na is None


def test_afdeling_in_gebruik_bij_afspraken_geweigerd(frontoffice):
    afdeling = AfdelingFabriek()
    for _ in range(3):
        AfspraakFabriek(afdeling=afdeling)
    with pytest.raises(ValidationError) as exc:
        services.afdeling_verwijderen(door=frontoffice, afdeling=afdeling)
    assert exc.value.messages == [
        "Deze afdeling wordt gebruikt in 3 afspraken en kan daarom niet worden verwijderd."
    ]
    assert Afdeling.objects.filter(pk=afdeling.pk).exists()


def test_afdeling_met_rekening_die_in_afspraken_wordt_gebruikt_geweigerd(frontoffice):
    rekening = RekeningFabriek()
    andere = AfdelingFabriek(rekeningen=[rekening])
    afdeling = AfdelingFabriek(rekeningen=[rekening])
    AfspraakFabriek(afdeling=andere, tegenrekening=rekening)
    with pytest.raises(ValidationError) as exc:
        services.afdeling_verwijderen(door=frontoffice, afdeling=afdeling)
    assert rekening.iban_weergave in exc.value.messages[0]
    # unlinking the shared account is allowed (the agreement belongs to the other
    # department); after that the department can go
    afd_services.afdeling_rekening_ontkoppelen(
        door=frontoffice, afdeling=afdeling, rekening=rekening
    )
    services.afdeling_verwijderen(door=frontoffice, afdeling=afdeling)
    assert not Afdeling.objects.filter(pk=afdeling.pk).exists()
    assert Rekening.objects.filter(pk=rekening.pk).exists()


def test_vrije_afdeling_verwijderen_met_postadressen_en_audit(frontoffice):
    afdeling = AfdelingFabriek()
    rekening = afdeling.rekeningen.get()
    adres = afd_services.postadres_aanmaken(
        door=frontoffice,
        afdeling=afdeling,
        gegevens={"straat": "Ds", "huisnummer": "1", "postcode": "3511ab", "plaats": "Utrecht"},
    )
    assert adres.postcode == "3511 AB"
    services.afdeling_verwijderen(door=frontoffice, afdeling=afdeling)
    assert not Postadres.objects.exists()
    assert Rekening.objects.filter(pk=rekening.pk).exists()
    verwijderd = AuditRegel.objects.filter(actie=AuditActie.VERWIJDERD)
    assert set(verwijderd.values_list("object_type", flat=True)) == {"afdeling", "postadres"}
    regel = verwijderd.get(object_type="afdeling")
    assert regel.voor["rekeningen"] == [rekening.pk]


def test_postadres_ongeldige_postcode(frontoffice):
    afdeling = AfdelingFabriek()
    with pytest.raises(ValidationError) as exc:
        afd_services.postadres_aanmaken(
            door=frontoffice,
            afdeling=afdeling,
            gegevens={"straat": "Ds", "huisnummer": "1", "postcode": "12345", "plaats": "U"},
        )
    assert "1234 AB" in _fout(exc, "postcode")
    assert not Postadres.objects.exists()


def test_afdeling_naam_uniek_per_organisatie(frontoffice):
    afdeling = AfdelingFabriek(naam="Debiteuren")
    with pytest.raises(ValidationError) as exc:
        services.afdeling_aanmaken(
            door=frontoffice, organisatie=afdeling.organisatie, gegevens={"naam": "debiteuren"}
        )
    assert "al een afdeling met deze naam" in _fout(exc, "naam")
    andere = services.afdeling_aanmaken(
        door=frontoffice, organisatie=OrganisatieFabriek(), gegevens={"naam": "Debiteuren"}
    )
    assert andere.pk


def test_gedeeld_iban_over_twee_organisaties(frontoffice):
    eerste = _kale_afdeling()
    tweede = _kale_afdeling()
    rekening, nieuw = afd_services.afdeling_rekening_koppelen(
        door=frontoffice,
        afdeling=eerste,
        iban="nl91 abna 0417 1643 00",
        rekeninghouder="Incasso BV",
    )
    assert nieuw and rekening.iban == IBAN
    assert rekening.bic == "ABNANL2A"  # derived from the IBAN's bank
    zelfde, nieuw = afd_services.afdeling_rekening_koppelen(
        door=frontoffice, afdeling=tweede, iban=IBAN, rekeninghouder="Wordt genegeerd"
    )
    assert not nieuw and zelfde.pk == rekening.pk
    assert Rekening.objects.count() == 1
    zelfde.refresh_from_db()
    assert zelfde.rekeninghouder == "Incasso BV"
    assert rekening_zoeken_op_iban("NL91 ABNA 0417 1643 00") == rekening
    assert rekening_zoeken_op_iban("NL02ABNA0123456789") is None
    assert set(afdelingen_met_rekening("nl91abna0417164300")) == {eerste, tweede}
    assert eerste.organisatie != tweede.organisatie
    # audit: the new account, and each department's change with before/after links
    assert (
        AuditRegel.objects.filter(object_type="rekening", actie=AuditActie.AANGEMAAKT).count() == 1
    )
    regel = AuditRegel.objects.get(object_type="afdeling", object_id=str(tweede.pk))
    assert regel.voor["rekeningen"] == [] and regel.na["rekeningen"] == [rekening.pk]


def test_koppelen_twee_keer_en_ongeldige_invoer(frontoffice):
    afdeling = _kale_afdeling()
    with pytest.raises(ValidationError) as exc:
        afd_services.afdeling_rekening_koppelen(
            door=frontoffice, afdeling=afdeling, iban="NL91ABNA0417164301"
        )
    assert "controlegetal" in _fout(exc, "iban")
    with pytest.raises(ValidationError) as exc:
        afd_services.afdeling_rekening_koppelen(
            door=frontoffice, afdeling=afdeling, iban=IBAN, bic="XYZ"
        )
    assert "BIC" in _fout(exc, "bic")
    assert not Rekening.objects.exists() and not afdeling.rekeningen.exists()
    rekening, _ = afd_services.afdeling_rekening_koppelen(
        door=frontoffice, afdeling=afdeling, iban=IBAN
    )
    assert rekening.rekeninghouder == afdeling.organisatie.naam  # default holder
    with pytest.raises(ValidationError) as exc:
        afd_services.afdeling_rekening_koppelen(door=frontoffice, afdeling=afdeling, iban=IBAN)
    assert "al gekoppeld" in _fout(exc, "iban")


def test_bic_ingevuld_wordt_overgenomen(frontoffice):
    afdeling = _kale_afdeling()
    iban = iban_uit_rekeningnummer("INGB", 1234567890)
    rekening, _ = afd_services.afdeling_rekening_koppelen(
        door=frontoffice, afdeling=afdeling, iban=iban, rekeninghouder="X", bic="ingbnl2a"
    )
    assert rekening.bic == "INGBNL2A"


def test_ontkoppelen_geweigerd_als_afspraak_van_deze_afdeling_de_rekening_gebruikt(frontoffice):
    afspraak = AfspraakFabriek()
    afdeling, rekening = afspraak.afdeling, afspraak.tegenrekening
    with pytest.raises(ValidationError) as exc:
        afd_services.afdeling_rekening_ontkoppelen(
            door=frontoffice, afdeling=afdeling, rekening=rekening
        )
    assert "gebruikt in 1 afspraak" in exc.value.messages[0]
    assert afdeling.rekeningen.filter(pk=rekening.pk).exists()


def test_rekening_van_deelnemer_ook_bij_organisatie(frontoffice):
    burger = BurgerFabriek()
    rekening = RekeningFabriek()
    burger.rekeningen.add(rekening)
    afdeling = _kale_afdeling()
    gekoppeld, nieuw = afd_services.afdeling_rekening_koppelen(
        door=frontoffice, afdeling=afdeling, iban=rekening.iban
    )
    assert not nieuw and gekoppeld == rekening
    assert list(rekening.burgers.all()) == [burger]
    assert list(afdelingen_met_rekening(rekening.iban)) == [afdeling]
