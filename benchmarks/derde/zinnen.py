"""Description texts as each kind of payer writes them, with the parts that identify
someone marked (`Teken`): a reference, a printed name, the client employer of a payroll
bureau, the kind of allowance. The ground truth later checks which marked parts are
still readable after the bank folded and cut the text.

Styles are fixed per party (a payroll system prints the same way every month), but the
reference notation of some parties drifts from line to line ("2204441", "2 204 441",
"2.204.441", "klantnr. 02204441"), and periods come in many notations ("2026-06",
"juni '26", "P06", "06/2026", "JUN 2026")."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from .instanties import Partij
from .personen import Persoon, naamvormen
from .regelingen import Regeling

MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


@dataclass(frozen=True)
class Teken:
    soort: str  # ref, naam, klant, label
    tekst: str  # exactly as placed in the description
    waarde: object  # ref: person index; naam: [(readable part, NaamTeken)]; klant; label


def periode(d: dt.date, vorm: str) -> str:
    m = MAANDEN[d.month - 1]
    return {
        "iso": f"{d:%Y-%m}",
        "kort": f"{m} '{d:%y}",
        "mmjjjj": f"{d:%m-%Y}",
        "mnd": f"{m[:3].upper()} {d.year}",
        "p": f"P{d:%m} {d.year}",
        "maand": f"{m} {d.year}",
        "slash": f"{d:%m/%Y}",
        "compact": f"{d:%m%Y}",
    }[vorm]


def druk(ref: str, vorm: str) -> str:
    """A reference in one of the notations payers use."""
    if vorm == "spaties":
        kop = len(ref) % 3 or 3
        return " ".join([ref[:kop], *[ref[i : i + 3] for i in range(kop, len(ref), 3)]])
    if vorm == "punten":
        kop = len(ref) % 3 or 3
        return ".".join([ref[:kop], *[ref[i : i + 3] for i in range(kop, len(ref), 3)]])
    if vorm == "nul":
        return ref.zfill(len(ref) + 2)
    return ref


class Schrijver:
    """Writes one line's description; `rng` decides the drifting parts."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def _ref(self, partij: Partij, r: Regeling, p: Persoon, vast: str = "") -> Teken:
        vorm = vast or (
            self.rng.choice(["plat", "spaties", "punten", "nul"]) if partij.stijl % 2 else "plat"
        )
        return Teken("ref", druk(r.kenmerk, vorm), p.index)

    def _naam(self, p: Persoon, vorm: str) -> Teken:
        tekst, opties = naamvormen(p, vorm)
        return Teken("naam", tekst, opties)

    def schrijf(
        self,
        partij: Partij,
        r: Regeling,
        p: Persoon,
        datum: dt.date,
        aard: str,
        klant: Partij | None = None,
    ) -> tuple[str, list[Teken]]:
        f = getattr(self, f"_{partij.soort}")
        return f(partij, r, p, datum, aard, klant)

    # ---------------------------------------------------------------- incomes
    def _werkgever(self, w, r, p, d, aard, klant):  # type: ignore[no-untyped-def]
        ref, s = self._ref(w, r, p), w.stijl
        if r.ritme == "vierweken":
            nr = min(13, (d - dt.date(d.year, 1, 1)).days // 28 + 1)
            per = [f"periode {nr:02d} {d.year}", f"4WK P{nr} {d.year}", f"PER {nr}/{d.year}"][s % 3]
        else:
            per = periode(d, ["iso", "p", "kort", "mnd", "compact", "maand"][s])
        soort = {"vakantie": "Vakantiegeld", "correctie": "Correctie salaris"}.get(aard, "")
        naam = self._naam(p, ["komma", "kaal", "aanhef", "alleen", "achteraan", "alleen"][s])
        if s == 0:
            delen = [soort or "Salaris", per, "pnr", ref, naam]
        elif s == 1:
            delen = [
                soort.upper() or "LOON",
                per,
                "MEDEW",
                Teken("ref", r.kenmerk.zfill(6), p.index),
                naam,
            ]
        elif s == 2:
            delen = [soort or "Netto loon", per, naam]
        elif s == 3:
            delen = [(soort or "salaris").upper(), per]
        elif s == 4:
            delen = [ref, "/", per, soort.upper() or "SALARISBETALING", naam]
        else:
            delen = [
                f"Uitbet. {soort.lower() or 'salaris'}",
                per,
                "t.b.v.",
                naam,
                "persnr.",
                Teken("ref", druk(r.kenmerk, "punten"), p.index),
            ]
        if aard == "vakantie_in":
            delen.append("incl. vakantiegeld" if s % 2 else "+ VAK.TOESLAG")
        return _zin(delen)

    def _uitzend(self, w, r, p, d, aard, klant):  # type: ignore[no-untyped-def]
        wk = (d - dt.timedelta(days=7)).isocalendar()[1]
        ref = self._ref(w, r, p, "plat")
        soort = {"vakantie": "RES. VAKANTIEGELD", "correctie": "CORR"}.get(aard, "")
        if w.stijl == 0:
            delen = [
                w.naam.upper().split()[0],
                soort or "LOONBETALING",
                f"WK {wk} {d.year}",
                "REG.NR",
                ref,
                self._naam(p, "kaal"),
            ]
        elif w.stijl == 1:
            delen = [soort or "Week", f"{wk}-{d.year}", self._naam(p, "achteraan"), ref]
        else:
            delen = [soort or "Weekloon", f"W{wk}", self._naam(p, "alleen")]
        return _zin(delen)

    def _klant(self, k, r, p, d, aard, bureau):  # type: ignore[no-untyped-def]
        """A payroll bureau line: the client employer first, the rest per client style."""
        s = k.stijl
        kl = Teken("klant", k.naam.upper(), k.sleutel)
        per = periode(d, ["mmjjjj", "iso", "p", "slash"][s])
        soort = {"vakantie": "VAKANTIEGELD", "correctie": "CORRECTIE"}.get(aard, "SAL")
        if s == 0:
            delen = [kl, soort, per, self._ref(k, r, p, "nul"), self._naam(p, "kaal")]
        elif s == 1:
            delen = [soort, per, kl, self._naam(p, "alleen")]
        elif s == 2:
            delen = [kl, "NETTOLOON", per, "WNR", self._ref(k, r, p, "plat")]
        else:
            delen = ["NETTOLOON", per] if self.rng.random() < 0.5 else [kl, soort, per]
        return _zin(delen)

    def _uwv(self, u, r, p, d, aard, klant):  # type: ignore[no-untyped-def]
        vorige = d.replace(day=1) - dt.timedelta(days=1)
        kenmerk = " ".join(f"{self.rng.randrange(10000):04d}" for _ in range(4))
        vorm = self.rng.choice(["spaties", "plat", "plat"])
        if aard == "vakantie":
            return _zin(
                [
                    "UWV VAKANTIEGELD",
                    r.label,
                    str(d.year),
                    self._ref(u, r, p, vorm),
                    self._naam(p, "kaal"),
                ]
            )
        if aard == "correctie":
            return _zin(
                [
                    "UWV NABETALING",
                    r.label,
                    periode(vorige, "mmjjjj"),
                    self._ref(u, r, p, vorm),
                    self._naam(p, "kaal"),
                ]
            )
        delen = [
            f"UWV {r.label}",
            periode(vorige, "mmjjjj"),
            self._ref(u, r, p, vorm),
            self._naam(p, "kaal"),
            "BETALINGSKENMERK",
            kenmerk,
        ]
        if self.rng.random() < 0.3:  # the other UWV run: name first, no customer number
            delen = [
                f"Uitkering {r.label} over {periode(vorige, 'maand')}",
                self._naam(p, "komma"),
                "kenmerk",
                kenmerk,
            ]
        return _zin(delen)

    def _svb(self, s, r, p, d, aard, klant):  # type: ignore[no-untyped-def]
        if r.soort == "kinderbijslag":
            kw = (d.month - 1) // 3 or 4
            return _zin(
                [
                    "SVB KINDERBIJSLAG",
                    f"{kw}E KWARTAAL",
                    str(d.year if kw < 4 else d.year - 1),
                    "KLANTNR",
                    self._ref(s, r, p, "plat"),
                    Teken("label", "KINDERBIJSLAG", r.soort),
                ]
            )
        delen = [
            "SVB",
            Teken("label", r.label.upper(), r.soort),
            periode(d, "mnd"),
            self._ref(s, r, p, "spaties"),
            self._naam(p, "achteraan"),
        ]
        if aard == "vakantie_in":
            delen.append("INCL VAKANTIEUITKERING")
        return _zin(delen)

    def _toeslagen(self, b, r, p, d, aard, klant):  # type: ignore[no-untyped-def]
        label = Teken("label", r.label.upper(), r.soort)
        nummer = self._ref(b, r, p, self.rng.choice(["plat", "punten"]))
        if aard == "correctie":
            return _zin(["NABETALING", label, str(d.year), "TOESLAGNR", nummer])
        if self.rng.random() < 0.2:
            return _zin([label, "VOORSCHOT", periode(d, "mnd"), self._naam(p, "tnv")])
        return _zin(
            [label, str(d.year), "VOORSCHOT", MAANDEN[d.month - 1].upper(), "TOESLAGNR", nummer]
        )

    def _gemeente(self, g, r, p, d, aard, klant):  # type: ignore[no-untyped-def]
        if aard == "vakantie":
            return _zin(
                [
                    "Vakantietoeslag PW",
                    str(d.year),
                    "clientnr",
                    self._ref(g, r, p, "plat"),
                    self._naam(p, "komma"),
                ]
            )
        if aard == "correctie":
            return _zin(
                ["Herberekening uitkering", periode(d, "slash"), self._ref(g, r, p, "plat")]
            )
        delen = [
            "Uitkering levensonderhoud",
            periode(d, "maand"),
            "clientnr",
            self._ref(g, r, p, "plat"),
            self._naam(p, "komma"),
        ]
        if aard == "vakantie_in":
            delen.append("incl. vakantietoeslag")
        return _zin(delen)

    # ---------------------------------------------------------------- costs
    def _woning(self, w, r, p, d, aard, klant):  # type: ignore[no-untyped-def]
        """Written by the municipality's own payment file, the same every month."""
        contract = Teken("ref", f"{r.kenmerk[:4]}-{r.kenmerk[4:]}", p.index)
        if w.stijl == 0:
            return _zin(["Huur", periode(d, "maand"), "huurovk.", contract, self._naam(p, "komma")])
        if w.stijl == 1:
            return _zin(["HUUR", periode(d, "iso"), contract])
        return _zin(["Huurbetaling", self._naam(p, "voluit"), periode(d, "mmjjjj")])

    def _verhuurder(self, w, r, p, d, aard, klant):  # type: ignore[no-untyped-def]
        return _zin(["Huur", periode(d, "maand"), self._naam(p, "alleen")])

    def _energie(self, e, r, p, d, aard, klant):  # type: ignore[no-untyped-def]
        ref = self._ref(e, r, p, "plat")
        if aard == "teruggave":
            return _zin(["Teruggave jaarafrekening klantnummer", ref])
        soort = "Termijnbedrag" if aard != "verdubbeld" or e.stijl else "Termijn + bijbetaling"
        delen = [
            [soort, periode(d, "maand"), "klantnummer", ref, self._naam(p, "aanhef")],
            [ref, "VOORSCHOT ENERGIE", periode(d, "mmjjjj")],
            [f"{e.naam} {soort.lower()}", MAANDEN[d.month - 1], "klantnr", ref],
        ][e.stijl]
        return _zin(delen)

    def _water(self, w, r, p, d, aard, klant):  # type: ignore[no-untyped-def]
        deb = Teken("ref", f"{r.kenmerk[:2]}-{r.kenmerk[2:8]}-{r.kenmerk[8:]}", p.index)
        if w.stijl == 0:
            return _zin(["Drinkwater termijn", str(d.month), str(d.year), "debiteurnr", deb])
        return _zin(["WATERREKENING", periode(d, "compact"), deb])

    def _zorg(self, z, r, p, d, aard, klant):  # type: ignore[no-untyped-def]
        ref = self._ref(z, r, p, "plat" if z.stijl != 1 else "spaties")
        if aard == "teruggave":
            return _zin(
                [
                    "Uitbetaling declaratie",
                    f"{d - dt.timedelta(days=12):%d-%m-%Y}",
                    "relatienr",
                    ref,
                ]
            )
        if z.stijl == 0:
            return _zin(
                [
                    "Premie zorgverzekering",
                    periode(d, "maand"),
                    "relatienummer",
                    ref,
                    self._naam(p, "aanhef"),
                ]
            )
        if z.stijl == 1:
            return _zin(["ZORGPREMIE", periode(d, "mmjjjj"), "POLIS", ref])
        return _zin([f"Maandpremie {MAANDEN[d.month - 1]}", ref, self._naam(p, "komma")])

    def _telefoon(self, t, r, p, d, aard, klant):  # type: ignore[no-untyped-def]
        factuur = f"F{d:%y}{self.rng.randrange(10**7):07d}"
        ref = Teken(
            "ref", f"{r.kenmerk[0]}.{r.kenmerk[1:]}" if t.stijl == 1 else r.kenmerk, p.index
        )
        if t.stijl == 0:
            return _zin(["Factuur", factuur, "klantnummer", ref, periode(d, "iso")])
        if t.stijl == 1:
            return _zin([f"{t.naam} abonnement", MAANDEN[d.month - 1], ref])
        return _zin([factuur, periode(d, "mnd")])  # no customer number at all

    def _inboedel(self, i, r, p, d, aard, klant):  # type: ignore[no-untyped-def]
        return _zin(
            [
                "Premie inboedel/aansprakelijkheid",
                periode(d, "slash"),
                "polisnr",
                Teken("ref", f"IB-{r.kenmerk}", p.index),
            ]
        )

    def _cak(self, c, r, p, d, aard, klant):  # type: ignore[no-untyped-def]
        return _zin(
            [
                "CAK eigen bijdrage Wmo",
                periode(d, "maand"),
                "kenmerk",
                self._ref(c, r, p, "plat"),
                self._naam(p, "tnv"),
            ]
        )

    def _eigen(self, e, r, p, d, aard, klant):  # type: ignore[no-untyped-def]
        if r.ritme == "week":
            return _zin(["Leefgeld week", str(d.isocalendar()[1]), "HHB" + p.hhb])
        return _zin(["Leefgeld", periode(d, "maand"), "HHB" + p.hhb])


def _zin(delen: list[object]) -> tuple[str, list[Teken]]:
    tekens = [d for d in delen if isinstance(d, Teken)]
    return " ".join(d.tekst if isinstance(d, Teken) else str(d) for d in delen), tekens
