"""Agreements of one participant: incomes, fixed costs and the leefgeld payout.

Amounts and schedules follow real life: 4-weekly or weekly salaries on the employer's pay
day (all employees of one employer share its cycle), monthly benefits, toeslagen on the
20th, quarterly child benefit, rent on the 1st (raised every 1 July as a follow-up
agreement), monthly energy and health insurance, quarterly water, municipal taxes in ten
instalments or at once. Fixed costs only for variant "volledig"; every participant gets
exactly one leefgeld agreement.
"""

from __future__ import annotations

import datetime as dt

from huishoudboekje.core.schedules import verwachte_datums

from .afschriftplan import schema_van
from .afspraakbasis import INKOMSTEN, OVERSCHRIJVING, UITGAVEN
from .gegevens import DemoBurger
from .inkomsten import Inkomsten
from .lasten import VasteLasten
from .personen import Persoon

VOORUIT = dt.timedelta(days=100)  # a quarterly income is expected within this


class AfspraakBouwer(Inkomsten, VasteLasten):
    """Collects the agreements of all participants in one list (indices for follow-ups)."""

    def voor(self, persoon: Persoon, burger: DemoBurger, peildatum: dt.date) -> None:
        deelname = burger.deelname
        self._burger = persoon.index
        self._einde = deelname.einddatum
        self._per_maand = self._lasten_per_maand = 0
        self._eerste = len(self.afspraken)
        start = deelname.startdatum
        self._inkomen(persoon, start)
        if persoon.eerste:
            self._toeslagen(persoon, start)
        if deelname.variant == "volledig":
            if persoon.eerste:
                self._woonlasten(persoon, start, peildatum)
            self._persoonlijke_lasten(start)
        self._leefgeld(persoon, burger, start, deelname.variant)

    def _leefgeld(self, persoon: Persoon, burger: DemoBurger, start: dt.date, variant: str) -> None:
        """Exactly one leefgeld agreement, to the participant's own account.

        Variant "volledig": the municipality's default amount and frequency (some choose
        monthly; a parent gets 40% more per child), but never more than the budget
        allows, as a budget plan would: 95% of what the running incomes leave after the
        running fixed costs (the rest builds the buffer), rounded down to whole EUR 5 a
        week, and no less than 40% of the default (a household whose incomes do not cover
        its costs goes below zero: the negative-balance alert is for them). Variants
        "inkomsten"/"afbouw": a fixed monthly amount out of the (fluctuating) incomes."""
        instelling = self.leefgeld
        wekelijks_standaard = instelling.frequentie == "wekelijks"
        standaard = instelling.bedrag if wekelijks_standaard else instelling.bedrag * 12 // 52
        per_week = standaard
        if persoon.eerste and persoon.kinderen:
            per_week += per_week * 4 * persoon.kinderen // 10 // 500 * 500  # whole EUR 5
        if variant == "volledig":
            ruimte = (self._per_maand - self._lasten_per_maand) * 95 // 100 * 12 // 52
            per_week = max(min(per_week, ruimte // 500 * 500), standaard * 4 // 10 // 500 * 500)
        per_maand = (per_week * 52 // 12) // 100 * 100
        omschrijving = "Leefgeld per maand"
        if variant != "volledig":
            wekelijks = False
            aandeel = 95 if variant == "inkomsten" else 98
            per_maand = max(per_maand, self._per_maand * aandeel // 100 // 1000 * 1000)
            omschrijving = "Vast maandbedrag" if variant == "inkomsten" else "Leefgeld (afbouw)"
        else:
            wekelijks = wekelijks_standaard != (self.rng.random() < 0.2)
        self._voeg(
            richting=UITGAVEN,
            omschrijving="Leefgeld per week" if wekelijks else omschrijving,
            bedrag=per_week if wekelijks else per_maand,
            rubriek="Leefgeld",
            afdeling=None,
            tegenrekening=burger.iban,
            geldig_van=self._na_eerste_inkomen(start),
            frequentie="wekelijks" if wekelijks else "maandelijks",
            weekdag=instelling.weekdag if wekelijks else None,
            dag=None if wekelijks else 1,
            betaalwijze=OVERSCHRIJVING,
            leefgeld=True,
        )

    def _na_eerste_inkomen(self, start: dt.date) -> dt.date:
        """The leefgeld starts when the first income of the participation is expected, as
        a budget plan does (the buffer is still empty before that)."""
        datums = (
            next(verwachte_datums(schema_van(a), a.geldig_van, a.geldig_van + VOORUIT), None)
            for a in self.afspraken[self._eerste :]
            if a.richting == INKOMSTEN
        )
        eerste = min((d for d in datums if d is not None), default=start)
        return eerste if self._einde is None or eerste <= self._einde else start
