"""How good was the automatic matching? Compares the bookings in the database with the
demo generator's ground truth (`demogegevens.afschriften.Waarheid`): of the transactions a
correct matcher should book automatically, how many were, and was any automatic booking
wrong (on another agreement than the truth). Used by `hhb demo-data --maanden` and by
`make bench`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from huishoudboekje.boekhouding.models import Journaalpost
from huishoudboekje.demogegevens.afschriften import Waarheid

from .models import Banktransactie


@dataclass(frozen=True)
class Evaluatie:
    transacties: int
    matchbaar: int
    matchbaar_automatisch_goed: int
    automatisch_fout: int  # booked automatically on another agreement than the truth
    automatisch_niet_matchbaar: int  # booked automatically though the truth says "do not"
    niet_gevonden: int  # ground truth without a stored transaction

    @property
    def automatisch_percentage(self) -> float:
        return 100.0 * self.matchbaar_automatisch_goed / self.matchbaar if self.matchbaar else 0.0

    @property
    def fout_percentage(self) -> float:
        geboekt = self.matchbaar_automatisch_goed + self.automatisch_fout
        return 100.0 * self.automatisch_fout / geboekt if geboekt else 0.0


def evalueer(
    waarheid: Iterable[Waarheid], afspraak_ids: Sequence[int], *, blok: int = 900
) -> Evaluatie:
    """Compare per bank reference; `afspraak_ids[i]` is the database id of generated
    agreement i. Works in blocks, so it does not hold all transactions in memory."""
    teller = dict(transacties=0, matchbaar=0, goed=0, fout=0, niet_matchbaar=0, niet_gevonden=0)
    buffer: list[Waarheid] = []

    def verwerk() -> None:
        refs = [w.sleutel for w in buffer]
        tx = dict(
            Banktransactie.objects.filter(bankreferentie__in=refs)
            .order_by()
            .values_list("bankreferentie", "pk")
        )
        automatisch: dict[int, set[int]] = {}
        for transactie_id, afspraak_id in (
            Journaalpost.objects.filter(transactie_id__in=tx.values(), automatisch=True)
            .order_by()
            .values_list("transactie_id", "afspraak_id")
        ):
            automatisch.setdefault(transactie_id, set()).add(afspraak_id)
        for w in buffer:
            teller["transacties"] += 1
            pk = tx.get(w.sleutel)
            if pk is None:
                teller["niet_gevonden"] += 1
                continue
            geboekt = automatisch.get(pk, set())
            juist = afspraak_ids[w.afspraak] if w.afspraak is not None else None
            if w.matchbaar:
                teller["matchbaar"] += 1
            if geboekt:
                if juist is None or geboekt != {juist}:
                    teller["fout"] += 1
                elif w.matchbaar:
                    teller["goed"] += 1
                else:
                    teller["niet_matchbaar"] += 1
        buffer.clear()

    for w in waarheid:
        buffer.append(w)
        if len(buffer) >= blok:
            verwerk()
    verwerk()
    return Evaluatie(
        transacties=teller["transacties"],
        matchbaar=teller["matchbaar"],
        matchbaar_automatisch_goed=teller["goed"],
        automatisch_fout=teller["fout"],
        automatisch_niet_matchbaar=teller["niet_matchbaar"],
        niet_gevonden=teller["niet_gevonden"],
    )
