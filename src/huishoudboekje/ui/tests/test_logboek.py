"""Personal data stays out of the ordinary logs. The handlers configured in settings
mask BSN, IBAN, e-mail address and phone number in every line, tracebacks included; a
day of ordinary work (a participant created, a refused duplicate, a refused role, a
refused statement, a database error naming the BSN) leaves none of them in the log."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.bankafschriften.services import bankafschrift_importeren
from huishoudboekje.bankafschriften.tests.hulp import camt, tx
from huishoudboekje.burgers.models import Burger
from huishoudboekje.burgers.tests.hulp import BSN, IBAN, post_nieuw
from huishoudboekje.logboek import MaskerendeFormatter

pytestmark = pytest.mark.django_db


@pytest.fixture
def logboek() -> Iterator[io.StringIO]:
    """What the configured console handler would write, at every level."""
    [console] = [h for h in logging.getLogger().handlers if h.get_name() == "console"]
    assert isinstance(console.formatter, MaskerendeFormatter)  # wired in settings.LOGGING
    uit = io.StringIO()
    handler = logging.StreamHandler(uit)
    handler.setFormatter(console.formatter)
    wortel = logging.getLogger()
    oud = wortel.level
    wortel.addHandler(handler)
    wortel.setLevel(logging.DEBUG)
    yield uit
    wortel.removeHandler(handler)
    wortel.setLevel(oud)


def test_een_werkdag_laat_geen_persoonsgegevens_in_het_logboek(client_als, logboek) -> None:
    frontoffice = client_als(Rol.FRONTOFFICE)
    assert frontoffice.post(reverse("burgers:nieuw"), post_nieuw()).status_code == 302
    burger = Burger.objects.get()
    # the same BSN again: refused in the form
    assert frontoffice.post(reverse("burgers:nieuw"), post_nieuw()).status_code == 200
    # a role without the right: 403, logged by django.request
    auditor = client_als(Rol.AUDITOR)
    wijzigen = reverse("burgers:wijzigen", kwargs={"pk": burger.pk})
    assert auditor.post(wijzigen, post_nieuw()).status_code == 403
    zoeken = frontoffice.post(reverse("burgers:lijst"), {"q": BSN}, follow=True)
    assert zoeken.status_code == 200
    # a statement for an account that is not the municipality's: refused
    r = bankafschrift_importeren(
        stream=io.BytesIO(camt(tx(tegen_iban=IBAN), iban=IBAN, eindsaldo=172500)),
        bestandsnaam="vreemd.xml", door=None,
    )
    assert not r.gelukt
    # a database error that names the BSN (PostgreSQL puts the value in the message)
    try:
        with transaction.atomic():
            Burger.objects.create(bsn=burger.bsn, achternaam=burger.achternaam, hhb_nummer="X")
    except IntegrityError:
        logging.getLogger("huishoudboekje").exception("Opslaan mislukt")

    tekst = logboek.getvalue()
    assert "Forbidden" in tekst and "Opslaan mislukt" in tekst and "IntegrityError" in tekst
    for gegeven in (BSN, "111 222 333", IBAN, "NL91 ABNA 0417 1643 00", "jan@example.org",
                    "030-1234567", burger.achternaam):
        assert gegeven not in tekst, gegeven


def test_de_formatter_maskeert_bericht_argumenten_en_traceback() -> None:
    formatter = MaskerendeFormatter("%(asctime)s %(levelname)s %(message)s")
    try:
        raise ValueError(f"rekening {IBAN} van jan@example.org")
    except ValueError:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "BSN %s bestaat al", (BSN,), exc_info=True
        )
        record.exc_info = __import__("sys").exc_info()
    regel = formatter.format(record)
    assert "BSN [BSN] bestaat al" in regel
    assert "ValueError: rekening [IBAN] van [e-mail]" in regel
    assert BSN not in regel and IBAN not in regel
    # the timestamp stays intact
    assert formatter.formatTime(record) in regel
