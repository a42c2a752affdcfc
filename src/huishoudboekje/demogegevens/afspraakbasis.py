"""The common part of the agreement generator: one agreement, with the rules every
generated agreement follows (it ends with the participation; a few monthly ones carry
an exception date; incomes add up to a monthly figure for the leefgeld of variants
"inkomsten" and "afbouw")."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from .gegevens import DemoAfspraak
from .partijen import Partijen

INKOMSTEN = "inkomsten"
UITGAVEN = "uitgaven"
INCASSO = "incasso"
OVERSCHRIJVING = "overschrijving"

# Kind of every rubriek the generator uses (the names exist in boekhouding/rgs.yaml).
RUBRIEK_SOORT = {
    "Loon": INKOMSTEN,
    "Uitkering UWV": INKOMSTEN,
    "Bijstandsuitkering": INKOMSTEN,
    "AOW/Anw": INKOMSTEN,
    "Kinderbijslag": INKOMSTEN,
    "Zorgtoeslag": INKOMSTEN,
    "Huurtoeslag": INKOMSTEN,
    "Kindgebonden budget": INKOMSTEN,
    "Huur": UITGAVEN,
    "Energie": UITGAVEN,
    "Water": UITGAVEN,
    "Zorgverzekering": UITGAVEN,
    "Inboedelverzekering": UITGAVEN,
    "Internet en tv": UITGAVEN,
    "Telefoon": UITGAVEN,
    "Gemeentelijke belastingen": UITGAVEN,
    "Waterschapsbelasting": UITGAVEN,
    "Eigen bijdrage Wmo": UITGAVEN,
    "Aflossing schuld": UITGAVEN,
    "Leefgeld": UITGAVEN,
}
# Monthly equivalent of one payment, as a fraction (numerator, denominator).
PER_MAAND = {
    ("maandelijks", 1): (1, 1),
    ("wekelijks", 4): (13, 12),
    ("wekelijks", 1): (52, 12),
    ("kwartaal", 1): (1, 3),
    ("jaarlijks", 1): (1, 12),
}


@dataclass(frozen=True)
class Leefgeldinstelling:
    """The municipality's leefgeld defaults (configuratie.Gemeente)."""

    bedrag: int  # cents per payment at the default frequency
    frequentie: str  # "wekelijks" | "maandelijks"
    weekdag: int


def nummer(rng: random.Random, cijfers: int) -> str:
    return str(rng.randrange(10 ** (cijfers - 1), 10**cijfers))


def eerste_op_of_na(datum: dt.date, dag: int) -> dt.date:
    """The first date on or after `datum` that is day `dag` (<= 28) of a month."""
    kandidaat = datum.replace(day=dag)
    if kandidaat < datum:
        jaar, maand = (datum.year + 1, 1) if datum.month == 12 else (datum.year, datum.month + 1)
        kandidaat = dt.date(jaar, maand, dag)
    return kandidaat


class AfspraakBasis:
    """Collects the agreements of all participants in one list (indices for follow-ups)."""

    def __init__(
        self, rng: random.Random, partijen: Partijen, leefgeld: Leefgeldinstelling
    ) -> None:
        self.rng = rng
        self.partijen = partijen
        self.leefgeld = leefgeld
        self.afspraken: list[DemoAfspraak] = []
        self._burger = 0
        self._einde: dt.date | None = None
        self._per_maand = 0  # running incomes of the current participant, per month
        self._lasten_per_maand = 0  # and running fixed costs

    # -- one agreement -----------------------------------------------------------------------

    def _voeg(
        self,
        *,
        richting: str,
        omschrijving: str,
        bedrag: int,
        rubriek: str,
        afdeling: str | None,
        geldig_van: dt.date,
        frequentie: str,
        interval: int = 1,
        dag: int | None = None,
        weekdag: int | None = None,
        maand: int | None = None,
        zoektermen: tuple[str, ...] = (),
        betaalwijze: str = "",
        leefgeld: bool = False,
        tegenrekening: str | None = None,
        geldig_tot: dt.date | None = None,
        vervolg_op: int | None = None,
    ) -> int | None:
        """Append one agreement (ending no later than the participation); its index, or
        None when it would end before it starts."""
        lopend = geldig_tot is None  # still running (not an earlier, replaced agreement)
        if self._einde is not None:
            geldig_tot = min(geldig_tot, self._einde) if geldig_tot else self._einde
        if geldig_tot is not None and geldig_tot < geldig_van:
            return None
        uitzonderingen: tuple[dt.date, ...] = ()
        if (
            frequentie == "maandelijks"
            and dag
            and dag <= 28
            and not leefgeld
            and self.rng.random() < 0.05
        ):
            # e.g. the first instalment was still paid by the participant before check-in
            eerste = eerste_op_of_na(geldig_van, dag)
            if geldig_tot is None or eerste <= geldig_tot:
                uitzonderingen = (eerste,)
        if lopend and not leefgeld:
            teller, noemer = PER_MAAND.get((frequentie, interval), (0, 1))
            if richting == INKOMSTEN:
                self._per_maand += bedrag * teller // noemer
            else:
                self._lasten_per_maand += bedrag * teller // noemer
        self.afspraken.append(
            DemoAfspraak(
                burger=self._burger,
                richting=richting,
                omschrijving=omschrijving[:140],
                bedrag=bedrag,
                rubriek=rubriek,
                afdeling=afdeling,
                tegenrekening=tegenrekening or self.partijen.iban[str(afdeling)],
                geldig_van=geldig_van,
                geldig_tot=geldig_tot,
                zoektermen=zoektermen,
                betaalwijze=betaalwijze,
                leefgeld=leefgeld,
                frequentie=frequentie,
                interval=interval,
                dag_van_maand=dag,
                weekdag=weekdag,
                maand=maand,
                uitzonderingen=uitzonderingen,
                vervolg_op=vervolg_op,
            )
        )
        return len(self.afspraken) - 1

    def _maandelijks_in(
        self,
        afdeling: str,
        rubriek: str,
        omschrijving: str,
        bedrag: int,
        van: dt.date,
        dag: int,
        zoektermen: tuple[str, ...],
    ) -> None:
        self._voeg(
            richting=INKOMSTEN,
            omschrijving=omschrijving,
            bedrag=bedrag,
            rubriek=rubriek,
            afdeling=afdeling,
            geldig_van=van,
            frequentie="maandelijks",
            dag=dag,
            zoektermen=zoektermen,
        )

    def _maandelijks_uit(
        self,
        afdeling: str,
        rubriek: str,
        omschrijving: str,
        bedrag: int,
        van: dt.date,
        dag: int,
        zoektermen: tuple[str, ...],
        betaalwijze: str = INCASSO,
    ) -> int | None:
        return self._voeg(
            richting=UITGAVEN,
            omschrijving=omschrijving,
            bedrag=bedrag,
            rubriek=rubriek,
            afdeling=afdeling,
            geldig_van=van,
            frequentie="maandelijks",
            dag=dag,
            zoektermen=zoektermen,
            betaalwijze=betaalwijze,
        )

    # -- per participant ----------------------------------------------------------------------
