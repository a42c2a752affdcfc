"""A known party pays from a new account: suggested, never booked on its own; one
confirmation by staff links the account to the department and the rest books itself."""

import datetime as dt

import pytest
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.audit.models import AuditRegel
from huishoudboekje.bankafschriften.models import Afletteruitkomst, Banktransactie
from huishoudboekje.boekhouding.afletteren import afletteren_uitvoeren
from huishoudboekje.boekhouding.models import Journaalpost, Rubriek
from huishoudboekje.door import Systeem
from huishoudboekje.fabrieken import AfspraakFabriek, BanktransactieFabriek

SYSTEEM = Systeem("test")

NIEUW = "NL44RABO0123456789"


def _loon() -> object:
    afspraak = AfspraakFabriek(
        richting="inkomsten",
        rubriek=Rubriek.objects.get(naam="Loon"),
        betaalwijze="",
        bedrag=150000,
        zoektermen=["pers.nr. 2204441"],
        afdeling__organisatie__naam="Bouwbedrijf De Vries B.V.",
        frequentie="maandelijks",
        dag_van_maand=25,
        geldig_van=dt.date(2026, 1, 1),
    )
    return afspraak


def _van_nieuwe_rekening(dag: int) -> Banktransactie:
    return BanktransactieFabriek(
        bedrag=152000,
        tegen_iban=NIEUW,
        tegen_naam="BOUWBEDRIJF DE VRIES BV",
        omschrijving=f"Salaris 2.204.441 periode {dag}",
        boekdatum=dt.date(2026, dag, 25),
        bankreferentie=f"NIEUW-{dag}",
    )


@pytest.mark.django_db
def test_nieuwe_rekening_van_een_bekende_partij(client_als):
    afspraak = _loon()
    mei, juni = _van_nieuwe_rekening(5), _van_nieuwe_rekening(6)
    assert afletteren_uitvoeren(door=SYSTEEM).geboekt == 0
    mei.refresh_from_db()
    assert mei.afletter_uitkomst == Afletteruitkomst.NIEUWE_REKENING
    assert "bekende partij Bouwbedrijf De Vries B.V. op een nieuwe rekening" in (
        mei.afletter_toelichting
    )

    client = client_als(Rol.BACKOFFICE)
    pagina = client.get(reverse("bankafschriften:transactie", args=[mei.pk])).content.decode()
    assert "Bekende partij op een nieuwe rekening?" in pagina
    assert "naam van Bouwbedrijf De Vries B.V., maar vanaf een nieuwe rekening" in pagina

    antwoord = client.post(
        reverse("bankafschriften:rekening_koppelen", args=[mei.pk]),
        {"afdeling": afspraak.afdeling_id},
        follow=True,
    )
    assert "2 van 2 open transacties van deze rekening zijn nu automatisch geboekt" in (
        antwoord.content.decode()
    )
    assert afspraak.afdeling.rekeningen.filter(iban=NIEUW).exists()
    assert set(Journaalpost.objects.values_list("transactie_id", "afspraak_id")) == {
        (mei.pk, afspraak.pk),
        (juni.pk, afspraak.pk),
    }
    assert AuditRegel.objects.filter(object_id=str(afspraak.afdeling_id)).exists()
    # the next month from the new account books itself, and the page offers no link now
    juli = _van_nieuwe_rekening(7)
    assert afletteren_uitvoeren(door=SYSTEEM).geboekt == 1
    assert Journaalpost.objects.filter(transactie=juli, afspraak=afspraak).exists()
    pagina = client.get(reverse("bankafschriften:transactie", args=[juli.pk])).content.decode()
    assert "Bekende partij op een nieuwe rekening?" not in pagina


@pytest.mark.django_db
def test_koppelen_zonder_geldige_afdeling_verandert_niets(client_als):
    _loon()
    mei = _van_nieuwe_rekening(5)
    client = client_als(Rol.BACKOFFICE)
    antwoord = client.post(
        reverse("bankafschriften:rekening_koppelen", args=[mei.pk]), {"afdeling": "x"}, follow=True
    )
    assert "Kies een afdeling." in antwoord.content.decode()
    antwoord = client.post(
        reverse("bankafschriften:rekening_koppelen", args=[mei.pk]),
        {"afdeling": 999999},
        follow=True,
    )
    assert "bestaat niet (meer)" in antwoord.content.decode()
    assert not Journaalpost.objects.exists()
    assert not Banktransactie.objects.filter(geboekt__gt=0).exists()
