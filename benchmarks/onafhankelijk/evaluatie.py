"""The figures against the ground truth, for the matcher's automatic bookings and for
the old VNG rule as a baseline over the same stored lines.

Why these figures: a booking on the wrong participant is the worst outcome (one
resident sees another's salary, pays from the wrong balance), so it is counted over
ALL automatic bookings; a booking on the right participant but the wrong agreement
spoils balances and signals; a non-matchable line (a double payment, a refund ...)
booked automatically hides what staff must see. The shortfall per category shows
where the matcher leaves matchable lines to humans.

The VNG rule (Huishoudboekje v2.1): book when exactly one agreement valid on the
date has the counterparty IBAN and ALL its search terms occur in the description
(case-insensitive substring), amount and direction ignored."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.bankafschriften.models import Banktransactie
from huishoudboekje.boekhouding.models import Journaalpost


@dataclass
class Cijfers:
    regels: int = 0
    niet_gevonden: int = 0  # ground truth without a stored transaction
    matchbaar: int = 0
    goed: int = 0  # matchable and booked on exactly the true agreement
    geboekt: int = 0  # lines with any automatic booking
    fout_deelnemer: int = 0
    fout_afspraak: int = 0  # right participant, another agreement
    niet_matchbaar_geboekt: Counter[str] = field(default_factory=Counter)
    tekort: Counter[str] = field(default_factory=Counter)  # matchable, not booked right

    @property
    def goed_pct(self) -> float:
        return 100.0 * self.goed / self.matchbaar if self.matchbaar else 0.0

    @property
    def fout_afspraak_pct(self) -> float:
        return 100.0 * self.fout_afspraak / self.geboekt if self.geboekt else 0.0

    def als_dict(self) -> dict[str, object]:
        return {
            "regels": self.regels,
            "niet_gevonden": self.niet_gevonden,
            "matchbaar": self.matchbaar,
            "goed": self.goed,
            "goed_pct": self.goed_pct,
            "geboekt": self.geboekt,
            "fout_deelnemer": self.fout_deelnemer,
            "fout_afspraak": self.fout_afspraak,
            "fout_afspraak_pct": self.fout_afspraak_pct,
            "niet_matchbaar_geboekt": dict(self.niet_matchbaar_geboekt),
            "tekort": dict(self.tekort),
        }


@dataclass
class Uitslag:
    matcher: Cijfers
    vng: Cijfers
    categorieen: Counter[str]


def lees_waarheid(map_: Path) -> Iterator[dict[str, object]]:
    with open(map_ / "waarheid.jsonl") as bron:
        for regel in bron:
            yield json.loads(regel)


def _tel(c: Cijfers, w: dict[str, object], geboekt: set[tuple[int, int | None]] | None) -> None:
    c.regels += 1
    if geboekt is None:
        c.niet_gevonden += 1
        return
    if w["matchbaar"]:
        c.matchbaar += 1
    if geboekt:
        c.geboekt += 1
        burgers = {b for _, b in geboekt}
        if burgers != {w["burger"]}:
            c.fout_deelnemer += 1
        elif {a for a, _ in geboekt} != {w["afspraak"]}:
            c.fout_afspraak += 1
        elif w["matchbaar"]:
            c.goed += 1
            return
        if not w["matchbaar"]:
            c.niet_matchbaar_geboekt[str(w["categorie"])] += 1
            return
    if w["matchbaar"]:
        c.tekort[str(w["categorie"])] += 1


class _Vng:
    """The VNG rule over the stored transactions. Agreements are looked up by the
    rarest letter or digit run of their search terms among the runs of the description
    (fast at 10,000 participants; a run hidden inside a longer run of the same kind is
    not looked up, except behind leading zeros), then every term is checked as a
    substring, as the rule does; agreements without search terms always fit."""

    def __init__(self) -> None:
        self.per_woord: dict[str, dict[str, list[_Vngafspraak]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.zonder: dict[str, list[_Vngafspraak]] = defaultdict(list)
        velden = (
            "id", "burger_id", "tegenrekening__iban", "zoektermen", "geldig_van", "geldig_tot"
        )  # fmt: skip
        rijen = []
        telling: dict[tuple[str, str], int] = defaultdict(int)
        for a, b, iban, z, van, tot in Afspraak.objects.values_list(*velden).iterator(
            chunk_size=5000
        ):
            termen = tuple(t.lower() for t in z or () if t.strip())
            woorden = {w for t in termen for w in _WOORD.findall(t)}
            for w in woorden:
                telling[(iban, w)] += 1
            rijen.append((iban, woorden, (a, b, termen, van, tot)))
        for iban, woorden, rij in rijen:
            if woorden:
                # its rarest run: every agreement with all its terms in a text is found
                sleutel = min(woorden, key=lambda w: (telling[(iban, w)], -len(w), w))
                self.per_woord[iban][sleutel].append(rij)
            else:
                self.zonder[iban].append(rij)

    def boek(self, iban: str, datum: object, tekst: str) -> set[tuple[int, int | None]]:
        tekst = tekst.lower()
        per_woord = self.per_woord.get(iban, {})
        kandidaten = list(self.zonder.get(iban, ()))
        runs = set(_WOORD.findall(tekst))
        for w in runs | {r.lstrip("0") for r in runs if r[:1] == "0"}:
            kandidaten.extend(per_woord.get(w, ()))
        raak = {
            (a, b)
            for a, b, termen, van, tot in kandidaten
            if van <= datum and (tot is None or datum <= tot) and all(t in tekst for t in termen)  # type: ignore[operator]
        }
        return raak if len(raak) == 1 else set()


_Vngafspraak = tuple[int, int, tuple[str, ...], object, object]
_WOORD = re.compile(r"[a-zà-ÿ]+|[0-9]+")


def _blokken(
    rijen: Iterable[dict[str, object]], grootte: int = 2000
) -> Iterator[list[dict[str, object]]]:
    blok: list[dict[str, object]] = []
    for rij in rijen:
        blok.append(rij)
        if len(blok) >= grootte:
            yield blok
            blok = []
    if blok:
        yield blok


def evalueer_gemeente(map_: Path) -> Uitslag:
    """Compare the bookings in the database with the ground truth in `map_`."""
    matcher, vng, categorieen = Cijfers(), Cijfers(), Counter[str]()
    regel = _Vng()
    for blok in _blokken(lees_waarheid(map_)):
        tx = {
            r[0]: r[1:]
            for r in Banktransactie.objects.filter(bankreferentie__in=[w["ref"] for w in blok])
            .order_by()
            .values_list(
                "bankreferentie",
                "pk",
                "tegen_iban",
                "boekdatum",
                "omschrijving",
                "betalingskenmerk",
            )
        }
        automatisch: dict[int, set[tuple[int, int | None]]] = defaultdict(set)
        for t, a, b in (
            Journaalpost.objects.filter(
                transactie_id__in=[v[0] for v in tx.values()], automatisch=True
            )
            .order_by()
            .values_list("transactie_id", "afspraak_id", "burger_id")
        ):
            automatisch[t].add((a, b))
        for w in blok:
            categorieen[str(w["categorie"])] += 1
            v = tx.get(str(w["ref"]))
            _tel(matcher, w, None if v is None else automatisch.get(v[0], set()))
            _tel(vng, w, None if v is None else regel.boek(v[1], v[2], f"{v[3]} {v[4]}"))
    return Uitslag(matcher, vng, categorieen)
