"""Role policy on bank accounts: a participant's own account is personal data. Reading it
needs the participant read right (the beheerder does not see it), changing or deleting
it the participant write right (not the back office); ketenpartners' accounts stay with
the ketenpartner rights."""

import pytest
from django.urls import reverse

from huishoudboekje.accounts.roles import Recht, Rol, rollen_met
from huishoudboekje.audit.models import AuditRegel
from huishoudboekje.fabrieken import AfdelingFabriek, BurgerFabriek, RekeningFabriek

pytestmark = pytest.mark.django_db

IBAN = "NL91ABNA0417164300"


def _deelnemersrekening():
    rekening = RekeningFabriek(iban=IBAN, rekeninghouder="F. El Amrani", bic="")
    BurgerFabriek(voornamen="Fatima", achternaam="El Amrani").rekeningen.add(rekening)
    return rekening


@pytest.mark.parametrize("rol", list(Rol))
def test_deelnemersrekening_lezen_alleen_met_deelnemersrecht(client_als, rol):
    rekening = _deelnemersrekening()
    response = client_als(rol).get(reverse("organisaties:rekening", args=[rekening.pk]))
    html = response.content.decode()
    if rol in rollen_met(Recht.ORGANISATIES_LEZEN, Recht.BURGERS_LEZEN):
        assert response.status_code == 200
        assert "El Amrani" in html
    else:
        assert response.status_code == 403
        assert "El Amrani" not in html and "0417" not in html


def test_beheerder_ziet_geen_rekening_van_een_deelnemer(client_als):
    """Today's hole: /organisaties/rekeningen/<pk>/ showed a participant's IBAN and name."""
    rekening = _deelnemersrekening()
    client = client_als(Rol.BEHEERDER)
    for naam in ("organisaties:rekening", "organisaties:rekening_wijzigen"):
        response = client.get(reverse(naam, args=[rekening.pk]))
        assert response.status_code == 403, naam
        assert "El Amrani" not in response.content.decode()


@pytest.mark.parametrize("rol", list(Rol))
def test_deelnemersrekening_wijzigen_alleen_met_deelnemersrecht(client_als, rol):
    rekening = _deelnemersrekening()
    url = reverse("organisaties:rekening_wijzigen", args=[rekening.pk])
    response = client_als(rol).post(url, {"rekeninghouder": "Iemand anders", "bic": ""})
    rekening.refresh_from_db()
    if rol in rollen_met(Recht.ORGANISATIES_WIJZIGEN, Recht.BURGERS_WIJZIGEN):
        assert response.status_code == 302
        assert rekening.rekeninghouder == "Iemand anders"
    else:
        assert response.status_code == 403
        assert rekening.rekeninghouder == "F. El Amrani"
        assert not AuditRegel.objects.filter(object_type="rekening").exists()


def test_backoffice_wijzigt_geen_rekening_van_een_deelnemer(client_als):
    rekening = _deelnemersrekening()
    client = client_als(Rol.BACKOFFICE)
    for naam in ("organisaties:rekening_wijzigen", "organisaties:rekening_verwijderen"):
        url = reverse(naam, args=[rekening.pk])
        assert client.get(url).status_code == 403, naam
        assert client.post(url, {"rekeninghouder": "X", "bic": ""}).status_code == 403, naam
    rekening.refresh_from_db()
    assert rekening.rekeninghouder == "F. El Amrani"
    # the page says which role is needed
    html = client.get(reverse("organisaties:rekening_wijzigen", args=[rekening.pk])).content
    assert "Frontoffice of Teamleider" in html.decode()
    assert "u bent ingelogd als Backoffice" in html.decode()


def test_backoffice_wijzigt_rekening_van_een_ketenpartner(client_als):
    rekening = AfdelingFabriek().rekeningen.get()
    url = reverse("organisaties:rekening_wijzigen", args=[rekening.pk])
    response = client_als(Rol.BACKOFFICE).post(url, {"rekeninghouder": "Eneco", "bic": ""})
    assert response.status_code == 302
    rekening.refresh_from_db()
    assert rekening.rekeninghouder == "Eneco"


def test_beheerder_ziet_geen_ketenpartners(client_als):
    """Ketenpartners can be natural persons (a private landlord): no personal data for
    the beheerder, who keeps configuration, rubrieken and staff."""
    afdeling = AfdelingFabriek()
    client = client_als(Rol.BEHEERDER)
    assert client.get(reverse("organisaties:lijst")).status_code == 403
    assert (
        client.get(reverse("organisaties:detail", args=[afdeling.organisatie.pk])).status_code
        == 403
    )
    rekening = afdeling.rekeningen.get()
    assert client.get(reverse("organisaties:rekening", args=[rekening.pk])).status_code == 403
