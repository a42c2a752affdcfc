"""Booking on an agreement that was not valid on the transaction's date, or for a
participant whose participation had ended, needs a confirmation with a reason and is
marked; ended agreements are not suggested and never booked automatically; every
agreement picker shows its validity dates."""

import datetime as dt
import io

import pytest
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.bankafschriften import selectors
from huishoudboekje.bankafschriften.models import Afletteruitkomst, Banktransactie
from huishoudboekje.bankafschriften.services import bankafschrift_importeren
from huishoudboekje.boekhouding.afletteren import afletteren_uitvoeren
from huishoudboekje.boekhouding.models import Journaalpost, Rubriek
from huishoudboekje.boekhouding.services_boeken import (
    BevestigingNodig,
    Boekdeel,
    journaalposten_boeken,
)
from huishoudboekje.door import Systeem
from huishoudboekje.fabrieken import (
    AfspraakFabriek,
    BanktransactieFabriek,
    DeelnameFabriek,
    GemeenteRekeningFabriek,
)

from .hulp import camt, tx

pytestmark = pytest.mark.django_db

MEI = dt.date(2026, 5, 28)


def _loon(**kw):
    return AfspraakFabriek(
        richting="inkomsten",
        omschrijving="Loon Bouwbedrijf",
        bedrag=150000,
        rubriek=Rubriek.objects.get(naam="Loon"),
        betaalwijze="",
        zoektermen=["Salaris"],
        **kw,
    )


def _transactie(afspraak, **kw):
    return BanktransactieFabriek(
        bedrag=150000,
        boekdatum=MEI,
        tegen_iban=afspraak.tegenrekening.iban,
        omschrijving="Salaris mei",
        **kw,
    )


def _staat():
    return (
        list(Journaalpost.objects.values_list("pk", flat=True)),
        list(Banktransactie.objects.values_list("pk", "geboekt")),
    )


def test_afspraak_die_niet_gold_vraagt_een_bevestiging_met_reden(frontoffice):
    afspraak = _loon(geldig_tot=dt.date(2026, 4, 30))
    t = _transactie(afspraak)
    voor = _staat()
    for bevestiging in ("", "   "):
        with pytest.raises(BevestigingNodig, match="gold niet op 28-05-2026") as fout:
            journaalposten_boeken(
                door=frontoffice,
                transactie_id=t.pk,
                delen=[Boekdeel(bedrag=150000, afspraak=afspraak)],
                bevestiging=bevestiging,
            )
        assert "geldig 01-01-2026 t/m 30-04-2026" in fout.value.redenen[0]
    assert _staat() == voor
    [post] = journaalposten_boeken(
        door=frontoffice,
        transactie_id=t.pk,
        delen=[Boekdeel(bedrag=150000, afspraak=afspraak)],
        bevestiging="Laatste loon, na einde contract",
    )
    assert (post.buiten_afspraak, post.na_deelname, post.bevestiging) == (
        True,
        False,
        "Laatste loon, na einde contract",
    )


def test_deelname_die_was_beeindigd_vraagt_een_bevestiging(frontoffice):
    afspraak = _loon()
    DeelnameFabriek(
        burger=afspraak.burger, startdatum=dt.date(2026, 1, 1), einddatum=dt.date(2026, 4, 30)
    )
    t = _transactie(afspraak)
    with pytest.raises(BevestigingNodig, match="deelname van .* was beëindigd op 30-04-2026"):
        journaalposten_boeken(
            door=frontoffice, transactie_id=t.pk, delen=[Boekdeel(bedrag=150000, afspraak=afspraak)]
        )
    [post] = journaalposten_boeken(
        door=frontoffice,
        transactie_id=t.pk,
        delen=[Boekdeel(bedrag=150000, afspraak=afspraak)],
        bevestiging="Teruggave na het einde",
    )
    assert (post.buiten_afspraak, post.na_deelname) == (False, True)
    # a running participation (or none at all yet) needs nothing
    lopend = _loon()
    DeelnameFabriek(burger=lopend.burger, startdatum=dt.date(2026, 1, 1))
    journaalposten_boeken(
        door=frontoffice,
        transactie_id=_transactie(lopend).pk,
        delen=[Boekdeel(bedrag=150000, afspraak=lopend)],
    )


def test_in_het_scherm_eerst_bevestigen_dan_geboekt_en_gemarkeerd(client_als):
    bo = client_als(Rol.BACKOFFICE)
    afspraak = _loon(geldig_tot=dt.date(2026, 4, 30))
    t = _transactie(afspraak)
    url = reverse("bankafschriften:boeken", args=[t.pk])
    eerst = bo.post(url, {"afspraak": afspraak.pk})
    assert eerst.status_code == 422 and not Journaalpost.objects.exists()
    tekst = eerst.content.decode()
    assert "Bevestig deze boeking" in tekst and "gold niet op 28-05-2026" in tekst
    assert 'name="bevestiging"' in tekst
    dan = bo.post(url, {"afspraak": afspraak.pk, "bevestiging": "Laatste loon"})
    assert dan.status_code == 302
    post = Journaalpost.objects.get()
    assert post.buiten_afspraak and post.bevestiging == "Laatste loon"
    pagina = bo.get(reverse("bankafschriften:transactie", args=[t.pk])).content.decode()
    assert "Buiten de geldigheid van de afspraak" in pagina and "Laatste loon" in pagina
    deelnemer = bo.get(reverse("burgers:detail", args=[afspraak.burger_id])).content.decode()
    assert "Buiten de geldigheid van de afspraak" in deelnemer


def test_splitsen_met_een_afspraak_die_niet_gold_vraagt_de_reden(client_als):
    bo = client_als(Rol.BACKOFFICE)
    afspraak = _loon(geldig_tot=dt.date(2026, 4, 30))
    t = _transactie(afspraak)
    data = {
        "deelnemer": afspraak.burger.hhb_nummer,
        "afspraak_1": afspraak.pk,
        "bedrag_1": "1.000,00",
        "rubriek_2": Rubriek.objects.get(naam="Overige inkomsten").pk,
        "bedrag_2": "500,00",
    }
    url = reverse("bankafschriften:splitsen", args=[t.pk])
    geweigerd = bo.post(url, data)
    assert geweigerd.status_code == 422 and not Journaalpost.objects.exists()
    assert "Bevestig deze boeking met een reden" in geweigerd.content.decode()
    assert bo.post(url, {**data, "bevestiging": "Nabetaling"}).status_code == 302
    assert Journaalpost.objects.get(afspraak=afspraak).bevestiging == "Nabetaling"


def test_beeindigde_afspraak_wordt_niet_voorgesteld_behalve_bij_een_gezochte_deelnemer():
    afspraak = _loon(geldig_tot=dt.date(2026, 4, 30))
    t = _transactie(afspraak)
    assert selectors.suggesties(t) == []
    [gezocht] = selectors.suggesties(t, extra_burger_id=afspraak.burger_id)
    assert gezocht.afspraak == afspraak and "gold niet op 28-05-2026" in gezocht.let_op
    lopend = _loon()
    [s] = selectors.suggesties(_transactie(lopend))
    assert s.afspraak == lopend and s.let_op == ""


def test_afspraakkiezers_tonen_de_geldigheid(client_als):
    bo = client_als(Rol.BACKOFFICE)
    afspraak = _loon(geldig_tot=dt.date(2026, 12, 31))
    pagina = bo.get(reverse("bankafschriften:transactie", args=[_transactie(afspraak).pk]))
    tekst = pagina.content.decode()
    assert "geldig 01-01-2026 t/m 31-12-2026" in tekst  # the suggestion and the split picker
    keuzes = dict(pagina.context["splitsformulier"].fields["afspraak_1"].choices)
    assert keuzes[afspraak.pk].endswith("(geldig 01-01-2026 t/m 31-12-2026)")


def test_automatisch_nooit_op_een_beeindigde_afspraak_of_deelname():
    beeindigd = _loon(geldig_tot=dt.date(2026, 4, 30))
    t1 = _transactie(beeindigd)
    na_deelname = _loon()
    DeelnameFabriek(
        burger=na_deelname.burger, startdatum=dt.date(2026, 1, 1), einddatum=dt.date(2026, 4, 30)
    )
    t2 = _transactie(na_deelname)
    assert afletteren_uitvoeren(door=Systeem("test")).geboekt == 0
    t1.refresh_from_db()
    t2.refresh_from_db()
    assert t1.geboekt == t2.geboekt == 0 and not Journaalpost.objects.exists()
    assert t1.afletter_uitkomst == t2.afletter_uitkomst == Afletteruitkomst.GEBLOKKEERD
    assert "beëindigd op 30-04-2026" in t2.afletter_toelichting


def test_import_boekt_niet_na_het_einde_van_de_deelname():
    GemeenteRekeningFabriek()
    afspraak = _loon()
    DeelnameFabriek(
        burger=afspraak.burger, startdatum=dt.date(2026, 1, 1), einddatum=dt.date(2026, 4, 30)
    )
    regel = tx(bedrag=150000, tegen_iban=afspraak.tegenrekening.iban, omschrijving="Salaris mei")
    r = bankafschrift_importeren(
        stream=io.BytesIO(camt(regel, eindsaldo=100000 + 150000)), bestandsnaam="a.xml", door=None
    )
    assert r.gelukt and r.automatisch == 0, r
    t = Banktransactie.objects.get()
    assert t.geboekt == 0 and t.afletter_uitkomst == Afletteruitkomst.GEBLOKKEERD
    assert "beëindigd op 30-04-2026" in t.afletter_toelichting
