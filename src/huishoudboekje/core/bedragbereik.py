"""The amount an agreement really comes with, learned from its own booked history.

An hourly worker's salary differs every month (hours, overtime, holiday pay), a rent is
the same to the cent until it is raised. Comparing every payment with the one agreed
amount and one municipal margin books neither well: the salary is "too far off" every
month and a doubled fixed cost looks as good as a salary that varies. So each
agreement's range comes from what was really booked on it:

- always: the agreed amount plus or minus the municipal margin, and for an income
  plus or minus `INKOMEN_VARIATIE_PROCENT` of it (variation of that size is normal for
  hourly and 4-weekly payroll). Staff may have just changed the agreed amount;
- with at least `MIN_GESCHIEDENIS` earlier bookings also: from the lowest to the
  highest of the last `GESCHIEDENIS` bookings, widened on both sides by half their
  spread (at least the margin). A salary that varies more than usual gets a wider
  range; a fixed cost that never varied keeps a narrow one, so a fixed cost that
  suddenly doubles still goes to a human;
- with fewer bookings: each of them plus or minus the margin.

`ruim_bereik` is the looser range for a payment whose description names the agreement
(its reference is in the text), around the amounts really seen (agreed and booked, no
margins). For an income from `RUIM_ONDER` times the lowest to the highest times
`INKOMEN_VARIATIE_PROCENT` plus the legal holiday allowance (`VAKANTIEGELD_PROCENT` of
a year's income, paid in one period: about twice a monthly salary, five times a weekly
wage), not for a one-off correction, plus the municipal margin. For a fixed cost
`LAST_ONDER` to `LAST_BOVEN` times (or its normal range, if wider): the yearly rent
increase on 1 July or a new energy instalment fit, a doubled cost does not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from huishoudboekje.core.money import formatteer_bedrag

GESCHIEDENIS = 6  # the last this many bookings describe the agreement's amount
MIN_GESCHIEDENIS = 3  # below this, the agreed amount leads
INKOMEN_VARIATIE_PROCENT = 25
RUIM_ONDER = 0.5
VAKANTIEGELD_PROCENT = 8  # the legal minimum holiday allowance in the Netherlands
LAST_ONDER = 0.75
LAST_BOVEN = 1.25


@dataclass(frozen=True)
class Bereik:
    laag: int  # cents, inclusive
    hoog: int
    bron: str  # in words: where the range comes from
    kern_laag: int = 0  # the lowest and highest amount really seen (agreed or booked)
    kern_hoog: int = 0

    def bevat(self, bedrag: int) -> bool:
        return self.laag <= bedrag <= self.hoog

    @property
    def in_woorden(self) -> str:
        return f"{formatteer_bedrag(self.laag)} tot {formatteer_bedrag(self.hoog)}"


def normaal_bereik(
    *, afgesproken: int, geschiedenis: Sequence[int], inkomen: bool, marge: int
) -> Bereik:
    """The range of amounts that fit this agreement (cents, positive)."""
    recent = [abs(b) for b in geschiedenis[-GESCHIEDENIS:]]
    kern_laag, kern_hoog = min([afgesproken, *recent]), max([afgesproken, *recent])
    variatie = max(marge, afgesproken * INKOMEN_VARIATIE_PROCENT // 100) if inkomen else marge
    laag, hoog = afgesproken - variatie, afgesproken + variatie
    if len(recent) >= MIN_GESCHIEDENIS:
        uitloop = max(marge, (max(recent) - min(recent)) // 2)
        laag = min(laag, min(recent) - uitloop)
        hoog = max(hoog, max(recent) + uitloop)
        bron = f"geleerd uit {len(recent)} eerdere boekingen"
    else:
        for b in recent:
            laag, hoog = min(laag, b - marge), max(hoog, b + marge)
        bron = "afgesproken bedrag " + (
            "met de gebruikelijke variatie van een inkomen" if inkomen else "met de marge"
        )
    return Bereik(max(laag, 0), hoog, bron, kern_laag, kern_hoog)


def ruim_boven(perioden_per_jaar: int) -> float:
    """How far above its usual amount an income may be in its holiday-pay period."""
    vakantiegeld = VAKANTIEGELD_PROCENT * max(perioden_per_jaar, 1) / 100
    return (1 + INKOMEN_VARIATIE_PROCENT / 100) * (1 + vakantiegeld)


def ruim_bereik(
    bereik: Bereik, *, inkomen: bool = True, perioden_per_jaar: int = 12, marge: int = 0
) -> Bereik:
    if inkomen:
        laag = int(bereik.kern_laag * RUIM_ONDER) - marge
        hoog = int(bereik.kern_hoog * ruim_boven(perioden_per_jaar)) + marge
    else:
        # a fixed cost: relative to what it really costs, never wider than that plus its
        # normal range (the margin of EUR 10 would make a EUR 13 phone bill of 26 fit)
        laag = min(bereik.laag, int(bereik.kern_laag * LAST_ONDER))
        hoog = max(bereik.hoog, int(bereik.kern_hoog * LAST_BOVEN))
    return Bereik(max(laag, 0), hoog, bereik.bron, bereik.kern_laag, bereik.kern_hoog)
