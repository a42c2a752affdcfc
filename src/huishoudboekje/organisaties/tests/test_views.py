"""Organisation screens: list and search, forms with field errors, delete confirmation
and refusal, and the role matrix (a denied write changes nothing)."""

import pytest
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.audit.models import AuditRegel
from huishoudboekje.fabrieken import (
    AfdelingFabriek,
    AfspraakFabriek,
    OrganisatieFabriek,
    RekeningFabriek,
)
from huishoudboekje.organisaties.models import Afdeling, Organisatie, Postadres
from huishoudboekje.rekeningen.models import Rekening

pytestmark = pytest.mark.django_db

IBAN = "NL91ABNA0417164300"


def _fouten(response, veld):
    return " ".join(response.context["form"].errors.get(veld, []))


# ---------- list and search ----------


def test_lijst_toont_kolommen_en_aantal_afdelingen(client_als):
    org = OrganisatieFabriek(
        naam="Woonstichting Thuis", kvk_nummer="30123456", vestigingsnummer="000011112222"
    )
    AfdelingFabriek(organisatie=org, naam="Huur")
    AfdelingFabriek(organisatie=org, naam="Incasso")
    response = client_als(Rol.AUDITOR).get(reverse("organisaties:lijst"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Woonstichting Thuis" in html and "30123456" in html and "000011112222" in html
    rij = next(o for o in response.context["page_obj"] if o.pk == org.pk)
    assert rij.aantal_afdelingen == 2


@pytest.mark.parametrize(
    "zoek",
    ["woonstichting", "3012 3456", "30123456", "NL91 ABNA 0417", "nl91abna0417164300", "1643 00"],
)
def test_zoeken_op_naam_kvk_en_iban(client_als, zoek):
    gezocht = OrganisatieFabriek(naam="Woonstichting Thuis", kvk_nummer="30123456")
    AfdelingFabriek(organisatie=gezocht, rekeningen=[RekeningFabriek(iban=IBAN)])
    AfdelingFabriek(organisatie=OrganisatieFabriek(naam="Energie Noord", kvk_nummer="40123456"))
    url = reverse("organisaties:lijst")
    response = client_als(Rol.BACKOFFICE).post(url, {"q": zoek}, follow=True)
    assert [o.pk for o in response.context["page_obj"]] == [gezocht.pk]


def test_lijst_is_gepagineerd(client_als):
    for _ in range(30):
        OrganisatieFabriek()
    client = client_als(Rol.BACKOFFICE)
    eerste = client.get(reverse("organisaties:lijst"))
    tweede = client.get(reverse("organisaties:lijst"), {"page": 2})
    assert len(eerste.context["page_obj"]) == 25 and len(tweede.context["page_obj"]) == 5


# ---------- create / change ----------


def test_organisatie_aanmaken_via_formulier(client_als):
    response = client_als(Rol.BACKOFFICE).post(
        reverse("organisaties:nieuw"),
        {"naam": "UWV", "kvk_nummer": "34567890", "vestigingsnummer": ""},
    )
    org = Organisatie.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "organisaties:detail", args=[org.pk]
    )
    assert AuditRegel.objects.filter(object_type="organisatie", object_id=str(org.pk)).exists()


@pytest.mark.parametrize(
    ("data", "veld", "melding"),
    [
        ({"kvk_nummer": "1234"}, "kvk_nummer", "Een KvK-nummer bestaat uit precies 8 cijfers."),
        (
            {"vestigingsnummer": "12"},
            "vestigingsnummer",
            "Een vestigingsnummer bestaat uit precies 12 cijfers.",
        ),
        ({"naam": ""}, "naam", "Dit veld is vereist."),
    ],
)
def test_ongeldige_organisatie_geeft_veldfout_en_verandert_niets(client_als, data, veld, melding):
    response = client_als(Rol.BACKOFFICE).post(
        reverse("organisaties:nieuw"),
        {"naam": "UWV", "kvk_nummer": "34567890", "vestigingsnummer": ""} | data,
    )
    assert response.status_code == 200
    assert melding in _fouten(response, veld)
    assert melding in response.content.decode()
    assert not Organisatie.objects.exists() and not AuditRegel.objects.exists()


def test_dubbel_kvk_via_formulier_geeft_veldfout(client_als):
    OrganisatieFabriek(naam="UWV", kvk_nummer="34567890")
    response = client_als(Rol.BACKOFFICE).post(
        reverse("organisaties:nieuw"), {"naam": "Kopie", "kvk_nummer": "34567890"}
    )
    assert response.status_code == 200
    assert "Er bestaat al een organisatie met dit KvK-nummer" in _fouten(response, "kvk_nummer")
    assert Organisatie.objects.count() == 1


def test_organisatie_wijzigen_ongeldig_verandert_niets(client_als):
    org = OrganisatieFabriek(naam="Oud", kvk_nummer="22222222")
    url = reverse("organisaties:wijzigen", args=[org.pk])
    client = client_als(Rol.BACKOFFICE)
    assert client.get(url).context["form"]["kvk_nummer"].value() == "22222222"
    response = client.post(url, {"naam": "Nieuw", "kvk_nummer": "2222"})
    assert "precies 8 cijfers" in _fouten(response, "kvk_nummer")
    org.refresh_from_db()
    assert org.naam == "Oud"
    response = client.post(url, {"naam": "Nieuw", "kvk_nummer": "22222222"})
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.naam == "Nieuw"


def test_postadres_ongeldige_postcode_via_formulier(client_als):
    afdeling = AfdelingFabriek()
    response = client_als(Rol.BACKOFFICE).post(
        reverse("organisaties:postadres_nieuw", args=[afdeling.pk]),
        {"straat": "Oudegracht", "huisnummer": "1", "postcode": "35111AB", "plaats": "Utrecht"},
    )
    assert response.status_code == 200
    assert "Vul een postcode in als 1234 AB." in _fouten(response, "postcode")
    assert not Postadres.objects.exists()


@pytest.mark.parametrize(
    ("data", "veld", "melding"),
    [
        ({"iban": "NL91ABNA0417164301"}, "iban", "controlegetal"),
        ({"iban": "XX91ABNA0417164300"}, "iban", "landcode"),
        ({"bic": "12"}, "bic", "Deze BIC klopt niet"),
    ],
)
def test_rekening_koppelen_ongeldig_verandert_niets(client_als, data, veld, melding):
    afdeling = AfdelingFabriek()
    voor = list(afdeling.rekeningen.values_list("pk", flat=True))
    response = client_als(Rol.BACKOFFICE).post(
        reverse("organisaties:rekening_koppelen", args=[afdeling.pk]),
        {"iban": IBAN, "rekeninghouder": "X", "bic": ""} | data,
    )
    assert response.status_code == 200
    assert melding in _fouten(response, veld)
    assert list(afdeling.rekeningen.values_list("pk", flat=True)) == voor
    assert Rekening.objects.count() == 1


def test_rekening_koppelen_hergebruikt_bestaand_iban_en_meldt_wie_hem_deelt(client_als):
    bestaand = RekeningFabriek(iban=IBAN, rekeninghouder="Incasso BV")
    andere = AfdelingFabriek(naam="Huur", rekeningen=[bestaand])
    afdeling = AfdelingFabriek(naam="Energie")
    response = client_als(Rol.BACKOFFICE).post(
        reverse("organisaties:rekening_koppelen", args=[afdeling.pk]),
        {"iban": "NL91 ABNA 0417 1643 00", "rekeninghouder": "", "bic": ""},
        follow=True,
    )
    html = response.content.decode()
    assert "Bestaande rekening NL91 ABNA 0417 1643 00" in html
    assert f"{andere.organisatie.naam} – Huur" in html
    assert afdeling.rekeningen.filter(pk=bestaand.pk).exists()
    assert Rekening.objects.filter(iban=IBAN).count() == 1


# ---------- detail ----------


def test_detail_toont_afdelingen_adressen_rekeningen_en_gebruik(client_als):
    rekening = RekeningFabriek(iban=IBAN, rekeninghouder="Woonstichting", bic="ABNANL2A")
    afdeling = AfdelingFabriek(naam="Huurincasso", rekeningen=[rekening])
    Postadres.objects.create(
        afdeling=afdeling, straat="Postbus", huisnummer="12", postcode="3500 AA", plaats="Utrecht"
    )
    AfdelingFabriek(naam="Gedeeld", rekeningen=[rekening])
    AfspraakFabriek(afdeling=afdeling, tegenrekening=rekening)
    AfspraakFabriek(afdeling=afdeling, tegenrekening=rekening)
    response = client_als(Rol.AUDITOR).get(
        reverse("organisaties:detail", args=[afdeling.organisatie.pk])
    )
    assert response.status_code == 200
    html = response.content.decode()
    for tekst in (
        "Huurincasso",
        "Postbus 12",
        "3500 AA",
        "NL91 ABNA 0417 1643 00",
        "Woonstichting",
        "ABNANL2A",
        "Gebruikt in 2 afspraken.",
        "Gedeeld",
    ):
        assert tekst in html
    (rij,) = response.context["afdelingen"]
    assert rij.aantal_afspraken == 2 and rij.rekeningen.all()[0].aantal_afspraken == 2
    assert (
        reverse("organisaties:wijzigen", args=[afdeling.organisatie.pk]) not in html
    )  # auditor: read-only


# ---------- deleting ----------


def test_afdeling_verwijderen_geweigerd_met_reden(client_als):
    afdeling = AfdelingFabriek()
    for _ in range(3):
        AfspraakFabriek(afdeling=afdeling)
    url = reverse("organisaties:afdeling_verwijderen", args=[afdeling.pk])
    client = client_als(Rol.BACKOFFICE)
    get = client.get(url)
    assert "Deze afdeling wordt gebruikt in 3 afspraken" in get.content.decode()
    assert 'type="submit"' not in get.content.decode().split("<main")[1]
    post = client.post(url)
    assert post.status_code == 409
    assert "Deze afdeling wordt gebruikt in 3 afspraken" in post.content.decode()
    assert Afdeling.objects.filter(pk=afdeling.pk).exists()


def test_organisatie_verwijderen_bevestigen_en_verwijderen(client_als):
    org = OrganisatieFabriek(naam="Weg BV")
    url = reverse("organisaties:verwijderen", args=[org.pk])
    client = client_als(Rol.BACKOFFICE)
    assert (
        "Weet u zeker dat u organisatie Weg BV wilt verwijderen?"
        in client.get(url).content.decode()
    )
    assert Organisatie.objects.filter(pk=org.pk).exists()  # GET deletes nothing
    response = client.post(url)
    assert response.status_code == 302 and response.url == reverse("organisaties:lijst")
    assert not Organisatie.objects.filter(pk=org.pk).exists()


def test_organisatie_met_afdelingen_verwijderen_geweigerd(client_als):
    afdeling = AfdelingFabriek()
    response = client_als(Rol.BACKOFFICE).post(
        reverse("organisaties:verwijderen", args=[afdeling.organisatie.pk])
    )
    assert response.status_code == 409
    assert "Deze organisatie heeft nog 1 afdeling" in response.content.decode()
    assert Organisatie.objects.filter(pk=afdeling.organisatie.pk).exists()


def test_rekening_ontkoppelen_geweigerd_en_toegestaan(client_als):
    afspraak = AfspraakFabriek()
    afdeling, rekening = afspraak.afdeling, afspraak.tegenrekening
    vrij = RekeningFabriek()
    afdeling.rekeningen.add(vrij)
    client = client_als(Rol.BACKOFFICE)
    geweigerd = client.post(
        reverse("organisaties:rekening_ontkoppelen", args=[afdeling.pk, rekening.pk])
    )
    assert geweigerd.status_code == 409 and "1 afspraak" in geweigerd.content.decode()
    assert afdeling.rekeningen.filter(pk=rekening.pk).exists()
    ok = client.post(reverse("organisaties:rekening_ontkoppelen", args=[afdeling.pk, vrij.pk]))
    assert ok.status_code == 302
    assert not afdeling.rekeningen.filter(pk=vrij.pk).exists()
    assert Rekening.objects.filter(pk=vrij.pk).exists()


def test_postadres_verwijderen_alleen_via_post(client_als):
    adres = Postadres.objects.create(
        afdeling=AfdelingFabriek(), straat="A", huisnummer="1", postcode="3511 AB", plaats="U"
    )
    url = reverse("organisaties:postadres_verwijderen", args=[adres.pk])
    client = client_als(Rol.BACKOFFICE)
    assert client.get(url).status_code == 200 and Postadres.objects.exists()
    assert client.post(url).status_code == 302 and not Postadres.objects.exists()
