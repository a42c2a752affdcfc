"""Rows of the role matrix (accounts/tests/test_rolmatrix.py) for the bank screens and
API: backoffice and teamleider import and book; everyone else gets 403 and changes
nothing. Valid data, so allowed roles really change the database."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.accounts.tests.rolmatrix import Schrijfactie
from huishoudboekje.boekhouding.models import Journaalpost, Rubriek
from huishoudboekje.fabrieken import AfspraakFabriek, BanktransactieFabriek, GemeenteRekeningFabriek

from .hulp import camt, tx

BOEKERS = frozenset({Rol.BACKOFFICE, Rol.TEAMLEIDER})


def _bestand(_: dict[str, Any], veld: str = "bestanden") -> dict[str, Any]:
    GemeenteRekeningFabriek()
    return {
        veld: SimpleUploadedFile("afschrift.xml", camt(tx(), eindsaldo=172500), "application/xml")
    }


def _open_inkomen() -> dict[str, Any]:
    afspraak = AfspraakFabriek(
        richting="inkomsten", rubriek=Rubriek.objects.get(naam="Loon"), betaalwijze=""
    )
    transactie = BanktransactieFabriek(bedrag=72500, tegen_iban=afspraak.tegenrekening.iban)
    return {"pk": transactie.pk, "_afspraak": afspraak.pk}


def _transactie() -> dict[str, Any]:
    kwargs = _open_inkomen()
    return {"pk": kwargs["pk"]}


def _geboekt() -> dict[str, Any]:
    kwargs = _open_inkomen()
    post = Journaalpost.objects.create(  # the database adds it to the transaction's geboekt
        transactie_id=kwargs["pk"],
        afspraak_id=kwargs["_afspraak"],
        rubriek=Rubriek.objects.get(naam="Loon"),
        bedrag=72500,
        datum="2026-05-01",
    )
    return {"pk": post.pk}


def _boek_data(kwargs: dict[str, Any]) -> dict[str, Any]:
    from huishoudboekje.afspraken.models import Afspraak

    return {"afspraak": Afspraak.objects.get().pk}


def _splits_data(kwargs: dict[str, Any]) -> dict[str, Any]:
    from huishoudboekje.afspraken.models import Afspraak

    return {
        "afspraak_1": Afspraak.objects.get().pk,
        "bedrag_1": "500,00",
        "rubriek_2": Rubriek.objects.get(naam="Overige inkomsten").pk,
        "bedrag_2": "225,00",
    }


def _nieuwe_rekening() -> dict[str, Any]:
    """A salary of a known employer from an account nobody knows yet."""
    afspraak = AfspraakFabriek(
        richting="inkomsten", rubriek=Rubriek.objects.get(naam="Loon"), betaalwijze=""
    )
    transactie = BanktransactieFabriek(
        bedrag=72500, tegen_naam=afspraak.afdeling.organisatie.naam
    )
    return {"pk": transactie.pk, "_afdeling": afspraak.afdeling_id}


def _pk_alleen(opzet: Any) -> Any:
    def maak() -> dict[str, Any]:
        kwargs = opzet()
        return {"pk": kwargs["pk"]}

    return maak


SCHRIJFACTIES = [
    Schrijfactie("bankafschriften:importeren", BOEKERS, data=_bestand),
    Schrijfactie("bankafschriften", BOEKERS, data=lambda kw: _bestand(kw, "bestand")),
    Schrijfactie("bankafschriften:afletteren", BOEKERS, opzet=lambda: (_transactie(), {})[1]),
    Schrijfactie(
        "bankafschriften:boeken", BOEKERS, opzet=_pk_alleen(_open_inkomen), data=_boek_data
    ),
    Schrijfactie(
        "bankafschriften:rubriek",
        BOEKERS,
        opzet=_transactie,
        data=lambda kw: {"rubriek": Rubriek.objects.get(naam="Overige inkomsten").pk},
    ),
    Schrijfactie("bankafschriften:splitsen", BOEKERS, opzet=_transactie, data=_splits_data),
    Schrijfactie(
        "bankafschriften:accepteren",
        BOEKERS,
        opzet=lambda: (_transactie(), {})[1],
        data=lambda kw: {"transactie": [str(BanktransactieFabriek._meta.model.objects.get().pk)]},
    ),
    Schrijfactie(
        "bankafschriften:ongedaan", BOEKERS, opzet=_geboekt, data=lambda kw: {"reden": "fout"}
    ),
    Schrijfactie(
        "bankafschriften:rekening_koppelen",
        BOEKERS,
        opzet=_pk_alleen(_nieuwe_rekening),
        data=lambda kw: {"afdeling": _afdeling_van_open()},
    ),
]


def _afdeling_van_open() -> int:
    from huishoudboekje.afspraken.models import Afspraak

    return int(Afspraak.objects.get().afdeling_id or 0)
