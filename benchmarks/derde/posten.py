"""Every bank line of the period, as the payers send them: regular payments on their
paydays (monthly, weekly, 4-weekly, quarterly) with the amount varying as hours and
usage vary, holiday pay, the rent increase of 1 July, and what goes wrong in real
life: double payments, small corrections, refunds, a fixed cost collected twice over,
payments after a participant left, an employer paying from its new bank, deposits by
the participant, gifts, bank charges, strangers.

Each line carries its intended agreement and a category; whether a careful staff
member could book it is decided later (`oordeel`) on the text the bank shows."""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

import holidays

from benchmarks.onafhankelijk.nummers import maak_iban

from .instanties import Partij
from .personen import Persoon, naamvorm
from .regelingen import Regeling
from .zinnen import MAANDEN, Schrijver, Teken

INKOMEN_CATEGORIE = {
    "werkgever": "loon",
    "klant": "loon_bureau",
    "uitzend": "loon_week",
    "uwv": "uwv",
    "svb": "svb",
    "toeslagen": "toeslag",
    "gemeente": "bijstand",
}


@dataclass
class Post:
    datum: dt.date
    bedrag: int  # signed cents
    iban: str
    naam: str
    tekst: str
    categorie: str
    van_aard_matchbaar: bool  # False for a double, a correction, a refund ...
    regeling: int | None
    persoon: int | None
    partij: Partij | None = None
    tekens: list[Teken] = field(default_factory=list)
    incasso: bool = False
    mandaat: str = ""
    incassant: str = ""
    eref: str = ""
    tweede_van: int = 0  # a double payment: id() of the line it repeats


class Kalender:
    """TARGET2 business days: incomes move back before a closing day, costs forward."""

    def __init__(self, jaren: range):
        self.dicht = set(holidays.financial_holidays("XECB", years=list(jaren)))

    def open_(self, d: dt.date) -> bool:
        return d.weekday() < 5 and d not in self.dicht

    def terug(self, d: dt.date) -> dt.date:
        while not self.open_(d):
            d -= dt.timedelta(days=1)
        return d

    def vooruit(self, d: dt.date, dagen: int = 0) -> dt.date:
        while not self.open_(d):
            d += dt.timedelta(days=1)
        for _ in range(dagen):
            d += dt.timedelta(days=1)
            while not self.open_(d):
                d += dt.timedelta(days=1)
        return d


class Postmaker:
    def __init__(
        self,
        rng: random.Random,
        begin: dt.date,
        eind: dt.date,
        personen: list[Persoon],
        partijen: dict[str, Partij],
        regelingen: list[Regeling],
        ibans: set[str],
    ):
        self.rng, self.begin, self.eind = rng, begin, eind
        self.personen, self.partijen, self.regelingen = personen, partijen, regelingen
        self.ibans = ibans
        self.kal = Kalender(range(begin.year - 1, eind.year + 2))
        self.schrijver = Schrijver(rng)
        self.verhoging: dict[int, float] = {}
        self.tekstdatum: dt.date | None = None

    # ------------------------------------------------------------ paydays
    def _maanden(self) -> Iterator[dt.date]:
        d = self.begin.replace(day=1)
        while d <= self.eind:
            yield d
            d = (d + dt.timedelta(days=32)).replace(day=1)

    def _dagen(self, r: Regeling, partij: Partij, inkomen: bool) -> Iterator[dt.date]:
        """The nominal paydays of `r` in (and just after) the period."""
        if r.ritme in ("week", "vierweken"):
            stap = dt.timedelta(days=7 if r.ritme == "week" else 28)
            d = r.geldig_van
            while d <= self.eind + dt.timedelta(days=35):
                yield d
                d += stap
            return
        for m in [*self._maanden(), (self.eind + dt.timedelta(days=1)).replace(day=1)]:
            if r.ritme == "kwartaal" and m.month not in (1, 4, 7, 10):
                continue
            dag = 3 if r.ritme == "kwartaal" else r.dag
            yield m.replace(day=min(dag, calendar.monthrange(m.year, m.month)[1]))

    # ------------------------------------------------------------ lines
    def posten(self) -> Iterator[Post]:
        for r in self.regelingen:
            yield from self._regeling(r)
        yield from self._overig()

    def _regeling(self, r: Regeling) -> Iterator[Post]:
        rng = self.rng
        partij = self.partijen[r.partij]
        p = self.personen[r.persoon]
        inkomen = r.richting == "inkomsten"
        na_einde = False
        for nominaal in self._dagen(r, partij, inkomen):
            self.tekstdatum = nominaal  # a late payment keeps its period and week in the text
            d = self.kal.terug(nominaal) if inkomen else self.kal.vooruit(nominaal)
            if inkomen and rng.random() < 0.1:
                d = self.kal.vooruit(d, rng.choice([1, 1, 2]))
            if not self.begin <= d <= self.eind or d < r.geldig_van:
                continue
            if not r.geldig(d):
                if (
                    inkomen
                    and not na_einde
                    and p.vertrek
                    and r.geldig_tot == p.vertrek
                    and rng.random() < 0.7
                ):
                    na_einde = True
                    yield self._post(
                        r, partij, p, d, r.bedrag, "regulier", "na_einde", regeling=None
                    )
                continue
            yield from self._termijn(r, partij, p, d)

    def _bedrag(self, r: Regeling, d: dt.date) -> int:
        b = r.bedrag
        juli = dt.date(d.year, 7, 1)
        if (
            r.soort == "huur"
            and r.vervolg_op is None
            and d >= juli > r.geldig_van
            and (r.geldig_tot is None or r.geldig_tot >= juli)
        ):
            if r.index not in self.verhoging:  # no follow-up entered: the old agreement
                self.verhoging[r.index] = self.rng.uniform(1.03, 1.065)
            b = int(round(b * self.verhoging[r.index]))
        if r.variatie:
            b = int(round(b * (1 + self.rng.uniform(-r.variatie, r.variatie))))
        return b

    def _termijn(self, r: Regeling, partij: Partij, p: Persoon, d: dt.date) -> Iterator[Post]:
        rng = self.rng
        inkomen = r.richting == "inkomsten"
        bedrag, aard = self._bedrag(r, d), "regulier"
        categorie = INKOMEN_CATEGORIE.get(partij.soort, r.soort) if inkomen else r.soort
        if r.soort == "huur" and r.vervolg_op is None and bedrag != r.bedrag and not r.variatie:
            categorie = "huur_verhoogd"
        vak = self._vakantie(r, partij, d)
        if vak == "in":
            aard, categorie = "vakantie_in", "vakantiegeld"
            bedrag = int(round(bedrag * rng.uniform(1.55, 1.9)))
        if (
            not inkomen
            and partij.soort in ("energie", "water", "telefoon")
            and rng.random() < 0.012
        ):
            aard, categorie, bedrag = "verdubbeld", "verdubbeld", bedrag * 2
        nieuw = partij.wissel is not None and d >= partij.wissel
        post = self._post(r, partij, p, d, bedrag, aard, "nieuwe_iban" if nieuw else categorie)
        yield post
        if vak == "apart":
            yield self._post(
                r,
                partij,
                p,
                d,
                int(round(r.bedrag * rng.uniform(0.55, 0.85))),
                "vakantie",
                "nieuwe_iban" if nieuw else "vakantiegeld",
            )
        if (
            inkomen
            and rng.random() < 0.006
            or not inkomen
            and partij.incasso
            and rng.random() < 0.002
        ):
            later = self.kal.vooruit(d, rng.choice([0, 0, 1, 3]))
            if later <= self.eind:
                tweede = Post(
                    **{
                        **post.__dict__,
                        "datum": later,
                        "categorie": "dubbel",
                        "van_aard_matchbaar": False,
                        "tweede_van": id(post),
                    }
                )
                yield tweede
        if (
            inkomen
            and partij.soort in ("werkgever", "klant", "uwv", "toeslagen", "gemeente")
            and rng.random() < 0.01
        ):
            later = self.kal.vooruit(d, rng.randrange(1, 9))
            if later <= self.eind:
                yield self._post(
                    r,
                    partij,
                    p,
                    later,
                    rng.randrange(800, 9500),
                    "correctie",
                    "correctie",
                    matchbaar=False,
                )
        if (
            partij.soort == "zorg"
            and rng.random() < 0.015
            or partij.soort == "energie"
            and rng.random() < 0.012
        ):
            later = self.kal.vooruit(d, rng.randrange(2, 12))
            if later <= self.eind:
                yield self._post(
                    r,
                    partij,
                    p,
                    later,
                    -rng.randrange(1500, 30000),
                    "teruggave",
                    "teruggave",
                    regeling=None,
                    incasso=False,
                )

    def _vakantie(self, r: Regeling, partij: Partij, d: dt.date) -> str:
        """ "apart" (a line of its own), "in" (within this payment) or ""."""
        if r.soort == "loon":
            if partij.ritme == "maand" and d.month == partij.vakantiemaand:
                return "apart" if partij.vakantie_apart else "in"
            stap = dt.timedelta(days=7 if partij.ritme == "week" else 28)
            if partij.ritme != "maand" and d.month == 6 and (d - stap).month == 5:
                return "apart"
        if r.soort == "uwv" and d.month == 5:
            return "apart"
        if r.soort == "svb" and d.month == 5:
            return "in"
        if r.soort == "bijstand" and d.month == 6:
            return "apart" if r.persoon % 2 else "in"
        return ""

    def _post(
        self,
        r: Regeling,
        partij: Partij,
        p: Persoon,
        d: dt.date,
        bedrag: int,
        aard: str,
        categorie: str,
        *,
        regeling: int | None | str = "eigen",
        matchbaar: bool | None = None,
        incasso: bool | None = None,
    ) -> Post:
        inkomen = r.richting == "inkomsten"
        bureau = self.partijen[partij.bureau] if partij.bureau else None
        tekst, tekens = self.schrijver.schrijf(partij, r, p, self.tekstdatum or d, aard)
        iban = partij.nieuw_iban if categorie == "nieuwe_iban" else partij.iban
        if incasso is None:
            incasso = partij.incasso and not inkomen
        if matchbaar is None:
            matchbaar = categorie not in ("na_einde", "nieuwe_iban", "verdubbeld", "teruggave")
        teken = 1 if inkomen else -1
        eref = ""
        if incasso:
            eref = f"{r.mandaat}-{d:%Y%m}"
        elif partij.soort in ("uwv", "toeslagen", "svb"):
            eref = f"{self.rng.randrange(10**15, 10**16)}"
        elif not inkomen and bedrag > 0:
            eref = f"HHB{self.rng.getrandbits(40):010X}"
        return Post(
            datum=d,
            bedrag=teken * bedrag,
            iban=iban,
            naam=(bureau or partij).banknaam,
            tekst=tekst,
            categorie=categorie,
            van_aard_matchbaar=matchbaar,
            regeling=r.index if regeling == "eigen" else None,
            persoon=p.index,
            partij=partij,
            tekens=tekens,
            incasso=incasso,
            mandaat=r.mandaat if incasso else "",
            incassant=partij.incassant if incasso else "",
            eref=eref,
        )

    # ------------------------------------------------------------ the rest
    def _overig(self) -> Iterator[Post]:
        rng = self.rng
        for m in self._maanden():
            dag = self.kal.vooruit(m)
            if self.begin <= dag <= self.eind:
                yield Post(
                    dag,
                    -rng.randrange(900, 4500),
                    "",
                    "",
                    f"Kosten betalingsverkeer {MAANDEN[m.month - 1]} {m.year}",
                    "bankkosten",
                    False,
                    None,
                    None,
                )
            laatste = m.replace(day=calendar.monthrange(m.year, m.month)[1])
            for p in self.personen:
                if p.start > laatste or (p.vertrek and p.vertrek < m):
                    continue
                if rng.random() < 0.006:
                    yield self._los(
                        p,
                        m,
                        "eigen_storting",
                        p.iban,
                        naamvorm(p, "komma")[0],
                        rng.choice(
                            [
                                "storting",
                                "voor de huur",
                                "aanvulling saldo",
                                "geld voor vaste lasten",
                                "",
                            ]
                        ),
                    )
                if rng.random() < 0.003:
                    iban = maak_iban(rng, "INGB", self.ibans)
                    yield self._los(
                        p,
                        m,
                        "gift",
                        iban,
                        f"FAM {p.achternaam.upper()}",
                        f"voor {p.voornamen[0]} verjaardag",
                    )
            for _ in range(max(1, len(self.personen) // 200)):
                iban = maak_iban(rng, rng.choice(["INGB", "RABO", "ABNA"]), self.ibans)
                dag = self.kal.vooruit(m, rng.randrange(0, 18))
                if dag <= self.eind:
                    yield Post(
                        dag,
                        rng.randrange(500, 25000),
                        iban,
                        "ONBEKEND",
                        rng.choice(["terugbetaling", "retour", "zie mail", "nota 2231"]),
                        "onbekend",
                        False,
                        None,
                        None,
                    )

    def _los(
        self, p: Persoon, m: dt.date, categorie: str, iban: str, naam: str, tekst: str
    ) -> Post:
        dag = self.kal.vooruit(m, self.rng.randrange(0, 19))
        dag = min(dag, self.kal.terug(self.eind))
        return Post(
            dag, self.rng.randrange(1000, 20000), iban, naam, tekst, categorie, False, None, p.index
        )
