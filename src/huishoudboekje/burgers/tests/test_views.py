"""Participant screens through the test client: list, search, create, change, delete,
accounts and deelname, with the role checks and 'nothing changed' on refusal."""

from __future__ import annotations

import pytest
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.accounts.tests.rolmatrix import vingerafdruk
from huishoudboekje.audit.models import AuditRegel
from huishoudboekje.burgers.models import Burger, Deelname
from huishoudboekje.fabrieken import (
    AfspraakFabriek,
    BurgerFabriek,
    DeelnameFabriek,
    RekeningFabriek,
)

from .hulp import IBAN, post_deelname, post_nieuw, post_persoon

pytestmark = pytest.mark.django_db
LIJST = "/deelnemers/"


def test_lijst_url_en_anoniem_naar_inloggen(client):
    assert reverse("burgers:lijst") == LIJST
    response = client.get(LIJST)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("rol", [Rol.FRONTOFFICE, Rol.BACKOFFICE, Rol.TEAMLEIDER, Rol.AUDITOR])
def test_lijst_leesbaar_voor_staf(client_als, rol):
    BurgerFabriek(voornamen="Anna", achternaam="Smit")
    response = client_als(rol).get(LIJST)
    assert response.status_code == 200
    assert "Anna Smit" in response.content.decode()


def test_lijst_niet_voor_beheerder(client_als):
    assert client_als(Rol.BEHEERDER).get(LIJST).status_code == 403


@pytest.mark.parametrize(
    "q",
    [
        "Jansen",
        "Piet Jansen",
        "111222333",
        "NL91 ABNA 0417 1643 00",
        "HHB000321",
        "Biltstraat 70",
        "3572 BG",
    ],
)
def test_zoeken_in_lijst(client_als, q):
    piet = BurgerFabriek(
        voornamen="Piet",
        achternaam="Jansen",
        bsn="111222333",
        hhb_nummer="HHB000321",
        straat="Biltstraat",
        huisnummer="70",
        postcode="3572 BG",
    )
    piet.rekeningen.add(RekeningFabriek(iban=IBAN))
    BurgerFabriek(
        voornamen="Karin", achternaam="Bos", straat="Vismarkt", huisnummer="2", postcode="3511 AA"
    )
    inhoud = client_als(Rol.FRONTOFFICE).post(LIJST, {"q": q}, follow=True).content.decode()
    assert "Piet Jansen" in inhoud
    assert "Karin Bos" not in inhoud
    assert "1 deelnemer gevonden" in inhoud


def test_lijst_toont_kolommen_en_status(client_als):
    burger = BurgerFabriek(voornamen="Els", achternaam="Kok", hhb_nummer="HHB000777")
    DeelnameFabriek(burger=burger, variant="inkomsten")
    inhoud = client_als(Rol.FRONTOFFICE).get(LIJST).content.decode()
    for tekst in (
        "HHB000777",
        "Els Kok",
        "14-03-1985",
        "Oudegracht",
        "Actief",
        "Inkomstenzekerheid",
    ):
        assert tekst in inhoud


def test_paginering_25_per_pagina_en_zoekterm_behouden(client_als, django_assert_max_num_queries):
    BurgerFabriek.create_batch(30, plaats="Amersfoort")
    client = client_als(Rol.FRONTOFFICE)
    eerste = client.post(LIJST, {"q": "amersfoort"}, follow=True)
    assert len(eerste.context["rijen"]) == 25
    token = eerste.redirect_chain[-1][0].split("zoek=")[1]
    assert f"zoek={token}&amp;page=2" in eerste.content.decode()  # the term, not in the link
    with django_assert_max_num_queries(12):
        tweede = client.get(LIJST, {"zoek": token, "page": 2})
    assert len(tweede.context["rijen"]) == 5


def test_aanmaken_via_formulier(client_als):
    response = client_als(Rol.FRONTOFFICE).post(
        reverse("burgers:nieuw"), post_nieuw(huishouden="nieuw")
    )
    burger = Burger.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("burgers:detail", kwargs={"pk": burger.pk})
    assert (burger.hhb_nummer, burger.bsn, burger.postcode) == ("HHB000001", "111222333", "3511 AB")
    assert burger.rekeningen.get().iban == IBAN
    assert burger.huishouden is not None
    deelname = burger.deelnames.get()
    assert (deelname.startdatum.isoformat(), deelname.buffergrens) == ("2026-02-01", None)


def test_aanmaken_met_eigen_buffergrens(client_als):
    client_als(Rol.TEAMLEIDER).post(
        reverse("burgers:nieuw"), post_nieuw(**{"deelname-buffergrens": "2.500,00"})
    )
    assert Deelname.objects.get().buffergrens == 250000


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("bsn", "111222334", "Dit BSN klopt niet (het voldoet niet aan de elfproef)."),
        ("postcode", "35 AB", "Vul een postcode in als 1234 AB."),
        ("geboortedatum", "01-01-2999", "De geboortedatum kan niet in de toekomst liggen."),
        (
            "rekening-iban",
            "NL91 ABNA 0417 1643 01",
            "Dit IBAN klopt niet: het controlegetal is onjuist.",
        ),
        ("deelname-buffergrens", "-10", "Het bedrag moet minimaal"),
    ],
)
def test_ongeldige_invoer_toont_melding_en_verandert_niets(client_als, veld, waarde, melding):
    client = client_als(Rol.FRONTOFFICE)
    voor = vingerafdruk()
    response = client.post(reverse("burgers:nieuw"), post_nieuw(**{veld: waarde}))
    assert response.status_code == 200
    assert melding in response.content.decode()
    assert "Controleer het formulier" in response.content.decode()
    assert vingerafdruk() == voor


def test_dubbel_bsn_via_formulier(client_als):
    BurgerFabriek(bsn="111222333")
    client = client_als(Rol.FRONTOFFICE)
    voor = vingerafdruk()
    response = client.post(reverse("burgers:nieuw"), post_nieuw())
    assert "Er is al een deelnemer met dit BSN." in response.content.decode()
    assert response.context["secties"][0][1].errors["bsn"] == [
        "Er is al een deelnemer met dit BSN."
    ]
    assert vingerafdruk() == voor


def test_wijzigen_via_formulier(client_als):
    burger = BurgerFabriek()
    client = client_als(Rol.FRONTOFFICE)
    assert client.get(reverse("burgers:wijzigen", kwargs={"pk": burger.pk})).status_code == 200
    response = client.post(
        reverse("burgers:wijzigen", kwargs={"pk": burger.pk}),
        post_persoon(burger, plaats="Zeist", huishouden="nieuw"),
    )
    assert response.status_code == 302
    burger.refresh_from_db()
    assert burger.plaats == "Zeist" and burger.huishouden is not None
    regel = AuditRegel.objects.get(object_type="burger")
    assert (regel.voor["plaats"], regel.na["plaats"]) == ("Utrecht", "Zeist")


@pytest.mark.parametrize("rol", [Rol.AUDITOR, Rol.BACKOFFICE, Rol.BEHEERDER])
def test_schrijven_geweigerd_zonder_recht(client_als, rol):
    burger = BurgerFabriek()
    deelname = DeelnameFabriek(burger=burger)
    client = client_als(rol)
    voor = vingerafdruk()
    pogingen = [
        (reverse("burgers:nieuw"), post_nieuw()),
        (
            reverse("burgers:wijzigen", kwargs={"pk": burger.pk}),
            post_persoon(burger, plaats="Zeist"),
        ),
        (reverse("burgers:verwijderen", kwargs={"pk": burger.pk}), {}),
        (reverse("burgers:rekening_koppelen", kwargs={"pk": burger.pk}), {"iban": IBAN}),
        (reverse("burgers:deelname_wijzigen", kwargs={"pk": deelname.pk}), post_deelname()),
        (
            reverse("burgers:deelname_beeindigen", kwargs={"pk": deelname.pk}),
            {"einddatum": "30-06-2026"},
        ),
    ]
    for url, data in pogingen:
        assert client.post(url, data).status_code == 403, url
    assert vingerafdruk() == voor


def test_anoniem_post_naar_inloggen_en_niets_veranderd(client):
    voor = vingerafdruk()
    response = client.post(reverse("burgers:nieuw"), post_nieuw())
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("accounts:login")
    )
    assert vingerafdruk() == voor


def test_detailpagina(client_als):
    burger = BurgerFabriek(voornamen="Sara", achternaam="Visser")
    burger.rekeningen.add(RekeningFabriek(iban=IBAN, rekeninghouder="S. Visser"))
    DeelnameFabriek(burger=burger)
    AfspraakFabriek(burger=burger, omschrijving="Huur Woonstichting")
    inhoud = (
        client_als(Rol.FRONTOFFICE)
        .get(reverse("burgers:detail", kwargs={"pk": burger.pk}))
        .content.decode()
    )
    assert "NL91 ABNA 0417 1643 00" in inhoud
    assert "Huur Woonstichting" in inhoud
    assert "€\xa01.500,00" in inhoud  # effective buffer limit: the municipality's default
    assert "30-06-2026" in inhoud  # end of the minimum term
    assert reverse("afspraken:nieuw", kwargs={"burger_pk": burger.pk}) in inhoud
    assert (
        reverse("audit:burger", kwargs={"burger_pk": burger.pk}) not in inhoud
    )  # frontoffice: no audit right


def test_detail_audit_link_alleen_met_recht(client_als):
    burger = BurgerFabriek()
    url = reverse("burgers:detail", kwargs={"pk": burger.pk})
    audit = reverse("audit:burger", kwargs={"burger_pk": burger.pk})
    assert audit in client_als(Rol.AUDITOR).get(url).content.decode()
    inhoud = client_als(Rol.BACKOFFICE).get(url).content.decode()
    assert audit not in inhoud
    assert reverse("burgers:wijzigen", kwargs={"pk": burger.pk}) not in inhoud


def test_verwijderen_via_scherm(client_als):
    vrij = BurgerFabriek()
    bezet = DeelnameFabriek().burger
    client = client_als(Rol.TEAMLEIDER)
    response = client.post(reverse("burgers:verwijderen", kwargs={"pk": bezet.pk}))
    assert response.status_code == 409
    assert "kan daarom niet worden verwijderd" in response.content.decode()
    assert Burger.objects.filter(pk=bezet.pk).exists()
    response = client.post(reverse("burgers:verwijderen", kwargs={"pk": vrij.pk}))
    assert response.status_code == 302
    assert not Burger.objects.filter(pk=vrij.pk).exists()


def test_rekening_koppelen_en_ontkoppelen_via_scherm(client_als):
    burger = BurgerFabriek()
    client = client_als(Rol.FRONTOFFICE)
    url = reverse("burgers:rekening_koppelen", kwargs={"pk": burger.pk})
    response = client.post(url, {"iban": "NL91 ABNA 0417 1643 01"})
    assert "Dit IBAN klopt niet" in response.content.decode()
    assert not burger.rekeningen.exists()
    assert client.post(url, {"iban": "nl91abna0417164300"}).status_code == 302
    rekening = burger.rekeningen.get()
    assert rekening.rekeninghouder == burger.naam
    client.post(
        reverse(
            "burgers:rekening_ontkoppelen", kwargs={"pk": burger.pk, "rekening_pk": rekening.pk}
        )
    )
    assert not burger.rekeningen.exists()


def test_deelname_beeindigen_scherm_vraagt_bevestiging(client_als):
    deelname = DeelnameFabriek()
    client = client_als(Rol.FRONTOFFICE)
    url = reverse("burgers:deelname_beeindigen", kwargs={"pk": deelname.pk})
    assert "30-06-2026" in client.get(url).content.decode()
    response = client.post(url, {"einddatum": "31-03-2026"})
    assert "Vink &#x27;toch beëindigen&#x27; aan" in response.content.decode()
    deelname.refresh_from_db()
    assert deelname.einddatum is None
    assert client.post(url, {"einddatum": "31-03-2026", "toch_beeindigen": "on"}).status_code == 302
    deelname.refresh_from_db()
    assert deelname.einddatum.isoformat() == "2026-03-31"
    nieuw = client.post(
        reverse("burgers:deelname_nieuw", kwargs={"pk": deelname.burger_id}),
        post_deelname(startdatum="01-04-2026"),
    )
    assert nieuw.status_code == 302
    assert deelname.burger.deelnames.count() == 2


def test_deelname_wijzigen_scherm(client_als):
    deelname = DeelnameFabriek()
    client = client_als(Rol.FRONTOFFICE)
    url = reverse("burgers:deelname_wijzigen", kwargs={"pk": deelname.pk})
    assert client.get(url).status_code == 200
    assert client.post(url, post_deelname(startdatum="01-01-2026")).status_code == 302
    deelname.refresh_from_db()
    assert (deelname.variant, deelname.buffergrens) == ("inkomsten", 250000)
