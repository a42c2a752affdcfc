"""Every page that shows one participant's data logs a read of exactly that participant,
and every protected route is placed: logged (registratie.PAGINAS) or deliberately not
(registratie.ZONDER_PERSOONSGEGEVENS). A new page fails here until it is placed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.accounts.tests.rolmatrix import routes
from huishoudboekje.afspraken.tests.hulp import boek_op
from huishoudboekje.fabrieken import (
    AfspraakFabriek,
    BankafschriftFabriek,
    BurgerFabriek,
    DeelnameFabriek,
    HuishoudenFabriek,
    RekeningFabriek,
)
from huishoudboekje.verwerkingen.models import Verwerking
from huishoudboekje.verwerkingen.registratie import PAGINAS, ZONDER_PERSOONSGEGEVENS

# (URL kwargs, query string, ids of the participants the page is about)
Opzet = tuple[dict[str, Any], str, set[int]]


def _lijst() -> Opzet:
    BurgerFabriek()
    return {}, "", set()


def _burger(kwarg: str = "pk") -> Callable[[], Opzet]:
    def opzet() -> Opzet:
        burger = BurgerFabriek()
        BurgerFabriek()
        return {kwarg: burger.pk}, "", {burger.pk}

    return opzet


def _deelname() -> Opzet:
    deelname = DeelnameFabriek()
    return {"pk": deelname.pk}, "", {deelname.burger_id}


def _huishouden() -> Opzet:
    huishouden = HuishoudenFabriek()
    leden = {BurgerFabriek(huishouden=huishouden).pk, BurgerFabriek(huishouden=huishouden).pk}
    BurgerFabriek()
    return {"pk": huishouden.pk}, "", leden


def _leeg_huishouden() -> Opzet:
    return {"pk": HuishoudenFabriek().pk}, "", set()


def _afspraak() -> Opzet:
    afspraak = AfspraakFabriek()
    AfspraakFabriek()
    return {"pk": afspraak.pk}, "", {afspraak.burger_id}


def _afschrift() -> Opzet:
    return {"pk": BankafschriftFabriek().pk}, "", set()


def _transacties_van_deelnemer() -> Opzet:
    burger = BurgerFabriek()
    return {}, f"?status=&deelnemer={burger.hhb_nummer.lower()}", {burger.pk}


def _transactie() -> Opzet:
    """Booked on one participant; the page also searches another one."""
    post = boek_op(AfspraakFabriek())
    gezocht = BurgerFabriek()
    kwargs = {"pk": post.transactie_id}
    return kwargs, f"?deelnemer={gezocht.hhb_nummer}", {post.afspraak.burger_id, gezocht.pk}


def _rekening() -> Opzet:
    rekening = RekeningFabriek()
    burger = BurgerFabriek()
    burger.rekeningen.add(rekening)
    return {"pk": rekening.pk}, "", {burger.pk}


def _ongebruikte_rekening() -> Opzet:
    return {"pk": RekeningFabriek().pk}, "", set()


OPZET: dict[str, Callable[[], Opzet]] = {
    "burgers:lijst": _lijst,
    "burgers:detail": _burger(),
    "burgers:wijzigen": _burger(),
    "burgers:verwijderen": _burger(),
    "burgers:rekening_koppelen": _burger(),
    "burgers:deelname_nieuw": _burger(),
    "burgers:deelname_wijzigen": _deelname,
    "burgers:deelname_beeindigen": _deelname,
    "burgers:huishoudens": _lijst,
    "burgers:huishouden": _huishouden,
    "burgers:huishouden_wijzigen": _huishouden,
    "burgers:huishouden_verwijderen": _leeg_huishouden,
    "afspraken:nieuw": _burger("burger_pk"),
    "afspraken:rekeningkeuze": _burger("burger_pk"),
    "afspraken:rubriekkeuze": _burger("burger_pk"),
    "afspraken:detail": _afspraak,
    "afspraken:wijzigen": _afspraak,
    "afspraken:vervolg": _afspraak,
    "afspraken:vervolg_rubriek": _afspraak,
    "afspraken:kopie": _afspraak,
    "afspraken:beeindigen": _afspraak,
    "afspraken:verwijderen": _afspraak,
    "bankafschriften:lijst": _lijst,
    "bankafschriften:afschrift": _afschrift,
    "bankafschriften:transacties": _transacties_van_deelnemer,
    "bankafschriften:transactie": _transactie,
    "organisaties:rekening": _rekening,
    "organisaties:rekening_wijzigen": _rekening,
    "organisaties:rekening_verwijderen": _ongebruikte_rekening,
    "audit:lijst": _lijst,
    "audit:burger": _burger("burger_pk"),
}


def test_elke_beschermde_route_is_ingedeeld():
    beschermd = {r.naam for r in routes() if r.beschermd}
    niet_ingedeeld = sorted(beschermd - set(PAGINAS) - ZONDER_PERSOONSGEGEVENS)
    assert not niet_ingedeeld, (
        f"Routes zonder keuze in verwerkingen/registratie.py: {niet_ingedeeld}. Zet ze in "
        "PAGINAS (toont gegevens van deelnemers) of in ZONDER_PERSOONSGEGEVENS."
    )
    assert not set(PAGINAS) & ZONDER_PERSOONSGEGEVENS
    # (a name of a page that is gone stays harmless; PAGINAS is also reversed below)


def test_elke_gelogde_pagina_heeft_een_opzet():
    assert set(OPZET) == set(PAGINAS)


@pytest.mark.django_db
@pytest.mark.parametrize("naam", sorted(PAGINAS))
def test_pagina_logt_precies_haar_deelnemers(client_als, naam: str):
    kwargs, query, verwacht = OPZET[naam]()
    # a search term goes through the page's POST/redirect/GET (`?zoek=<token>`)
    response = client_als(Rol.TEAMLEIDER).get(reverse(naam, kwargs=kwargs) + query, follow=True)
    assert response.status_code == 200, f"{naam}: {response.status_code}"
    regels = list(Verwerking.objects.all())
    assert {r.verwerkingsactiviteit_id for r in regels} == {PAGINAS[naam].activiteit.id}
    assert {r.naam for r in regels} == {naam}
    assert len({r.trace_id for r in regels}) == 1
    if verwacht:
        assert sorted(r.burger_id for r in regels) == sorted(verwacht)
        assert all(r.betrokkene_id and r.betrokkene_id_type == "BSN" for r in regels)
    else:
        assert len(regels) == 1 and regels[0].burger_id is None and not regels[0].betrokkene_id
