"""New staff choose their own password with a one-time activation link; the beheerder
never sets or sees a password and cannot take over an account that is in use."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from huishoudboekje.accounts.models import Activatielink, Medewerker, Rolverzoek
from huishoudboekje.accounts.roles import Rol
from huishoudboekje.audit.models import AuditRegel

pytestmark = pytest.mark.django_db

GOED = "Lange-zin-voor-Kees-2026"
NIEUW = reverse("accounts:medewerker_nieuw")


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def beheerder(client_als) -> Client:
    return client_als(Rol.BEHEERDER)


def _gegevens(**extra: str) -> dict[str, str]:
    return {"username": "kees", "first_name": "Kees", "rol": "auditor", **extra}


def _link(response) -> str:
    gevonden = re.search(
        r'value="(http://testserver(/accounts/activeren/[^/"]+/))"', response.content.decode()
    )
    assert gevonden, "no activation link on the page"
    return gevonden.group(2)


def _kan_inloggen(gebruikersnaam: str, wachtwoord: str) -> bool:
    client = Client()
    client.post(reverse("accounts:login"), {"username": gebruikersnaam, "password": wachtwoord})
    return "_auth_user_id" in client.session


def _activeer(link: str, wachtwoord: str = GOED, herhaal: str | None = None) -> Client:
    client = Client()
    response = client.get(link)
    assert response.status_code == 302
    client.post(
        response["Location"],
        {"wachtwoord1": wachtwoord, "wachtwoord2": herhaal or wachtwoord},
    )
    return client


def test_beheerder_kan_geen_wachtwoord_kiezen(beheerder):
    """Today's takeover: the beheerder chose the first password. A password he POSTs
    anyway is ignored; the account cannot be used until the staff member activates it."""
    assert 'type="password"' not in beheerder.get(NIEUW).content.decode()
    response = beheerder.post(NIEUW, _gegevens(wachtwoord1=GOED, wachtwoord2=GOED))
    assert response.status_code == 200
    kees = Medewerker.objects.get(username="kees")
    assert not kees.has_usable_password() and kees.wacht_op_activatie
    assert not _kan_inloggen("kees", GOED)
    assert "/accounts/activeren/" in _link(response)
    assert "geen e-mailadres" in response.content.decode()
    assert response["Cache-Control"] == "no-store"


def test_activatielink_gemaild_en_getoond(beheerder):
    response = beheerder.post(NIEUW, _gegevens(email="kees@example.nl"))
    link = _link(response)
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["kees@example.nl"]
    assert link in bericht.body and "kees" in bericht.body
    assert "De link is gemaild naar kees@example.nl." in response.content.decode()


def test_medewerker_kiest_zelf_wachtwoord_en_is_ingelogd(beheerder):
    link = _link(beheerder.post(NIEUW, _gegevens()))
    client = Client()
    response = client.get(link)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "accounts:activeren", kwargs={"sleutel": "wachtwoord-kiezen"}
    )
    pagina = client.get(response["Location"])
    assert pagina.status_code == 200 and "kees" in pagina.content.decode()
    response = client.post(response["Location"], {"wachtwoord1": GOED, "wachtwoord2": GOED})
    assert response.status_code == 302 and response["Location"] == reverse("start:home")
    assert "_auth_user_id" in client.session
    kees = Medewerker.objects.get(username="kees")
    assert kees.check_password(GOED) and not kees.wacht_op_activatie
    assert Activatielink.objects.get(medewerker=kees).gebruikt_op is not None
    regel = AuditRegel.objects.filter(object_id=str(kees.pk)).order_by("-id").first()
    assert regel.medewerker_naam == "kees"
    assert regel.na == {"activatie": "geactiveerd", "wachtwoord": "door de medewerker gekozen"}
    assert _kan_inloggen("kees", GOED)


def test_link_werkt_maar_een_keer(beheerder):
    link = _link(beheerder.post(NIEUW, _gegevens()))
    _activeer(link)
    assert Medewerker.objects.get(username="kees").check_password(GOED)
    response = Client().get(link)
    assert response.status_code == 400
    assert "ongeldig, verlopen of al gebruikt" in response.content.decode()


def test_verlopen_link_werkt_niet(beheerder):
    link = _link(beheerder.post(NIEUW, _gegevens()))
    Activatielink.objects.update(verloopt_op=timezone.now())
    assert Client().get(link).status_code == 400
    assert Medewerker.objects.get(username="kees").wacht_op_activatie


def test_ondertekening_verloopt_ook(beheerder, settings):
    link = _link(beheerder.post(NIEUW, _gegevens()))
    settings.HHB_ACTIVATIELINK_UREN = 0  # the signed timestamp is older than 0 hours
    assert Client().get(link).status_code == 400


@pytest.mark.parametrize(
    "knoei", [lambda s: s[:-2] + "xx", lambda s: "abc:def:ghi", lambda s: s.upper()]
)
def test_vervalste_link_werkt_niet(beheerder, knoei):
    link = _link(beheerder.post(NIEUW, _gegevens()))
    sleutel = link.rstrip("/").rsplit("/", 1)[1]
    vals = reverse("accounts:activeren", kwargs={"sleutel": knoei(sleutel)})
    assert Client().get(vals).status_code == 400


def test_pagina_zonder_sleutel_in_de_sessie_werkt_niet():
    url = reverse("accounts:activeren", kwargs={"sleutel": "wachtwoord-kiezen"})
    response = Client().post(url, {"wachtwoord1": GOED, "wachtwoord2": GOED})
    assert response.status_code == 400


def test_database_bevat_de_link_niet(beheerder):
    link = _link(beheerder.post(NIEUW, _gegevens()))
    sleutel = link.rstrip("/").rsplit("/", 1)[1]
    rij = Activatielink.objects.values().get()
    assert sleutel not in str(rij) and len(rij["sleutel_hash"]) == 64


def test_nieuwe_link_trekt_de_oude_in(beheerder):
    oud = _link(beheerder.post(NIEUW, _gegevens()))
    kees = Medewerker.objects.get(username="kees")
    url = reverse("accounts:medewerker_wijzigen", kwargs={"pk": kees.pk})
    assert "Nieuwe activatielink maken" in beheerder.get(url).content.decode()
    nieuw = _link(beheerder.post(url, {"actie": "activatielink"}))
    assert nieuw != oud
    assert Client().get(oud).status_code == 400
    _activeer(nieuw)
    kees.refresh_from_db()
    assert kees.check_password(GOED)


def test_geen_activatielink_voor_een_account_in_gebruik(beheerder, maak_medewerker):
    """The beheerder cannot take over an existing account with a link of his own."""
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    url = reverse("accounts:medewerker_wijzigen", kwargs={"pk": anna.pk})
    assert "Nieuwe activatielink maken" not in beheerder.get(url).content.decode()
    response = beheerder.post(url, {"actie": "activatielink"}, follow=True)
    assert "krijgt geen activatielink" in response.content.decode()
    assert not Activatielink.objects.exists()
    anna.refresh_from_db()
    assert anna.check_password("Test-wachtwoord-2026!")


def test_geen_activatielink_voor_een_sso_account(beheerder, maak_medewerker):
    """An account that logs in with single sign-on has no password but is in use."""
    sso = maak_medewerker(Rol.BACKOFFICE, "sso-collega")
    sso.set_unusable_password()
    sso.last_login = timezone.now()
    sso.save()
    url = reverse("accounts:medewerker_wijzigen", kwargs={"pk": sso.pk})
    beheerder.post(url, {"actie": "activatielink"})
    assert not Activatielink.objects.exists()


def test_uitgeschakeld_account_kan_niet_activeren(beheerder):
    link = _link(beheerder.post(NIEUW, _gegevens()))
    Medewerker.objects.filter(username="kees").update(is_active=False)
    assert Client().get(link).status_code == 400


@pytest.mark.parametrize("zwak", ["Welkom01!!!!!!", "kort-1A", "Kees2026!!!!!!"])
def test_zwak_wachtwoord_bij_activeren_geweigerd(beheerder, zwak):
    link = _link(beheerder.post(NIEUW, _gegevens()))
    client = Client()
    vervolg = client.get(link)["Location"]
    response = client.post(vervolg, {"wachtwoord1": zwak, "wachtwoord2": zwak})
    assert response.status_code == 200
    assert "Controleer het formulier" in response.content.decode()
    assert Medewerker.objects.get(username="kees").wacht_op_activatie
    assert "_auth_user_id" not in client.session
    client.post(vervolg, {"wachtwoord1": GOED, "wachtwoord2": GOED})  # the link still works
    assert Medewerker.objects.get(username="kees").check_password(GOED)


def test_activeren_en_dan_tweede_factor_koppelen(beheerder, settings):
    link = _link(beheerder.post(NIEUW, _gegevens()))
    settings.HHB_OTP_REQUIRED = True
    client = Client()
    vervolg = client.get(link)["Location"]
    response = client.post(vervolg, {"wachtwoord1": GOED, "wachtwoord2": GOED})
    assert response["Location"] == reverse("accounts:tweede_factor")
    html = client.get(response["Location"]).content.decode()
    assert "data:image/svg+xml" in html  # the password is fresh: straight to the QR code


@pytest.mark.parametrize(
    ("wachtwoord", "melding"),
    [
        ("kort-1A", "Dit wachtwoord is te kort. De minimale lengte is 12 tekens."),
        ("password1234", "Dit wachtwoord is te algemeen."),
        ("1234567890123", "Dit wachtwoord bevat alleen cijfers."),
        ("Welkom01!!!!!!", "Dit wachtwoord is een veelgebruikt woord of wachtwoord"),
        ("kees-de-vries", "Dit wachtwoord is uw eigen naam of gebruikersnaam"),
    ],
)
def test_meldingen_bij_een_zwak_wachtwoord(beheerder, wachtwoord, melding):
    link = _link(beheerder.post(NIEUW, _gegevens(last_name="de Vries")))
    client = Client()
    vervolg = client.get(link)["Location"]
    response = client.post(vervolg, {"wachtwoord1": wachtwoord, "wachtwoord2": wachtwoord})
    assert melding in response.content.decode()


def test_wachtwoorden_ongelijk_bij_activeren(beheerder):
    link = _link(beheerder.post(NIEUW, _gegevens()))
    client = Client()
    vervolg = client.get(link)["Location"]
    response = client.post(vervolg, {"wachtwoord1": GOED, "wachtwoord2": GOED + "x"})
    assert "De twee wachtwoorden zijn niet gelijk." in response.content.decode()
    assert Medewerker.objects.get(username="kees").wacht_op_activatie


# --- password forgotten: back to activation ------------------------------------------


def test_opnieuw_activeren_na_vergeten_wachtwoord(beheerder, maak_medewerker):
    anna = maak_medewerker(Rol.FRONTOFFICE, "anna")
    TOTPDevice.objects.create(user=anna, name="telefoon", confirmed=True)
    sessie = Client()
    sessie.force_login(anna)
    url = reverse("accounts:medewerker_wijzigen", kwargs={"pk": anna.pk})
    assert "Opnieuw laten activeren" in beheerder.get(url).content.decode()
    response = beheerder.post(url, {"actie": "opnieuw_activeren"})
    link = _link(response)
    anna.refresh_from_db()
    assert anna.wacht_op_activatie and not _kan_inloggen("anna", "Test-wachtwoord-2026!")
    assert sessie.get(reverse("start:home")).status_code == 302  # her sessions have ended
    # the case role lapses until a teamleider approves it again
    assert anna.rol == "" and Rolverzoek.objects.get(medewerker=anna).rol == "frontoffice"
    assert "wacht op goedkeuring van een teamleider" in response.content.decode()
    regel = AuditRegel.objects.get(
        object_type="medewerker", object_id=str(anna.pk), na__wachtwoord="vervallen"
    )
    assert regel.voor["rol"] == "frontoffice" and regel.na["sessies"] == "beeindigd"
    _activeer(link)
    anna.refresh_from_db()
    assert anna.check_password(GOED) and not anna.wacht_op_activatie
    assert TOTPDevice.objects.filter(user=anna, confirmed=True).exists()  # still needed


def test_eigen_account_niet_opnieuw_activeren(beheerder):
    bea = Medewerker.objects.get(username="test-beheerder")
    url = reverse("accounts:medewerker_wijzigen", kwargs={"pk": bea.pk})
    response = beheerder.post(url, {"actie": "opnieuw_activeren"}, follow=True)
    assert "Uw eigen wachtwoord wijzigt u zelf" in response.content.decode()
    bea.refresh_from_db()
    assert bea.has_usable_password() and not Activatielink.objects.exists()


def test_mailserver_weigert_dan_toch_de_link(beheerder, settings):
    """Nothing accepted is lost: the account and its link exist, the page says the mail
    did not go out and shows the link."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    response = beheerder.post(NIEUW, _gegevens(email="kees@example.nl"))
    assert response.status_code == 200
    assert "De e-mail kon niet worden verstuurd" in response.content.decode()
    link = _link(response)
    _activeer(link)
    assert Medewerker.objects.get(username="kees").check_password(GOED)
