"""The one owner of bookings (journaalposten). Manual booking, undo, the matching run
and the import all write bookings here, and nowhere else:

- `handmatig_boeken`: staff book (part of) a transaction (audited per booking);
- `tegenboeken`: undo is a reversing booking, never a delete (audited, with a reason);
- `automatisch_boeken`: a matching run books stored transactions in bulk;
- `transacties_met_boekingen_invoegen`: the import stores new transactions together
  with their automatic bookings, the bookings first, so no transaction row is written
  twice.

`Banktransactie.geboekt` is not written here either: the database keeps it equal to the
sum of the bookings (triggers, migration 0006_grootboek_triggers) and refuses any write
that would break it. A booking is dated on its natural date (the transaction's booking
date; for a reversal the original's date) unless that day is in the closed period:
then on the first open day, so a balance on a closed date never changes.

An automatic booking is never made on an agreement that was not valid on the
transaction's date, nor for a participant whose participation had ended by then; staff
can book those, with a confirmation and a reason (`services_boeken`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer
from huishoudboekje.bankafschriften.models import Afletteruitkomst, Banktransactie
from huishoudboekje.bulk import invoegen, nieuwe_ids
from huishoudboekje.door import Door, medewerker_van, naam_van

from .models import Afletterrun, Journaalpost, Periodeafsluiting


class Boekfout(ValueError):
    """A booking is refused; the message (in the staff member's language) says why.
    Nothing was changed."""


# -- dates --------------------------------------------------------------------------------


def afgesloten_tot() -> dt.date | None:
    """The last day of the closed period (None: nothing closed yet)."""
    return Periodeafsluiting.objects.aggregate(m=Max("tot_en_met"))["m"]  # type: ignore[no-any-return]


def boekdatum(natuurlijk: dt.date, afgesloten: dt.date | None) -> dt.date:
    """A booking's ledger date: its natural date, or the first open day when that date
    falls in the closed period."""
    if afgesloten is not None and natuurlijk <= afgesloten:
        return afgesloten + dt.timedelta(days=1)
    return natuurlijk


# -- validity on the transaction's date ------------------------------------------------------


def beeindigde_deelnames(
    paren: Iterable[tuple[int, dt.date]],
) -> dict[tuple[int, dt.date], dt.date]:
    """For (participant, date) pairs: the end date of the participation, where the
    participant had no participation on that date and one had ended before it. A
    participant without any participation (not taken on yet) is not "ended"."""
    from huishoudboekje.burgers.models import Deelname

    paren = set(paren)
    burgers = sorted({b for b, _d in paren})
    perioden: dict[int, list[tuple[dt.date, dt.date | None]]] = defaultdict(list)
    for i in range(0, len(burgers), 900):
        for burger_id, start, einde in Deelname.objects.filter(
            burger_id__in=burgers[i : i + 900]
        ).values_list("burger_id", "startdatum", "einddatum"):
            perioden[burger_id].append((start, einde))
    uit = {}
    for burger_id, datum in paren:
        lopend = any(s <= datum and (e is None or datum <= e) for s, e in perioden[burger_id])
        geeindigd = [e for _s, e in perioden[burger_id] if e is not None and e < datum]
        if not lopend and geeindigd:
            uit[(burger_id, datum)] = max(geeindigd)
    return uit


def _niet_automatisch(posten: dict[Any, dict[str, Any]]) -> dict[Any, str]:
    """Why some of these automatic bookings must not be made (key -> reason): the
    agreement was not valid on the date, or the participation had ended."""
    from huishoudboekje.afspraken.models import Afspraak

    ids = sorted({p["afspraak_id"] for p in posten.values()})
    geldig: dict[int, tuple[dt.date, dt.date | None]] = {}
    for i in range(0, len(ids), 900):
        for pk, van, tot in Afspraak.objects.filter(pk__in=ids[i : i + 900]).values_list(
            "pk", "geldig_van", "geldig_tot"
        ):
            geldig[pk] = (van, tot)
    geeindigd = beeindigde_deelnames((p["burger_id"], p["datum"]) for p in posten.values())
    redenen = {}
    for sleutel, p in posten.items():
        van, tot = geldig[p["afspraak_id"]]
        if p["datum"] < van or (tot is not None and p["datum"] > tot):
            redenen[sleutel] = _("niet automatisch: de afspraak gold niet op %(datum)s") % {
                "datum": f"{p['datum']:%d-%m-%Y}"
            }
        elif (p["burger_id"], p["datum"]) in geeindigd:
            einde = geeindigd[(p["burger_id"], p["datum"])]
            redenen[sleutel] = _(
                "niet automatisch: de deelname van de deelnemer was beëindigd op %(einde)s"
            ) % {"einde": f"{einde:%d-%m-%Y}"}
    return redenen


# -- manual bookings and undo ------------------------------------------------------------------


@dataclass(frozen=True)
class Post:
    """One manual booking to make on a (locked) transaction."""

    bedrag: int  # cents, signed like the transaction
    rubriek_id: int
    afspraak_id: int | None = None
    burger_id: int | None = None
    buiten_afspraak: bool = False  # confirmed: the agreement was not valid on the date
    na_deelname: bool = False  # confirmed: the participation had ended by then
    bevestiging: str = ""  # the staff member's reason for such a confirmation


def _aanmaken(**velden: Any) -> Journaalpost:
    try:
        with transaction.atomic():
            return Journaalpost.objects.create(**velden)
    except IntegrityError as exc:  # the database's own guards; checked before, so rare
        raise Boekfout(
            _(
                "De boekhouding weigert deze boeking (meer dan het bedrag van de transactie, "
                "of een datum in de afgesloten periode). Er is niets veranderd; laad de "
                "pagina opnieuw."
            )
        ) from exc


def handmatig_boeken(
    *, door: Door, transactie: Banktransactie, posten: list[Post], toelichting: str
) -> list[Journaalpost]:
    """Book by hand on a transaction the caller has locked and checked. Each booking is
    audited; the transaction's outcome becomes "handmatig"."""
    datum = boekdatum(transactie.boekdatum, afgesloten_tot())
    gemaakt = []
    for p in posten:
        post = _aanmaken(
            transactie_id=transactie.pk,
            afspraak_id=p.afspraak_id,
            rubriek_id=p.rubriek_id,
            burger_id=p.burger_id,
            bedrag=p.bedrag,
            datum=datum,
            automatisch=False,
            toelichting=toelichting,
            geboekt_door=medewerker_van(door),
            geboekt_door_naam=naam_van(door),
            buiten_afspraak=p.buiten_afspraak,
            na_deelname=p.na_deelname,
            bevestiging=p.bevestiging,
        )
        audit_registreer(door=door, actie=AuditActie.AANGEMAAKT, obj=post, burger_id=p.burger_id)
        gemaakt.append(post)
    _uitkomst(transactie, Afletteruitkomst.HANDMATIG)
    return gemaakt


def tegenboeken(*, door: Door, post: Journaalpost, reden: str) -> Journaalpost:
    """Reverse one booking (the caller has locked its transaction and checked that it is
    an ordinary booking not reversed yet): the same agreement, rubriek and participant,
    minus the amount, with who and why. The original stays; the amount is open again."""
    tegen = _aanmaken(
        transactie_id=post.transactie_id,
        afspraak_id=post.afspraak_id,
        rubriek_id=post.rubriek_id,
        burger_id=post.burger_id,
        bedrag=-post.bedrag,
        datum=boekdatum(post.datum, afgesloten_tot()),
        automatisch=False,
        toelichting=_("Tegenboeking van de boeking van %(datum)s")
        % {"datum": f"{post.datum:%d-%m-%Y}"},
        geboekt_door=medewerker_van(door),
        geboekt_door_naam=naam_van(door),
        tegenboeking_van=post,
        reden=reden,
    )
    audit_registreer(door=door, actie=AuditActie.AANGEMAAKT, obj=tegen, burger_id=post.burger_id)
    _uitkomst(post.transactie, Afletteruitkomst.ONGEDAAN)
    return tegen


def _uitkomst(transactie: Banktransactie, uitkomst: Afletteruitkomst) -> None:
    Banktransactie.objects.filter(pk=transactie.pk).update(afletter_uitkomst=uitkomst)
    transactie.refresh_from_db(fields=["geboekt", "afletter_uitkomst"])


# -- automatic bookings ----------------------------------------------------------------------


def run_starten(
    *, door: Door | None, soort: str, importbestand_id: int | None = None
) -> Afletterrun:
    """Record a matching run (one audit line), before its bookings are made."""
    run = Afletterrun.objects.create(
        soort=soort,
        importbestand_id=importbestand_id,
        gestart_door=medewerker_van(door),
        gestart_door_naam=naam_van(door),
    )
    audit_registreer(door=door, actie=AuditActie.AANGEMAAKT, obj=run)
    return run


def _rij(post: dict[str, Any], run: Afletterrun, afgesloten: dt.date | None) -> dict[str, Any]:
    return {
        **post,
        "datum": boekdatum(post["datum"], afgesloten),
        "automatisch": True,
        "afletterrun_id": run.pk,
        "geboekt_door_id": None,
        "geboekt_door_naam": run.gestart_door_naam,
    }


def automatisch_boeken(*, run: Afletterrun, posten: list[dict[str, Any]]) -> dict[int, str]:
    """Book stored transactions automatically (rows from `Afletteraar.post_voor`, at
    most one per transaction, their natural date in `datum`). Returns the transactions
    not booked after all, with the reason (see `_niet_automatisch`)."""
    per_transactie = {int(p["transactie_id"]): p for p in posten}
    geweigerd = _niet_automatisch(per_transactie)
    afgesloten = afgesloten_tot()
    rijen = [_rij(p, run, afgesloten) for t, p in per_transactie.items() if t not in geweigerd]
    invoegen(Journaalpost, rijen)  # the database adds each to its transaction's `geboekt`
    run.geboekt += len(rijen)
    return geweigerd


def transacties_met_boekingen_invoegen(
    rijen: list[dict[str, Any]], posten: dict[int, dict[str, Any]], *, run: Afletterrun | None
) -> tuple[list[int], dict[int, str]]:
    """Store new transactions (rows for `bulk.invoegen`, `geboekt` 0) with the automatic
    bookings decided for some of them (row index -> booking row without
    `transactie_id`). The bookings are written first and each transaction then with its
    booked amount, so no row is written twice; the database checks at commit
    (PostgreSQL) or at once (SQLite) that the two agree. A row not booked after all gets
    the outcome "geblokkeerd" with the reason; returns the new ids and those rows (row
    index -> reason)."""
    if posten and run is None:
        raise ValueError("automatic bookings need the run they come from")
    ids = nieuwe_ids(Banktransactie, len(rijen))
    geweigerd = _niet_automatisch(posten) if posten else {}
    afgesloten = afgesloten_tot()
    te_boeken = []
    for i, post in posten.items():
        if i in geweigerd:
            rijen[i]["afletter_uitkomst"] = Afletteruitkomst.GEBLOKKEERD
            rijen[i]["afletter_toelichting"] = geweigerd[i]
            continue
        assert run is not None
        te_boeken.append(_rij({**post, "transactie_id": ids[i]}, run, afgesloten))
        rijen[i]["geboekt"] = post["bedrag"]
    invoegen(Journaalpost, te_boeken)
    invoegen(Banktransactie, rijen, ids=ids)
    if run is not None:
        run.geboekt += len(te_boeken)
    return ids, geweigerd
