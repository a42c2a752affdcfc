"""Undo is a reversing booking: nothing in the ledger is deleted or changed, both stay
visible (transaction page, the participant's history), and a reversed booking is no
payment for the matcher any more."""

import datetime as dt

import pytest
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.bankafschriften.models import Afletteruitkomst
from huishoudboekje.boekhouding.afletteren import afletteren_uitvoeren
from huishoudboekje.boekhouding.models import Journaalpost
from huishoudboekje.boekhouding.services_boeken import journaalpost_ongedaan_maken
from huishoudboekje.door import Systeem
from huishoudboekje.fabrieken import BanktransactieFabriek

pytestmark = pytest.mark.django_db


def _salaris(loon, **kw):
    return BanktransactieFabriek(
        bedrag=150000,
        boekdatum=dt.date(2026, 5, 25),
        tegen_iban=loon.tegenrekening.iban,
        omschrijving="Salaris mei",
        **kw,
    )


def test_beide_boekingen_blijven_zichtbaar_bij_de_deelnemer_en_de_transactie(client_als, loon):
    t = _salaris(loon)
    afletteren_uitvoeren(door=Systeem("test"))
    post = Journaalpost.objects.get()
    tl = client_als(Rol.TEAMLEIDER)
    antwoord = tl.post(
        reverse("bankafschriften:ongedaan", args=[post.pk]), {"reden": "Loon van de partner"}
    )
    assert antwoord.status_code == 302
    t.refresh_from_db()
    assert t.open_bedrag == t.bedrag and t.afletter_uitkomst == Afletteruitkomst.ONGEDAAN
    assert Journaalpost.objects.count() == 2
    deelnemer = tl.get(reverse("burgers:detail", args=[loon.burger_id])).content.decode()
    assert deelnemer.count("Loon van de partner") == 2  # on the booking and its reversal
    assert "Ongedaan gemaakt" in deelnemer and "Tegenboeking" in deelnemer
    transactie = tl.get(reverse("bankafschriften:transactie", args=[t.pk])).content.decode()
    assert "tegengeboekt op 25-05-2026 door test-teamleider" in transactie
    assert "maakt de boeking van 25-05-2026 ongedaan, door test-teamleider" in transactie
    assert transactie.count('name="reden"') == 0  # neither can be undone again


def test_ongedaan_maken_zonder_reden_verandert_niets(client_als, loon):
    t = _salaris(loon)
    afletteren_uitvoeren(door=Systeem("test"))
    post = Journaalpost.objects.get()
    bo = client_als(Rol.BACKOFFICE)
    antwoord = bo.post(reverse("bankafschriften:ongedaan", args=[post.pk]), follow=True)
    assert "Geef een reden" in antwoord.content.decode()
    t.refresh_from_db()
    assert t.open_bedrag == 0 and Journaalpost.objects.count() == 1


def test_een_tegengeboekte_betaling_telt_niet_als_eerdere_betaling(loon):
    """Reversed, a booking is no payment: the same salary arriving on another line is
    no "second payment" and books itself."""
    eerste = _salaris(loon)
    afletteren_uitvoeren(door=Systeem("test"))
    post = Journaalpost.objects.get(transactie=eerste)
    journaalpost_ongedaan_maken(door=Systeem("test"), journaalpost_id=post.pk, reden="verkeerd")
    tweede = _salaris(loon, bankreferentie="ANDER")
    assert afletteren_uitvoeren(door=Systeem("test")).geboekt == 1
    assert Journaalpost.objects.filter(transactie=tweede, afspraak=loon).exists()
    eerste.refresh_from_db()
    assert eerste.open_bedrag == eerste.bedrag  # the undone line waits for staff


def test_niets_in_de_applicatie_verwijdert_of_wijzigt_een_journaalpost():
    """A guard against a future `.delete()` or `.update()` of bookings in the code."""
    import pathlib
    import re

    wortel = pathlib.Path(__file__).resolve().parents[2]
    verboden = re.compile(
        r"Journaalpost\.objects[^\n]*\.(delete|update)\(|journaalposten[^\n]*\.(delete|update)\("
        r"|post\.delete\(\)|posten\.delete\(\)"
    )
    treffers = [
        f"{pad.relative_to(wortel)}:{nummer}"
        for pad in wortel.rglob("*.py")
        if "tests" not in pad.parts and "migrations" not in pad.parts
        for nummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1)
        if verboden.search(regel)
    ]
    assert not treffers, treffers
