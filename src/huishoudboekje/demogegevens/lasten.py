"""Fixed costs: rent on the 1st (raised every 1 July as a follow-up agreement), energy,
quarterly water, internet, insurance, municipal taxes in ten instalments or at once,
water board tax, Wmo contribution, debt repayment, health insurance and phone."""

from __future__ import annotations

import datetime as dt

from .afspraakbasis import INCASSO, OVERSCHRIJVING, UITGAVEN, AfspraakBasis, eerste_op_of_na, nummer
from .personen import Persoon

_INTERNET_DAG = {"kpn/internet": 18, "ziggo/internet": 22}


class VasteLasten(AfspraakBasis):
    def _woonlasten(self, persoon: Persoon, start: dt.date, peildatum: dt.date) -> None:
        rng, p = self.rng, self.partijen
        gezin = persoon.kinderen
        if rng.random() < 0.93:
            self._huur(persoon, start, peildatum)
        if rng.random() < 0.92:
            afdeling, dag = rng.choice(p.energie)
            self._maandelijks_uit(
                afdeling,
                "Energie",
                f"Termijnbedrag energie {p.naam[afdeling]}",
                rng.randrange(8000, 22000) + gezin * 1500,
                start,
                dag,
                (f"Klantnummer {nummer(rng, 10)}",),
            )
        if rng.random() < 0.9:
            self._voeg(
                richting=UITGAVEN,
                omschrijving="Drinkwater (voorschot per kwartaal)",
                bedrag=rng.randrange(4500, 8000) + gezin * 800,
                rubriek="Water",
                afdeling=p.water,
                geldig_van=start,
                frequentie="kwartaal",
                dag=25,
                maand=2,
                zoektermen=(f"Klantnummer {nummer(rng, 8)}",),
                betaalwijze=INCASSO,
            )
        if rng.random() < 0.8:
            afdeling = rng.choice(p.internet)
            self._maandelijks_uit(
                afdeling,
                "Internet en tv",
                f"Internet en tv {p.naam[afdeling]}",
                rng.randrange(4500, 7000),
                start,
                _INTERNET_DAG[afdeling],
                (f"Klantnummer {nummer(rng, 9)}",),
            )
        if rng.random() < 0.45:
            afdeling = rng.choice(p.verzekeraars)
            self._maandelijks_uit(
                afdeling,
                "Inboedelverzekering",
                "Inboedel- en aansprakelijkheidsverzekering",
                rng.randrange(900, 2500),
                start,
                1,
                (f"Polisnummer {nummer(rng, 8)}",),
            )
        if rng.random() < 0.55:  # the others have remission (kwijtschelding)
            self._belastingen(start, peildatum)
        if rng.random() < 0.3:
            self._voeg(
                richting=UITGAVEN,
                omschrijving="Waterschapsbelasting",
                bedrag=rng.randrange(7000, 14000),
                rubriek="Waterschapsbelasting",
                afdeling="waterschap/heffingen",
                geldig_van=start,
                frequentie="jaarlijks",
                dag=30,
                maand=4,
                zoektermen=(f"Aanslagnummer {nummer(rng, 10)}",),
                betaalwijze=INCASSO,
            )
        if rng.random() < 0.07:
            self._maandelijks_uit(
                "cak/wmo",
                "Eigen bijdrage Wmo",
                "Eigen bijdrage Wmo CAK",
                2180,
                start,
                26,
                (f"Factuurnummer {nummer(rng, 9)}",),
            )
        if rng.random() < 0.12:
            self._maandelijks_uit(
                "kredietbank/schulden",
                "Aflossing schuld",
                "Aflossing schuldregeling",
                rng.randrange(2500, 15000),
                start,
                1,
                (f"Dossier {nummer(rng, 6)}",),
                betaalwijze=OVERSCHRIJVING,
            )

    def _huur(self, persoon: Persoon, start: dt.date, peildatum: dt.date) -> None:
        """Rent on the 1st; every 1 July since the start a raise as a follow-up agreement."""
        rng, p = self.rng, self.partijen
        afdeling = rng.choice(p.woningcorporaties)
        bedrag = rng.randrange(55000, 90000)
        termen = (f"Huurcontract {nummer(rng, 7)}",)
        betaalwijze = OVERSCHRIJVING if rng.random() < 0.7 else INCASSO
        omschrijving = f"Huur {persoon.straat_en_nummer}"
        van = start
        vorige: int | None = None
        einde = min(peildatum, self._einde) if self._einde else peildatum
        for jaar in range(start.year, einde.year + 1):
            verhoging = dt.date(jaar, 7, 1)
            if van < verhoging <= einde:
                vorige = self._voeg(
                    richting=UITGAVEN,
                    omschrijving=omschrijving,
                    bedrag=bedrag,
                    rubriek="Huur",
                    afdeling=afdeling,
                    geldig_van=van,
                    frequentie="maandelijks",
                    dag=1,
                    zoektermen=termen,
                    betaalwijze=betaalwijze,
                    geldig_tot=verhoging - dt.timedelta(days=1),
                    vervolg_op=vorige,
                )
                van, bedrag = verhoging, bedrag + bedrag * rng.randrange(30, 55) // 1000
        self._voeg(
            richting=UITGAVEN,
            omschrijving=omschrijving,
            bedrag=bedrag,
            rubriek="Huur",
            afdeling=afdeling,
            geldig_van=van,
            frequentie="maandelijks",
            dag=1,
            zoektermen=termen,
            betaalwijze=betaalwijze,
            vervolg_op=vorige,
        )

    def _belastingen(self, start: dt.date, peildatum: dt.date) -> None:
        rng = self.rng
        jaar = (self._einde or peildatum).year
        totaal = rng.randrange(28000, 46000)
        termen = (f"Aanslagnummer {nummer(rng, 10)}",)
        van = max(start, dt.date(jaar, 3, 1))
        laatste = min(dt.date(jaar, 12, 31), self._einde or dt.date.max)
        if rng.random() < 0.7:
            if eerste_op_of_na(van, 28) > laatste:
                return  # no instalment left in this participation
            self._voeg(
                richting=UITGAVEN,
                omschrijving=f"Gemeentelijke belastingen {jaar} (10 termijnen)",
                bedrag=totaal // 10,
                rubriek="Gemeentelijke belastingen",
                afdeling="gemeente/belastingen",
                geldig_van=van,
                geldig_tot=dt.date(jaar, 12, 31),
                frequentie="maandelijks",
                dag=28,
                zoektermen=termen,
                betaalwijze=INCASSO,
            )
        else:
            self._voeg(
                richting=UITGAVEN,
                omschrijving="Gemeentelijke belastingen (jaarlijks)",
                bedrag=totaal,
                rubriek="Gemeentelijke belastingen",
                afdeling="gemeente/belastingen",
                geldig_van=start,
                frequentie="jaarlijks",
                dag=31,
                maand=3,
                zoektermen=termen,
                betaalwijze=OVERSCHRIJVING,
            )

    def _persoonlijke_lasten(self, start: dt.date) -> None:
        rng, p = self.rng, self.partijen
        if rng.random() < 0.97:
            afdeling, dag = rng.choice(p.zorgverzekeraars)
            self._maandelijks_uit(
                afdeling,
                "Zorgverzekering",
                f"Zorgverzekering {p.naam[afdeling]}",
                rng.randrange(13800, 16800),
                start,
                dag,
                (f"Relatienummer {nummer(rng, 9)}",),
                INCASSO if rng.random() < 0.8 else OVERSCHRIJVING,
            )
        if rng.random() < 0.75:
            afdeling = rng.choice(p.telefoon)
            self._maandelijks_uit(
                afdeling,
                "Telefoon",
                f"Mobiel abonnement {p.naam[afdeling]}",
                rng.randrange(1000, 3500),
                start,
                24,
                (f"Klantnummer {nummer(rng, 9)}",),
            )
