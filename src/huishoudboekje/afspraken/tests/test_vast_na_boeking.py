"""Direction and rubriek are fixed once an agreement has bookings: the service refuses a
change, the form shows them disabled with the reason, and a follow-up under another
direction or rubriek ends the old agreement (which keeps its bookings) and starts the new
one the next day, both audited, in one transaction."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from huishoudboekje.afspraken import services
from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.audit.models import AuditActie, AuditRegel
from huishoudboekje.boekhouding.models import Journaalpost, Rubriek
from huishoudboekje.fabrieken import AfspraakFabriek

from .hulp import boek_op, huur_gegevens, huur_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def fo(frontoffice):
    client = Client()
    client.force_login(frontoffice)
    return client


@pytest.fixture
def afspraak():
    return AfspraakFabriek(
        geldig_van=dt.date(2026, 1, 1),
        zoektermen=["huur", "contract 12"],
        uitzonderingen=["2026-02-01", "2026-12-01"],
    )


@pytest.fixture
def geboekt(afspraak):
    boek_op(afspraak, datum=dt.date(2026, 2, 3))
    return afspraak


def _url(naam, afspraak):
    return reverse(f"afspraken:{naam}", kwargs={"pk": afspraak.pk})


def _staat():
    return (
        list(Afspraak.objects.order_by("pk").values()),
        list(Journaalpost.objects.order_by("pk").values("pk", "afspraak_id", "rubriek_id")),
        AuditRegel.objects.count(),
    )


def _energie():
    return Rubriek.objects.get(naam="Energie")


# -- the service refuses -------------------------------------------------------------------


def test_wijzigen_weigert_een_andere_rubriek_na_boeking(geboekt, frontoffice):
    voor = _staat()
    gegevens = huur_gegevens(geboekt.afdeling, rubriek=_energie())
    with pytest.raises(ValidationError) as fout:
        services.afspraak_wijzigen(door=frontoffice, afspraak=geboekt, gegevens=gegevens)
    meldingen = fout.value.message_dict
    assert list(meldingen) == ["rubriek"]
    assert "al banktransacties geboekt op de rubriek Huur" in meldingen["rubriek"][0]
    assert "vervolgafspraak" in meldingen["rubriek"][0]
    assert _staat() == voor


def test_wijzigen_weigert_een_andere_richting_na_boeking(geboekt, frontoffice):
    voor = _staat()
    gegevens = huur_gegevens(
        geboekt.afdeling, richting="inkomsten", rubriek=Rubriek.objects.get(naam="Loon"),
        betaalwijze="",
    )
    with pytest.raises(ValidationError) as fout:
        services.afspraak_wijzigen(door=frontoffice, afspraak=geboekt, gegevens=gegevens)
    assert set(fout.value.message_dict) == {"richting", "rubriek"}
    assert "de richting kan daarom niet meer veranderen" in fout.value.message_dict["richting"][0]
    assert _staat() == voor


def test_zonder_boeking_mag_de_rubriek_wel_veranderen(afspraak, frontoffice):
    gegevens = huur_gegevens(afspraak.afdeling, rubriek=_energie())
    services.afspraak_wijzigen(door=frontoffice, afspraak=afspraak, gegevens=gegevens)
    assert Afspraak.objects.get(pk=afspraak.pk).rubriek == _energie()


def test_na_boeking_blijven_bedrag_tekst_zoektermen_en_datums_wijzigbaar(geboekt, frontoffice):
    gegevens = huur_gegevens(
        geboekt.afdeling,
        bedrag=75000,
        omschrijving="Huur Oudegracht 12 (nieuw contract)",
        zoektermen=["huur", "oudegracht"],
        geldig_tot=dt.date(2027, 6, 30),
    )
    services.afspraak_wijzigen(door=frontoffice, afspraak=geboekt, gegevens=gegevens)
    geboekt.refresh_from_db()
    assert (geboekt.bedrag, geboekt.zoektermen, geboekt.geldig_tot) == (
        75000,
        ["huur", "oudegracht"],
        dt.date(2027, 6, 30),
    )
    assert geboekt.omschrijving.endswith("(nieuw contract)")


# -- the form ------------------------------------------------------------------------------


def test_formulier_toont_richting_en_rubriek_vast_met_uitleg_en_vervolgknop(fo, geboekt):
    response = fo.get(_url("wijzigen", geboekt))
    form = response.context["form"]
    assert form.fields["richting"].disabled and form.fields["rubriek"].disabled
    assert not any(form.fields[v].disabled for v in ("bedrag", "omschrijving", "zoektermen"))
    assert not any(form.fields[v].disabled for v in ("geldig_van", "geldig_tot"))
    html = response.content.decode()
    (select,) = re.findall(r'<select[^>]*name="rubriek"[^>]*>', html)
    radios = re.findall(r'<input[^>]*name="richting"[^>]*>', html)
    assert "disabled" in select and len(radios) == 2 and all("disabled" in r for r in radios)
    (bedrag,) = re.findall(r'<input[^>]*name="bedrag"[^>]*>', html)
    assert "disabled" not in bedrag
    assert "Richting en rubriek liggen daarom vast" in html
    assert f'href="{_url("vervolg_rubriek", geboekt)}"' in html
    assert "Vervolgafspraak maken" in html


def test_formulier_zonder_boeking_laat_alles_open(fo, afspraak):
    response = fo.get(_url("wijzigen", afspraak))
    form = response.context["form"]
    assert not form.fields["richting"].disabled and not form.fields["rubriek"].disabled
    html = response.content.decode()
    assert "liggen daarom vast" not in html
    assert _url("vervolg_rubriek", afspraak) not in html


def test_formulier_negeert_een_geposte_rubriek_en_slaat_de_rest_op(fo, geboekt):
    data = huur_post(geboekt.afdeling, bedrag="760,00", rubriek=_energie().pk, richting="inkomsten")
    response = fo.post(_url("wijzigen", geboekt), data)
    assert response.status_code == 302, response.context["form"].errors
    geboekt.refresh_from_db()
    assert (geboekt.bedrag, geboekt.rubriek.naam, geboekt.richting) == (76000, "Huur", "uitgaven")


# -- the follow-up under another rubriek ---------------------------------------------------


def test_vervolg_met_andere_rubriek_via_het_scherm(fo, geboekt, frontoffice):
    response = fo.get(_url("vervolg_rubriek", geboekt))
    assert response.context["form"].initial["einddatum"] == timezone.localdate()
    assert "01-01-2026" in response.content.decode()  # the validity of the current one
    post = Journaalpost.objects.get(afspraak=geboekt)
    response = fo.post(
        _url("vervolg_rubriek", geboekt),
        {
            "einddatum": "31-03-2026",
            "richting": "uitgaven",
            "rubriek": _energie().pk,
            "betaalwijze": "incasso",
        },
    )
    nieuw = Afspraak.objects.get(vervolg_op=geboekt)
    assert response["Location"] == _url("detail", nieuw)
    geboekt.refresh_from_db()
    assert geboekt.geldig_tot == dt.date(2026, 3, 31) and geboekt.rubriek.naam == "Huur"
    assert (nieuw.geldig_van, nieuw.geldig_tot, nieuw.rubriek, nieuw.betaalwijze) == (
        dt.date(2026, 4, 1),
        None,
        _energie(),
        "incasso",
    )
    for veld in (
        "burger_id", "richting", "afdeling_id", "tegenrekening_id", "bedrag", "omschrijving",
        "zoektermen", "frequentie", "interval", "dag_van_maand", "weekdag", "maand", "leefgeld",
    ):
        assert getattr(nieuw, veld) == getattr(geboekt, veld), veld
    assert nieuw.uitzonderingen == ["2026-12-01"]  # the one before the start is dropped
    post.refresh_from_db()
    assert (post.afspraak_id, post.rubriek.naam) == (geboekt.pk, "Huur")  # bookings stay
    regels = AuditRegel.objects.filter(medewerker=frontoffice).order_by("id")
    assert [(r.actie, r.object_id) for r in regels] == [
        (AuditActie.GEWIJZIGD, str(geboekt.pk)),
        (AuditActie.AANGEMAAKT, str(nieuw.pk)),
    ]
    assert regels[0].voor["geldig_tot"] is None and regels[0].na["geldig_tot"] == "2026-03-31"
    assert regels[1].na["rubriek_id"] == _energie().pk
    assert regels[1].na["vervolg_op_id"] == geboekt.pk
    # the chain on the detail page shows both, with rubriek and validity
    html = fo.get(_url("detail", nieuw)).content.decode()
    assert "Huur · 01-01-2026 t/m 31-03-2026" in html and "Energie · vanaf 01-04-2026" in html


def test_vervolg_naar_inkomsten_laat_de_betaalwijze_weg(geboekt, frontoffice):
    nieuw = services.afspraak_vervolgen_met_rubriek(
        door=frontoffice,
        afspraak=geboekt,
        einddatum=dt.date(2026, 2, 28),
        richting="inkomsten",
        rubriek=Rubriek.objects.get(naam="Overige inkomsten"),
        betaalwijze="overschrijving",
    )
    assert (nieuw.richting, nieuw.betaalwijze, nieuw.geldig_van) == (
        "inkomsten",
        "",
        dt.date(2026, 3, 1),
    )


def test_vervolg_neemt_een_latere_einddatum_over(frontoffice):
    afspraak = AfspraakFabriek(geldig_van=dt.date(2026, 1, 1), geldig_tot=dt.date(2026, 12, 31))
    nieuw = services.afspraak_vervolgen_met_rubriek(
        door=frontoffice, afspraak=afspraak, einddatum=dt.date(2026, 6, 30),
        richting="uitgaven", rubriek=_energie(), betaalwijze="overschrijving",
    )
    assert (nieuw.geldig_van, nieuw.geldig_tot) == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))


@pytest.mark.parametrize(
    ("einddatum", "richting", "rubriek", "veld", "melding"),
    [
        (dt.date(2026, 3, 31), "uitgaven", "Huur", "rubriek", "Kies een andere richting of"),
        (dt.date(2026, 2, 2), "uitgaven", "Energie", "einddatum", "geboekt tot en met 03-02-2026"),
        (dt.date(2025, 12, 31), "uitgaven", "Energie", "einddatum", "vóór de begindatum"),
        # the new agreement is invalid: the old one is not ended either (atomic)
        (dt.date(2026, 3, 31), "inkomsten", "Energie", "rubriek", "rubriek voor inkomsten"),
    ],
)
def test_vervolg_met_rubriek_weigert_en_verandert_niets(
    geboekt, frontoffice, einddatum, richting, rubriek, veld, melding
):
    voor = _staat()
    with pytest.raises(ValidationError) as fout:
        services.afspraak_vervolgen_met_rubriek(
            door=frontoffice, afspraak=geboekt, einddatum=einddatum, richting=richting,
            rubriek=Rubriek.objects.get(naam=rubriek), betaalwijze="overschrijving",
        )
    assert any(melding in m for m in fout.value.message_dict[veld]), fout.value.message_dict
    assert _staat() == voor


def test_vervolg_met_rubriek_na_het_einde_van_de_afspraak_geweigerd(fo):
    afspraak = AfspraakFabriek(geldig_van=dt.date(2026, 1, 1), geldig_tot=dt.date(2026, 3, 31))
    voor = _staat()
    response = fo.post(
        _url("vervolg_rubriek", afspraak),
        {"einddatum": "30-04-2026", "richting": "uitgaven", "rubriek": _energie().pk,
         "betaalwijze": "overschrijving"},
    )
    assert response.status_code == 200
    assert "eindigt al op 31-03-2026" in response.context["form"].errors["einddatum"][0]
    assert _staat() == voor


def test_vervolg_met_rubriek_op_een_afspraak_met_vervolg_verwijst_door(fo, geboekt, frontoffice):
    nieuw = services.afspraak_vervolgen_met_rubriek(
        door=frontoffice, afspraak=geboekt, einddatum=dt.date(2026, 3, 31),
        richting="uitgaven", rubriek=_energie(), betaalwijze="overschrijving",
    )
    assert fo.get(_url("vervolg_rubriek", geboekt))["Location"] == _url("detail", nieuw)
    html = fo.get(_url("wijzigen", geboekt)).content.decode()
    assert "liggen daarom vast" in html and _url("vervolg_rubriek", geboekt) not in html
