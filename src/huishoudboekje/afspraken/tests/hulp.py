"""Shared set-up for the agreement tests: a participant with an own account, a
department with one account, and valid form data to start from."""

from __future__ import annotations

from typing import Any

from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.burgers.models import Burger
from huishoudboekje.fabrieken import AfdelingFabriek, BurgerFabriek, RekeningFabriek
from huishoudboekje.organisaties.models import Afdeling


def burger_met_rekening() -> Burger:
    burger = BurgerFabriek()
    burger.rekeningen.add(RekeningFabriek(rekeninghouder=burger.naam))
    return burger


def afdeling() -> Afdeling:
    return AfdelingFabriek()


def rubriek(naam: str) -> int:
    return Rubriek.objects.get(naam=naam).pk


def huur_post(partij: Afdeling, /, **extra: Any) -> dict[str, Any]:
    """Valid POST data: monthly rent on the 1st, paid by transfer to the department."""
    data: dict[str, Any] = {
        "richting": "uitgaven",
        "afdeling": partij.pk,
        "tegenrekening": partij.rekeningen.first().pk,
        "bedrag": "725,00",
        "omschrijving": "Huur Oudegracht 12",
        "rubriek": rubriek("Huur"),
        "betaalwijze": "overschrijving",
        "geldig_van": "01-01-2026",
        "geldig_tot": "",
        "frequentie": "maandelijks",
        "interval": "1",
        "dag_van_maand": "1",
        "weekdag": "",
        "maand": "",
        "uitzonderingen": "",
        "zoektermen": "huur, contract 12",
    }
    data.update(extra)
    return data


def huur_gegevens(partij: Afdeling, /, **extra: Any) -> dict[str, Any]:
    """Valid service data (model instances, cents) for the same rent."""
    import datetime as dt

    data: dict[str, Any] = {
        "richting": "uitgaven",
        "afdeling": partij,
        "tegenrekening": partij.rekeningen.first(),
        "bedrag": 72500,
        "omschrijving": "Huur Oudegracht 12",
        "rubriek": Rubriek.objects.get(naam="Huur"),
        "betaalwijze": "overschrijving",
        "geldig_van": dt.date(2026, 1, 1),
        "frequentie": "maandelijks",
        "dag_van_maand": 1,
        "zoektermen": ["huur"],
    }
    data.update(extra)
    return data


def boek_op(afspraak: Any, *, datum: Any = None, door: Any = None) -> Any:
    """Book a bank transaction of the agreement's size and direction on it, through the
    booking service (as staff would), so the agreement has a journaalpost."""
    import datetime as dt

    from huishoudboekje.boekhouding.services_boeken import Boekdeel, journaalposten_boeken
    from huishoudboekje.fabrieken import BanktransactieFabriek

    bedrag = afspraak.bedrag if afspraak.richting == "inkomsten" else -afspraak.bedrag
    transactie = BanktransactieFabriek(
        bedrag=bedrag,
        boekdatum=datum or dt.date(2026, 2, 1),
        tegen_iban=afspraak.tegenrekening.iban,
    )
    (post,) = journaalposten_boeken(
        door=door, transactie_id=transactie.pk, delen=[Boekdeel(bedrag=bedrag, afspraak=afspraak)]
    )
    return post
