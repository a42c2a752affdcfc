"""Role matrix for organisation and account screens: reading for all staff, not the
beheerder (a ketenpartner can be a natural person); writing for backoffice, frontoffice
and teamleider only. A denied write
returns 403 and leaves the database (and the audit trail) exactly as it was."""

import pytest
from django.test import Client
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.audit.models import AuditRegel
from huishoudboekje.fabrieken import AfdelingFabriek, OrganisatieFabriek, RekeningFabriek
from huishoudboekje.organisaties.models import Afdeling, Organisatie, Postadres
from huishoudboekje.rekeningen.models import Rekening

pytestmark = pytest.mark.django_db

IBAN = "NL91ABNA0417164300"


@pytest.fixture
def scenario():
    afdeling = AfdelingFabriek(naam="Debiteuren")
    adres = Postadres.objects.create(
        afdeling=afdeling, straat="Postbus", huisnummer="1", postcode="3500 AA", plaats="Utrecht"
    )
    return {
        "org": afdeling.organisatie,
        "afdeling": afdeling,
        "adres": adres,
        "rekening": afdeling.rekeningen.get(),
        "vrije_org": OrganisatieFabriek(),
        "vrije_rekening": RekeningFabriek(),
    }


def _staat():
    """Everything these screens can change, as comparable data."""
    return (
        sorted(Organisatie.objects.values_list("pk", "naam", "kvk_nummer", "vestigingsnummer")),
        sorted(Afdeling.objects.values_list("pk", "naam", "organisatie_id")),
        sorted(Afdeling.rekeningen.through.objects.values_list("afdeling_id", "rekening_id")),
        sorted(Postadres.objects.values_list("pk", "straat", "huisnummer", "postcode", "plaats")),
        sorted(Rekening.objects.values_list("pk", "iban", "rekeninghouder", "bic")),
        AuditRegel.objects.count(),
    )


SCHRIJFACTIES = [
    ("organisaties:nieuw", lambda s: [], {"naam": "Nieuw", "kvk_nummer": "87654321"}),
    (
        "organisaties:wijzigen",
        lambda s: [s["org"].pk],
        {"naam": "Anders", "kvk_nummer": "87654321"},
    ),
    ("organisaties:verwijderen", lambda s: [s["vrije_org"].pk], {}),
    ("organisaties:afdeling_nieuw", lambda s: [s["org"].pk], {"naam": "Nieuwe afdeling"}),
    ("organisaties:afdeling_wijzigen", lambda s: [s["afdeling"].pk], {"naam": "Anders"}),
    ("organisaties:afdeling_verwijderen", lambda s: [s["afdeling"].pk], {}),
    (
        "organisaties:postadres_nieuw",
        lambda s: [s["afdeling"].pk],
        {"straat": "A", "huisnummer": "2", "postcode": "3511 AB", "plaats": "Utrecht"},
    ),
    (
        "organisaties:postadres_wijzigen",
        lambda s: [s["adres"].pk],
        {"straat": "B", "huisnummer": "3", "postcode": "3511 AB", "plaats": "Utrecht"},
    ),
    ("organisaties:postadres_verwijderen", lambda s: [s["adres"].pk], {}),
    (
        "organisaties:rekening_koppelen",
        lambda s: [s["afdeling"].pk],
        {"iban": IBAN, "rekeninghouder": "X"},
    ),
    ("organisaties:rekening_ontkoppelen", lambda s: [s["afdeling"].pk, s["rekening"].pk], {}),
    (
        "organisaties:rekening_wijzigen",
        lambda s: [s["rekening"].pk],
        {"rekeninghouder": "Nieuw", "bic": ""},
    ),
    ("organisaties:rekening_verwijderen", lambda s: [s["vrije_rekening"].pk], {}),
]
LEESPAGINAS = [
    ("organisaties:lijst", lambda s: []),
    ("organisaties:detail", lambda s: [s["org"].pk]),
    ("organisaties:rekening", lambda s: [s["rekening"].pk]),
]
IDS = [naam.split(":")[1] for naam, _, _ in SCHRIJFACTIES]


@pytest.mark.parametrize("rol", [Rol.AUDITOR, Rol.BEHEERDER])
@pytest.mark.parametrize(("naam", "args", "data"), SCHRIJFACTIES, ids=IDS)
def test_schrijven_geweigerd_zonder_recht(client_als, scenario, rol, naam, args, data):
    client = client_als(rol)
    url = reverse(naam, args=args(scenario))
    voor = _staat()
    assert client.post(url, data).status_code == 403
    assert client.get(url).status_code == 403  # not even the form
    assert _staat() == voor


@pytest.mark.parametrize("rol", [Rol.BACKOFFICE, Rol.FRONTOFFICE, Rol.TEAMLEIDER])
@pytest.mark.parametrize(("naam", "args", "data"), SCHRIJFACTIES, ids=IDS)
def test_schrijven_toegestaan_met_recht(client_als, scenario, rol, naam, args, data):
    client = client_als(rol)
    url = reverse(naam, args=args(scenario))
    voor = _staat()
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert _staat() != voor
    assert AuditRegel.objects.count() > voor[-1]


@pytest.mark.parametrize("rol", list(Rol))
@pytest.mark.parametrize(("naam", "args"), LEESPAGINAS)
def test_lezen_voor_alle_staf_niet_de_beheerder(client_als, scenario, rol, naam, args):
    verwacht = 200 if rol != Rol.BEHEERDER else 403
    assert client_als(rol).get(reverse(naam, args=args(scenario))).status_code == verwacht


@pytest.mark.parametrize(("naam", "args"), LEESPAGINAS)
def test_anoniem_heeft_geen_toegang(scenario, naam, args):
    response = Client().get(reverse(naam, args=args(scenario)))
    assert response.status_code in (302, 403)
    assert "Postbus" not in response.content.decode()
