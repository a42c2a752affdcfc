"""One bank day of the demo statements: the ground-truth records and the builder that
turns the day's planned payments (`afschriftplan`) into Transacties, batch entries
and the statement kop.

Split from `afschriften` (the public set) to keep both small.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass

from huishoudboekje.core.bank.model import Afschriftkop, Transactie
from huishoudboekje.core.bank.schrijven import (
    INCASSO,
    KOSTEN,
    OVERBOEKING_IN,
    OVERBOEKING_UIT,
    STORTING,
    Batch,
    Post,
    TeSchrijvenAfschrift,
)
from huishoudboekje.demogegevens.generatie import genereer_iban

from . import afschriftplan as plan
from .afschrifttekst import (
    MAANDEN,
    ONBEKENDE_NAMEN,
    ONBEKENDE_OMSCHRIJVINGEN,
    Partijen,
    betalingskenmerk,
    bic,
    mandaat_id,
    omschrijving_inkomen,
    omschrijving_uitgave,
)
from .afspraakbasis import INCASSO as BETAALWIJZE_INCASSO
from .afspraakbasis import INKOMSTEN
from .gegevens import DemoAfspraak, DemoGemeente

SOORTEN = (
    "inkomen", "incasso", "overschrijving", "leefgeld", "batch", "dubbel",
    "afwijkend_bedrag", "na_einde", "terugbetaling", "onbekend", "zonder_iban",
)
"""Every `Waarheid.soort`. A missing payment has no transaction: see `Ontbrekend`."""

_VOLGORDE = {"incasso": 0, "inkomen": 1, "overschrijving": 2, "leefgeld": 3}


@dataclass(frozen=True)
class Waarheid:
    """Ground truth of one transaction, keyed by its bank reference (`sleutel`).

    `afspraak` is the index in `gemeente.afspraken` the money belongs to (also for a
    duplicate, a payment after the end or an energy refund), None for money no
    agreement covers. `matchbaar` is True when a correct matcher books it to exactly
    that agreement automatically: right counter IBAN, direction and amount (within the
    margin), one agreement valid on that date."""

    sleutel: str
    afspraak: int | None
    soort: str
    matchbaar: bool
    burger: int | None
    bedrag: int
    boekdatum: dt.date
    verwacht: dt.date | None  # the schedule date it pays; None for noise
    batch: str = ""  # bank reference of the batch entry it is part of


@dataclass(frozen=True)
class Ontbrekend:
    """An expected payment that never came (a benefit not paid)."""

    afspraak: int
    verwacht: dt.date
    boekdatum: dt.date  # the bank day it should have been on


@dataclass(frozen=True)
class Dagafschrift:
    """One bank day: its statement, the ground truth of its transactions, and the
    payments that should have been on it but are missing."""

    datum: dt.date
    afschrift: TeSchrijvenAfschrift
    waarheid: tuple[Waarheid, ...]
    ontbrekend: tuple[Ontbrekend, ...]

    @property
    def heeft_batch(self) -> bool:
        return any(isinstance(p, Batch) for p in self.afschrift.transacties)


@dataclass(frozen=True)
class Context:
    """What every day of a set shares."""

    gemeente: DemoGemeente
    partijen: Partijen
    plan: plan.Plan
    seed: int
    gemeente_iban: str
    bedragmarge: int


class Dagbouwer:
    """Builds the transactions of one bank day from the plan."""

    def __init__(self, context: Context, index: int, datum: dt.date) -> None:
        self.s = context
        self.g = context.gemeente
        self.p = context.partijen
        self.index = index
        self.datum = datum
        self.rng = random.Random(context.seed * 1_000_003 + datum.toordinal())
        self.volgnummer = 0
        self.dagcode = f"{datum:%y%m%d}"
        self.groepen: dict[str, list[tuple[Transactie, Waarheid]]] = {}
        self.batchdelen: list[tuple[Transactie, Waarheid]] = []
        self.eerder: dict[int, Transactie] = {}  # today's payment per agreement

    def referentie(self) -> str:
        self.volgnummer += 1
        return f"{self.dagcode}{self.volgnummer:010d}"

    def bouw(self, saldo: int, vorige: dt.date) -> Dagafschrift:
        for waarde in self.s.plan.posten[self.index]:
            afspraak, te_laat, soort = plan.uitpak(waarde)
            self._post(afspraak, te_laat, soort)
        posten: list[Post] = []
        waarheid: list[Waarheid] = []
        for groep in sorted(self.groepen, key=lambda g: _VOLGORDE.get(g, 9)):
            for t, w in self.groepen[groep]:
                posten.append(t)
                waarheid.append(w)
        for batch, delen in self._batches():
            posten.append(batch)
            waarheid += delen
        eind = saldo + sum(p.bedrag for p in posten)
        kop = Afschriftkop(
            formaat="",  # the writer decides
            dialect="",
            rekening_iban=self.s.gemeente_iban,
            valuta="EUR",
            afschrift_id=f"{self.datum:%Y%m%d}-{self.index + 1:05d}",
            volgnummer=str(self.index + 1),
            aangemaakt=dt.datetime.combine(self.datum, dt.time(21, 0)),
            beginsaldo=saldo,
            begindatum=vorige,
            eindsaldo=eind,
            einddatum=self.datum,
        )
        ontbrekend = tuple(
            Ontbrekend(a, verwacht, self.datum)
            for a, verwacht in self.s.plan.ontbrekend[self.index]
        )
        return Dagafschrift(
            self.datum, TeSchrijvenAfschrift(kop, tuple(posten)), tuple(waarheid), ontbrekend
        )

    # -- one planned payment -------------------------------------------------------------------

    def _post(self, index: int, te_laat: int, soort: int) -> None:
        if soort == plan.ONBEKEND:
            return self._onbekend()
        if soort == plan.STORTING:
            return self._zonder_iban(credit=True)
        if soort == plan.BANKKOSTEN:
            return self._zonder_iban(credit=False)
        a = self.g.afspraken[index]
        verwacht = self.datum - dt.timedelta(days=te_laat)
        if soort == plan.TERUGBETALING:
            return self._terugbetaling(index, a)
        if a.richting == INKOMSTEN:
            return self._inkomen(index, a, verwacht, soort)
        return self._uitgave(index, a, verwacht, soort)

    def _inkomen(self, index: int, a: DemoAfspraak, verwacht: dt.date, soort: int) -> None:
        bedrag = self._bedrag(a.bedrag, soort)
        naam = self.p.naam(a)
        t = self._transactie(
            bedrag, a.tegenrekening, naam, omschrijving_inkomen(a, verwacht, self.rng),
            f"{self.p.voorvoegsel(a)}{self.dagcode}{self.volgnummer + 1:07d}",
            OVERBOEKING_IN,
        )
        etiket = {plan.NA_EINDE: "na_einde", plan.GEINDEXEERD: "afwijkend_bedrag",
                  plan.AFWIJKEND: "afwijkend_bedrag", plan.BATCH: "batch"}.get(soort, "inkomen")
        matchbaar = soort in (plan.NORMAAL, plan.BATCH) or (
            etiket == "afwijkend_bedrag" and abs(bedrag - a.bedrag) <= self.s.bedragmarge
        )
        if soort == plan.DUBBEL:  # the salary run was sent twice: same text and reference
            eerder = self.eerder.get(index)
            if eerder is not None:
                t = dataclasses.replace(eerder, bankreferentie=t.bankreferentie)
            self._bewaar("inkomen", t, self._waarheid(t, index, "dubbel", False, a.burger,
                                                      verwacht))
            return
        self.eerder[index] = t
        w = self._waarheid(t, index, etiket, matchbaar, a.burger, verwacht)
        if soort == plan.BATCH:
            self.batchdelen.append((t, w))
        else:
            self._bewaar("inkomen", t, w)

    def _uitgave(self, index: int, a: DemoAfspraak, verwacht: dt.date, soort: int) -> None:
        bedrag = -self._bedrag(a.bedrag, soort)
        burger = self.g.burgers[a.burger]
        hhb = f"HHB{burger.volgnummer:06d}"
        omschrijving = omschrijving_uitgave(a, verwacht, hhb)
        if a.betaalwijze == BETAALWIJZE_INCASSO:
            voorvoegsel = self.p.voorvoegsel(a)
            t = self._transactie(
                bedrag, a.tegenrekening, self.p.naam(a), omschrijving,
                f"{voorvoegsel}{self.dagcode}{self.volgnummer + 1:07d}", INCASSO,
                mandaat=mandaat_id(index, a, voorvoegsel), incassant=self.p.incassant_id(a),
            )
            groep = "incasso"
        else:
            kenmerk = ""
            if a.rubriek == "Gemeentelijke belastingen":  # the tax bill's payment reference
                kenmerk = betalingskenmerk(int("".join(c for c in a.zoektermen[0] if c.isdigit())
                                               or "0"))
            t = self._transactie(
                bedrag, a.tegenrekening, self.p.naam(a), omschrijving,
                f"HHB{self.dagcode}{self.volgnummer + 1:07d}", OVERBOEKING_UIT,
                kenmerk=kenmerk,
            )
            groep = "leefgeld" if a.leefgeld else "overschrijving"
        etiket = "afwijkend_bedrag" if soort == plan.AFWIJKEND else groep
        matchbaar = soort == plan.NORMAAL or abs(-bedrag - a.bedrag) <= self.s.bedragmarge
        self._bewaar(groep, t, self._waarheid(t, index, etiket, matchbaar, a.burger, verwacht))

    def _bedrag(self, bedrag: int, soort: int) -> int:
        if soort == plan.GEINDEXEERD:
            return bedrag + bedrag * plan.INDEXATIE_PROMILLE // 1000
        if soort == plan.AFWIJKEND:
            nieuw = bedrag * self.rng.randrange(80, 131) // 100
            return nieuw if nieuw not in (bedrag, 0) else bedrag + 1
        return bedrag

    # -- noise without (or outside) an agreement -----------------------------------------------

    def _terugbetaling(self, index: int, a: DemoAfspraak) -> None:
        bedrag = self.rng.randrange(2000, 30000)
        t = self._transactie(
            bedrag, a.tegenrekening, self.p.naam(a),
            f"Terugbetaling jaarafrekening {' '.join(a.zoektermen)}",
            f"{self.p.voorvoegsel(a)}R{self.dagcode}{self.volgnummer + 1:06d}",
            OVERBOEKING_IN,
        )
        self._bewaar("zzz", t, self._waarheid(t, index, "terugbetaling", False, a.burger, None))

    def _onbekend(self) -> None:
        rng = self.rng
        iban = genereer_iban(rng)
        while iban in self.p.ibans or iban == self.s.gemeente_iban:
            iban = genereer_iban(rng)
        t = self._transactie(
            rng.randrange(500, 50000), iban, rng.choice(ONBEKENDE_NAMEN),
            rng.choice(ONBEKENDE_OMSCHRIJVINGEN), "" if rng.random() < 0.5 else "NOTPROVIDED",
            OVERBOEKING_IN,
        )
        self._bewaar("zzz", t, self._waarheid(t, None, "onbekend", False, None, None))

    def _zonder_iban(self, *, credit: bool) -> None:
        if credit:
            t = self._transactie(
                self.rng.randrange(1000, 40000), "", "",
                f"Storting contant geld geldautomaat Voorbeeldstad {self.datum:%d-%m-%Y}",
                "", STORTING,
            )
        else:
            vorige = MAANDEN[(self.datum.month - 2) % 12]
            t = self._transactie(
                -self.rng.randrange(2500, 25000), "", "",
                f"Kosten betalingsverkeer {vorige} rekening {self.s.gemeente_iban}", "", KOSTEN,
            )
        self._bewaar("zzz", t, self._waarheid(t, None, "zonder_iban", False, None, None))

    # -- building blocks ---------------------------------------------------------------------

    def _transactie(
        self, bedrag: int, iban: str, naam: str, omschrijving: str, eind: str, code: str,
        *, mandaat: str = "", incassant: str = "", kenmerk: str = "",
    ) -> Transactie:
        return Transactie(
            bedrag=bedrag, boekdatum=self.datum, valutadatum=self.datum, tegen_iban=iban,
            tegen_naam=naam, tegen_bic=bic(iban) if iban else "", omschrijving=omschrijving,
            betalingskenmerk=kenmerk, end_to_end_id="" if eind == "NOTPROVIDED" else eind,
            mandaat_id=mandaat, incassant_id=incassant, bankreferentie=self.referentie(),
            transactiecode=code, bron="",
        )

    def _waarheid(self, t: Transactie, afspraak: int | None, soort: str, matchbaar: bool,
                  burger: int | None, verwacht: dt.date | None, batch: str = "") -> Waarheid:
        return Waarheid(t.bankreferentie, afspraak, soort, matchbaar, burger, t.bedrag,
                        t.boekdatum, verwacht, batch)

    def _bewaar(self, groep: str, t: Transactie, w: Waarheid) -> None:
        self.groepen.setdefault(groep, []).append((t, w))

    def _batches(self) -> list[tuple[Post, list[Waarheid]]]:
        """The Belastingdienst pays toeslagen of several participants in one entry:
        batches of 2-5 per payer account; a part left on its own is an ordinary payment."""
        per_iban: dict[str, list[tuple[Transactie, Waarheid]]] = {}
        for t, w in self.batchdelen:
            per_iban.setdefault(t.tegen_iban, []).append((t, w))
        uit: list[tuple[Post, list[Waarheid]]] = []
        for iban in sorted(per_iban):
            delen = per_iban[iban]
            while delen:
                grootte = min(len(delen), self.rng.randrange(2, 6))
                if len(delen) - grootte == 1:
                    grootte += 1
                groep, delen = delen[:grootte], delen[grootte:]
                if len(groep) == 1:
                    t, w = groep[0]
                    uit.append((t, [dataclasses.replace(w, soort="inkomen")]))
                    continue
                referentie = self.referentie()
                maand = MAANDEN[self.datum.month - 1].upper()
                batch = Batch(
                    onderdelen=tuple(t for t, _ in groep),
                    bankreferentie=referentie,
                    betaalinformatie_id=f"BTL{self.datum:%Y%m%d}{self.volgnummer:05d}",
                    omschrijving=f"VERZAMELBETALING TOESLAGEN {maand} {self.datum.year}",
                )
                uit.append((batch, [dataclasses.replace(w, batch=referentie) for _, w in groep]))
        return uit
