"""Refusals raised in a service layer reach the page in the staff member's language.

The message of each case below comes from a service or a selector (not from a form or a
template): deleting a category that agreements still use (boekhouding.services), deleting a
household that still has members (burgers.services_huishouden), a second participant with the
same BSN (burgers.services), a statement of an account that is not the municipality's
(bankafschriften.services), and the reasons built in the selectors: an organisation whose
department agreements use (organisaties.selectors), a bank account still linked to a
department and a participant (rekeningen.selectors), and fixed costs refused by the variants
'inkomsten' and 'afbouw' (burgers.selectors, for a new agreement and for switching the
variant). With English chosen with the language button the page shows the English text and
not the Dutch one; without that choice the same action stays Dutch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.afspraken.tests.hulp import afdeling, burger_met_rekening, huur_post
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.burgers.tests.hulp import BSN, post_deelname, post_nieuw
from huishoudboekje.fabrieken import (
    AfdelingFabriek,
    AfspraakFabriek,
    BurgerFabriek,
    DeelnameFabriek,
    HuishoudenFabriek,
    RekeningFabriek,
)

from .test_vertalingen import _in_het_engels

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Geval:
    """One service refusal: who does it, how, and the message in both languages."""

    rol: Rol
    status: int
    nederlands: str
    engels: str
    uitvoeren: Callable[[Client], object]


def _rubriek_in_gebruik(client: Client):  # type: ignore[no-untyped-def]
    AfspraakFabriek()
    AfspraakFabriek()
    rubriek = Rubriek.objects.get(naam="Huur")
    url = reverse("boekhouding:rubriek_verwijderen", kwargs={"pk": rubriek.pk})
    return client.post(url, follow=True)


def _huishouden_met_lid(client: Client):  # type: ignore[no-untyped-def]
    huishouden = HuishoudenFabriek()
    BurgerFabriek(huishouden=huishouden)
    return client.post(reverse("burgers:huishouden_verwijderen", kwargs={"pk": huishouden.pk}))


def _dubbel_bsn(client: Client):  # type: ignore[no-untyped-def]
    BurgerFabriek(bsn=BSN)
    return client.post(reverse("burgers:nieuw"), post_nieuw())


def _organisatie_in_gebruik(client: Client):  # type: ignore[no-untyped-def]
    partij = AfdelingFabriek()
    AfspraakFabriek(afdeling=partij)
    AfspraakFabriek(afdeling=partij)
    url = reverse("organisaties:verwijderen", kwargs={"pk": partij.organisatie.pk})
    return client.post(url)


def _rekening_gekoppeld(client: Client):  # type: ignore[no-untyped-def]
    rekening = RekeningFabriek()
    AfdelingFabriek(rekeningen=[rekening])
    BurgerFabriek().rekeningen.add(rekening)
    return client.post(reverse("organisaties:rekening_verwijderen", kwargs={"pk": rekening.pk}))


def _vaste_last_bij_inkomsten(client: Client):  # type: ignore[no-untyped-def]
    burger = burger_met_rekening()
    DeelnameFabriek(burger=burger, variant="inkomsten")
    url = reverse("afspraken:nieuw", kwargs={"burger_pk": burger.pk})
    return client.post(url, huur_post(afdeling()))


def _afbouw_met_lopende_vaste_lasten(client: Client):  # type: ignore[no-untyped-def]
    deelname = DeelnameFabriek(variant="volledig")
    for omschrijving in ("Water", "Huur", "Zorgverzekering", "Energie"):
        AfspraakFabriek(burger=deelname.burger, omschrijving=omschrijving)
    url = reverse("burgers:deelname_wijzigen", kwargs={"pk": deelname.pk})
    return client.post(url, post_deelname(startdatum="01-01-2026", variant="afbouw"))


def _afschrift_van_een_vreemde_rekening(client: Client):  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    from huishoudboekje.bankafschriften.tests.hulp import camt, tx

    inhoud = camt(tx(), iban="NL20INGB0001234567", eindsaldo=172500)
    bestand = SimpleUploadedFile("vreemd.xml", inhoud, content_type="application/xml")
    return client.post(reverse("bankafschriften:importeren"), {"bestanden": [bestand]})


GEVALLEN = {
    "afschrift-van-vreemde-rekening": Geval(
        rol=Rol.BACKOFFICE,
        status=422,
        nederlands="Rekening NL20 INGB 0001 2345 67 is geen rekening van de gemeente.",
        engels="Bank account NL20 INGB 0001 2345 67 is not an account of the municipality.",
        uitvoeren=_afschrift_van_een_vreemde_rekening,
    ),
    "rubriek-in-gebruik": Geval(
        rol=Rol.BEHEERDER,
        status=200,
        nederlands=(
            "Rubriek Huur kan niet worden verwijderd: er zijn nog 2 afspraken met deze rubriek."
        ),
        engels="Category Huur cannot be deleted: 2 agreements still use it.",
        uitvoeren=_rubriek_in_gebruik,
    ),
    "huishouden-met-lid": Geval(
        rol=Rol.TEAMLEIDER,
        status=409,
        nederlands=(
            "Dit huishouden heeft nog 1 deelnemer en kan daarom niet worden verwijderd. "
            "Haal eerst alle leden uit het huishouden."
        ),
        engels=(
            "This household still has 1 participant and therefore cannot be deleted. "
            "Remove all members from the household first."
        ),
        uitvoeren=_huishouden_met_lid,
    ),
    "dubbel-bsn": Geval(
        rol=Rol.FRONTOFFICE,
        status=200,
        nederlands="Er is al een deelnemer met dit BSN.",
        engels="There is already a participant with this BSN.",
        uitvoeren=_dubbel_bsn,
    ),
    "organisatie-in-gebruik": Geval(
        rol=Rol.BACKOFFICE,
        status=409,
        nederlands=(
            "Deze organisatie heeft nog 1 afdeling, die in 2 afspraken worden gebruikt. "
            "Verwijder eerst de afdelingen."
        ),
        engels=(
            "This organisation still has 1 department, which is used in 2 agreements. "
            "Delete the departments first."
        ),
        uitvoeren=_organisatie_in_gebruik,
    ),
    "rekening-gekoppeld": Geval(
        rol=Rol.TEAMLEIDER,  # also a participant's account: not the back office's
        status=409,
        nederlands=(
            "Deze rekening is nog gekoppeld aan 1 afdeling en 1 deelnemer. "
            "Ontkoppel de rekening eerst; daarna kan hij worden verwijderd."
        ),
        engels=(
            "This bank account is still linked to 1 department and 1 participant. "
            "Unlink the bank account first; then it can be deleted."
        ),
        uitvoeren=_rekening_gekoppeld,
    ),
    "vaste-last-bij-inkomsten": Geval(
        rol=Rol.FRONTOFFICE,
        status=200,
        nederlands=(
            "Bij de variant Inkomstenzekerheid betalen wij geen vaste lasten aan organisaties; "
            "de deelnemer krijgt alleen een vast bedrag uitbetaald. Kies een andere variant "
            "bij de deelname, of laat deze afspraak uiterlijk vandaag eindigen."
        ),
        engels=(
            "In the Income security variant we pay no fixed costs to organisations; the "
            "participant only receives a fixed amount. Choose another variant for the "
            "participation, or let this agreement end today at the latest."
        ),
        uitvoeren=_vaste_last_bij_inkomsten,
    ),
    "afbouw-met-lopende-vaste-lasten": Geval(
        rol=Rol.FRONTOFFICE,
        status=200,
        nederlands=(
            "Bij de variant Afbouw betaalt de deelnemer de vaste lasten zelf. Laat eerst de "
            "vaste lasten uiterlijk vandaag eindigen: 'Energie', 'Huur', 'Water' en meer."
        ),
        engels=(
            "In the Phase-out variant the participant pays the fixed costs themselves. First "
            "let the fixed costs end today at the latest: 'Energie', 'Huur', 'Water' and more."
        ),
        uitvoeren=_afbouw_met_lopende_vaste_lasten,
    ),
}


def _html(geval: Geval, client: Client) -> str:
    antwoord = geval.uitvoeren(client)
    assert antwoord.status_code == geval.status  # type: ignore[attr-defined]
    return antwoord.content.decode()  # type: ignore[attr-defined]


# The page escapes the quotes around agreement names (&#x27;), so the texts are compared
# escaped the same way.


@pytest.mark.parametrize("naam", list(GEVALLEN))
def test_servicemelding_in_het_engels(client_als, naam):
    geval = GEVALLEN[naam]
    html = _html(geval, _in_het_engels(client_als(geval.rol)))
    assert '<html lang="en"' in html
    assert escape(geval.engels) in html
    assert escape(geval.nederlands) not in html


@pytest.mark.parametrize("naam", list(GEVALLEN))
def test_servicemelding_blijft_standaard_nederlands(client_als, naam):
    geval = GEVALLEN[naam]
    html = _html(geval, client_als(geval.rol))
    assert '<html lang="nl"' in html
    assert escape(geval.nederlands) in html
    assert escape(geval.engels) not in html
