"""The front office works with participants, not with the municipal account as a
whole: it sees the transactions booked on a participant (the list filtered on them, the
detail of such a transaction), not the statements, the whole transactions list or a
transaction nobody's. The back office, teamleider and auditor see everything."""

from __future__ import annotations

import pytest
from django.urls import reverse

from huishoudboekje.accounts.roles import Recht, Rol, rollen_met
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.boekhouding.services_boeken import Boekdeel, journaalposten_boeken
from huishoudboekje.fabrieken import AfspraakFabriek, BanktransactieFabriek

pytestmark = pytest.mark.django_db

HEEL_DE_REKENING = rollen_met(Recht.BANKAFSCHRIFTEN_LEZEN)


@pytest.fixture
def geboekt(maak_medewerker):
    afspraak = AfspraakFabriek(richting="inkomsten", rubriek=Rubriek.objects.get(naam="Loon"))
    transactie = BanktransactieFabriek(bedrag=72500, tegen_naam="Bouwbedrijf De Vries")
    journaalposten_boeken(
        door=maak_medewerker(Rol.TEAMLEIDER, "boeker"),
        transactie_id=transactie.pk,
        delen=[Boekdeel(bedrag=72500, afspraak=afspraak)],
    )
    open_ = BanktransactieFabriek(bedrag=999, tegen_naam="Iemand anders")
    return afspraak.burger, transactie, open_


def test_frontoffice_ziet_niet_de_hele_rekening(client_als, geboekt):
    client = client_als(Rol.FRONTOFFICE)
    for naam in ("bankafschriften:lijst", "bankafschriften:transacties"):
        response = client.get(reverse(naam))
        assert response.status_code == 403, naam
        html = response.content.decode()
        assert "Iemand anders" not in html
        assert "Backoffice, Teamleider of Auditor" in html
        assert "u bent ingelogd als Frontoffice" in html
    assert client.get(f"{reverse('bankafschriften:transacties')}?status=").status_code == 403
    assert client.get("/api/v1/bankafschriften").status_code == 403


def test_frontoffice_ziet_de_transacties_van_een_deelnemer(client_als, geboekt):
    burger, transactie, open_ = geboekt
    client = client_als(Rol.FRONTOFFICE)
    response = client.post(
        reverse("bankafschriften:transacties"),
        {"status": "", "deelnemer": burger.hhb_nummer},
        follow=True,
    )
    assert response.status_code == 200
    assert [r["transactie"] for r in response.context["rijen"]] == [transactie]
    # the link on the participant's page leads there too
    saldo = client.get(reverse("burgers:detail", args=[burger.pk])).content.decode()
    assert "Alle transacties van deze deelnemer" in saldo
    assert (
        client.get(reverse("bankafschriften:transactie", args=[transactie.pk])).status_code == 200
    )


def test_frontoffice_ziet_geen_transactie_van_niemand(client_als, geboekt):
    _, _, open_ = geboekt
    response = client_als(Rol.FRONTOFFICE).get(
        reverse("bankafschriften:transactie", args=[open_.pk])
    )
    assert response.status_code == 403
    assert "Iemand anders" not in response.content.decode()


@pytest.mark.parametrize("rol", list(Rol))
def test_hele_rekening_volgens_de_rechtentabel(client_als, geboekt, rol):
    _, _, open_ = geboekt
    client = client_als(rol)
    verwacht = 200 if rol in HEEL_DE_REKENING else 403
    assert client.get(reverse("bankafschriften:lijst")).status_code == verwacht
    assert client.get(reverse("bankafschriften:transacties")).status_code == verwacht
    detail = client.get(reverse("bankafschriften:transactie", args=[open_.pk]))
    assert detail.status_code == verwacht


def test_beleid_in_de_rechtentabel():
    assert Rol.FRONTOFFICE not in HEEL_DE_REKENING
    assert Rol.FRONTOFFICE in rollen_met(Recht.DEELNEMERTRANSACTIES_LEZEN)
    assert Rol.BEHEERDER not in rollen_met(Recht.DEELNEMERTRANSACTIES_LEZEN)
