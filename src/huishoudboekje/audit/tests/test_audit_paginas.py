"""The audit trail pages: who may read them, filters, pagination, before -> after."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from huishoudboekje.accounts.models import Medewerker
from huishoudboekje.accounts.roles import Rol
from huishoudboekje.audit.models import AuditActie, AuditRegel
from huishoudboekje.audit.services import audit_registreer, momentopname
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.boekhouding.services import rubriek_opslaan
from huishoudboekje.configuratie.services import gemeente_wijzigen
from huishoudboekje.fabrieken import BurgerFabriek

pytestmark = pytest.mark.django_db


def _op(regel: AuditRegel, jaar: int, maand: int, dag: int, uur: int = 12, minuut: int = 0) -> None:
    tijd = timezone.make_aware(dt.datetime(jaar, maand, dag, uur, minuut))
    AuditRegel.objects.filter(pk=regel.pk).update(tijdstip=tijd)


@pytest.fixture
def auditor(client_als):
    return client_als(Rol.AUDITOR)


@pytest.fixture
def medewerker(maak_medewerker) -> Medewerker:
    return maak_medewerker(Rol.FRONTOFFICE, "frida")


@pytest.mark.parametrize("rol", [Rol.TEAMLEIDER, Rol.AUDITOR])
def test_teamleider_en_auditor_mogen_lezen(client_als, rol):
    assert client_als(rol).get(reverse("audit:lijst")).status_code == 200


@pytest.mark.parametrize("rol", [Rol.FRONTOFFICE, Rol.BACKOFFICE, Rol.BEHEERDER])
def test_andere_rollen_niet(client_als, rol):
    client = client_als(rol)
    assert client.get(reverse("audit:lijst")).status_code == 403
    assert client.get(reverse("audit:burger", kwargs={"burger_pk": 1})).status_code == 403


def test_regel_toont_tijd_wie_actie_wat_en_wijzigingen(auditor, medewerker):
    rubriek = Rubriek.objects.get(naam="Huur")
    rubriek.naam = "Kale huur"
    rubriek_opslaan(door=medewerker, rubriek=rubriek)
    regel = AuditRegel.objects.get()
    _op(regel, 2026, 3, 7, 9, 5)
    html = auditor.get(reverse("audit:lijst")).content.decode()
    assert "7 maart 2026 09:05" in html
    assert "frida" in html
    assert "Gewijzigd" in html
    assert "Rubriek: Kale huur" in html
    assert "<details" in html
    # the changed field with its label, before and after; unchanged fields are not listed
    assert "<dt>naam</dt>" in html
    assert 'Huur <span aria-hidden="true">→</span>' in html and "Kale huur</dd>" in html
    assert "<dt>grootboekrekening</dt>" not in html


def test_bedragen_in_euros_en_zonder_id(auditor, medewerker):
    gemeente_wijzigen(door=medewerker, standaard_buffergrens=120000)
    rubriek = Rubriek(
        naam="Nieuw", grootboekrekening=Rubriek.objects.get(naam="Huur").grootboekrekening
    )
    rubriek_opslaan(door=medewerker, rubriek=rubriek)
    html = auditor.get(reverse("audit:lijst")).content.decode()
    assert "<dt>standaard buffergrens</dt>" in html
    assert '€\u00a01.500,00 <span aria-hidden="true">→</span>' in html
    assert "€\u00a01.200,00</dd>" in html
    assert "<dt>ID</dt>" not in html and "<dt>id</dt>" not in html


def test_filter_op_soort_actie_medewerker_en_tekst(auditor, medewerker, maak_medewerker):
    ander = maak_medewerker(Rol.BEHEERDER, "bert")
    rubriek = Rubriek.objects.get(naam="Water")
    rubriek.naam = "Drinkwater"
    rubriek_opslaan(door=medewerker, rubriek=rubriek)
    gemeente_wijzigen(door=ander, naam="Gemeente Filterdam")
    url = reverse("audit:lijst")

    def omschrijvingen(**params):
        response = auditor.get(url, params, follow=True)
        assert response.status_code == 200
        return [r.regel.object_omschrijving for r in response.context["rijen"]]

    assert omschrijvingen() == ["Gemeente Filterdam", "Drinkwater"]
    assert omschrijvingen(object_type="rubriek") == ["Drinkwater"]
    assert omschrijvingen(object_type="gemeente") == ["Gemeente Filterdam"]
    assert omschrijvingen(actie="gewijzigd") == ["Gemeente Filterdam", "Drinkwater"]
    assert omschrijvingen(actie="verwijderd") == []
    assert omschrijvingen(medewerker=ander.pk) == ["Gemeente Filterdam"]
    assert omschrijvingen(tekst="drinkW") == ["Drinkwater"]


def test_filter_op_datum_van_tot_inclusief(auditor, medewerker):
    regels = []
    for dag in (1, 2, 3, 4):
        burger = BurgerFabriek(achternaam=f"Dag{dag}")
        regel = audit_registreer(
            door=medewerker, actie=AuditActie.AANGEMAAKT, obj=burger, burger_id=burger.pk
        )
        _op(regel, 2026, 5, dag, 23, 30)
        regels.append(regel)
    response = auditor.get(reverse("audit:lijst"), {"van": "2026-05-02", "tot": "03-05-2026"})
    gevonden = [r.regel.pk for r in response.context["rijen"]]
    assert gevonden == [regels[2].pk, regels[1].pk]


def test_tot_voor_van_geeft_melding(auditor, medewerker):
    rubriek_opslaan(door=medewerker, rubriek=Rubriek.objects.get(naam="Huur"))
    response = auditor.get(reverse("audit:lijst"), {"van": "2026-05-02", "tot": "2026-05-01"})
    assert response.status_code == 200
    assert "De einddatum ligt voor de begindatum." in response.content.decode()
    assert response.context["rijen"] == []


def test_ongeldige_datum_geeft_melding(auditor):
    response = auditor.get(reverse("audit:lijst"), {"van": "31-02-2026"})
    assert "Voer een geldige datum in." in response.content.decode()


def test_paginering_per_vijftig_met_filter_behouden(auditor, medewerker):
    rubriek = Rubriek.objects.get(naam="Huur")
    for i in range(51):
        audit_registreer(
            door=medewerker, actie=AuditActie.GEWIJZIGD, obj=rubriek, voor={"naam": str(i)}
        )
    eerste = auditor.get(reverse("audit:lijst"), {"object_type": "rubriek"})
    assert len(eerste.context["rijen"]) == 50
    volgende = eerste.context["pagina"].volgende
    assert volgende.startswith("object_type=rubriek&na=")
    assert f'href="?{volgende.replace("&", "&amp;")}"' in eerste.content.decode()
    tweede = auditor.get(f"{reverse('audit:lijst')}?{volgende}")
    assert len(tweede.context["rijen"]) == 1


def test_pagina_per_deelnemer(auditor, medewerker):
    burger = BurgerFabriek(voornamen="Sanne", achternaam="Visser")
    ander = BurgerFabriek(voornamen="Piet", achternaam="Smit")
    audit_registreer(door=medewerker, actie=AuditActie.AANGEMAAKT, obj=burger, burger_id=burger.pk)
    voor = momentopname(burger)
    burger.telefoonnummer = "0301234567"
    burger.save()
    audit_registreer(
        door=medewerker, actie=AuditActie.GEWIJZIGD, obj=burger, voor=voor, burger_id=burger.pk
    )
    audit_registreer(door=medewerker, actie=AuditActie.AANGEMAAKT, obj=ander, burger_id=ander.pk)
    response = auditor.get(reverse("audit:burger", kwargs={"burger_pk": burger.pk}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Audit trail van Sanne Visser" in html
    assert [r.regel.burger_id for r in response.context["rijen"]] == [burger.pk, burger.pk]
    assert "<dt>telefoonnummer</dt>" in html and "0301234567" in html
    assert "Smit" not in html


def test_pagina_van_verwijderde_deelnemer_blijft_leesbaar(auditor, medewerker):
    burger = BurgerFabriek(voornamen="Weg", achternaam="Geweest")
    pk = burger.pk
    audit_registreer(
        door=medewerker,
        actie=AuditActie.VERWIJDERD,
        obj=burger,
        voor=momentopname(burger),
        burger_id=pk,
    )
    burger.delete()
    response = auditor.get(reverse("audit:burger", kwargs={"burger_pk": pk}))
    assert response.status_code == 200
    assert f"Audit trail van deelnemer {pk}" in response.content.decode()
    assert len(response.context["rijen"]) == 1


def test_gezochte_tekst_staat_niet_in_de_url(auditor, medewerker):
    """A name or IBAN typed into the search goes by POST into the session; the URL holds
    an opaque token (ui/zoekopdracht.py)."""
    rubriek = Rubriek.objects.get(naam="Water")
    rubriek.naam = "Drinkwater Jansen"
    rubriek_opslaan(door=medewerker, rubriek=rubriek)
    response = auditor.post(reverse("audit:lijst"), {"tekst": "Jansen"})
    assert response.status_code == 303
    assert "Jansen" not in response["Location"] and "zoek=" in response["Location"]
    pagina = auditor.get(response["Location"])
    assert [r.regel.object_omschrijving for r in pagina.context["rijen"]] == ["Drinkwater Jansen"]
