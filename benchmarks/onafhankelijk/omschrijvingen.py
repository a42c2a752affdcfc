"""One description per kind of payment, in the party's own style.

Why per party: a payroll system, UWV, the Belastingdienst and a housing corporation
each print their own fixed template, and within it the participant's reference, name
and period. Large employers nearly always print a personnel number; small employers
often only "loon mei Jansen"; the payroll bureau prints the client employer and
usually a personnel number, but some lines nothing at all. UWV's long lines run past
140 characters, so a bank that cuts them loses what stands at the end."""

from __future__ import annotations

import datetime as dt
import random

from .partijen import Partij
from .teksten import MAANDEN, Tekst, druk_kenmerk, naam, periode
from .wereld import Deelnemer, Plan

_PNR = ["pnr", "pers.nr.", "personeelsnr", "medewerker", "werknr"]


def _periode(p: Partij, datum: dt.date) -> str:
    week = datum.isocalendar().week
    return periode(p.frequentie, datum.year, datum.month, week, p.stijl % 2)


def _samen(*delen: str) -> str:
    return " ".join(d for d in delen if d)


def loon(rng: random.Random, x: Plan, p: Partij, d: Deelnemer, datum: dt.date) -> Tekst:
    groot = p.groot or p.soort == "bureau"
    if p.soort == "bureau" and rng.random() < 0.08:
        return Tekst(_samen("Nettoloon", _periode(p, datum), x.werkgever))
    k = (
        druk_kenmerk(rng, x.kenmerk, p.vaste_opmaak)
        if rng.random() < (0.95 if groot else 0.3)
        else ""
    )
    n, v = (
        naam(rng, d.voornamen, d.familienaam, p.stijl)
        if rng.random() < (0.88 if groot else 0.85)
        else ("", "")
    )
    label = {0: "Salaris", 1: "NETTOLOON", 2: "loon"}[p.stijl]
    if p.frequentie == "week":
        label = "Loon" if p.stijl != 1 else "WEEKLOON"
    nummer = f"{_PNR[p.stijl + (p.vaste_opmaak % 2)]} {k}" if k else ""
    kop = _samen(x.werkgever, label, _periode(p, datum))
    volgorde = {0: (kop, nummer, n), 1: (n, kop, nummer), 2: (nummer, n, kop)}[p.stijl]
    return Tekst(_samen(*volgorde), k, n, v)


def uitkering(rng: random.Random, x: Plan, p: Partij, d: Deelnemer, datum: dt.date) -> Tekst:
    k = druk_kenmerk(rng, x.kenmerk, p.vaste_opmaak)
    n, v = naam(rng, d.voornamen, d.familienaam, 0)
    maand = f"{MAANDEN[datum.month - 1]} {datum.year}"
    if x.soort == "uwv":
        if rng.random() < 0.2:  # the long form, with the withholdings spelled out
            bruto = x.bedrag * 13 // 10
            tekst = (
                f"UWV WW uitkering periode 01-{datum.month:02d}-{datum.year} tm "
                f"{datum.day:02d}-{datum.month:02d}-{datum.year} bruto {bruto / 100:.2f} "
                f"ingehouden loonheffing {(bruto - x.bedrag) / 100:.2f} vakantietoeslag "
                f"opgebouwd {x.bedrag * 8 // 10000:.2f} {n} uitkeringsnummer {k}"
            )
            return Tekst(tekst, k, n, v)
        return Tekst(
            f"UWV {rng.choice(['WW', 'ZW'])} uitkering {maand} uitkeringsnr {k} {n}", k, n, v
        )
    if x.soort == "bijstand":
        return Tekst(f"Participatiewet {maand} dossiernr {k} {n}", k, n, v)
    if x.soort == "aow":
        return Tekst(f"AOW {maand} klantnummer {k}", k)
    if x.soort == "kinderbijslag":
        kwartaal = (datum.month - 1) // 3 + 1
        return Tekst(f"Kinderbijslag {kwartaal}e kwartaal {datum.year} kenmerk {k}", k)
    toeslag = x.soort.upper() if p.stijl == 1 else x.soort.capitalize()
    return Tekst(f"{toeslag} {maand} toeslagnummer {k} BELASTINGDIENST", k)


def last(rng: random.Random, x: Plan, p: Partij, d: Deelnemer, datum: dt.date, typ: str) -> Tekst:
    """A fixed cost: the collector's own text for a direct debit, our own for a
    transfer (the municipality's payment file prints the search term as staff typed
    it: `typ`)."""
    maand = f"{MAANDEN[datum.month - 1]} {datum.year}"
    if not p.incasso:
        n, v = naam(rng, d.voornamen, d.familienaam, 0)
        return Tekst(f"{x.soort.capitalize()} {maand} {typ} {n} HHB{d.index + 1:06d}", typ, n, v)
    k = druk_kenmerk(rng, x.kenmerk, p.vaste_opmaak)
    if x.soort == "water" and p.stijl != 1:
        ref = x.kenmerk.zfill(16)
        return Tekst("", ref, gestructureerd=ref)
    sjablonen = {
        "huur": [
            f"Huur {maand} huurcontract {k}",
            f"HUUR {datum.month:02d}-{datum.year} CONTRACT {k}",
        ],
        "energie": [f"Termijnbedrag {maand} klantnummer {k}", f"klantnr. {k} voorschot {maand}"],
        "water": [f"Voorschot drinkwater {maand} klant {k}"],
        "zorgverzekering": [
            f"Premie {maand} polis {k}",
            f"Polisnummer {k} premie {datum.month:02d}-{datum.year}",
        ],
        "telefoon": [f"Factuur {maand} klantnr {k}", f"Abonnement {maand} {k}"],
    }[x.soort]
    return Tekst(sjablonen[p.stijl % len(sjablonen)], k)
