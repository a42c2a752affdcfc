"""The role matrix: every view checks the role on the server, and a refused action has
no effect on the database.

Two layers:

1. Discovered from the URL resolver (nothing to maintain): every protected route is
   POSTed to (with placeholder ids) by anonymous and by each role whose right does not
   cover writing, and GET by each role that may not read: 403 (anonymous: to the login
   page, or 401 for the API) and an unchanged database fingerprint.
2. The explicit table `MATRIX` (plus rows apps keep in `<app>/tests/rolmatrix.py`):
   per write action the URL name, how to set up its objects, VALID POST data and the
   roles that may do it. Allowed roles must change the database (so the data really
   is valid and a 403 elsewhere is meaningful); the others get 403 and change nothing.

Guards that keep the matrix honest: a route whose name says it writes
(`*:nieuw|wijzigen|verwijderen|...`) must demand a right; every protected route must be
covered by `MATRIX` unless it is listed in ALLEEN_LEZEN (and then POST gives 405); each
row's roles must equal what accounts/roles.py grants.
"""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from huishoudboekje.accounts.models import Medewerker, Rolverzoek
from huishoudboekje.accounts.roles import RECHTEN, Rol
from huishoudboekje.boekhouding.models import Grootboekrekening, Rubriek
from huishoudboekje.configuratie.models import GemeenteRekening

from .rolmatrix import (
    OPEN_ROUTES,
    Route,
    Schrijfactie,
    bijdragen_van_apps,
    geweigerde_rollen,
    routes,
    verschil,
    vingerafdruk,
)

BEHEERDER = frozenset({Rol.BEHEERDER})
TEAMLEIDER = frozenset({Rol.TEAMLEIDER})

# Protected routes that only read although their right is a write right (GET only).
ALLEEN_LEZEN = {"accounts:medewerkers", "accounts:rolverzoeken"}


def _doelwit(**extra: Any) -> dict[str, Any]:
    medewerker = Medewerker.objects.create_user(username="doelwit", password="x", rol="frontoffice")
    if extra.get("totp"):
        TOTPDevice.objects.create(user=medewerker, name="telefoon", confirmed=True)
    if extra.get("activeren"):  # created by a beheerder, waits for its activation link
        medewerker.set_unusable_password()
        medewerker.activatie_open = True
        medewerker.save()
    return {"pk": medewerker.pk}


def _rolverzoek(kwarg: str = "pk") -> dict[str, Any]:
    """An open request by a beheerder (not a matrix client) to make 'doelwit' backoffice."""
    medewerker = Medewerker.objects.get(pk=_doelwit()["pk"])
    aanvrager = Medewerker.objects.create_user(username="aanvrager", rol="beheerder")
    verzoek = Rolverzoek.objects.create(
        medewerker=medewerker,
        rol="backoffice",
        vorige_rol="frontoffice",
        aangevraagd_door=aanvrager,
    )
    return {"pk": verzoek.pk if kwarg == "pk" else medewerker.pk}


def _gemeenterekening() -> dict[str, Any]:
    rekening = GemeenteRekening.objects.create(
        iban="NL62BNGH0285128701", bic="BNGHNL2G", rekeninghouder="Gemeente"
    )
    return {"pk": rekening.pk}


def _gemeente_data(_: dict[str, Any]) -> dict[str, Any]:
    return {
        "naam": "Gemeente Matrixstad",
        "standaard_buffergrens": "1.250,00",
        "alarm_marge_dagen": "4",
        "alarm_marge_bedrag": "12,50",
        "leefgeld_standaard_bedrag": "80",
        "leefgeld_standaard_frequentie": "wekelijks",
        "leefgeld_standaard_weekdag": "2",
        "minimale_looptijd_maanden": "6",
    }


def _grootboek(code: str) -> int:
    return Grootboekrekening.objects.get(referentiecode=code).pk


MATRIX: list[Schrijfactie] = [
    # accounts: staff management (functional administrator only)
    Schrijfactie(
        "accounts:medewerker_nieuw",
        BEHEERDER,
        data=lambda kw: {"username": "nieuwe-collega", "rol": "backoffice"},
    ),
    Schrijfactie(
        "accounts:medewerker_wijzigen",
        BEHEERDER,
        label="opslaan",
        opzet=_doelwit,
        data=lambda kw: {"actie": "opslaan", "rol": "teamleider", "is_active": "on"},
    ),
    Schrijfactie(
        "accounts:medewerker_wijzigen",
        BEHEERDER,
        label="deactiveren",
        opzet=_doelwit,
        data=lambda kw: {"actie": "deactiveren"},
    ),
    Schrijfactie(
        "accounts:medewerker_wijzigen",
        BEHEERDER,
        label="activatielink",
        opzet=lambda: _doelwit(activeren=True),
        data=lambda kw: {"actie": "activatielink"},
    ),
    Schrijfactie(
        "accounts:medewerker_wijzigen",
        BEHEERDER,
        label="tweede_factor_resetten",
        opzet=lambda: _doelwit(totp=True),
        data=lambda kw: {"actie": "tweede_factor_resetten"},
    ),
    Schrijfactie(
        "accounts:medewerker_wijzigen",
        BEHEERDER,
        label="opnieuw_activeren",
        opzet=_doelwit,
        data=lambda kw: {"actie": "opnieuw_activeren"},
    ),
    Schrijfactie(
        "accounts:medewerker_wijzigen",
        BEHEERDER,
        label="rolverzoek_intrekken",
        opzet=lambda: _rolverzoek("medewerker"),
        data=lambda kw: {"actie": "rolverzoek_intrekken"},
    ),
    # accounts: a teamleider approves or rejects a case role
    Schrijfactie("accounts:rolverzoek_goedkeuren", TEAMLEIDER, opzet=_rolverzoek),
    Schrijfactie(
        "accounts:rolverzoek_afwijzen",
        TEAMLEIDER,
        opzet=_rolverzoek,
        data=lambda kw: {"toelichting": "Niet nodig"},
    ),
    # configuratie
    Schrijfactie("configuratie:wijzigen", BEHEERDER, data=_gemeente_data),
    Schrijfactie(
        "configuratie:rekening_nieuw",
        BEHEERDER,
        data=lambda kw: {"iban": "NL91 ABNA 0417 1643 00", "rekeninghouder": "Gemeente inz. HHB"},
    ),
    Schrijfactie(
        "configuratie:rekening_wijzigen",
        BEHEERDER,
        opzet=_gemeenterekening,
        data=lambda kw: {"iban": "NL62BNGH0285128701", "rekeninghouder": "Nieuwe naam"},
    ),
    Schrijfactie("configuratie:rekening_verwijderen", BEHEERDER, opzet=_gemeenterekening),
    # boekhouding: rubrieken
    Schrijfactie(
        "boekhouding:rubriek_nieuw",
        BEHEERDER,
        data=lambda kw: {"naam": "Matrixrubriek", "grootboekrekening": _grootboek("WBedOvrUit")},
    ),
    Schrijfactie(
        "boekhouding:rubriek_wijzigen",
        BEHEERDER,
        opzet=lambda: {"pk": Rubriek.objects.get(naam="Huur").pk},
        data=lambda kw: {"naam": "Huur woning", "grootboekrekening": _grootboek("WBedHuiHur")},
    ),
    Schrijfactie(
        "boekhouding:rubriek_verwijderen",
        BEHEERDER,
        opzet=lambda: {"pk": Rubriek.objects.get(naam="Bankkosten").pk},
    ),
]

ALLE_RIJEN = MATRIX + bijdragen_van_apps()
ROUTES = routes()
PER_NAAM = {route.naam: route for route in ROUTES}
BESCHERMD = [r for r in ROUTES if r.beschermd]


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _client(maak_medewerker: Any, rol: Rol | None) -> Client:
    client = Client()
    if rol is not None:
        client.force_login(maak_medewerker(rol))
    return client


def _verstuur(client: Client, methode: str, url: str, data: dict[str, Any], json: bool) -> Any:
    if json:
        return getattr(client, methode)(url, data, content_type="application/json")
    return getattr(client, methode)(url, data)


def _controleer_geweigerd(response: Any, rol: Rol | None, route: Route) -> None:
    if rol is not None:
        assert response.status_code == 403, (
            f"{route.naam} als {rol}: {response.status_code}, verwacht 403"
        )
    elif route.api:
        assert response.status_code in (401, 403), f"{route.naam} anoniem: {response.status_code}"
    else:
        assert response.status_code == 302, f"{route.naam} anoniem: {response.status_code}"
        assert response["Location"].startswith(reverse("accounts:login"))


# --- guards ---------------------------------------------------------------------------


def test_elke_route_vraagt_een_recht():
    plaatshouders = [r.naam for r in ROUTES if r.is_plaatshouder]
    if plaatshouders:
        warnings.warn(
            f"Nog plaatshouders (startpagina) voor: {', '.join(plaatshouders)}", stacklevel=1
        )
    zonder = [
        r.naam
        for r in ROUTES
        if not r.beschermd and r.naam not in OPEN_ROUTES and not r.is_plaatshouder
    ]
    assert not zonder, f"Views zonder vereist_recht/lees_of_schrijf/HeeftRecht: {zonder}"


def test_schrijfroutes_hebben_een_recht():
    zonder = [r.naam for r in ROUTES if r.schrijft and not r.beschermd]
    assert not zonder, f"Schrijvende views zonder recht (vereist_recht ontbreekt): {zonder}"


def test_elke_schrijfroute_staat_in_de_matrix():
    gedekt = {rij.naam for rij in ALLE_RIJEN}
    ontbreekt = [r.naam for r in BESCHERMD if r.schrijft and r.naam not in gedekt | ALLEEN_LEZEN]
    assert not ontbreekt, (
        f"Schrijvende routes zonder rij in de rolmatrix: {ontbreekt}. Voeg een Schrijfactie "
        "toe aan MATRIX in accounts/tests/test_rolmatrix.py of aan SCHRIJFACTIES in "
        "<app>/tests/rolmatrix.py."
    )
    verouderd = sorted({rij.naam for rij in ALLE_RIJEN} - set(PER_NAAM)) + sorted(
        ALLEEN_LEZEN - set(PER_NAAM)
    )
    assert not verouderd, f"Rijen in de rolmatrix voor routes die niet (meer) bestaan: {verouderd}"


@pytest.mark.parametrize("rij", ALLE_RIJEN, ids=lambda rij: rij.id)
def test_matrix_volgt_de_rechtentabel(rij: Schrijfactie):
    """The written-down policy equals accounts/roles.py: a change there shows up here."""
    route = PER_NAAM[rij.naam]
    assert route.schrijf_recht is not None, f"{rij.naam} vraagt geen recht"
    toegestaan = RECHTEN[route.schrijf_recht]
    if rij.ook_recht is not None:
        toegestaan = toegestaan & RECHTEN[rij.ook_recht]
    assert rij.rollen == toegestaan, (
        f"{rij.naam}: matrix zegt {sorted(rij.rollen)}, "
        f"{route.schrijf_recht} geeft {sorted(toegestaan)}"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("naam", sorted(ALLEEN_LEZEN))
def test_alleen_lezen_routes_weigeren_post(maak_medewerker, naam: str):
    route = PER_NAAM[naam]
    assert route.lees_recht is not None
    rol = sorted(RECHTEN[route.lees_recht])[0]
    client = _client(maak_medewerker, rol)
    voor = vingerafdruk()
    assert client.post(reverse(naam), {"x": "1"}).status_code == 405
    assert vingerafdruk() == voor


# --- the explicit table -----------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("rol", [None, *Rol], ids=lambda rol: str(rol or "anoniem"))
@pytest.mark.parametrize("rij", ALLE_RIJEN, ids=lambda rij: rij.id)
def test_schrijfactie_per_rol(maak_medewerker, rij: Schrijfactie, rol: Rol | None):
    route = PER_NAAM[rij.naam]
    kwargs = rij.opzet()
    data = rij.data(kwargs)
    url = reverse(rij.naam, kwargs=kwargs)
    client = _client(maak_medewerker, rol)
    voor = vingerafdruk()
    response = _verstuur(client, rij.methode, url, data, rij.json)
    na = vingerafdruk()
    if rol is not None and rol in rij.rollen:
        assert response.status_code < 400, f"{rij.id} als {rol}: {response.status_code}"
        assert verschil(voor, na), (
            f"{rij.id} als {rol} veranderde niets: de POST-data in de matrix is ongeldig"
        )
    else:
        _controleer_geweigerd(response, rol, route)
        assert not verschil(voor, na), (
            f"{rij.id} als {rol or 'anoniem'} veranderde: {verschil(voor, na)}"
        )


# --- discovered from the URL resolver ---------------------------------------------------


def _geweigerd_schrijven() -> list[tuple[str, Rol | None]]:
    paren: list[tuple[str, Rol | None]] = []
    for route in BESCHERMD:
        if route.schrijf_recht is None:
            continue
        paren.append((route.naam, None))
        paren.extend((route.naam, rol) for rol in geweigerde_rollen(route.schrijf_recht))
    return paren


def _geweigerd_lezen() -> list[tuple[str, Rol]]:
    return [
        (route.naam, rol)
        for route in BESCHERMD
        if route.lees_recht is not None
        for rol in geweigerde_rollen(route.lees_recht)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("naam", "rol"), _geweigerd_schrijven(), ids=lambda w: str(w or "anoniem"))
def test_ontdekte_route_weigert_schrijven(maak_medewerker, naam: str, rol: Rol | None):
    route = PER_NAAM[naam]
    client = _client(maak_medewerker, rol)
    url = reverse(naam, kwargs=route.dummy_kwargs())
    voor = vingerafdruk()
    for methode in route.methoden or ("post",):
        response = _verstuur(client, methode, url, {}, route.api)
        _controleer_geweigerd(response, rol, route)
    assert vingerafdruk() == voor


@pytest.mark.django_db
@pytest.mark.parametrize(("naam", "rol"), _geweigerd_lezen(), ids=str)
def test_ontdekte_route_weigert_lezen(maak_medewerker, naam: str, rol: Rol):
    route = PER_NAAM[naam]
    client = _client(maak_medewerker, rol)
    response = client.get(reverse(naam, kwargs=route.dummy_kwargs()))
    _controleer_geweigerd(response, rol, route)


def test_rechten_worden_herkend_bij_beide_decorators():
    """The discovery must see through both decorators, or the matrix would miss views."""
    from huishoudboekje.accounts.permissions import lees_of_schrijf, vereist_recht
    from huishoudboekje.accounts.roles import Recht

    from .rolmatrix import rechten_van

    def view(request: Any) -> Any:
        return None

    assert (
        rechten_van(vereist_recht(Recht.BURGERS_WIJZIGEN)(view))[:2]
        == (Recht.BURGERS_WIJZIGEN,) * 2
    )
    beide = lees_of_schrijf(Recht.AFSPRAKEN_LEZEN, Recht.AFSPRAKEN_WIJZIGEN)(view)
    assert rechten_van(beide)[:2] == (Recht.AFSPRAKEN_LEZEN, Recht.AFSPRAKEN_WIJZIGEN)
    assert rechten_van(view) == (None, None, False, ())
