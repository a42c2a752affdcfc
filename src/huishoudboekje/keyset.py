"""Keyset pagination for lists that grow without end (transactions, audit lines).

A page is found by the sort key of the row it starts after (or ends before), never by
an OFFSET: page 1,000 costs what page 1 costs, because the database starts reading its
index at the key instead of counting 25,000 rows off first. The sort must end in a
unique field (the primary key), so rows with equal dates keep a stable order and none
is skipped or shown twice between pages.

A list may consist of several segments shown one after the other (the transactions
list: the open ones first, then the booked ones), each a queryset with the same sort;
the key then carries the segment's number. The count is capped (`TELLEN_TOT`): "more
than 10,000" instead of a COUNT(*) over a million rows on every page.

Keys travel in the query string as `na=<key>` (the next page) and `voor=<key>` (the
previous one). A key that does not parse is ignored: the first page is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, Q, QuerySet
from django.http import QueryDict

TELLEN_TOT = 10_000
_SCHEIDING = "~"


@dataclass(frozen=True)
class Keysetpagina:
    """One page: its rows and the query strings of the neighbouring pages."""

    rijen: list[Any]
    volgende: str | None  # the query string of the next page, or None on the last one
    vorige: str | None  # of the previous page, or None on the first one
    eerste: str | None  # of the first page, or None when this is the first page
    aantal: int | None  # results in total, at most `TELLEN_TOT`; None: not counted
    meer_dan: bool  # True when there are more than `aantal`

    def __iter__(self) -> Any:
        return iter(self.rijen)

    def __len__(self) -> int:
        return len(self.rijen)

    @property
    def meerdere_paginas(self) -> bool:
        return self.volgende is not None or self.vorige is not None


def keyset_pagina(
    segmenten: Sequence[QuerySet[Any]],
    *,
    volgorde: Sequence[str],
    per_pagina: int,
    parameters: QueryDict,
    tellen_tot: int | None = None,
) -> Keysetpagina:
    """The page of `segmenten` (shown one after the other, each sorted by `volgorde`,
    e.g. ("-boekdatum", "-id")) that `parameters` (request.GET) asks for; the other
    parameters (filters) are kept in the links. Counted up to `tellen_tot` (TELLEN_TOT;
    0: not counted)."""
    model = segmenten[0].model
    na = _lees(parameters.get("na"), model, volgorde, len(segmenten))
    voor = None if na else _lees(parameters.get("voor"), model, volgorde, len(segmenten))
    rijen: list[tuple[int, Any]]
    if voor is not None:
        rijen = _terug(segmenten, volgorde, voor, per_pagina + 1)
        if len(rijen) <= per_pagina:  # reached the start: show the real first page
            voor = None
            rijen = _vooruit(segmenten, volgorde, None, per_pagina + 1)
            heeft_volgende, heeft_vorige = len(rijen) > per_pagina, False
            rijen = rijen[:per_pagina]
        else:
            rijen = rijen[1:]
            heeft_volgende, heeft_vorige = True, True
    else:
        rijen = _vooruit(segmenten, volgorde, na, per_pagina + 1)
        heeft_volgende, heeft_vorige = len(rijen) > per_pagina, na is not None
        rijen = rijen[:per_pagina]
    aantal: int | None = None
    meer_dan = False
    if tellen_tot != 0:  # 0: a list whose rows are too costly to count
        aantal, meer_dan = geteld(segmenten, volgorde=volgorde, tot=tellen_tot)
    return Keysetpagina(
        rijen=[r for _, r in rijen],
        volgende=_link(parameters, "na", rijen[-1], volgorde) if heeft_volgende else None,
        vorige=_link(parameters, "voor", rijen[0], volgorde) if heeft_vorige and rijen else None,
        eerste=_link(parameters, "", None, volgorde) if heeft_vorige else None,
        aantal=aantal,
        meer_dan=meer_dan,
    )


def geteld(
    segmenten: Sequence[QuerySet[Any]], *, volgorde: Sequence[str], tot: int | None = None
) -> tuple[int, bool]:
    """(count, more than that) of the rows of `segmenten`, counting no further than
    `tot` (TELLEN_TOT). Counted in the list's order, so the database counts along the
    index the page is read by (PostgreSQL takes nearly every transaction for open, as it
    cannot see that geboekt usually equals bedrag, and would scan the table)."""
    tot = tot or TELLEN_TOT
    aantal = 0
    for qs in segmenten:
        aantal += qs.order_by(*volgorde)[: tot + 1 - aantal].count()
        if aantal > tot:
            return tot, True
    return aantal, False


def sleutel_van(rij: Any, volgorde: Sequence[str], segment: int = 0) -> str:
    """The key of a row, as it appears after `na=` or `voor=`."""
    waarden = [_tekst(getattr(rij, v.lstrip("-"))) for v in volgorde]
    return _SCHEIDING.join([str(segment), *waarden])


def _tekst(waarde: Any) -> str:
    if isinstance(waarde, dt.date | dt.datetime):
        return waarde.isoformat()
    return str(waarde)


def _lees(
    sleutel: str | None, model: type[Model], volgorde: Sequence[str], segmenten: int
) -> tuple[int, list[Any]] | None:
    if not sleutel:
        return None
    delen = sleutel.split(_SCHEIDING)
    if len(delen) != len(volgorde) + 1 or not delen[0].isdigit():
        return None
    segment = int(delen[0])
    if segment >= segmenten:
        return None
    waarden = []
    for veld, tekst in zip(volgorde, delen[1:], strict=True):
        naam = veld.lstrip("-")
        try:
            field = model._meta.pk if naam == "pk" else model._meta.get_field(naam)
            waarde = field.to_python(tekst)
        except Exception:  # noqa: BLE001 (a mangled key shows the first page)
            return None
        if waarde is None:
            return None
        waarden.append(waarde)
    return segment, waarden


def _voorbij(volgorde: Sequence[str], waarden: list[Any], *, terug: bool) -> Q:
    """Rows after the key in the sort order (before it, with `terug`).

    (a, b) after (x, y) is a < x OR (a = x AND b < y) for a descending sort; the
    leading a <= x is implied but written out, so the database starts its index scan
    at the key instead of filtering from the first row."""
    voorwaarde = Q()
    gelijk = Q()
    for veld, waarde in zip(volgorde, waarden, strict=True):
        naam = veld.lstrip("-")
        aflopend = veld.startswith("-") != terug
        voorwaarde |= gelijk & Q(**{f"{naam}__{'lt' if aflopend else 'gt'}": waarde})
        gelijk &= Q(**{naam: waarde})
    eerste = volgorde[0].lstrip("-")
    aflopend = volgorde[0].startswith("-") != terug
    return Q(**{f"{eerste}__{'lte' if aflopend else 'gte'}": waarden[0]}) & voorwaarde


def _vooruit(
    segmenten: Sequence[QuerySet[Any]],
    volgorde: Sequence[str],
    vanaf: tuple[int, list[Any]] | None,
    aantal: int,
) -> list[tuple[int, Any]]:
    begin = vanaf[0] if vanaf else 0
    rijen: list[tuple[int, Any]] = []
    for i in range(begin, len(segmenten)):
        qs = segmenten[i].order_by(*volgorde)
        if vanaf is not None and i == begin:
            qs = qs.filter(_voorbij(volgorde, vanaf[1], terug=False))
        rijen += [(i, r) for r in qs[: aantal - len(rijen)]]
        if len(rijen) >= aantal:
            break
    return rijen


def _terug(
    segmenten: Sequence[QuerySet[Any]],
    volgorde: Sequence[str],
    vanaf: tuple[int, list[Any]],
    aantal: int,
) -> list[tuple[int, Any]]:
    """The `aantal` rows before the key, in the list's order (nearest last)."""
    omgekeerd = [v[1:] if v.startswith("-") else f"-{v}" for v in volgorde]
    rijen: list[tuple[int, Any]] = []
    for i in range(vanaf[0], -1, -1):
        qs = segmenten[i].order_by(*omgekeerd)
        if i == vanaf[0]:
            qs = qs.filter(_voorbij(volgorde, vanaf[1], terug=True))
        rijen += [(i, r) for r in qs[: aantal - len(rijen)]]
        if len(rijen) >= aantal:
            break
    rijen.reverse()
    return rijen


def _link(
    parameters: QueryDict, richting: str, rij: tuple[int, Any] | None, volgorde: Sequence[str]
) -> str:
    """The query string of a neighbouring page: the filters kept, `na`/`voor` replaced."""
    q = parameters.copy()
    for oud in ("na", "voor", "page"):
        q.pop(oud, None)
    if rij is not None:
        q[richting] = sleutel_van(rij[1], volgorde, rij[0])
    return q.urlencode()
