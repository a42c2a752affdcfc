"""Households: list, detail with agreements, create, rename, move members, delete."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.accounts.tests.rolmatrix import vingerafdruk
from huishoudboekje.audit.models import AuditRegel
from huishoudboekje.burgers import services
from huishoudboekje.burgers.models import Huishouden
from huishoudboekje.fabrieken import AfspraakFabriek, BurgerFabriek, HuishoudenFabriek

pytestmark = pytest.mark.django_db


def test_lijst_met_leden_en_paginering(client_als):
    huishouden = HuishoudenFabriek(naam="Huishouden Bakker")
    BurgerFabriek(voornamen="Tom", achternaam="Bakker", huishouden=huishouden)
    BurgerFabriek(voornamen="Lies", achternaam="Bakker", huishouden=huishouden)
    HuishoudenFabriek.create_batch(30)
    client = client_als(Rol.AUDITOR)
    inhoud = client.get(reverse("burgers:huishoudens")).content.decode()
    assert "Huishouden Bakker" in inhoud and "Lies Bakker, Tom Bakker" in inhoud
    assert len(client.get(reverse("burgers:huishoudens"), {"page": 2}).context["page_obj"]) == 6
    gezocht = client.post(reverse("burgers:huishoudens"), {"q": "Lies"}, follow=True)
    gezocht = gezocht.context["page_obj"]
    assert list(gezocht) == [huishouden]


def test_detail_toont_leden_en_hun_afspraken(client_als):
    huishouden = HuishoudenFabriek()
    AfspraakFabriek(burger=BurgerFabriek(huishouden=huishouden), omschrijving="Huur Oudegracht")
    AfspraakFabriek(burger=BurgerFabriek(huishouden=huishouden), omschrijving="Zorgverzekering")
    inhoud = (
        client_als(Rol.BACKOFFICE)
        .get(reverse("burgers:huishouden", kwargs={"pk": huishouden.pk}))
        .content.decode()
    )
    assert "Huur Oudegracht" in inhoud and "Zorgverzekering" in inhoud


def test_aanmaken_hernoemen_en_leden_verplaatsen(client_als):
    client = client_als(Rol.FRONTOFFICE)
    response = client.post(reverse("burgers:huishouden_nieuw"), {"naam": "Huishouden Jansen"})
    huishouden = Huishouden.objects.get()
    assert response["Location"] == reverse("burgers:huishouden", kwargs={"pk": huishouden.pk})
    client.post(
        reverse("burgers:huishouden_wijzigen", kwargs={"pk": huishouden.pk}),
        {"naam": "Fam. Jansen"},
    )
    huishouden.refresh_from_db()
    assert huishouden.naam == "Fam. Jansen"

    burger = BurgerFabriek(hhb_nummer="HHB000055")
    koppelen = reverse("burgers:huishouden_koppelen", kwargs={"pk": huishouden.pk})
    response = client.post(koppelen, {"deelnemer": "HHB000099"})
    assert response.status_code == 400
    assert "Er is geen deelnemer met dit HHB-nummer." in response.content.decode()
    assert client.post(koppelen, {"deelnemer": "hhb000055"}).status_code == 302
    burger.refresh_from_db()
    assert burger.huishouden == huishouden
    regel = AuditRegel.objects.filter(object_type="burger").latest("id")
    assert (regel.voor["huishouden_id"], regel.na["huishouden_id"], regel.burger_id) == (
        None,
        huishouden.pk,
        burger.pk,
    )

    client.post(
        reverse(
            "burgers:huishouden_ontkoppelen", kwargs={"pk": huishouden.pk, "burger_pk": burger.pk}
        )
    )
    burger.refresh_from_db()
    assert burger.huishouden is None


def test_huishouden_met_leden_niet_te_verwijderen(client_als):
    huishouden = HuishoudenFabriek()
    BurgerFabriek(huishouden=huishouden)
    client = client_als(Rol.TEAMLEIDER)
    voor = vingerafdruk()
    response = client.post(reverse("burgers:huishouden_verwijderen", kwargs={"pk": huishouden.pk}))
    assert response.status_code == 409
    assert "nog 1 deelnemer" in response.content.decode()
    assert vingerafdruk() == voor


def test_leeg_huishouden_verwijderen_met_audit(client_als):
    huishouden = HuishoudenFabriek(naam="Leeg")
    response = client_als(Rol.TEAMLEIDER).post(
        reverse("burgers:huishouden_verwijderen", kwargs={"pk": huishouden.pk})
    )
    assert response.status_code == 302
    assert not Huishouden.objects.exists()
    regel = AuditRegel.objects.get(object_type="huishouden")
    assert (regel.actie, regel.voor["naam"]) == ("verwijderd", "Leeg")


def test_service_weigert_dubbel_lid_en_te_lange_naam(frontoffice):
    huishouden = HuishoudenFabriek()
    burger = BurgerFabriek(huishouden=huishouden)
    with pytest.raises(ValidationError, match="hoort al bij"):
        services.burger_huishouden_wijzigen(door=frontoffice, burger=burger, huishouden=huishouden)
    with pytest.raises(ValidationError):
        services.huishouden_wijzigen(door=frontoffice, huishouden=huishouden, naam="x" * 101)


@pytest.mark.parametrize("rol", [Rol.AUDITOR, Rol.BACKOFFICE, Rol.BEHEERDER])
def test_schrijven_geweigerd(client_als, rol):
    huishouden = HuishoudenFabriek()
    lid = BurgerFabriek(huishouden=huishouden)
    client = client_als(rol)
    voor = vingerafdruk()
    for url, data in [
        (reverse("burgers:huishouden_nieuw"), {"naam": "X"}),
        (reverse("burgers:huishouden_wijzigen", kwargs={"pk": huishouden.pk}), {"naam": "X"}),
        (reverse("burgers:huishouden_verwijderen", kwargs={"pk": huishouden.pk}), {}),
        (
            reverse(
                "burgers:huishouden_ontkoppelen", kwargs={"pk": huishouden.pk, "burger_pk": lid.pk}
            ),
            {},
        ),
    ]:
        assert client.post(url, data).status_code == 403
    assert vingerafdruk() == voor
