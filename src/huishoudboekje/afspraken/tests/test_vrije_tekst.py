"""Free texts staff type into an agreement are capped: the form says so at once, the
model (full_clean in the service) refuses the rest; nothing is stored."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.afspraken import services
from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.audit.models import AuditRegel
from huishoudboekje.validators import ZOEKTERM_MAX, ZOEKTERMEN_MAX

from .hulp import afdeling, burger_met_rekening, huur_gegevens, huur_post

pytestmark = pytest.mark.django_db


def test_service_weigert_te_lange_zoekterm(frontoffice):
    burger, partij = burger_met_rekening(), afdeling()
    gegevens = huur_gegevens(partij, zoektermen=["huur", "x" * (5 * 1024 * 1024)])
    with pytest.raises(ValidationError) as fout:
        services.afspraak_aanmaken(door=frontoffice, burger=burger, gegevens=gegevens)
    assert "zoektermen" in fout.value.message_dict
    assert not Afspraak.objects.exists() and not AuditRegel.objects.exists()


def test_service_weigert_te_veel_zoektermen(frontoffice):
    burger, partij = burger_met_rekening(), afdeling()
    termen = [f"term {i}" for i in range(ZOEKTERMEN_MAX + 1)]
    with pytest.raises(ValidationError) as fout:
        services.afspraak_aanmaken(
            door=frontoffice, burger=burger, gegevens=huur_gegevens(partij, zoektermen=termen)
        )
    assert "zoektermen" in fout.value.message_dict


def test_zoektermen_tot_de_grens_blijven_mogelijk(frontoffice):
    burger, partij = burger_met_rekening(), afdeling()
    termen = [f"{i:03d}" + "x" * (ZOEKTERM_MAX - 3) for i in range(ZOEKTERMEN_MAX)]
    afspraak = services.afspraak_aanmaken(
        door=frontoffice, burger=burger, gegevens=huur_gegevens(partij, zoektermen=termen)
    )
    assert afspraak.zoektermen == termen


@pytest.mark.parametrize("veld", ["zoektermen", "uitzonderingen"])
def test_formulier_weigert_een_te_lang_tekstvak(client_als, veld):
    burger, partij = burger_met_rekening(), afdeling()
    data = huur_post(partij, **{veld: "a" * 100_000})
    response = client_als(Rol.FRONTOFFICE).post(
        reverse("afspraken:nieuw", kwargs={"burger_pk": burger.pk}), data
    )
    assert response.status_code in (200, 422)
    assert response.context["form"].errors[veld]
    assert not Afspraak.objects.exists()


def test_formulier_noemt_de_te_lange_zoekterm(client_als):
    burger, partij = burger_met_rekening(), afdeling()
    data = huur_post(partij, zoektermen="huur\n" + "y" * 200)
    response = client_als(Rol.FRONTOFFICE).post(
        reverse("afspraken:nieuw", kwargs={"burger_pk": burger.pk}), data
    )
    fouten = response.context["form"].errors["zoektermen"]
    assert "hoogstens 140 tekens" in fouten[0]
    assert not Afspraak.objects.exists()
