"""Who has which agreement: incomes (salary direct, weekly via a temp agency, through a
payroll bureau, UWV, SVB, social assistance, allowances) and fixed costs (rent, energy,
water, health insurance, phone, contents insurance, Wmo contribution, living allowance).

Participants with the same surname cluster at employers on purpose: families and
neighbours work at the same cleaning company or care home, which is where a payer
printing only "JANSEN" becomes ambiguous."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Callable

from benchmarks.onafhankelijk.namen import vouw

from .instanties import Partij
from .personen import Persoon
from .regelingen import Regeling, nieuw_nummer, op_cyclus, zoekterm_zoals_getypt

RUBRIEK = {
    "loon": "Loon",
    "uwv": "Uitkering UWV",
    "bijstand": "Bijstandsuitkering",
    "svb": "AOW/Anw",
    "kinderbijslag": "Kinderbijslag",
    "zorgtoeslag": "Zorgtoeslag",
    "huurtoeslag": "Huurtoeslag",
    "kgb": "Kindgebonden budget",
    "huur": "Huur",
    "energie": "Energie",
    "water": "Water",
    "zorg": "Zorgverzekering",
    "telefoon": "Telefoon",
    "inboedel": "Inboedelverzekering",
    "wmo": "Eigen bijdrage Wmo",
    "leefgeld": "Leefgeld",
}


def _euro(rng: random.Random, laag: float, hoog: float) -> int:
    return int(round(rng.uniform(laag, hoog) * 100))


def _brief(soort: str, k: str) -> str:
    """The reference as printed on the party's letter."""
    if soort == "toeslagen" and len(k) == 9:
        return f"{k[:4]}.{k[4:6]}.{k[6:]}"
    if soort == "water":
        return f"{k[:2]}-{k[2:8]}-{k[8:]}"
    if soort in ("werkgever", "klant", "uitzend"):
        return k.zfill(6)
    if soort == "woning":
        return f"{k[:4]}-{k[4:8]}-01"
    if soort == "telefoon":
        return f"{k[0]}.{k[1:]}"
    return k


class Toewijzer:
    def __init__(
        self, rng: random.Random, begin: dt.date, eind: dt.date, partijen: dict[str, Partij]
    ):
        self.rng, self.begin, self.eind, self.partijen = rng, begin, eind, partijen
        self.regelingen: list[Regeling] = []
        self.nummers: dict[str, set[str]] = defaultdict(set)
        self.per_soort: dict[str, list[Partij]] = defaultdict(list)
        for p in partijen.values():
            self.per_soort[p.soort].append(p)
        self.achternamen: dict[str, list[str]] = defaultdict(list)  # surname -> employers

    def _voeg(
        self,
        persoon: Persoon,
        partij: Partij,
        soort: str,
        bedrag: int,
        *,
        lengte: int = 0,
        ritme: str = "",
        variatie: float = 0.0,
        label: str = "",
        kenmerk: str | None = None,
        typen: bool = True,
        van: dt.date | None = None,
        tot: dt.date | None = None,
    ) -> Regeling:
        rng = self.rng
        if kenmerk is None:
            kenmerk = (
                nieuw_nummer(rng, lengte, self.nummers[partij.bureau or partij.sleutel])
                if lengte
                else ""
            )
        ritme = ritme or partij.ritme
        van = van or persoon.start
        if ritme in ("week", "vierweken") and partij.anker is not None:
            van = op_cyclus(partij.anker, 7 if ritme == "week" else 28, van)
        termen = (
            zoekterm_zoals_getypt(rng, persoon, kenmerk, _brief(partij.soort, kenmerk))
            if typen
            else ()
        )
        if soort in ("zorgtoeslag", "huurtoeslag", "kgb") and rng.random() < 0.5:
            termen = (label.lower(), *termen)
        r = Regeling(
            index=len(self.regelingen),
            persoon=persoon.index,
            partij=partij.sleutel,
            soort=soort,
            richting="inkomsten"
            if soort
            in (
                "loon",
                "uwv",
                "bijstand",
                "svb",
                "kinderbijslag",
                "zorgtoeslag",
                "huurtoeslag",
                "kgb",
            )
            else "uitgaven",
            bedrag=bedrag,
            ritme=ritme,
            dag=partij.dag,
            geldig_van=van,
            geldig_tot=tot if tot is not None else persoon.vertrek,
            kenmerk=kenmerk,
            zoektermen=termen,
            variatie=variatie,
            label=label,
            notitie=f" nr {_brief(partij.soort, kenmerk)}"
            if kenmerk and rng.random() < 0.5
            else "",
        )
        if partij.incasso:
            r.mandaat = f"{partij.sleutel[:2].upper()}{rng.getrandbits(36):09X}"
        self.regelingen.append(r)
        return r

    def _werkgever(self, persoon: Persoon) -> Partij:
        rng = self.rng
        naam = vouw(persoon.achternaam).casefold()
        if self.achternamen[naam] and rng.random() < 0.35:
            return self.partijen[rng.choice(self.achternamen[naam])]
        r = rng.random()
        if r < 0.10 and self.per_soort["uitzend"]:
            pool = self.per_soort["uitzend"]
        elif r < 0.28 and self.per_soort["klant"]:
            pool = self.per_soort["klant"]
        else:
            pool = self.per_soort["werkgever"]
        return rng.choices(pool, weights=[p.gewicht for p in pool])[0]

    def persoon(self, p: Persoon) -> None:
        rng = self.rng
        r = rng.random()
        huurt = rng.random() < 0.92
        if r < 0.42:
            w = self._werkgever(p)
            self.achternamen[vouw(p.achternaam).casefold()].append(w.sleutel)
            uurloon = rng.random() < 0.55 or w.soort == "uitzend"
            var = rng.uniform(0.05, 0.25) if uurloon else rng.uniform(0.0, 0.03)
            if w.ritme == "week":
                bedrag = _euro(rng, 220, 560)
            elif w.ritme == "vierweken":
                bedrag = _euro(rng, 780, 2150)
            else:
                bedrag = _euro(rng, 850, 2450)
            self._voeg(p, w, "loon", bedrag, lengte=rng.choice([4, 5, 5, 6]), variatie=var)
            if rng.random() < 0.25:
                self._bijstand(p, _euro(rng, 120, 650), rng.uniform(0.1, 0.3))
        elif r < 0.70:
            label = rng.choices(["WW", "WIA", "ZW", "WGA", "Wajong"], [5, 3, 1, 1, 1])[0]
            self._voeg(
                p,
                self.per_soort["uwv"][0],
                "uwv",
                _euro(rng, 780, 1800),
                lengte=9,
                variatie=rng.uniform(0.01, 0.15),
                label=label,
            )
        elif r < 0.88:
            self._bijstand(p, _euro(rng, 980, 1420), rng.uniform(0.0, 0.02))
        else:
            label = rng.choice(["AOW", "AOW", "Anw"])
            self._voeg(
                p, self.per_soort["svb"][0], "svb", _euro(rng, 1050, 1560), lengte=8, label=label
            )
        self._toeslagen(p, huurt)
        self._lasten(p, huurt)

    def _bijstand(self, p: Persoon, bedrag: int, var: float) -> None:
        self._voeg(
            p, self.per_soort["gemeente"][0], "bijstand", bedrag, lengte=6, variatie=var, label="PW"
        )

    def _toeslagen(self, p: Persoon, huurt: bool) -> None:
        rng = self.rng
        bd = self.per_soort["toeslagen"][0]
        nummer = nieuw_nummer(rng, 9, self.nummers[bd.sleutel])  # one number for all allowances
        if rng.random() < 0.75:
            self._voeg(
                p, bd, "zorgtoeslag", _euro(rng, 105, 131), kenmerk=nummer, label="Zorgtoeslag"
            )
        if huurt and rng.random() < 0.5:
            self._voeg(
                p, bd, "huurtoeslag", _euro(rng, 110, 430), kenmerk=nummer, label="Huurtoeslag"
            )
        if rng.random() < 0.3:
            svb = self.per_soort["svb"][0]
            self._voeg(
                p,
                svb,
                "kinderbijslag",
                _euro(rng, 290, 880),
                lengte=8,
                ritme="kwartaal",
                label="Kinderbijslag",
            )
            if rng.random() < 0.8:
                self._voeg(
                    p, bd, "kgb", _euro(rng, 40, 330), kenmerk=nummer, label="Kindgebonden budget"
                )

    def _lasten(self, p: Persoon, huurt: bool) -> None:
        rng = self.rng
        if huurt:
            if rng.random() < 0.85:
                corp = rng.choice(self.per_soort["woning"])
                huur = _euro(rng, 480, 980)
                eerste = self._voeg(p, corp, "huur", huur, lengte=8)
                juli = dt.date(self.eind.year, 7, 1)
                if juli > self.eind:
                    juli = dt.date(self.eind.year - 1, 7, 1)
                if (
                    rng.random() < 0.5
                    and eerste.geldig_van < juli
                    and (eerste.geldig_tot is None or eerste.geldig_tot >= juli)
                ):
                    # staff entered the new rent as a follow-up from 1 July
                    nieuw = int(round(huur * rng.uniform(1.04, 1.065)))
                    tot = eerste.geldig_tot
                    eerste.geldig_tot = juli - dt.timedelta(days=1)
                    vervolg = self._voeg(
                        p,
                        corp,
                        "huur",
                        nieuw,
                        kenmerk=eerste.kenmerk,
                        van=juli,
                        tot=tot,
                        typen=False,
                    )
                    vervolg.zoektermen, vervolg.vervolg_op = eerste.zoektermen, eerste.index
            else:
                eig = self.verhuurder(p)
                self._voeg(p, eig, "huur", _euro(rng, 550, 1100), typen=False)
        kansen = (
            ("energie", 0.95, 55, 240, 9),
            ("water", 0.9, 14, 38, 9),
            ("zorg", 0.97, 138, 172, 9),
            ("telefoon", 0.7, 12, 55, 8),
            ("inboedel", 0.35, 7, 18, 6),
            ("cak", 0.1, 21.8, 21.8, 10),
        )
        for soort, kans, laag, hoog, lengte in kansen:
            if rng.random() < kans:
                partij = rng.choice(self.per_soort[soort])
                var = rng.uniform(0.0, 0.15) if soort == "telefoon" else 0.0
                self._voeg(
                    p,
                    partij,
                    "wmo" if soort == "cak" else soort,
                    _euro(rng, laag, hoog),
                    lengte=lengte,
                    variatie=var,
                )
        week = rng.random() < 0.75
        self._voeg(
            p,
            self.eigen[p.index],
            "leefgeld",
            _euro(rng, 40, 120) if week else _euro(rng, 180, 450),
            ritme="week" if week else "maand",
            kenmerk="",
            typen=False,
        )

    # set by the builder: a private landlord for a person, and each person's own account
    verhuurder: Callable[[Persoon], Partij]
    eigen: dict[int, Partij]
