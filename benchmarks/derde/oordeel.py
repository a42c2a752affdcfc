"""The ground truth: would a careful staff member book this line on its agreement
without asking anyone?

What staff know is what the system holds: the registered accounts of each party (not
an account a party moved to without telling), each participant's name and agreements
with amount, schedule and validity, and the party's reference for the participant
(personnel number, customer number, contract number) only where staff recorded it, as
a search term or in the agreement's description. A reference printed on the line but
recorded nowhere identifies nobody: that needs a look in the paper file.

What they read: the presented description. They book when the account and the
direction leave one agreement, or when readable parts of the text (client employer,
kind of allowance, a recorded reference, a name with its initials not shared by
another participant at that account, or else an amount that is exactly one
agreement's and near no other) narrow it to exactly one. A double payment, a
correction, a refund, a fixed cost collected twice over, money after a participant
left, a new unlinked account: never without asking.

Each decision records its ground ("grond"), so a shortfall can be read per kind of
evidence. This module never looks at the matcher; it decides on the data alone."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

from benchmarks.onafhankelijk.boeking import Boeking
from benchmarks.onafhankelijk.namen import vouw

from .instanties import Partij
from .personen import NaamTeken, Persoon
from .posten import Post
from .regelingen import Regeling


def leesbaar(tekst: str) -> str:
    """Words and numbers as a person reads them: folded, case-blind, punctuation as a
    space, padded so that a test for " jansen " finds whole words only."""
    return " " + " ".join(re.findall(r"[a-z0-9]+", vouw(tekst).casefold())) + " "


def _cijfers(tekst: str) -> str:
    """A reference as a person compares it: its digits, without leading zeros."""
    return "".join(c for c in tekst if c.isdigit()).lstrip("0")


@dataclass(frozen=True)
class Uitspraak:
    categorie: str
    matchbaar: bool
    regeling: int | None
    persoon: int | None
    grond: str = ""  # how staff tell the agreement: rekening, klant/soort, referentie ...


@dataclass
class Groep:
    """The agreements open to one line before the name or reference is read: same
    account, direction, valid on the date (and the client or allowance kind the text
    names), indexed for the readers that follow."""

    lijst: list[Regeling]
    per_persoon: dict[int, list[Regeling]]
    per_naam: dict[str, list[int]]
    bedragen: list[tuple[int, int]]  # (amount, position in lijst), sorted


class Rechter:
    def __init__(
        self, personen: list[Persoon], partijen: dict[str, Partij], regelingen: list[Regeling]
    ):
        self.personen, self.regelingen = personen, regelingen
        self.per_iban: dict[tuple[str, str], list[Regeling]] = defaultdict(list)
        self.vastgelegd: set[tuple[str, int]] = set()  # (account, person): reference on record
        self.groepen: dict[tuple[object, ...], Groep] = {}
        for r in regelingen:
            iban = partijen[r.partij].iban
            self.per_iban[iban, r.richting].append(r)
            cijfers = _cijfers(r.kenmerk)
            if cijfers and (r.notitie or any(cijfers in _cijfers(z) for z in r.zoektermen)):
                self.vastgelegd.add((iban, r.persoon))

    def _groep(
        self, iban: str, richting: str, datum: object, klant: object, label: object
    ) -> Groep:
        sleutel = (iban, richting, datum, klant, label)
        g = self.groepen.get(sleutel)
        if g is None:
            lijst = [
                r
                for r in self.per_iban[iban, richting]
                if r.geldig(datum)  # type: ignore[arg-type]
                and (klant is None or r.partij == klant)
                and (label is None or r.soort == label)
            ]
            per_persoon: dict[int, list[Regeling]] = defaultdict(list)
            per_naam: dict[str, list[int]] = defaultdict(list)
            for r in lijst:
                if r.persoon not in per_persoon:
                    per_naam[vouw(self.personen[r.persoon].achternaam).casefold()].append(r.persoon)
                per_persoon[r.persoon].append(r)
            bedragen = sorted((r.bedrag, i) for i, r in enumerate(lijst))
            g = self.groepen[sleutel] = Groep(lijst, per_persoon, per_naam, bedragen)
        return g

    def beslis(self, post: Post, boeking: Boeking) -> Uitspraak:
        if not post.van_aard_matchbaar or post.regeling is None:
            return Uitspraak(post.categorie, False, post.regeling, post.persoon)
        doel = self.regelingen[post.regeling]
        richting = "inkomsten" if boeking.bedrag > 0 else "uitgaven"
        tekst = leesbaar(boeking.omschrijving)
        zichtbaar = [
            t
            for t in post.tekens
            if t.soort != "naam" and leesbaar(t.tekst).strip() and leesbaar(t.tekst) in tekst
        ]
        klant = next((t.waarde for t in zichtbaar if t.soort == "klant"), None)
        label = next((t.waarde for t in zichtbaar if t.soort == "label"), None)
        g = self._groep(boeking.tegen_iban, richting, boeking.datum, klant, label)
        if doel not in g.per_persoon.get(doel.persoon, ()):
            raise AssertionError(f"line outside its own agreement: {post}")
        grond = "rekening" if klant is None and label is None else "rekening+tekst"
        kand = g.lijst
        if len(g.per_persoon) > 1:
            refs = [
                t
                for t in zichtbaar
                if t.soort == "ref" and (boeking.tegen_iban, t.waarde) in self.vastgelegd
            ]
            naam = self._naam(post, tekst)
            if refs:
                kand = g.per_persoon.get(refs[0].waarde, [])  # type: ignore[call-overload]
                cijfers = _cijfers(doel.kenmerk)
                grond = (
                    "referentie"
                    if any(cijfers in _cijfers(z) for r in kand for z in r.zoektermen)
                    else "referentie in omschrijving afspraak"
                )
            elif naam is not None:
                kand = [
                    r
                    for q in g.per_naam.get(naam.achternaam, [])
                    if naam.past(self.personen[q])
                    for r in g.per_persoon[q]
                ]
                grond = "naam" + (" en voorletters" if naam.initiaal else "")
                grond += " en voornaam" if naam.voornaam else ""
            else:
                kand, grond = self._bedrag(g, g.lijst, abs(boeking.bedrag)), "bedrag"
        if len(kand) > 1:
            kand, grond = self._bedrag(None, kand, abs(boeking.bedrag)), grond + "+bedrag"
        if kand == [doel]:
            return Uitspraak(post.categorie, True, doel.index, post.persoon, grond)
        return Uitspraak(f"{post.categorie}_onduidelijk", False, doel.index, post.persoon, grond)

    @staticmethod
    def _naam(post: Post, tekst: str) -> NaamTeken | None:
        """The most specific readable part of the printed name, if any."""
        for t in post.tekens:
            if t.soort == "naam":
                for delen, teken in t.waarde:  # type: ignore[attr-defined]
                    if all(leesbaar(d) in tekst for d in delen):
                        return teken  # type: ignore[no-any-return]
        return None

    @staticmethod
    def _bedrag(g: Groep | None, kand: list[Regeling], bedrag: int) -> list[Regeling]:
        """Exactly one agreement's amount, and no other agreement within 5%: staff book a
        fixed amount on the agreement it belongs to."""
        marge = 0.05 * bedrag
        dichtbij = [r for r in kand if abs(r.bedrag - bedrag) <= marge]
        if g is not None:  # the sorted amounts of a large group
            van = bisect.bisect_left(g.bedragen, (int(bedrag - marge), -1))
            tot = bisect.bisect_right(g.bedragen, (int(bedrag + marge) + 1, -1))
            dichtbij = [g.lijst[i] for _, i in g.bedragen[van:tot]]
            dichtbij = [r for r in dichtbij if abs(r.bedrag - bedrag) <= marge]
        if len(dichtbij) == 1 and dichtbij[0].bedrag == bedrag:
            return dichtbij
        return kand
