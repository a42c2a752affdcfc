"""One step of the page benchmark in its own process (DATABASE_URL set by
benchmarks/paginas.py):

    python -m benchmarks._paginas_run opbouwen TRANSACTIES DEELNEMERS AUDITREGELS
    python -m benchmarks._paginas_run meten HERHALINGEN

The first builds a municipality (`hhb demo-data` of DEELNEMERS participants), imports
the demo generator's statements with automatic matching until TRANSACTIES transactions
are in (the files are written into memory, never to disk), adds AUDITREGELS lines of
staff work to the audit trail and one staff member per role; it prints one JSON line.
The second times every main page with Django's test client, logged in with the role
that uses it, and prints one JSON line per page (milliseconds, server side: the whole
request through middleware, view and template)."""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

from benchmarks._proces import django_opzetten, gemeente_klaarzetten

ROLLEN = ("frontoffice", "backoffice", "teamleider")


def opbouwen(doel: int, deelnemers: int, auditregels: int) -> dict[str, Any]:
    django_opzetten()
    from django.db import connection

    from huishoudboekje.accounts.models import Medewerker
    from huishoudboekje.bankafschriften.demo import demo_afschriftenset
    from huishoudboekje.bankafschriften.models import Banktransactie, Importbron
    from huishoudboekje.bankafschriften.services import bankafschrift_importeren
    from huishoudboekje.boekhouding.afletteren import Afletteraar
    from huishoudboekje.burgers.demo_laden import demo_data_laden
    from huishoudboekje.demogegevens.afschriftbestanden import (
        STANDAARDMIX,
        bestandsnaam,
        schrijf_dag,
    )

    begin = time.perf_counter()
    gemeente_klaarzetten()
    for rol in ROLLEN:
        Medewerker.objects.create(username=f"bench-{rol}", rol=rol, first_name=rol.title())
    samenvatting = demo_data_laden(deelnemers=deelnemers, seed=1)
    maanden = max(1, -(-doel // int(deelnemers * 7)))  # ~7.3 transactions a month each
    reeks = demo_afschriftenset(samenvatting, maanden=maanden, seed=1, peildatum=None)
    afletteraar = Afletteraar()
    aantal = 0
    for i, dag in enumerate(reeks):
        formaat = STANDAARDMIX[i % len(STANDAARDMIX)]
        if formaat.startswith("mt940") and dag.heeft_batch:
            formaat = "camt053-001.02"
        bestand = io.BytesIO()
        schrijf_dag(bestand, dag, formaat)
        bestand.seek(0)
        r = bankafschrift_importeren(
            stream=bestand,
            bestandsnaam=bestandsnaam(dag.datum.isoformat(), formaat),
            door=None,
            bron=Importbron.DEMO,
            afletteraar=afletteraar,
        )
        if not r.gelukt:
            raise SystemExit(f"{dag.datum}: {r.fouten}")
        aantal += r.nieuw
        if aantal >= doel:
            break
    _audit_vullen(auditregels)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {
        "transacties": Banktransactie.objects.count(),
        "open": Banktransactie.objects.filter(geboekt=0).count(),
        "deelnemers": samenvatting.deelnemers,
        "afspraken": samenvatting.afspraken,
        "seconden": time.perf_counter() - begin,
    }


def _audit_vullen(aantal: int) -> None:
    """A year of staff work in the audit trail (changes of participants and agreements),
    inserted in bulk: what the audit page and a participant's audit page page through."""
    from django.utils import timezone

    from huishoudboekje.accounts.models import Medewerker
    from huishoudboekje.afspraken.models import Afspraak
    from huishoudboekje.audit.models import AuditRegel
    from huishoudboekje.bulk import invoegen

    toeval = random.Random(8)  # noqa: S311 (not for security)
    medewerkers = list(Medewerker.objects.values_list("pk", "username"))
    afspraken = list(Afspraak.objects.values_list("pk", "burger_id", "omschrijving"))
    nu = timezone.now()
    for begin in range(0, aantal, 20_000):
        rijen = []
        for i in range(begin, min(aantal, begin + 20_000)):
            pk, burger_id, omschrijving = toeval.choice(afspraken)
            mw_pk, mw_naam = toeval.choice(medewerkers)
            rijen.append(
                {
                    "tijdstip": nu - dt.timedelta(seconds=(aantal - i) * 150),
                    "medewerker_id": mw_pk,
                    "medewerker_naam": mw_naam,
                    "actie": "gewijzigd",
                    "object_type": "afspraak",
                    "object_id": str(pk),
                    "object_omschrijving": omschrijving[:200],
                    "burger_id": burger_id,
                    "voor": {"bedrag": 10_000 + i % 977},
                    "na": {"bedrag": 10_500 + i % 977},
                }
            )
        invoegen(AuditRegel, rijen)


def _diepe_transactiepagina(rijen: int) -> str:
    """The list of all transactions `rijen` rows deep (1,000 pages of 25): by the key of
    the row before it when the list pages by keyset, else by page number."""
    try:
        from huishoudboekje.bankafschriften.selectors import (
            TRANSACTIEVOLGORDE,
            Transactiefilter,
            transactiesegmenten,
        )
        from huishoudboekje.keyset import sleutel_van
    except ImportError:
        return f"/transacties/?status=&page={rijen // 25}"
    from urllib.parse import urlencode

    for segment, qs in enumerate(transactiesegmenten(Transactiefilter())):
        aantal = qs.count()
        if rijen <= aantal:
            rij = qs.order_by(*TRANSACTIEVOLGORDE)[rijen - 1]
            sleutel = sleutel_van(rij, TRANSACTIEVOLGORDE, segment)
            return f"/transacties/?{urlencode({'status': '', 'na': sleutel})}"
        rijen -= aantal
    return "/transacties/?status="


def _suggesties_eerste_pagina() -> str:
    """The request the open transactions list makes for its rows' suggestions (when the
    list loads them after the page), else that list itself again."""
    from urllib.parse import urlencode

    from django.db.models import F
    from django.urls import NoReverseMatch, reverse

    from huishoudboekje.bankafschriften.models import Banktransactie

    try:
        url = reverse("bankafschriften:suggesties")
    except NoReverseMatch:
        return "/transacties/"
    ids = Banktransactie.objects.exclude(geboekt=F("bedrag")).order_by("-boekdatum", "-id")
    return f"{url}?{urlencode({'id': list(ids.values_list('pk', flat=True)[:25])}, doseq=True)}"


def _paginas(toeval: random.Random) -> Iterator[tuple[str, str, Callable[[], str]]]:
    """(name, role, url maker) of every main page; detail pages take a different object
    on every request, so no database cache of one row flatters them."""
    from huishoudboekje.afspraken.models import Afspraak
    from huishoudboekje.bankafschriften.models import Bankafschrift, Banktransactie
    from huishoudboekje.burgers.models import Burger
    from huishoudboekje.organisaties.models import Organisatie

    def kies(qs: Any, n: int = 200) -> Callable[[], Any]:
        ids = list(qs.order_by("?").values_list("pk", flat=True)[:n])
        return lambda: toeval.choice(ids)

    burger = kies(Burger.objects.all())
    hhb = list(Burger.objects.order_by("?").values_list("hhb_nummer", flat=True)[:200])
    achternamen = list(Burger.objects.order_by("?").values_list("achternaam", flat=True)[:50])
    afspraak = kies(Afspraak.objects.all())
    geboekt = kies(Banktransactie.objects.exclude(geboekt=0))
    open_ = kies(Banktransactie.objects.filter(geboekt=0))
    afschrift = kies(Bankafschrift.objects.all())
    organisatie = kies(Organisatie.objects.all())
    fo, bo, tl = ROLLEN
    yield "home", fo, lambda: "/"
    yield "deelnemers", fo, lambda: "/deelnemers/"
    yield "deelnemers zoeken", fo, lambda: f"/deelnemers/?q={toeval.choice(achternamen)}"
    yield "deelnemer", fo, lambda: f"/deelnemers/{burger()}/"
    yield (
        "transacties van deelnemer",
        fo,
        lambda: f"/transacties/?status=&deelnemer={toeval.choice(hhb)}",
    )
    yield "afspraak", fo, lambda: f"/afspraken/{afspraak()}/"
    yield "organisaties", fo, lambda: "/organisaties/"
    yield "organisatie", fo, lambda: f"/organisaties/{organisatie()}/"
    yield "open transacties", bo, lambda: "/transacties/"
    yield "  hun suggesties (htmx)", bo, lambda: _suggesties_eerste_pagina()
    yield "alle transacties", bo, lambda: "/transacties/?status="
    diep = _diepe_transactiepagina(25_000)
    yield "alle transacties, diep", bo, lambda: diep
    yield (
        "transacties van organisatie",
        bo,
        lambda: f"/transacties/?status=&organisatie={organisatie()}",
    )
    yield (
        "transacties zoeken",
        bo,
        lambda: f"/transacties/?status=&tekst={toeval.choice(achternamen)}",
    )
    yield "transactie (geboekt)", bo, lambda: f"/transacties/{geboekt()}/"
    yield "transactie (open)", bo, lambda: f"/transacties/{open_()}/"
    yield "bankafschriften", bo, lambda: "/bankafschriften/"
    yield "bankafschrift", bo, lambda: f"/bankafschriften/{afschrift()}/"
    yield "rubrieken", bo, lambda: "/rubrieken/"
    yield "audit", tl, lambda: "/audit/"
    yield "audit van deelnemer", tl, lambda: f"/audit/deelnemers/{burger()}/"


def meten(herhalingen: int) -> Iterator[dict[str, Any]]:
    django_opzetten()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from huishoudboekje.accounts.models import Medewerker

    call_command("migrate", verbosity=0)  # a kept database gets the code's new indexes
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    clients = {}
    for rol in ROLLEN:
        client = Client()
        client.force_login(Medewerker.objects.get(username=f"bench-{rol}"))
        clients[rol] = client
    queries = 0

    def tel(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    toeval = random.Random(1)  # noqa: S311 (not for security)
    for naam, rol, url in _paginas(toeval):
        client = clients[rol]
        tijden, status, aantal = [], set(), []
        for i in range(herhalingen + 2):
            adres = url()
            queries = 0
            with connection.execute_wrapper(tel):
                begin = time.perf_counter()
                antwoord = client.get(adres)
                duur = (time.perf_counter() - begin) * 1000
            if antwoord.status_code in (302, 303) and "zoek=" in antwoord["Location"]:
                # a search with personal data goes by a token (never in the URL): time
                # the result page it leads to
                queries = 0
                with connection.execute_wrapper(tel):
                    begin = time.perf_counter()
                    antwoord = client.get(antwoord["Location"])
                    duur = (time.perf_counter() - begin) * 1000
            status.add(antwoord.status_code)
            if i >= 2:  # the first two warm the caches (templates, translations)
                tijden.append(duur)
                aantal.append(queries)
        tijden.sort()
        yield {
            "pagina": naam,
            "p50": statistics.median(tijden),
            "p95": tijden[min(len(tijden) - 1, round(0.95 * (len(tijden) - 1)))],
            "max": tijden[-1],
            "queries": max(aantal),
            "status": sorted(status),
        }


if __name__ == "__main__":
    if sys.argv[1] == "opbouwen":
        print(json.dumps(opbouwen(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))))
    else:
        for regel in meten(int(sys.argv[2])):
            print(json.dumps(regel), flush=True)
