"""Participation variants: 'inkomsten' (Rotterdam) and 'afbouw' pay no fixed costs to
organisations. An agreement that would is refused with the reason, and a variant
cannot be switched while fixed costs still run. Leefgeld and the participant's own
account stay allowed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.afspraken import services
from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.burgers import services as burger_services
from huishoudboekje.burgers.models import Deelname
from huishoudboekje.fabrieken import AfspraakFabriek, DeelnameFabriek

from .hulp import afdeling, burger_met_rekening, huur_gegevens, huur_post

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("variant", "melding"),
    [
        ("inkomsten", "Bij de variant Inkomstenzekerheid betalen wij geen vaste lasten"),
        ("afbouw", "Bij de variant Afbouw betaalt de deelnemer de vaste lasten zelf."),
    ],
)
def test_vaste_last_past_niet_bij_variant_zonder_vaste_lasten(frontoffice, variant, melding):
    burger = burger_met_rekening()
    DeelnameFabriek(burger=burger, variant=variant)
    with pytest.raises(ValidationError) as fout:
        services.afspraak_aanmaken(
            door=frontoffice, burger=burger, gegevens=huur_gegevens(afdeling())
        )
    assert melding in fout.value.message_dict["afdeling"][0]
    assert not Afspraak.objects.exists()


def test_inkomsten_en_vaste_last_die_vandaag_eindigt_mogen_wel(frontoffice):
    burger = burger_met_rekening()
    DeelnameFabriek(burger=burger, variant="inkomsten")
    partij = afdeling()
    inkomen = huur_gegevens(
        partij,
        richting="inkomsten",
        betaalwijze="",
        omschrijving="Loon",
        rubriek=Rubriek.objects.get(naam="Loon"),
    )
    services.afspraak_aanmaken(door=frontoffice, burger=burger, gegevens=inkomen)
    afgelopen = huur_gegevens(partij, geldig_tot=timezone.localdate())
    services.afspraak_aanmaken(door=frontoffice, burger=burger, gegevens=afgelopen)
    assert Afspraak.objects.filter(burger=burger).count() == 2


def test_volledig_mag_vaste_lasten(frontoffice):
    burger = burger_met_rekening()
    DeelnameFabriek(burger=burger, variant="volledig")
    services.afspraak_aanmaken(door=frontoffice, burger=burger, gegevens=huur_gegevens(afdeling()))
    assert Afspraak.objects.filter(burger=burger).count() == 1


def test_formulier_toont_de_reden_bij_het_veld(client_als):
    burger = burger_met_rekening()
    DeelnameFabriek(burger=burger, variant="afbouw")
    response = client_als(Rol.FRONTOFFICE).post(
        reverse("afspraken:nieuw", kwargs={"burger_pk": burger.pk}), huur_post(afdeling())
    )
    assert response.status_code == 200
    assert "betaalt de deelnemer de vaste lasten zelf" in response.content.decode()
    assert not Afspraak.objects.exists()


def test_variant_wisselen_kan_pas_als_de_vaste_lasten_eindigen(frontoffice):
    deelname = DeelnameFabriek(variant="volledig")
    huur = AfspraakFabriek(burger=deelname.burger, omschrijving="Huur Woonstad")
    gegevens = {"startdatum": deelname.startdatum, "variant": "afbouw"}
    with pytest.raises(ValidationError) as fout:
        burger_services.deelname_wijzigen(door=frontoffice, deelname=deelname, gegevens=gegevens)
    assert "'Huur Woonstad'" in fout.value.message_dict["variant"][0]
    assert Deelname.objects.get(pk=deelname.pk).variant == "volledig"

    huur.geldig_tot = timezone.localdate()
    huur.save()
    burger_services.deelname_wijzigen(door=frontoffice, deelname=deelname, gegevens=gegevens)
    assert Deelname.objects.get(pk=deelname.pk).variant == "afbouw"


def test_nieuwe_deelname_inkomsten_met_lopende_vaste_lasten_geweigerd(frontoffice):
    oud = DeelnameFabriek(variant="volledig", einddatum=dt.date(2026, 6, 30))
    AfspraakFabriek(burger=oud.burger, omschrijving="Zorgverzekering")
    with pytest.raises(ValidationError) as fout:
        burger_services.deelname_aanmaken(
            door=frontoffice,
            burger=oud.burger,
            gegevens={"startdatum": dt.date(2026, 7, 1), "variant": "inkomsten"},
        )
    assert "'Zorgverzekering'" in fout.value.message_dict["variant"][0]
    assert Deelname.objects.filter(burger=oud.burger).count() == 1
