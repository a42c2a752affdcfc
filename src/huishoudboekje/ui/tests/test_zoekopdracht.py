"""BSN, IBAN and e-mail never in a URL: every search that can carry them is POSTed and
redirected to `?zoek=<token>` (ui/zoekopdracht.py). Per search: the result is right,
the URL after searching (and every link on the page) holds the token, not the term;
a GET that still carries the term is redirected the same way; paging keeps the search;
the token means nothing in another session."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, quote_plus

import pytest
from django.test import Client
from django.urls import reverse

from huishoudboekje.accounts.models import Medewerker
from huishoudboekje.accounts.roles import Rol
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.boekhouding.services_boeken import Boekdeel, journaalposten_boeken
from huishoudboekje.burgers.models import Burger
from huishoudboekje.fabrieken import (
    AfdelingFabriek,
    AfspraakFabriek,
    BanktransactieFabriek,
    BurgerFabriek,
    OrganisatieFabriek,
    RekeningFabriek,
)

pytestmark = pytest.mark.django_db

BSN = "111222333"
IBAN = "NL91ABNA0417164300"
EMAIL = "fatima.el.amrani@example.nl"


def _deelnemer() -> Burger:
    burger = BurgerFabriek(bsn=BSN, voornamen="Fatima", achternaam="El Amrani")
    burger.rekeningen.add(RekeningFabriek(iban=IBAN, rekeninghouder="F. El Amrani"))
    return burger


def _geboekte_transactie() -> Any:
    burger = _deelnemer()
    afspraak = AfspraakFabriek(
        burger=burger, richting="inkomsten", rubriek=Rubriek.objects.get(naam="Loon")
    )
    transactie = BanktransactieFabriek(
        bedrag=72500, tegen_iban=IBAN, omschrijving=f"Salaris BSN {BSN} {EMAIL}"
    )
    journaalposten_boeken(
        door=Medewerker.objects.create_user(username="boeker", password="x", rol="backoffice"),
        transactie_id=transactie.pk,
        delen=[Boekdeel(bedrag=72500, afspraak=afspraak)],
    )
    return transactie


@dataclass(frozen=True)
class Zoeken:
    naam: str
    rol: Rol
    url: Callable[[], str]
    veld: str
    extra: dict[str, str] = field(default_factory=dict)
    vindbaar: tuple[str, ...] = ()  # terms that find the prepared object
    gevonden: Callable[[Any], bool] = lambda response: True


def _rijen(response: Any) -> list[Any]:
    return [r["transactie"] for r in response.context["rijen"]]


ZOEKOPDRACHTEN = [
    Zoeken(
        "deelnemers",
        Rol.FRONTOFFICE,
        lambda: (_deelnemer(), reverse("burgers:lijst"))[1],
        "q",
        vindbaar=(BSN, IBAN),
        gevonden=lambda r: "El Amrani" in r.content.decode(),
    ),
    Zoeken(
        "huishoudens",
        Rol.FRONTOFFICE,
        lambda: (_deelnemer(), reverse("burgers:huishoudens"))[1],
        "q",
    ),
    Zoeken(
        "organisaties",
        Rol.BACKOFFICE,
        lambda: (
            AfdelingFabriek(
                organisatie=OrganisatieFabriek(naam="Woonstichting Thuis"),
                rekeningen=[RekeningFabriek(iban=IBAN)],
            ),
            reverse("organisaties:lijst"),
        )[1],
        "q",
        vindbaar=(IBAN,),
        gevonden=lambda r: "Woonstichting Thuis" in r.content.decode(),
    ),
    Zoeken(
        "transacties-iban",
        Rol.BACKOFFICE,
        lambda: (_geboekte_transactie(), reverse("bankafschriften:transacties"))[1],
        "iban",
        extra={"status": ""},
        vindbaar=(IBAN,),
        gevonden=lambda r: len(_rijen(r)) == 1,
    ),
    Zoeken(
        "transacties-tekst",
        Rol.BACKOFFICE,
        lambda: (_geboekte_transactie(), reverse("bankafschriften:transacties"))[1],
        "tekst",
        extra={"status": ""},
        vindbaar=(BSN, EMAIL),
        gevonden=lambda r: len(_rijen(r)) == 1,
    ),
    Zoeken(
        "transacties-deelnemer",
        Rol.BACKOFFICE,
        lambda: (_geboekte_transactie(), reverse("bankafschriften:transacties"))[1],
        "deelnemer",
        extra={"status": ""},
    ),
    Zoeken(
        "transactie-deelnemer",
        Rol.BACKOFFICE,
        lambda: reverse("bankafschriften:transactie", args=[_geboekte_transactie().pk]),
        "deelnemer",
    ),
    Zoeken(
        "audit",
        Rol.AUDITOR,
        lambda: reverse("audit:lijst"),
        "tekst",
    ),
    Zoeken(
        "afspraak-kopie",
        Rol.FRONTOFFICE,
        lambda: reverse("afspraken:kopie", args=[AfspraakFabriek().pk]),
        "deelnemer",
        extra={"deelnemer_kiezen": "1"},
    ),
]


def _zonder(term: str, tekst: str) -> bool:
    """`term` appears nowhere in `tekst`, as typed or URL-encoded."""
    return all(vorm not in tekst for vorm in {term, quote(term), quote_plus(term)})


def _links(html: str) -> str:
    return " ".join(re.findall(r'(?:href|action)="([^"]*)"', html))


@pytest.mark.parametrize("zoeken", ZOEKOPDRACHTEN, ids=lambda z: z.naam)
@pytest.mark.parametrize("term", [BSN, IBAN, EMAIL], ids=["bsn", "iban", "email"])
def test_zoekterm_niet_in_de_url(client_als, zoeken: Zoeken, term: str):
    url = zoeken.url()
    client = client_als(zoeken.rol)
    response = client.post(url, {zoeken.veld: term, **zoeken.extra}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain, "a search answers with a redirect (Post/Redirect/Get)"
    na = response.redirect_chain[-1][0]
    assert "zoek=" in na
    assert _zonder(term, na), na
    assert _zonder(term, _links(response.content.decode()))
    if term in zoeken.vindbaar:
        assert zoeken.gevonden(response), "the search itself still works"


@pytest.mark.parametrize("zoeken", ZOEKOPDRACHTEN, ids=lambda z: z.naam)
def test_get_met_een_zoekterm_wordt_omgeleid(client_als, zoeken: Zoeken):
    """An old bookmark or a link with the term: redirected to a URL without it."""
    url = zoeken.url()
    response = client_als(zoeken.rol).get(url, {zoeken.veld: BSN})
    assert response.status_code == 303
    assert _zonder(BSN, response["Location"]) and "zoek=" in response["Location"]


def test_paginering_houdt_de_zoekopdracht_vast(client_als):
    for i in range(30):
        BurgerFabriek(achternaam=f"Visser{i:02d}", plaats="Zeist")
    BurgerFabriek(achternaam="Anders", plaats="Utrecht")
    client = client_als(Rol.FRONTOFFICE)
    eerste = client.post(reverse("burgers:lijst"), {"q": "Zeist"}, follow=True)
    assert len(eerste.context["rijen"]) == 25
    na = eerste.redirect_chain[-1][0]
    tweede = client.get(f"{na}&page=2")
    assert len(tweede.context["rijen"]) == 5
    assert tweede.context["q"] == "Zeist"


def test_token_geldt_alleen_in_de_eigen_sessie(client_als, maak_medewerker):
    _deelnemer()
    BurgerFabriek(achternaam="Jansen")
    client = client_als(Rol.FRONTOFFICE)
    na = client.post(reverse("burgers:lijst"), {"q": BSN}, follow=True).redirect_chain[-1][0]
    collega = Client()
    collega.force_login(maak_medewerker(Rol.TEAMLEIDER, "collega"))
    response = collega.get(na)
    assert response.status_code == 200
    assert response.context["q"] == ""  # the unfiltered list, not someone else's search
    assert len(response.context["rijen"]) == 2


def test_lege_zoekopdracht_toont_alles(client_als):
    BurgerFabriek.create_batch(2)
    client = client_als(Rol.FRONTOFFICE)
    response = client.post(reverse("burgers:lijst"), {"q": ""}, follow=True)
    assert len(response.context["rijen"]) == 2


def test_zoekformulieren_gebruiken_post(client_als):
    """The forms themselves POST (with a CSRF token), so the browser never builds the URL."""
    _deelnemer()
    client = client_als(Rol.TEAMLEIDER)
    for naam in ("burgers:lijst", "burgers:huishoudens", "organisaties:lijst"):
        html = client.get(reverse(naam)).content.decode()
        formulier = re.search(r'<form class="hhb-filter"[^>]*>', html)
        assert formulier and 'method="post"' in formulier.group(0), naam
        assert "csrfmiddlewaretoken" in html


def test_sessie_bewaart_een_begrensde_zoekopdracht(client_als):
    client = client_als(Rol.FRONTOFFICE)
    data = {f"veld{i}": "z" * 5000 for i in range(100)}
    response = client.post(reverse("burgers:lijst"), data)
    assert response.status_code == 303
    bewaard = list(client.session["hhb_zoekopdrachten"].values())[-1]["termen"]
    assert len(bewaard) <= 40 and all(len(w) <= 1000 for v in bewaard.values() for w in v)
