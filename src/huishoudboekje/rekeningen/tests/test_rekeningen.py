"""Bank accounts: look-up by IBAN, the account page (who shares it), changing holder and
BIC, and deleting only what nothing uses."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.audit.models import AuditActie, AuditRegel
from huishoudboekje.fabrieken import (
    AfdelingFabriek,
    AfspraakFabriek,
    BurgerFabriek,
    RekeningFabriek,
)
from huishoudboekje.rekeningen import services
from huishoudboekje.rekeningen.models import Rekening
from huishoudboekje.rekeningen.selectors import (
    afdelingen_met_rekening,
    rekening_in_gebruik,
    rekening_zoeken_op_iban,
)

pytestmark = pytest.mark.django_db

IBAN = "NL91ABNA0417164300"


def test_zoeken_op_iban_met_en_zonder_spaties():
    rekening = RekeningFabriek(iban=IBAN)
    assert rekening_zoeken_op_iban("nl91 abna 0417 1643 00") == rekening
    assert rekening_zoeken_op_iban("") is None
    assert rekening_zoeken_op_iban("NL02ABNA0123456789") is None
    assert list(afdelingen_met_rekening(IBAN)) == []


def test_afdelingen_met_rekening_over_organisaties():
    rekening = RekeningFabriek(iban=IBAN)
    a = AfdelingFabriek(rekeningen=[rekening])
    b = AfdelingFabriek(rekeningen=[rekening])
    AfdelingFabriek()  # another account
    assert set(afdelingen_met_rekening("NL91 ABNA 0417 1643 00")) == {a, b}
    assert a.organisatie_id != b.organisatie_id


def test_detail_toont_afdelingen_en_deelnemers(client_als):
    rekening = RekeningFabriek(iban=IBAN, rekeninghouder="Gedeelde Rekening")
    afdeling = AfdelingFabriek(naam="Incasso", rekeningen=[rekening])
    burger = BurgerFabriek(voornamen="Fatima", achternaam="El Amrani")
    burger.rekeningen.add(rekening)
    AfspraakFabriek(afdeling=afdeling, tegenrekening=rekening)
    response = client_als(Rol.BACKOFFICE).get(reverse("organisaties:rekening", args=[rekening.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    for tekst in (
        "NL91 ABNA 0417 1643 00",
        "Gedeelde Rekening",
        afdeling.organisatie.naam,
        "Incasso",
        "Fatima El Amrani",
        burger.hhb_nummer,
    ):
        assert tekst in html
    assert response.context["rekening"].aantal_afspraken == 1


def test_rekening_wijzigen_met_audit_per_deelnemer(frontoffice):
    rekening = RekeningFabriek(iban=IBAN, rekeninghouder="Oud", bic="")
    burgers = [BurgerFabriek(), BurgerFabriek()]
    for burger in burgers:
        burger.rekeningen.add(rekening)
    services.rekening_wijzigen(
        door=frontoffice, rekening=rekening, gegevens={"rekeninghouder": "Nieuw", "bic": ""}
    )
    rekening.refresh_from_db()
    assert rekening.rekeninghouder == "Nieuw" and rekening.bic == "ABNANL2A"  # derived
    regels = AuditRegel.objects.filter(object_type="rekening", actie=AuditActie.GEWIJZIGD)
    assert sorted(regels.values_list("burger_id", flat=True)) == sorted(b.pk for b in burgers)
    assert all(
        r.voor["rekeninghouder"] == "Oud" and r.na["rekeninghouder"] == "Nieuw" for r in regels
    )


def test_rekening_wijzigen_zonder_deelnemer_heeft_geen_burger_id(frontoffice):
    rekening = RekeningFabriek(rekeninghouder="Oud")
    services.rekening_wijzigen(
        door=frontoffice, rekening=rekening, gegevens={"rekeninghouder": "Nieuw"}
    )
    assert AuditRegel.objects.get(object_type="rekening").burger_id is None


def test_rekening_wijzigen_via_formulier_ongeldige_bic(client_als):
    rekening = RekeningFabriek(rekeninghouder="Oud", bic="")
    url = reverse("organisaties:rekening_wijzigen", args=[rekening.pk])
    response = client_als(Rol.BACKOFFICE).post(url, {"rekeninghouder": "Nieuw", "bic": "ABC"})
    assert response.status_code == 200
    assert "Deze BIC klopt niet" in " ".join(response.context["form"].errors["bic"])
    rekening.refresh_from_db()
    assert (rekening.rekeninghouder, rekening.bic) == ("Oud", "")
    response = client_als(Rol.TEAMLEIDER).post(url, {"rekeninghouder": "", "bic": ""})
    assert "Dit veld is vereist." in " ".join(response.context["form"].errors["rekeninghouder"])
    assert not AuditRegel.objects.exists()


def test_verwijderen_geweigerd_bij_afspraak_of_koppeling(frontoffice):
    afspraak = AfspraakFabriek()
    rekening = afspraak.tegenrekening
    with pytest.raises(ValidationError) as exc:
        services.rekening_verwijderen(door=frontoffice, rekening=rekening)
    assert exc.value.messages == [
        "Deze rekening wordt gebruikt in 1 afspraak en kan daarom niet worden verwijderd."
    ]

    gekoppeld = RekeningFabriek()
    AfdelingFabriek(rekeningen=[gekoppeld])
    BurgerFabriek().rekeningen.add(gekoppeld)
    assert rekening_in_gebruik(gekoppeld) == (
        "Deze rekening is nog gekoppeld aan 1 afdeling en 1 deelnemer. "
        "Ontkoppel de rekening eerst; daarna kan hij worden verwijderd."
    )
    with pytest.raises(ValidationError):
        services.rekening_verwijderen(door=frontoffice, rekening=gekoppeld)
    assert Rekening.objects.filter(pk__in=[rekening.pk, gekoppeld.pk]).count() == 2
    assert not AuditRegel.objects.exists()


def test_vrije_rekening_verwijderen_via_bevestiging(client_als):
    rekening = RekeningFabriek(iban=IBAN)
    url = reverse("organisaties:rekening_verwijderen", args=[rekening.pk])
    client = client_als(Rol.BACKOFFICE)
    assert "Weet u zeker" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not Rekening.objects.exists()
    regel = AuditRegel.objects.get(actie=AuditActie.VERWIJDERD)
    assert regel.object_id == str(rekening.pk) and regel.voor["iban"] == IBAN


def test_verwijderen_in_gebruik_via_scherm(client_als):
    afspraak = AfspraakFabriek()
    url = reverse("organisaties:rekening_verwijderen", args=[afspraak.tegenrekening.pk])
    response = client_als(Rol.BACKOFFICE).post(url)
    assert response.status_code == 409
    assert "Deze rekening wordt gebruikt in 1 afspraak" in response.content.decode()
    assert Rekening.objects.filter(pk=afspraak.tegenrekening.pk).exists()
