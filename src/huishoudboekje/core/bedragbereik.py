"""The amount an agreement really comes with, learned from its own booked history.

An hourly worker's salary differs every month (hours, overtime, holiday pay), a rent is
the same to the cent until it is raised. Comparing every payment with the one agreed
amount and one municipal margin books neither well: the salary is "too far off" every
month and a doubled fixed cost looks as good as a salary that varies. So each
agreement's range comes from what was really booked on it:

- with at least `MIN_GESCHIEDENIS` earlier bookings: from the lowest to the highest of
  the last `GESCHIEDENIS` bookings, widened on both sides by half their spread (at
  least the municipal margin). A salary that always varies gets a wide range, a fixed
  cost that never varied a narrow one, so a fixed cost that suddenly doubles still goes
  to a human;
- with less history: the agreed amount plus or minus the municipal margin, and for an
  income also `INKOMEN_VARIATIE_PROCENT` of it (variation of that size is normal for
  hourly and 4-weekly payroll); the few earlier bookings are added to it.

The agreed amount itself (plus or minus the margin) always stays in the range: staff may
have just changed it.

`ruim_bereik` is the looser range for an income whose description names the agreement
beyond doubt (its reference is in the text): from `RUIM_ONDER` to `RUIM_BOVEN` times the
normal range, wide enough for a month with holiday pay, not for a one-off correction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from huishoudboekje.core.money import formatteer_bedrag

GESCHIEDENIS = 6  # the last this many bookings describe the agreement's amount
MIN_GESCHIEDENIS = 3  # below this, the agreed amount leads
INKOMEN_VARIATIE_PROCENT = 25
RUIM_ONDER = 0.5
RUIM_BOVEN = 2.5


@dataclass(frozen=True)
class Bereik:
    laag: int  # cents, inclusive
    hoog: int
    bron: str  # in words: where the range comes from

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
    laag, hoog = afgesproken - marge, afgesproken + marge
    if len(recent) >= MIN_GESCHIEDENIS:
        uitloop = max(marge, (max(recent) - min(recent)) // 2)
        laag = min(laag, min(recent) - uitloop)
        hoog = max(hoog, max(recent) + uitloop)
        bron = f"geleerd uit {len(recent)} eerdere boekingen"
    else:
        if inkomen:
            variatie = max(marge, afgesproken * INKOMEN_VARIATIE_PROCENT // 100)
            laag, hoog = afgesproken - variatie, afgesproken + variatie
        for b in recent:
            laag, hoog = min(laag, b - marge), max(hoog, b + marge)
        bron = "afgesproken bedrag " + (
            "met de gebruikelijke variatie van een inkomen" if inkomen else "met de marge"
        )
    return Bereik(max(laag, 0), hoog, bron)


def ruim_bereik(bereik: Bereik) -> Bereik:
    return Bereik(int(bereik.laag * RUIM_ONDER), int(bereik.hoog * RUIM_BOVEN), bereik.bron)
