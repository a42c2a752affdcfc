"""The evidence a bank transaction shows of one agreement, and its score.

Pure and Django-free. `beoordeel` collects the facts (`Bewijs`: IBAN, search terms,
references, name and initials or first name, amount against the range learned from the
agreement's own history, expected date, a second payment) with the reasons in Dutch
words, and sums them into a score that ranks candidates. What may be booked on that
evidence is decided in `core.afletteren`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

from huishoudboekje.core.afletterdata import (
    INKOMSTEN,
    AfspraakInfo,
    Betaling,
    Bewijs,
    Kandidaat,
    Leerregel,
    Marges,
    TeMatchen,
)
from huishoudboekje.core.bedragbereik import Bereik, normaal_bereik, ruim_bereik
from huishoudboekje.core.money import formatteer_bedrag
from huishoudboekje.core.schedules import MAANDSTAP, Betaalschema, Frequentie, verwachte_datums
from huishoudboekje.core.tekstvergelijking import (
    Tekst,
    naast_achternaam,
    normaliseer,
    term,
    vouw,
    woorden_van,
)

# -- scores (for ranking and explanation; see the module docstring for the decision) ---------
PUNTEN_IBAN = 40  # the counterparty account belongs to this agreement's party
PUNTEN_LEERREGEL = 30  # staff booked this (IBAN, description pattern) here before
PUNTEN_HHB_NUMMER = 15  # the participant's HHB-number is in the text (our own payments)
PUNTEN_ZOEKTERMEN_ALLE = 25
PUNTEN_ZOEKTERMEN_SOMMIGE = 10
STRAF_ZOEKTERMEN_GEEN = -15  # the agreement has search terms and none is in the text
PUNTEN_NAAM = 20  # the participant's surname is in the description
PUNTEN_VOORLETTER = 5  # the participant's initial beside the surname
STRAF_ANDERE_VOORLETTER = -30  # another initial or first name: most likely someone else
PUNTEN_BEDRAG_GELIJK = 25
PUNTEN_BEDRAG_BINNEN_BEREIK = 15
PUNTEN_BEDRAG_RUIM = 0  # far off, but within the wide range (a month with holiday pay)
STRAF_BEDRAG_AFWIJKEND = -25
PUNTEN_DATUM_BINNEN_MARGE = 10
PUNTEN_DATUM_IN_DE_BUURT = 5
STRAF_NIET_GELDIG = -30

DATUM_BUURT_DAGEN = 7  # "near" an expected date, beyond the margin
AFGEKAPT_VANAF = 135  # characters: banks cut descriptions at 140 (camt) or 4x35


def tekst_van(tx: TeMatchen) -> Tekst:
    """What search terms are looked for in: the description and the references."""
    return normaliseer(f"{tx.omschrijving} {tx.referenties}" if tx.referenties else tx.omschrijving)


def beoordeel(
    tx: TeMatchen,
    afspraak: AfspraakInfo,
    *,
    marges: Marges,
    leerregel: Leerregel | None = None,
    eerder_geboekt: Sequence[Betaling] = (),
    geschiedenis: Sequence[int] = (),
    tekst: Tekst | None = None,
    nieuwe_rekening: bool = False,
    voornamen: frozenset[str] = frozenset(),
) -> Kandidaat:
    """Score one agreement for one transaction: its evidence, the reasons in words, and
    what blocks an automatic booking."""
    tekst = tekst or tekst_van(tx)
    score = 0
    redenen: list[str] = []
    blokkade = ""
    iban = bool(tx.tegen_iban) and tx.tegen_iban in afspraak.ibans
    if iban:
        score += PUNTEN_IBAN
        redenen.append(f"IBAN bekend bij {afspraak.partijnaam}")
    elif nieuwe_rekening:
        redenen.append(f"naam van {afspraak.partijnaam}, maar vanaf een nieuwe rekening")
    if leerregel is not None:
        score += PUNTEN_LEERREGEL
        redenen.append(f"eerder zo geboekt ('{leerregel.patroon}')")
    hhb = bool(afspraak.hhb_nummer) and tekst.bevat(term(afspraak.hhb_nummer).vorm)
    if hhb:
        score += PUNTEN_HHB_NUMMER
        redenen.append(f"HHB-nummer {afspraak.hhb_nummer} gevonden")
    gevonden = [t for t in afspraak.termen if t.in_tekst(tekst)]
    score += _zoektermen(afspraak, [t.origineel for t in gevonden], redenen)
    compleet = bool(afspraak.termen) and len(gevonden) == len(afspraak.termen)
    woorden = woorden_van(tx.omschrijving)  # names: the description only, no references
    if len(tx.omschrijving) >= AFGEKAPT_VANAF and woorden:
        # a text this long may be cut by the bank: "P. Eikmans" arrives as "P. Eikman",
        # another participant's surname; its last word names nobody
        woorden = woorden[:-1]
    naam_sleutel = afspraak.naam_sleutel
    naam = bool(naam_sleutel) and naam_sleutel in woorden
    voorletter, welke = _voorletter(woorden, afspraak, voornamen) if naam else (None, "")
    alleen_naam = bool(gevonden) and all(t.sleutel == naam_sleutel for t in gevonden)
    if naam and not alleen_naam:
        score += PUNTEN_NAAM  # not twice when the search term is just the surname
    if naam and voorletter is None:
        redenen.append(f"naam {afspraak.achternaam} in de omschrijving")
    if voorletter is True:
        score += PUNTEN_VOORLETTER
        redenen.append(f"{welke} bij {afspraak.achternaam}")
    elif voorletter is False:
        score += STRAF_ANDERE_VOORLETTER
        redenen.append(f"een andere voorletter of voornaam bij {afspraak.achternaam}")
    inkomen = afspraak.richting == INKOMSTEN
    bereik = normaal_bereik(
        afgesproken=afspraak.bedrag, geschiedenis=geschiedenis, inkomen=inkomen, marge=marges.bedrag
    )
    bedrag = abs(tx.bedrag)
    ruim = ruim_bereik(
        bereik,
        inkomen=inkomen,
        perioden_per_jaar=_perioden_per_jaar(afspraak.schema),
        marge=marges.bedrag,
    )
    score += _bedrag(bedrag, afspraak.bedrag, (bereik, ruim), geschiedenis, marges, redenen)
    dagen = _datum(tx, afspraak, marges, redenen)
    if dagen is not None:
        score += (
            PUNTEN_DATUM_BINNEN_MARGE
            if dagen <= marges.dagen
            else PUNTEN_DATUM_IN_DE_BUURT
            if dagen <= DATUM_BUURT_DAGEN
            else 0
        )
        # without its own text a line cannot be told apart from a second payment
        streng = not (compleet or hhb or naam or leerregel is not None)
        dubbel = _dubbel(afspraak, tx, eerder_geboekt, streng=streng)
        if dubbel:
            blokkade = dubbel
    if not afspraak.geldig_op(tx.boekdatum):
        score += STRAF_NIET_GELDIG
        blokkade = f"afspraak geldt niet op {tx.boekdatum:%d-%m-%Y}"
    andere_richting = afspraak.richting != tx.richting
    if andere_richting:
        # money back from the party of a cost (a refund, a reversed direct debit) or
        # paid back to the payer of an income: it belongs to the participant, but only
        # staff decide that
        blokkade = f"terugbetaling of storno: de afspraak is voor {afspraak.richting}"
    if blokkade:
        redenen.append(blokkade)
    kenmerken = {t.vorm for t in gevonden if any(c.isdigit() for c in t.vorm)}
    if hhb:
        kenmerken.add("hhb")
    if leerregel is not None and any(c.isdigit() for c in term(leerregel.patroon).vorm):
        kenmerken.add(f"regel:{term(leerregel.patroon).vorm}")
    bewijs = Bewijs(
        iban=iban,
        termen_gevonden=frozenset(t.vorm for t in gevonden),
        heeft_termen=bool(afspraak.termen),
        termen_compleet=compleet,
        kenmerken=frozenset(kenmerken),
        hhb=hhb,
        leerregel=leerregel is not None and (bool(kenmerken) or not afspraak.termen or compleet),
        naam=naam,
        voorletter=voorletter,
        bedrag_normaal=bereik.bevat(bedrag),
        bedrag_ruim=ruim.bevat(bedrag),
        datum_dagen=dagen,
        andere_richting=andere_richting,
    )
    return Kandidaat(
        afspraak_id=afspraak.id,
        burger_id=afspraak.burger_id,
        score=score,
        redenen=tuple(redenen),
        blokkade=blokkade,
        leerregel_id=leerregel.id if leerregel else None,
        bewijs=bewijs,
        burger_naam=afspraak.burger_naam,
    )


def _voorletter(
    woorden: tuple[str, ...], afspraak: AfspraakInfo, voornamen: frozenset[str]
) -> tuple[bool | None, str]:
    """True: the participant's own initials (`J.`, `J.P.`) or first name stand beside the
    surname; False: other initials do, or another participant's first name; None:
    nothing that says either (or the participant's initials are unknown). With it, in
    words."""
    initialen, andere = naast_achternaam(woorden, afspraak.achternaam)
    if afspraak.voornaam and afspraak.voornaam in andere:
        return True, f"voornaam {afspraak.voornaam.capitalize()}"
    eigen = afspraak.voorletter
    if initialen and eigen:
        # printed initials are the participant's, or its first ones ("J." for J.P.);
        # more than staff recorded only when they recorded at least two
        passend = [
            r for r in initialen if eigen.startswith(r) or (len(eigen) > 1 and r.startswith(eigen))
        ]
        tekst = ".".join((passend or sorted(initialen))[0].upper()) + "."
        return bool(passend), f"voorletter {tekst}"
    if any(w in voornamen and w != afspraak.voornaam for w in andere):
        return False, ""
    return None, ""


def _zoektermen(afspraak: AfspraakInfo, gevonden: list[str], redenen: list[str]) -> int:
    if not afspraak.termen:
        return 0
    if len(gevonden) == len(afspraak.termen):
        redenen.append(
            f"zoekterm{'en' if len(gevonden) > 1 else ''} gevonden: {', '.join(gevonden)}"
        )
        return PUNTEN_ZOEKTERMEN_ALLE
    if gevonden:
        ontbreekt = [t.origineel for t in afspraak.termen if t.origineel not in gevonden]
        redenen.append(
            f"zoekterm gevonden: {', '.join(gevonden)}; niet gevonden: {', '.join(ontbreekt)}"
        )
        return PUNTEN_ZOEKTERMEN_SOMMIGE
    redenen.append("zoektermen niet gevonden")
    return STRAF_ZOEKTERMEN_GEEN


def _bedrag(
    bedrag: int,
    verwacht: int,
    bereiken: tuple[Bereik, Bereik],
    geschiedenis: Sequence[int],
    marges: Marges,
    redenen: list[str],
) -> int:
    verschil = bedrag - verwacht
    if verschil == 0 or (geschiedenis and bedrag == abs(geschiedenis[-1])):
        redenen.append("bedrag gelijk" if verschil == 0 else "bedrag gelijk aan de vorige keer")
        return PUNTEN_BEDRAG_GELIJK
    tekst = f"bedrag {formatteer_bedrag(abs(verschil))} {'hoger' if verschil > 0 else 'lager'}"
    if abs(verschil) <= marges.bedrag:
        redenen.append(f"{tekst} (binnen marge)")
        return PUNTEN_BEDRAG_BINNEN_BEREIK
    bereik, ruim = bereiken
    if bereik.bevat(bedrag):
        redenen.append(f"{tekst}, binnen {bereik.in_woorden} ({bereik.bron})")
        return PUNTEN_BEDRAG_BINNEN_BEREIK
    redenen.append(f"{tekst} dan afgesproken, buiten {bereik.in_woorden} ({bereik.bron})")
    return PUNTEN_BEDRAG_RUIM if ruim.bevat(bedrag) else STRAF_BEDRAG_AFWIJKEND


def _datum(tx: TeMatchen, afspraak: AfspraakInfo, marges: Marges, redenen: list[str]) -> int | None:
    verwacht = _dichtstbijzijnde_datum(afspraak, tx.boekdatum)
    if verwacht is None:
        return None
    afstand = abs((tx.boekdatum - verwacht).days)
    if afstand <= marges.dagen:
        redenen.append(f"verwacht op {verwacht:%d-%m}")
    elif afstand <= DATUM_BUURT_DAGEN:
        redenen.append(f"verwacht op {verwacht:%d-%m} ({afstand} dagen verschil)")
    return afstand


def _dubbel(
    afspraak: AfspraakInfo, tx: TeMatchen, eerder: Sequence[Betaling], *, streng: bool = False
) -> str:
    """A second payment: the same description again, for the same expected date (a
    salary paid twice) or with the very same amount within three quarters of the
    agreement's interval (a weekly wage paid twice, a few days apart). Another
    description is another period ("loon week 22" paid late beside "loon week 23"),
    unless the line does not name the agreement at all (`streng`): then any payment
    for the same expected date makes it a second one (a correction, an extra)."""
    if not eerder:
        return ""
    verwacht = _dichtstbijzijnde_datum(afspraak, tx.boekdatum)
    dagen = _interval_dagen(afspraak.schema)
    tekst = _vergelijkbaar(tx.omschrijving)
    for d, bedrag, omschrijving in eerder:
        if abs((tx.boekdatum - d).days) > 45 or (
            not streng and omschrijving and not _zelfde_tekst(_vergelijkbaar(omschrijving), tekst)
        ):
            continue
        if verwacht is not None and _dichtstbijzijnde_datum(afspraak, d) == verwacht:
            return f"al een betaling geboekt rond {verwacht:%d-%m} (op {d:%d-%m})"
        if dagen and bedrag == abs(tx.bedrag) and abs((tx.boekdatum - d).days) * 4 < dagen * 3:
            return f"hetzelfde bedrag met dezelfde omschrijving al geboekt op {d:%d-%m}"
    return ""


def _vergelijkbaar(tekst: str) -> str:
    """Letters and digits only, folded: camt keeps `Çelik`, MT940 sends `CELIK`."""
    return "".join(c for c in vouw(tekst) if c.isalnum())


def _zelfde_tekst(a: str, b: str) -> bool:
    """Equal, or one cut short by its bank (140 characters, or 6 lines of 65)."""
    korter, langer = sorted((a, b), key=len)
    return korter == langer or (len(korter) >= 30 and langer.startswith(korter))


def _perioden_per_jaar(schema: Betaalschema | None) -> int:
    dagen = _interval_dagen(schema)
    return max(1, round(365 / dagen)) if dagen else 1


def _interval_dagen(schema: Betaalschema | None) -> int:
    if schema is None or schema.frequentie == Frequentie.EENMALIG:
        return 0
    if schema.frequentie == Frequentie.WEKELIJKS:
        return 7 * schema.interval
    return 30 * MAANDSTAP[schema.frequentie] * schema.interval


def _dichtstbijzijnde_datum(afspraak: AfspraakInfo, datum: dt.date) -> dt.date | None:
    return None if afspraak.schema is None else _dichtstbij(afspraak.schema, datum)


@lru_cache(maxsize=262_144)
def _dichtstbij(schema: Betaalschema, datum: dt.date) -> dt.date | None:
    """The expected date nearest to `datum` (within 45 days); cached, because a run asks
    the same (schedule, date) pairs many times (every weekly leefgeld, every batch day)."""
    venster = dt.timedelta(days=45)
    datums = list(verwachte_datums(schema, datum - venster, datum + venster))
    return min(datums, key=lambda d: (abs((d - datum).days), d)) if datums else None
