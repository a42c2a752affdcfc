"""Follow-up, copy, change, end and delete: through the screens and the services,
with audit lines, chain rules and role checks."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.afspraken import services
from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.audit.models import AuditActie, AuditRegel
from huishoudboekje.fabrieken import AfspraakFabriek

from .hulp import afdeling, burger_met_rekening, huur_gegevens, huur_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def fo(client_als):
    return client_als(Rol.FRONTOFFICE)


@pytest.fixture
def afspraak():
    return AfspraakFabriek(geldig_van=dt.date(2026, 1, 1))


def _url(naam, afspraak):
    return reverse(f"afspraken:{naam}", kwargs={"pk": afspraak.pk})


def _staat():
    return (
        list(Afspraak.objects.order_by("pk").values()),
        AuditRegel.objects.count(),
    )


def test_vervolg_beeindigt_de_oude_en_koppelt(fo, afspraak):
    response = fo.get(_url("vervolg", afspraak))
    assert response.context["form"].initial["bedrag"] == 72500  # same data pre-filled
    data = huur_post(afspraak.afdeling, bedrag="760,00", geldig_van="01-07-2026")
    response = fo.post(_url("vervolg", afspraak), data)
    afspraak.refresh_from_db()
    nieuw = Afspraak.objects.get(vervolg_op=afspraak)
    assert response["Location"] == _url("detail", nieuw)
    assert afspraak.geldig_tot == dt.date(2026, 6, 30)
    assert (nieuw.geldig_van, nieuw.bedrag, nieuw.burger) == (
        dt.date(2026, 7, 1),
        76000,
        afspraak.burger,
    )
    regels = AuditRegel.objects.filter(burger_id=afspraak.burger_id).order_by("id")
    assert [(r.actie, r.object_id) for r in regels] == [
        (AuditActie.GEWIJZIGD, str(afspraak.pk)),
        (AuditActie.AANGEMAAKT, str(nieuw.pk)),
    ]
    assert regels[0].voor["geldig_tot"] is None and regels[0].na["geldig_tot"] == "2026-06-30"
    # both detail pages link to each other
    assert _url("detail", nieuw) in fo.get(_url("detail", afspraak)).content.decode()
    assert _url("detail", afspraak) in fo.get(_url("detail", nieuw)).content.decode()
    # a second follow-up on the old one is refused
    assert fo.get(_url("vervolg", afspraak))["Location"] == _url("detail", nieuw)


def test_vervolg_moet_na_het_begin_van_de_oude_beginnen(fo, afspraak):
    voor = _staat()
    response = fo.post(
        _url("vervolg", afspraak), huur_post(afspraak.afdeling, geldig_van="01-01-2026")
    )
    assert "na de begindatum" in response.context["form"].errors["geldig_van"][0]
    assert _staat() == voor


def test_vervolg_op_beeindigde_afspraak_sluit_aan(afspraak, frontoffice):
    afspraak.geldig_tot = dt.date(2026, 3, 31)
    afspraak.save()
    with pytest.raises(ValidationError) as fout:
        services.afspraak_vervolgen(
            door=frontoffice,
            afspraak=afspraak,
            gegevens=huur_gegevens(afspraak.afdeling, geldig_van=dt.date(2026, 6, 1)),
        )
    assert "uiterlijk 01-04-2026" in fout.value.message_dict["geldig_van"][0]
    nieuw = services.afspraak_vervolgen(
        door=frontoffice,
        afspraak=afspraak,
        gegevens=huur_gegevens(afspraak.afdeling, geldig_van=dt.date(2026, 4, 1)),
    )
    afspraak.refresh_from_db()
    assert afspraak.geldig_tot == dt.date(2026, 3, 31) and nieuw.vervolg_op == afspraak


def test_kopie_voor_dezelfde_deelnemer(fo, afspraak):
    response = fo.post(
        _url("kopie", afspraak), huur_post(afspraak.afdeling, omschrijving="Huur garage")
    )
    kopie = Afspraak.objects.exclude(pk=afspraak.pk).get()
    assert response["Location"] == _url("detail", kopie)
    assert (kopie.burger, kopie.omschrijving, kopie.vervolg_op) == (
        afspraak.burger,
        "Huur garage",
        None,
    )
    assert AuditRegel.objects.filter(actie=AuditActie.AANGEMAAKT, object_id=str(kopie.pk)).exists()


def _deelnemer_kiezen(client, url, nummer):
    """The choice is POSTed (what is typed never goes into the URL): the page it leads to."""
    response = client.post(url, {"deelnemer": nummer, "deelnemer_kiezen": "1"}, follow=True)
    assert nummer not in response.redirect_chain[-1][0]
    return response


def test_kopie_naar_andere_deelnemer(fo, afspraak):
    ander = burger_met_rekening()
    response = _deelnemer_kiezen(fo, _url("kopie", afspraak), ander.hhb_nummer.lower())
    url = response.redirect_chain[-1][0]
    assert response.context["burger"] == ander
    assert ander.naam in response.content.decode()
    fo.post(url, huur_post(afspraak.afdeling))
    kopie = Afspraak.objects.get(burger=ander)
    assert kopie.afdeling == afspraak.afdeling and kopie.bedrag == afspraak.bedrag


def test_kopie_naar_onbekende_deelnemer_blijft_bij_dezelfde(fo, afspraak):
    response = _deelnemer_kiezen(fo, _url("kopie", afspraak), "HHB999")
    assert response.context["burger"] == afspraak.burger
    assert "geen deelnemer met HHB-nummer HHB999" in response.content.decode()


def test_eigen_rekening_gaat_niet_mee_naar_andere_deelnemer(fo):
    burger = burger_met_rekening()
    eigen = burger.rekeningen.get()
    bron = AfspraakFabriek(burger=burger, afdeling=None, tegenrekening=eigen)
    ander = burger_met_rekening()
    gekozen = _deelnemer_kiezen(fo, _url("kopie", bron), ander.hhb_nummer)
    url = gekozen.redirect_chain[-1][0]
    assert gekozen.context["form"].initial["tegenrekening"] is None
    voor = _staat()
    data = huur_post(afdeling(), afdeling="", tegenrekening=eigen.pk)
    response = fo.post(url, data)
    assert "geen rekening van de deelnemer" in response.context["form"].errors["tegenrekening"][0]
    assert _staat() == voor


def test_wijzigen_met_audit_voor_en_na(fo, afspraak):
    fo.post(_url("wijzigen", afspraak), huur_post(afspraak.afdeling, bedrag="750,00"))
    afspraak.refresh_from_db()
    assert afspraak.bedrag == 75000
    regel = AuditRegel.objects.get(actie=AuditActie.GEWIJZIGD)
    assert (regel.voor["bedrag"], regel.na["bedrag"], regel.burger_id) == (
        72500,
        75000,
        afspraak.burger_id,
    )


def test_wijzigen_houdt_de_keten_sluitend(afspraak, frontoffice):
    nieuw = services.afspraak_vervolgen(
        door=frontoffice,
        afspraak=afspraak,
        gegevens=huur_gegevens(afspraak.afdeling, geldig_van=dt.date(2026, 7, 1)),
    )
    afspraak.refresh_from_db()
    with pytest.raises(ValidationError) as fout:
        services.afspraak_wijzigen(
            door=frontoffice,
            afspraak=afspraak,
            gegevens=huur_gegevens(afspraak.afdeling, geldig_tot=None),
        )
    assert "de einddatum blijft 30-06-2026" in fout.value.message_dict["geldig_tot"][0]
    with pytest.raises(ValidationError):
        services.afspraak_wijzigen(
            door=frontoffice,
            afspraak=nieuw,
            gegevens=huur_gegevens(afspraak.afdeling, geldig_van=dt.date(2026, 8, 1)),
        )
    with pytest.raises(ValidationError):
        services.afspraak_beeindigen(
            door=frontoffice, afspraak=afspraak, einddatum=dt.date(2026, 5, 1)
        )


def test_beeindigen(fo, afspraak):
    response = fo.post(_url("beeindigen", afspraak), {"einddatum": "30-06-2026"})
    assert response["Location"] == _url("detail", afspraak)
    afspraak.refresh_from_db()
    assert afspraak.geldig_tot == dt.date(2026, 6, 30)
    regel = AuditRegel.objects.get()
    assert (regel.actie, regel.voor["geldig_tot"], regel.na["geldig_tot"]) == (
        AuditActie.GEWIJZIGD,
        None,
        "2026-06-30",
    )


def test_beeindigen_voor_begin_geweigerd(fo, afspraak):
    voor = _staat()
    response = fo.post(_url("beeindigen", afspraak), {"einddatum": "31-12-2025"})
    assert "vóór de begindatum" in response.context["form"].errors["einddatum"][0]
    assert _staat() == voor


def test_verwijderen(fo, afspraak):
    burger_id, pk = afspraak.burger_id, afspraak.pk
    assert fo.post(_url("verwijderen", afspraak)).status_code == 302
    assert not Afspraak.objects.filter(pk=pk).exists()
    regel = AuditRegel.objects.get()
    assert (regel.actie, regel.burger_id, regel.voor["bedrag"]) == (
        AuditActie.VERWIJDERD,
        burger_id,
        72500,
    )


def test_verwijderen_geweigerd_met_vervolg(fo, afspraak, maak_medewerker):
    services.afspraak_vervolgen(
        door=maak_medewerker(Rol.TEAMLEIDER),
        afspraak=afspraak,
        gegevens=huur_gegevens(afspraak.afdeling, geldig_van=dt.date(2026, 7, 1)),
    )
    assert "vervolgafspraak" in services.afspraak_in_gebruik(afspraak)
    assert "vervolgafspraak" in fo.get(_url("verwijderen", afspraak)).content.decode()
    voor = _staat()
    response = fo.post(_url("verwijderen", afspraak), follow=True)
    assert "kan daarom niet worden verwijderd" in response.content.decode()
    assert _staat() == voor


@pytest.mark.parametrize("rol", [Rol.BACKOFFICE, Rol.AUDITOR, Rol.BEHEERDER])
@pytest.mark.parametrize("actie", ["wijzigen", "vervolg", "kopie", "beeindigen", "verwijderen"])
def test_rollen_zonder_recht_krijgen_403_en_er_verandert_niets(client_als, afspraak, rol, actie):
    data = (
        {"einddatum": "30-06-2026"}
        if actie == "beeindigen"
        else huur_post(afspraak.afdeling, bedrag="999,00", geldig_van="01-07-2026")
    )
    voor = _staat()
    client = client_als(rol)
    assert client.post(_url(actie, afspraak), data).status_code == 403
    assert client.get(_url(actie, afspraak)).status_code == 403
    assert _staat() == voor


@pytest.mark.parametrize("rol", [Rol.BACKOFFICE, Rol.AUDITOR, Rol.BEHEERDER])
def test_aanmaken_geweigerd_voor_rollen_zonder_recht(client_als, rol):
    burger = burger_met_rekening()
    voor = _staat()
    url = reverse("afspraken:nieuw", kwargs={"burger_pk": burger.pk})
    assert client_als(rol).post(url, huur_post(afdeling())).status_code == 403
    assert _staat() == voor


def test_beheerder_mag_afspraken_niet_lezen(client_als, afspraak):
    assert client_als(Rol.BEHEERDER).get(_url("detail", afspraak)).status_code == 403


def test_teamleider_mag_aanmaken(client_als):
    burger = burger_met_rekening()
    url = reverse("afspraken:nieuw", kwargs={"burger_pk": burger.pk})
    assert client_als(Rol.TEAMLEIDER).post(url, huur_post(afdeling())).status_code == 302
    assert Afspraak.objects.filter(burger=burger).count() == 1


def test_service_controleert_alles_ook_zonder_formulier(frontoffice):
    """The API and commands get the same rules as the form."""
    burger = burger_met_rekening()
    partij = afdeling()
    slecht = huur_gegevens(
        partij,
        bedrag=0,
        omschrijving="x" * 141,
        betaalwijze="",
        geldig_tot=dt.date(2025, 1, 1),
        tegenrekening=burger.rekeningen.get(),
        onbekend=1,
    )
    with pytest.raises(ValidationError) as fout:
        services.afspraak_aanmaken(door=frontoffice, burger=burger, gegevens=slecht)
    velden = fout.value.message_dict
    assert {
        "bedrag",
        "omschrijving",
        "betaalwijze",
        "geldig_tot",
        "tegenrekening",
        "__all__",
    } <= set(velden)
    assert not Afspraak.objects.exists() and not AuditRegel.objects.exists()
    afspraak = services.afspraak_aanmaken(
        door=frontoffice, burger=burger, gegevens=huur_gegevens(partij)
    )
    regel = AuditRegel.objects.get()
    assert (regel.actie, regel.object_id, regel.burger_id) == (
        AuditActie.AANGEMAAKT,
        str(afspraak.pk),
        burger.pk,
    )
    assert regel.medewerker == frontoffice
