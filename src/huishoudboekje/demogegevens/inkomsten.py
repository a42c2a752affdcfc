"""Incomes: salaries on the employer's pay day (all employees of one employer share its
4-weekly cycle), benefits from the municipality, UWV and SVB, toeslagen on the 20th and
quarterly child benefit."""

from __future__ import annotations

import datetime as dt

from .afspraakbasis import INKOMSTEN, AfspraakBasis, nummer
from .partijen import Werkgever
from .personen import Persoon, gewogen


class Inkomsten(AfspraakBasis):
    def _inkomen(self, persoon: Persoon, start: dt.date) -> None:
        rng = self.rng
        van = start + dt.timedelta(days=rng.randrange(0, 15))  # redirecting income takes a while
        stel = persoon.volwassenen == 2
        if persoon.leeftijd >= 67:
            bedrag = rng.randrange(100000, 107000) if stel else rng.randrange(145000, 156000)
            self._maandelijks_in(
                "svb/aow",
                "AOW/Anw",
                "AOW-uitkering SVB",
                bedrag,
                van,
                23,
                (f"Klantnummer {nummer(rng, 9)}",),
            )
            return
        soort = gewogen(rng, (36, 30, 16, 5 if persoon.leeftijd < 35 else 1))
        if soort == 0:
            if stel and persoon.partner_deelnemer:
                bedrag = rng.randrange(90000, 100000)  # the couple's norm, split between them
            elif stel:
                bedrag = rng.randrange(180000, 200000)
            else:
                bedrag = rng.randrange(110000, 140000)
            self._maandelijks_in(
                "gemeente/wi",
                "Bijstandsuitkering",
                "Bijstandsuitkering Participatiewet",
                bedrag,
                van,
                25,
                (f"Clientnummer {nummer(rng, 7)}",),
            )
        elif soort == 1:
            self._loon(rng.choice(self.partijen.werkgevers), van)
        elif soort == 2:
            afdeling, naam, dag, laag, hoog = (
                ("uwv/ww", "WW-uitkering", 10, 100000, 190000),
                ("uwv/ww", "WW-uitkering", 10, 100000, 190000),
                ("uwv/zw", "Ziektewetuitkering", 10, 110000, 180000),
                ("uwv/wia", "WIA-uitkering", 23, 90000, 170000),
            )[rng.randrange(4)]
            self._maandelijks_in(
                afdeling,
                "Uitkering UWV",
                f"{naam} UWV",
                rng.randrange(laag, hoog),
                van,
                dag,
                (f"Uitkeringsnummer {nummer(rng, 8)}",),
            )
        else:
            self._maandelijks_in(
                "uwv/wia",
                "Uitkering UWV",
                "Wajong-uitkering UWV",
                rng.randrange(95000, 115000),
                van,
                23,
                (f"Uitkeringsnummer {nummer(rng, 8)}",),
            )

    def _loon(self, werkgever: Werkgever, van: dt.date) -> None:
        rng = self.rng
        naam = self.partijen.naam[werkgever.sleutel]
        bedrag = rng.randrange(werkgever.loon_min, werkgever.loon_max)
        termen = (f"Personeelsnummer {nummer(rng, 5)}",)
        if werkgever.soort == "4w":
            # the first pay day of the employer's 4-weekly cycle on or after `van`
            perioden = -(-(van - werkgever.anker).days // 28)
            eerste = werkgever.anker + dt.timedelta(days=28 * perioden)
            self._voeg(
                richting=INKOMSTEN,
                omschrijving=f"Salaris {naam} (per 4 weken)",
                bedrag=bedrag,
                rubriek="Loon",
                afdeling=werkgever.sleutel,
                geldig_van=eerste,
                frequentie="wekelijks",
                interval=4,
                weekdag=werkgever.dag,
                zoektermen=termen,
            )
        elif werkgever.soort == "week":
            self._voeg(
                richting=INKOMSTEN,
                omschrijving=f"Weekloon {naam}",
                bedrag=bedrag,
                rubriek="Loon",
                afdeling=werkgever.sleutel,
                geldig_van=van,
                frequentie="wekelijks",
                weekdag=werkgever.dag,
                zoektermen=termen,
            )
        else:
            self._maandelijks_in(
                werkgever.sleutel, "Loon", f"Salaris {naam}", bedrag, van, werkgever.dag, termen
            )
        if werkgever.soort == "week" or bedrag < 110000 and rng.random() < 0.5:
            self._maandelijks_in(
                "gemeente/wi",
                "Bijstandsuitkering",
                "Aanvullende bijstand",
                rng.randrange(15000, 60000),
                van,
                25,
                (f"Clientnummer {nummer(rng, 7)}",),
            )

    def _toeslagen(self, persoon: Persoon, start: dt.date) -> None:
        rng = self.rng
        van = start + dt.timedelta(days=rng.randrange(0, 20))
        toeslagnummer = f"Toeslagnummer {nummer(rng, 10)}"
        stel = persoon.volwassenen == 2
        if rng.random() < 0.9:
            bedrag = rng.randrange(23500, 24600) if stel else rng.randrange(12300, 13200)
            self._maandelijks_in(
                "toeslagen/zorg",
                "Zorgtoeslag",
                "Zorgtoeslag",
                bedrag,
                van,
                20,
                ("ZORGTOESLAG", toeslagnummer),
            )
        if rng.random() < 0.7:
            self._maandelijks_in(
                "toeslagen/huur",
                "Huurtoeslag",
                "Huurtoeslag",
                rng.randrange(15000, 42000),
                van,
                20,
                ("HUURTOESLAG", toeslagnummer),
            )
        if persoon.kinderen:
            if rng.random() < 0.85:
                bedrag = rng.randrange(8000, 12000) + persoon.kinderen * rng.randrange(5000, 9000)
                self._maandelijks_in(
                    "toeslagen/kgb",
                    "Kindgebonden budget",
                    "Kindgebonden budget",
                    bedrag,
                    van,
                    20,
                    ("KINDGEBONDEN BUDGET", toeslagnummer),
                )
            bedrag = sum(rng.choice((28238, 28238, 34290, 40342)) for _ in range(persoon.kinderen))
            kinderen = "1 kind" if persoon.kinderen == 1 else f"{persoon.kinderen} kinderen"
            self._voeg(
                richting=INKOMSTEN,
                omschrijving=f"Kinderbijslag SVB ({kinderen})",
                bedrag=bedrag,
                rubriek="Kinderbijslag",
                afdeling="svb/kinderbijslag",
                geldig_van=start,
                frequentie="kwartaal",
                dag=3,
                maand=1,
                zoektermen=("KINDERBIJSLAG", f"Klantnummer {nummer(rng, 9)}"),
            )
