"""Automatic matching against the database: loads the agreements and learned rules
into the pure `core.afletteren` index, decides batches of transactions, and has the
ledger (`grootboek`) book the clear cases in bulk. Used by the import (new transactions)
and by `afletteren_uitvoeren` (all open transactions: `hhb afletteren`, the background
task, the button). Every run is recorded (`Afletterrun`: who started it, when) and every
automatic booking points to its run.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet, TextField, Value
from django.db.models.functions import Concat
from django.utils import timezone

from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.bankafschriften.models import Afletteruitkomst, Banktransactie
from huishoudboekje.configuratie.models import Gemeente, GemeenteRekening
from huishoudboekje.core.afletteren import (
    Afspraakindex,
    AfspraakInfo,
    Besluit,
    Betaling,
    Marges,
    TeMatchen,
    besluit,
    tekst_van,
)
from huishoudboekje.core.afletteren import (
    Leerregel as LeerregelInfo,
)
from huishoudboekje.core.bank.model import Transactie
from huishoudboekje.core.schedules import Betaalschema, Frequentie
from huishoudboekje.core.tekstvergelijking import eerste_voornaam, voorletters_van
from huishoudboekje.door import Door
from huishoudboekje.organisaties.models import Afdeling

from . import grootboek
from .models import Afletterrun, Journaalpost, Leerregel, Runsoort, Soort

VENSTER = dt.timedelta(days=60)  # earlier bookings that can make a payment a duplicate
GESCHIEDENIS_VENSTER = dt.timedelta(days=200)  # bookings that teach an agreement's amounts
_OMSCHRIJVING = Concat(
    "transactie__omschrijving", Value(" "), "transactie__betalingskenmerk",
    output_field=TextField(),
)  # fmt: skip


def _schema(r: dict[str, object]) -> Betaalschema:
    return Betaalschema(
        frequentie=Frequentie(str(r["frequentie"])),
        startdatum=r["geldig_van"],  # type: ignore[arg-type]
        einddatum=r["geldig_tot"],  # type: ignore[arg-type]
        interval=int(r["interval"]),  # type: ignore[call-overload]
        dag_van_maand=r["dag_van_maand"],  # type: ignore[arg-type]
        weekdag=r["weekdag"],  # type: ignore[arg-type]
        maand=r["maand"],  # type: ignore[arg-type]
        uitzonderingen=frozenset(dt.date.fromisoformat(d) for d in r["uitzonderingen"] or ()),  # type: ignore[attr-defined]
    )


_VELDEN = (
    "id", "burger_id", "richting", "bedrag", "geldig_van", "geldig_tot", "zoektermen",
    "rubriek_id", "frequentie", "interval", "dag_van_maand", "weekdag", "maand",
    "uitzonderingen", "tegenrekening__iban", "afdeling_id", "afdeling__organisatie__naam",
    "burger__hhb_nummer", "burger__voorletters", "burger__voornamen", "burger__tussenvoegsel",
    "burger__achternaam",
)  # fmt: skip


def _afdelingsrekeningen(afdeling_ids: set[int]) -> dict[int, tuple[str, ...]]:
    """Every account of these departments: a party that moved to another bank pays from
    the new account once staff linked it to the department."""
    per_afdeling: dict[int, list[str]] = defaultdict(list)
    lijst = sorted(afdeling_ids)
    for i in range(0, len(lijst), 900):
        for afdeling_id, iban in Afdeling.rekeningen.through.objects.filter(
            afdeling_id__in=lijst[i : i + 900]
        ).values_list("afdeling_id", "rekening__iban"):
            per_afdeling[afdeling_id].append(iban)
    return {a: tuple(sorted(ibans)) for a, ibans in per_afdeling.items()}


def _burger_naam(r: dict[str, Any]) -> str:
    voor = r["burger__voorletters"] or (r["burger__voornamen"] or "")[:1]
    return " ".join(
        d for d in (voor, r["burger__tussenvoegsel"], r["burger__achternaam"]) if d
    )


def afspraak_infos(afspraken: QuerySet[Afspraak]) -> Iterator[AfspraakInfo]:
    """What matching needs of these agreements, read without building model objects."""
    rijen = list(afspraken.order_by().values(*_VELDEN).iterator(chunk_size=5000))
    rekeningen = _afdelingsrekeningen({r["afdeling_id"] for r in rijen if r["afdeling_id"]})
    for r in rijen:
        yield AfspraakInfo(
            id=r["id"],
            burger_id=r["burger_id"],
            richting=r["richting"],
            bedrag=r["bedrag"],
            geldig_van=r["geldig_van"],
            geldig_tot=r["geldig_tot"],
            zoektermen=tuple(r["zoektermen"] or ()),
            tegen_iban=r["tegenrekening__iban"],
            partijnaam=r["afdeling__organisatie__naam"] or "de eigen rekening van de deelnemer",
            schema=_schema(r),
            rubriek_id=r["rubriek_id"],
            hhb_nummer=r["burger__hhb_nummer"],
            extra_ibans=rekeningen.get(r["afdeling_id"], ()),
            afdeling_id=r["afdeling_id"],
            burger_naam=_burger_naam(r),
            achternaam=r["burger__achternaam"],
            voorletter=voorletters_van(r["burger__voorletters"], r["burger__voornamen"]),
            voornaam=eerste_voornaam(r["burger__voornamen"]),
        )


def leerregel_infos(regels: QuerySet[Leerregel]) -> list[LeerregelInfo]:
    return [
        LeerregelInfo(
            id=r.pk, tegen_iban=r.tegen_iban, patroon=r.patroon, afspraak_id=r.afspraak_id
        )
        for r in regels
    ]


def laad_index() -> Afspraakindex:
    """All agreements (with their counterparty IBAN and party name) and learned rules."""
    return Afspraakindex.bouw(
        afspraak_infos(Afspraak.objects.all()), leerregel_infos(Leerregel.objects.all())
    )


def laad_marges() -> Marges:
    gemeente = Gemeente.objects.filter(pk=1).first()
    if gemeente is None:
        return Marges()
    return Marges(dagen=gemeente.alarm_marge_dagen, bedrag=gemeente.alarm_marge_bedrag)


def als_te_matchen(t: Banktransactie | Transactie) -> TeMatchen:
    """A stored or a just-parsed transaction, as the pure matcher sees it."""
    return TeMatchen(
        bedrag=t.bedrag,
        boekdatum=t.boekdatum,
        tegen_iban=t.tegen_iban,
        omschrijving=f"{t.omschrijving} {t.betalingskenmerk}".strip(),
        # searched for terms too: the mandate carries the customer number (the payer's
        # end-to-end id is often just a sequence number, which would match anything)
        referenties=t.mandaat_id,
        tegen_naam=t.tegen_naam,
    )


def eerdere_boekingen(
    afspraak_ids: set[int], datums: Sequence[dt.date]
) -> dict[int, list[tuple[int, Betaling]]]:
    """(transaction id, (booking date, cents, description)) of the bookings on these
    agreements within `VENSTER` of the given dates: what makes a new payment a second
    one."""
    eerder: dict[int, list[tuple[int, Betaling]]] = defaultdict(list)
    if datums:
        for afspraak_id, transactie_id, datum, bedrag, tekst in _boekingen(
            afspraak_ids, min(datums) - VENSTER, max(datums) + VENSTER
        ):
            eerder[afspraak_id].append((transactie_id, (datum, abs(bedrag), tekst)))
    return eerder


def bedragen_geboekt(afspraak_ids: set[int], datums: Sequence[dt.date]) -> dict[int, list[int]]:
    """The amounts (cents, positive) booked on these agreements in the months before the
    given dates: what each agreement's amount range is learned from."""
    bedragen: dict[int, list[int]] = defaultdict(list)
    if datums:
        for afspraak_id, _tid, _datum, bedrag, _tekst in _boekingen(
            afspraak_ids, min(datums) - GESCHIEDENIS_VENSTER, max(datums) + VENSTER
        ):
            bedragen[afspraak_id].append(abs(bedrag))
    return bedragen


def _boekingen(
    afspraak_ids: set[int], van: dt.date, tot: dt.date
) -> Iterator[tuple[int, int, dt.date, int, str]]:
    """(agreement, transaction, payment date, cents, description) of the payments booked
    on these agreements between the dates. A refund booked on the agreement (the other
    sign) is no payment, nor is a booking that was reversed, nor its reversal. The date
    is the transaction's: a late booking is dated after the closed period."""
    lijst = sorted(afspraak_ids)
    for i in range(0, len(lijst), 900):  # stay under SQLite's parameter limit
        yield from (
            Journaalpost.objects.filter(afspraak_id__in=lijst[i : i + 900], datum__range=(van, tot))
            .filter(
                Q(afspraak__richting=Soort.INKOMSTEN, bedrag__gt=0)
                | Q(afspraak__richting=Soort.UITGAVEN, bedrag__lt=0)
            )
            .filter(tegenboeking_van__isnull=True, tegenboeking__isnull=True)
            .order_by("datum", "id")
            .values_list(
                "afspraak_id", "transactie_id", "transactie__boekdatum", "bedrag", _OMSCHRIJVING
            )
        )


class Afletteraar:
    """Decides batches of transactions. Earlier bookings come from the database, which
    within the import's transaction already holds this file's earlier batches; within a
    batch the decisions made so far count too. So a second payment for the same expected
    date is never booked automatically, and a refused file leaves nothing behind."""

    def __init__(self) -> None:
        self.index = laad_index()
        self.marges = laad_marges()

    def beslis(self, transacties: Sequence[TeMatchen]) -> list[Besluit]:
        if not transacties:
            return []
        ids: set[int] = set()
        for tx in transacties:
            afspraken, _ = self.index.kandidaten(tx, tekst_van(tx))
            ids.update(a.id for a in afspraken if a.richting == tx.richting)
        datums = [t.boekdatum for t in transacties]
        eerder: dict[int, list[Betaling]] = defaultdict(list)
        geschiedenis: dict[int, list[int]] = defaultdict(list)
        dubbel_van = min(datums) - VENSTER
        for afspraak_id, _tid, datum, bedrag, tekst in _boekingen(
            ids, min(datums) - GESCHIEDENIS_VENSTER, max(datums) + VENSTER
        ):
            geschiedenis[afspraak_id].append(abs(bedrag))
            if datum >= dubbel_van:
                eerder[afspraak_id].append((datum, abs(bedrag), tekst.strip()))
        besluiten = []
        for tx in transacties:
            b = besluit(
                tx, self.index, marges=self.marges, eerder_geboekt=eerder, geschiedenis=geschiedenis
            )
            if b.afspraak_id is not None:
                # later in this batch: a duplicate, and part of the agreement's history
                eerder[b.afspraak_id].append((tx.boekdatum, abs(tx.bedrag), tx.omschrijving))
                geschiedenis[b.afspraak_id].append(abs(tx.bedrag))
            besluiten.append(b)
        return besluiten

    def post_voor(
        self, transactie_id: int | None, bedrag: int, datum: dt.date, b: Besluit, nu: dt.datetime
    ) -> dict[str, Any]:
        """The automatic booking of a decided transaction, for the ledger to write
        (`grootboek`); `datum` is the transaction's booking date."""
        assert b.afspraak_id is not None
        afspraak = self.index.afspraken[b.afspraak_id]
        return {
            "transactie_id": transactie_id,
            "afspraak_id": afspraak.id,
            "rubriek_id": afspraak.rubriek_id,
            "burger_id": afspraak.burger_id,
            "bedrag": bedrag,
            "datum": datum,
            "toelichting": b.toelichting,
            "leerregel_id": b.kandidaten[0].leerregel_id,
            "tijdstip": nu,
        }


@dataclass(frozen=True)
class Afletterresultaat:
    bekeken: int
    geboekt: int
    run_id: int | None = None


def te_bekijken(tegen_iban: str = "") -> QuerySet[Banktransactie]:
    """What a run over the open transactions looks at (of one counterparty IBAN, when
    given): not booked at all. A line staff undid or booked by hand is theirs, a possible
    duplicate waits for them: never booked here."""
    return (
        Banktransactie.objects.filter(geboekt=0)
        .filter(**({"tegen_iban": tegen_iban} if tegen_iban else {}))
        .exclude(afletter_uitkomst__in=[Afletteruitkomst.ONGEDAAN, Afletteruitkomst.HANDMATIG])
        .exclude(mogelijk_dubbel_van__isnull=False)
    )


def afletteren_uitvoeren(
    *,
    door: Door,
    chunk: int = 2000,
    afletteraar: Afletteraar | None = None,
    tegen_iban: str = "",
    run: Afletterrun | None = None,
) -> Afletterresultaat:
    """Match every transaction that is not booked at all yet (of one counterparty IBAN,
    when given); book the clear cases.

    `door` started it (the staff member who pressed the button, or the system actor of a
    command); the run is recorded first (pass `run` to use one made before, e.g. when the
    work was queued) and counts its progress per chunk. Works in chunks, each in its own
    transaction with the rows locked (SKIP LOCKED on PostgreSQL, so a manual booking at
    the same moment is simply left alone)."""
    if run is None:
        run = grootboek.run_starten(
            door=door, soort=Runsoort.NIEUWE_REKENING if tegen_iban else Runsoort.ALLE_OPEN
        )
    afletteraar = afletteraar or Afletteraar()
    bekeken = geboekt = 0
    laatste = 0
    while True:
        with transaction.atomic():
            # the same lock an import takes: the "paid twice" check must see what the
            # other one books
            list(GemeenteRekening.objects.select_for_update().order_by("pk"))
            rijen = list(
                te_bekijken(tegen_iban)
                .select_for_update(skip_locked=True)
                .filter(pk__gt=laatste)
                .order_by("pk")[:chunk]
            )
            if not rijen:
                break
            laatste = rijen[-1].pk
            besluiten = afletteraar.beslis([als_te_matchen(t) for t in rijen])
            geboekt += _verwerk(afletteraar, rijen, besluiten, run)
            bekeken += len(rijen)
            run.bekeken = bekeken
            run.save(update_fields=["bekeken", "geboekt"])
    run.klaar = timezone.now()
    run.save(update_fields=["klaar"])
    return Afletterresultaat(bekeken=bekeken, geboekt=geboekt, run_id=run.pk)


def _verwerk(
    afletteraar: Afletteraar,
    rijen: list[Banktransactie],
    besluiten: list[Besluit],
    run: Afletterrun,
) -> int:
    nu = timezone.now()
    posten = []
    for t, b in zip(rijen, besluiten, strict=True):
        t.afletter_uitkomst = Afletteruitkomst.van(b.uitkomst)
        t.afletter_toelichting = b.toelichting
        t.afletter_tijdstip = nu
        if b.afspraak_id is not None:
            posten.append(afletteraar.post_voor(t.pk, t.bedrag, t.boekdatum, b, nu))
    geweigerd = grootboek.automatisch_boeken(run=run, posten=posten)
    for t in rijen:
        if t.pk in geweigerd:
            t.afletter_uitkomst = Afletteruitkomst.GEBLOKKEERD
            t.afletter_toelichting = geweigerd[t.pk]
    Banktransactie.objects.bulk_update(
        rijen, ["afletter_uitkomst", "afletter_toelichting", "afletter_tijdstip"], batch_size=500
    )
    return len(posten) - len(geweigerd)
