"""Keyset pages of the transactions list and of one statement: every row exactly once
in the list's order (open first, newest first, equal dates by id), forward and back,
the filters kept in the links, no OFFSET and a capped count, a mangled key harmless."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from huishoudboekje.accounts.roles import Rol
from huishoudboekje.bankafschriften import selectors
from huishoudboekje.bankafschriften.models import Banktransactie
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.boekhouding.services_boeken import Boekdeel, journaalposten_boeken
from huishoudboekje.fabrieken import BankafschriftFabriek, BanktransactieFabriek
from huishoudboekje.keyset import keyset_pagina, sleutel_van

pytestmark = pytest.mark.django_db
URL = reverse("bankafschriften:transacties")


@pytest.fixture
def bo(client_als):
    return client_als(Rol.BACKOFFICE)


def _boek(medewerker, transactie: Banktransactie) -> None:
    journaalposten_boeken(
        door=medewerker,
        transactie_id=transactie.pk,
        delen=[Boekdeel(bedrag=transactie.bedrag, rubriek=Rubriek.objects.get(naam="Loon"))],
    )


@pytest.fixture
def zestig(maak_medewerker):
    """60 incomes on 4 dates (15 on each: equal dates), every third one booked."""
    afschrift = BankafschriftFabriek()
    medewerker = maak_medewerker(Rol.TEAMLEIDER)
    rijen = []
    for i in range(60):
        t = BanktransactieFabriek(
            afschrift=afschrift,
            bedrag=1000 + i,
            boekdatum=dt.date(2026, 5, 1) + dt.timedelta(days=i % 4),
            tegen_iban="NL91ABNA0417164300" if i % 2 else "",
        )
        if i % 3 == 0:
            _boek(medewerker, t)
        rijen.append(t)
    return afschrift, rijen


def _verwacht(rijen: list[Banktransactie]) -> list[int]:
    for t in rijen:
        t.refresh_from_db()
    sleutel = lambda t: (t.open_bedrag == 0, -t.boekdatum.toordinal(), -t.pk)  # noqa: E731
    return [t.pk for t in sorted(rijen, key=sleutel)]


def _ids(response) -> list[int]:
    return [r["transactie"].pk for r in response.context["rijen"]]


def _volg(client, url: str, response, richting: str):
    querystring = getattr(response.context["pagina"], richting)
    return client.get(f"{url}?{querystring}") if querystring is not None else None


def test_alle_paginas_vooruit_en_terug_elke_transactie_precies_een_keer(bo, zestig):
    _, rijen = zestig
    verwacht = _verwacht(rijen)
    paginas = [bo.get(URL, {"status": ""})]
    while (volgende := _volg(bo, URL, paginas[-1], "volgende")) is not None:
        paginas.append(volgende)
    assert [len(p.context["rijen"]) for p in paginas] == [25, 25, 10]
    assert [i for p in paginas for i in _ids(p)] == verwacht
    assert paginas[0].context["pagina"].vorige is None
    assert paginas[-1].context["pagina"].volgende is None
    # back from the last page: the same pages in reverse, ending on the first page
    terug = [paginas[-1]]
    while (vorige := _volg(bo, URL, terug[-1], "vorige")) is not None:
        terug.append(vorige)
    assert [_ids(p) for p in reversed(terug)] == [_ids(p) for p in paginas]
    assert terug[-1].context["pagina"].eerste is None  # really the first page


def test_volgorde_bij_gelijke_datum_is_stabiel_op_id(bo, zestig):
    _, rijen = zestig
    eerste = bo.get(URL, {"status": "open"})
    open_ = [t for t in rijen if t.pk in _ids(eerste)]
    paren = [(t.boekdatum, t.pk) for t in open_]
    volgorde = sorted(paren, key=lambda p: (-p[0].toordinal(), -p[1]))
    assert [p[1] for p in volgorde] == _ids(eerste)


def test_filters_blijven_in_de_links(bo, zestig):
    eerste = bo.get(URL, {"status": "", "iban": "NL91 ABNA 0417 1643 00"}, follow=True)
    assert len(eerste.context["rijen"]) == 25
    querystring = eerste.context["pagina"].volgende
    # the IBAN stays behind the search token (ui/zoekopdracht.py), never in the link
    assert "iban" not in parse_qs(querystring) and parse_qs(querystring)["zoek"]
    assert f'href="?{querystring.replace("&", "&amp;")}"' in eerste.content.decode()
    tweede = bo.get(f"{URL}?{querystring}")
    rijen = [r["transactie"] for r in tweede.context["rijen"]]
    assert len(rijen) == 5 and {t.tegen_iban for t in rijen} == {"NL91ABNA0417164300"}
    assert tweede.context["pagina"].volgende is None


def test_standaardfilter_open_ook_op_de_volgende_pagina(bo, zestig):
    eerste = bo.get(URL)
    tweede = _volg(bo, URL, eerste, "volgende")
    rijen = [r["transactie"] for r in tweede.context["rijen"]]
    assert len(rijen) == 15 and all(t.open_bedrag for t in rijen)
    assert eerste.context["pagina"].aantal == 40


def test_diepe_pagina_zonder_offset_en_met_vast_aantal_queries(bo, zestig):
    _, rijen = zestig
    verwacht = _verwacht(rijen)
    na = Banktransactie.objects.get(pk=verwacht[49])
    sleutel = sleutel_van(na, selectors.TRANSACTIEVOLGORDE, segment=1)
    with CaptureQueriesContext(connection) as diep:
        response = bo.get(URL, {"status": "", "na": sleutel})
    assert _ids(response) == verwacht[50:]
    transactiequeries = [q["sql"] for q in diep if "bankafschriften_banktransactie" in q["sql"]]
    assert transactiequeries and not any("OFFSET" in sql.upper() for sql in transactiequeries)
    with CaptureQueriesContext(connection) as ondiep:
        assert len(_ids(bo.get(URL, {"status": "geboekt"}))) == 20
    # 10 rows or 20: the same queries, none per row (one more count: two segments)
    assert len(diep) <= len(ondiep) + 1


@pytest.mark.parametrize(
    "sleutel", ["x", "0~2026-13-01~5", "9~2026-05-01~5", "0~~", "0~2026-05-01"]
)
def test_een_verminkte_sleutel_toont_de_eerste_pagina(bo, zestig, sleutel):
    response = bo.get(URL, {"status": "", "na": sleutel})
    assert response.status_code == 200
    assert _ids(response) == _ids(bo.get(URL, {"status": ""}))


def test_telling_stopt_bij_de_grens(zestig):
    segmenten = selectors.transactiesegmenten(selectors.Transactiefilter())
    pagina = keyset_pagina(
        segmenten,
        volgorde=selectors.TRANSACTIEVOLGORDE,
        per_pagina=25,
        parameters=QueryDict(""),
        tellen_tot=30,
    )
    assert (pagina.aantal, pagina.meer_dan) == (30, True)
    volledig = keyset_pagina(
        segmenten, volgorde=selectors.TRANSACTIEVOLGORDE, per_pagina=25, parameters=QueryDict("")
    )
    assert (volledig.aantal, volledig.meer_dan) == (60, False)


def test_meer_dan_de_grens_staat_op_de_pagina(bo, zestig, monkeypatch):
    assert "60 resultaten" in bo.get(URL, {"status": ""}).content.decode()
    monkeypatch.setattr("huishoudboekje.keyset.TELLEN_TOT", 30)
    tekst = bo.get(URL, {"status": ""}).content.decode()
    assert "Meer dan 30 resultaten" in tekst and "60 resultaten" not in tekst


def test_afschrift_bladert_door_zijn_eigen_transacties(bo, zestig):
    afschrift, rijen = zestig
    BanktransactieFabriek(bedrag=5)  # another statement's
    url = reverse("bankafschriften:afschrift", args=[afschrift.pk])
    eerste = bo.get(url)
    tweede = _volg(bo, url, eerste, "volgende")
    derde = _volg(bo, url, tweede, "volgende")
    assert [i for p in (eerste, tweede, derde) for i in _ids(p)] == _verwacht(rijen)
    assert derde.context["pagina"].volgende is None


def test_afschriftenpagina_telt_de_ingelezen_en_de_open_tot_de_grens(bo, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from huishoudboekje.fabrieken import GemeenteRekeningFabriek

    from .hulp import camt, tx

    GemeenteRekeningFabriek()
    regels = [
        tx(bedrag=1000 + i, bankreferentie=f"REF-{i}", end_to_end_id=f"E{i}") for i in range(3)
    ]
    bestand = SimpleUploadedFile("drie.xml", camt(*regels, eindsaldo=100000 + 3003))
    upload = bo.post(reverse("bankafschriften:importeren"), {"bestanden": [bestand]})
    assert Banktransactie.objects.count() == 3
    assert re.search(r"Ingelezen in \d+,\d seconden\.", upload.content.decode())  # waited
    lijst = reverse("bankafschriften:lijst")
    assert "3 transacties ingelezen, waarvan 3 nog niet" in bo.get(lijst).content.decode()
    monkeypatch.setattr("huishoudboekje.keyset.TELLEN_TOT", 2)
    tekst = bo.get(lijst).content.decode()
    assert "3 transacties ingelezen, waarvan meer dan 2 nog niet" in tekst


def test_zoeken_in_omschrijving_naam_en_kenmerk_ongeacht_hoofdletters(bo):
    naam = BanktransactieFabriek(tegen_naam="Woonstichting Het Baken", omschrijving="huur")
    kenmerk = BanktransactieFabriek(betalingskenmerk="1234 5678 BAKEN", omschrijving="x")
    tekst = BanktransactieFabriek(omschrijving="Terugbetaling baken-actie")
    BanktransactieFabriek(tegen_naam="Eneco", omschrijving="energie")
    gevonden = bo.get(URL, {"status": "", "tekst": "Baken"}, follow=True)
    assert sorted(_ids(gevonden)) == sorted([naam.pk, kenmerk.pk, tekst.pk])
    assert _ids(bo.get(URL, {"status": "", "tekst": "ENERGIE 50%"}, follow=True)) == []


def test_suggesties_alleen_voor_een_open_bedrag_en_wie_mag_boeken(bo, client_als):
    """The page shows suggestions only to who may book an amount still open; for the rest
    they are not computed (for a benefits agency's IBAN: thousands of agreements)."""
    from huishoudboekje.fabrieken import AfspraakFabriek

    afspraak = AfspraakFabriek(
        richting="inkomsten",
        bedrag=150000,
        rubriek=Rubriek.objects.get(naam="Loon"),
        betaalwijze="",
        zoektermen=["pers 8812"],
    )
    t = BanktransactieFabriek(
        bedrag=150000, tegen_iban=afspraak.tegenrekening.iban, omschrijving="SALARIS pers 8812"
    )
    url = reverse("bankafschriften:transactie", args=[t.pk])
    assert [s.afspraak for s in bo.get(url).context["suggesties"]] == [afspraak]
    assert client_als(Rol.AUDITOR).get(url).context["suggesties"] == []
    bo.post(reverse("bankafschriften:boeken", args=[t.pk]), {"afspraak": afspraak.pk})
    t.refresh_from_db()
    assert t.open_bedrag == 0 and bo.get(url).context["suggesties"] == []


@pytest.fixture
def inkomen_en_geboekt(maak_medewerker):
    from huishoudboekje.fabrieken import AfspraakFabriek

    afspraak = AfspraakFabriek(
        richting="inkomsten",
        omschrijving="Loon Bouwbedrijf",
        bedrag=150000,
        rubriek=Rubriek.objects.get(naam="Loon"),
        betaalwijze="",
        zoektermen=["pers 8812"],
    )
    open_ = BanktransactieFabriek(
        bedrag=150000, tegen_iban=afspraak.tegenrekening.iban, omschrijving="SALARIS pers 8812"
    )
    geboekt = BanktransactieFabriek(bedrag=2000, tegen_iban="")
    _boek(maak_medewerker(Rol.TEAMLEIDER), geboekt)
    return afspraak, open_, geboekt


def test_lijst_wacht_niet_op_de_suggesties(bo, inkomen_en_geboekt):
    """The list is shown without comparing agreements; its open rows' suggestions are
    fetched afterwards, by htmx, in one request."""
    _, open_, geboekt = inkomen_en_geboekt
    with CaptureQueriesContext(connection) as queries:
        lijst = bo.get(URL, {"status": ""})
    assert not any("afspraken_afspraak" in q["sql"] for q in queries)
    url = lijst.context["suggesties_url"]
    assert url == f"{reverse('bankafschriften:suggesties')}?id={open_.pk}"  # the open row only
    tekst = lijst.content.decode()
    assert f'hx-get="{url}" hx-trigger="load" hx-swap="none"' in tekst
    assert f'<span id="hhb-kies-{open_.pk}"></span>' in tekst
    assert (
        f'id="hhb-suggestie-{open_.pk}"' in tekst
        and f'id="hhb-suggestie-{geboekt.pk}"' not in tekst
    )


def test_suggesties_komen_in_de_rijen(bo, client_als, inkomen_en_geboekt):
    afspraak, open_, geboekt = inkomen_en_geboekt
    url = reverse("bankafschriften:suggesties")
    fragment = bo.get(url, {"id": [open_.pk, geboekt.pk, "x"]}).content.decode()
    assert f'<span id="hhb-kies-{open_.pk}" hx-swap-oob="innerHTML">' in fragment
    assert f'name="transactie" value="{open_.pk}"' in fragment
    assert f"Suggestie: {afspraak.burger.hhb_nummer} · Loon Bouwbedrijf" in fragment
    assert f"hhb-kies-{geboekt.pk}" not in fragment  # booked: nothing to suggest
    # who may not book gets no suggestions, and no list loads them for them
    auditor = client_als(Rol.AUDITOR)
    assert "hhb-kies" not in auditor.get(url, {"id": [open_.pk]}).content.decode()
    assert auditor.get(URL).context["suggesties_url"] == ""


def test_transacties_van_een_organisatie_worden_niet_geteld(bo, zestig):
    """Finding an organisation's transactions means probing them one by one: the list
    pages through them but does not count them (the page says no number)."""
    from huishoudboekje.fabrieken import OrganisatieFabriek

    organisatie = OrganisatieFabriek()
    antwoord = bo.get(URL, {"status": "", "organisatie": organisatie.pk})
    assert antwoord.context["pagina"].aantal is None and antwoord.context["rijen"] == []
    assert bo.get(URL, {"status": ""}).context["pagina"].aantal == 60
