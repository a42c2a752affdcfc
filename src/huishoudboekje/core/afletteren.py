"""Automatic matching (afletteren): which agreement does a bank transaction belong to?

Pure and Django-free. Candidates come from `core.afletterindex` (counterparty IBAN,
learned rules, a known party's name on a new IBAN); only agreements of the SAME direction
count (money in can only be an income). Each candidate's evidence is collected as facts
(`Bewijs`: IBAN, search terms, references, name and initial, amount against the range
learned from its own history, expected date) and summed into a score for ranking, with
the reasons in Dutch words ("IBAN bekend bij Eneco, bedrag gelijk, verwacht op 28-05").

The score ranks; explicit rules decide. A transaction is booked automatically only when:

1. the best candidate has nothing against it (not valid on the date, the other
   direction, a second payment for the same expected date, a search term missing);
2. it comes from one of the party's accounts, and EITHER its text names the agreement
   (all search terms, the HHB-number, or a learned rule) with an amount in the
   agreement's wide range (`core.bedragbereik`: a month with holiday pay is still the
   salary, the yearly rent increase is still the rent, a doubled rent goes to a human),
   OR the agreement has no search terms, the amount is in its range and the date near;
3. **never to the wrong participant**: every agreement of ANOTHER participant that the
   evidence also fits (its search terms are there, or its participant's surname is, or
   it has no search terms and the amount could be its) must be told apart by something
   only the best one has: a reference number, the HHB-number, a learned reference, the
   surname, or the initial beside it. A shared surname, a shared word ("salaris") or an
   amount never tell two participants apart. If nothing does, no booking: the
   suggestion names the participants who compete and why;
4. another agreement of the SAME participant that fits is at least
   `MINIMALE_VOORSPRONG` points behind, or told apart as in 3.

The thresholds are named constants here and in `core.bedragbereik`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from huishoudboekje.core.afletterdata import (
    INKOMSTEN,
    UITGAVEN,
    AfspraakInfo,
    Besluit,
    Betaling,
    Bewijs,
    Kandidaat,
    Leerregel,
    Marges,
    TeMatchen,
)
from huishoudboekje.core.afletterindex import GROTE_GROEP, Afspraakindex
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

__all__ = [
    "GROTE_GROEP", "INKOMSTEN", "UITGAVEN", "AfspraakInfo", "Afspraakindex", "Besluit", "Betaling",
    "Bewijs", "Kandidaat", "Leerregel", "Marges", "TeMatchen", "beoordeel", "besluit",
    "stel_zoekterm_voor", "tekst_van", "woorden",
]  # fmt: skip

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

MINIMALE_VOORSPRONG = 20  # over another agreement of the same participant
DATUM_BUURT_DAGEN = 7  # "near" an expected date, beyond the margin

_WOORD = re.compile(r"[0-9a-zà-ÿ]+")


def woorden(tekst: str) -> set[str]:
    return set(_WOORD.findall(tekst.lower()))


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


def besluit(
    tx: TeMatchen,
    index: Afspraakindex,
    *,
    marges: Marges,
    eerder_geboekt: Mapping[int, Sequence[Betaling]] | None = None,
    geschiedenis: Mapping[int, Sequence[int]] | None = None,
) -> Besluit:
    """Decide for one transaction: book automatically, or list ranked suggestions."""
    eerder_geboekt = eerder_geboekt or {}
    geschiedenis = geschiedenis or {}
    tekst = tekst_van(tx)
    afspraken, regels = index.kandidaten(tx, tekst)
    nieuwe_rekening = False
    if not afspraken and tx.tegen_iban and index.partij_van(tx.tegen_iban) is None:
        afspraken, nieuwe_rekening = index.bekende_partij(tx), True
    if not afspraken:
        return Besluit(None, (), "geen_kandidaat", _geen_kandidaat(tx, index))
    zelfde = [a for a in afspraken if a.richting == tx.richting]
    if not zelfde:
        if nieuwe_rekening:
            return Besluit(None, (), "geen_kandidaat", _geen_kandidaat(tx, index))
        soort = "inkomst" if tx.richting == INKOMSTEN else "uitgave"
        return Besluit(
            None,
            (),
            "geen_kandidaat",
            f"IBAN bekend, maar geen afspraak voor een {soort} met deze tegenrekening: "
            "een terugbetaling of storno? Dat beslist een medewerker (zie de suggesties)",
        )
    kandidaten = sorted(
        (
            beoordeel(
                tx,
                a,
                marges=marges,
                leerregel=regels.get(a.id),
                eerder_geboekt=eerder_geboekt.get(a.id, ()),
                geschiedenis=geschiedenis.get(a.id, ()),
                tekst=tekst,
                nieuwe_rekening=nieuwe_rekening,
                voornamen=index.voornamen,
            )
            for a in zelfde
        ),
        key=lambda k: (-k.score, k.afspraak_id),
    )
    if nieuwe_rekening:
        return _nieuwe_rekening(tx, kandidaten, index)
    beste = kandidaten[0]
    if beste.blokkade:
        return Besluit(
            None, tuple(kandidaten), "geblokkeerd", f"niet automatisch: {beste.blokkade}"
        )
    enige = index.aantal(tx.tegen_iban, tx.richting) == 1
    tekort = _tekort_aan_bewijs(beste, enige)
    if tekort:
        return Besluit(None, tuple(kandidaten), "te_laag", f"{tekort}: {beste.toelichting}")
    twijfel = _concurrentie(beste, kandidaten[1:], index)
    if (
        not twijfel
        and index.is_groot(tx.tegen_iban)
        and not (beste.bewijs.kenmerken or beste.bewijs.naam)
    ):
        # in a large group only the narrowed part was scored: without a reference or a
        # name, a look-alike whose reference is missing from this line may be left out
        twijfel = (
            f"{beste.toelichting}; maar {index.partij_van(tx.tegen_iban)} betaalt veel "
            "deelnemers en geen referentie of naam in de omschrijving wijst er één aan"
        )
    if twijfel:
        return Besluit(None, tuple(kandidaten), "twijfel", twijfel)
    return Besluit(beste.afspraak_id, tuple(kandidaten), "geboekt", beste.toelichting)


def _tekort_aan_bewijs(k: Kandidaat, enige: bool) -> str:
    """Why the best candidate's own evidence is not enough for an automatic booking
    (rule 2 of the module docstring), or "" when it is. `enige`: it is the only
    agreement of this direction with this counterparty account."""
    b = k.bewijs
    if not b.iban:
        return "niet van een bekende rekening van de partij"
    if b.voorletter is False:
        return "naast de achternaam staat een andere voorletter of voornaam"
    if b.tekst:
        if b.bedrag_ruim:
            return ""
        return "de omschrijving past, maar het bedrag wijkt te veel af van deze afspraak"
    if b.naam:
        # the reference is missing this time, the participant's name is there
        if b.bedrag_ruim:
            return ""
        return "de naam past, maar het bedrag wijkt te veel af van deze afspraak"
    if not b.bedrag_normaal:
        return "het bedrag valt buiten wat bij deze afspraak hoort"
    if b.heeft_termen and not enige:
        # a missing search term may point at another agreement of the same party (the
        # participant's huurtoeslag vs zorgtoeslag)
        return "een zoekterm van de afspraak ontbreekt"
    if b.datum_dagen is not None and b.datum_dagen > DATUM_BUURT_DAGEN:
        return "alleen het IBAN en het bedrag passen; de datum ligt ver van de verwachte"
    return ""


def _past_ook(beste: Kandidaat, k: Kandidaat) -> bool:
    """Whether the evidence fits candidate `k` as well (rules 3 and 4). For another
    participant: when its search terms or its participant's surname are in the text; or,
    when the text names nobody (no reference, no surname), whenever the amount could be
    theirs: a line without a reference may be anyone's whose reference is missing."""
    b, a = k.bewijs, beste.bewijs
    if b.andere_richting:
        return False
    if k.burger_id == beste.burger_id:
        if b.termen_ontbreken and not a.termen_ontbreken:
            return False  # the text names the best one's terms, not this one's
        return b.tekst or b.naam or b.bedrag_normaal
    if b.tekst or b.naam:
        return True
    if a.kenmerken or a.naam:
        return False  # the text names the best one and says nothing of this one
    return b.bedrag_ruim


def _onderscheiden(beste: Kandidaat, k: Kandidaat, index: Afspraakindex) -> str:
    """What only the best candidate has, in words, or "" when nothing tells them apart."""
    a, b = beste.bewijs, k.bewijs
    if b.kenmerken - a.kenmerken:
        return ""  # the text holds the other one's own reference
    if a.kenmerken - b.kenmerken:
        return "referentie"
    if a.naam and not b.naam:
        return "naam"
    if a.voorletter is True and b.voorletter is False:
        return "voorletter"
    eigen, ander = index.afspraken[beste.afspraak_id], index.afspraken[k.afspraak_id]
    if a.voorletter is True and eigen.voornaam and eigen.voornaam == ander.naam_sleutel:
        # "Tesfay Kowalski": the other one's surname is the best one's first name here
        return "voornaam"
    return ""


def _concurrentie(beste: Kandidaat, anderen: Sequence[Kandidaat], index: Afspraakindex) -> str:
    """Rules 3 and 4: the doubt in words, or "" when the best one stands alone."""
    deelnemers: list[Kandidaat] = []
    for k in anderen:
        if not _past_ook(beste, k) or _onderscheiden(beste, k, index):
            continue
        if k.burger_id != beste.burger_id:
            deelnemers.append(k)
        elif beste.score - k.score < MINIMALE_VOORSPRONG:
            return (
                f"twee afspraken van dezelfde deelnemer passen ({beste.score} en "
                f"{k.score} punten): een medewerker kiest"
            )
    if not deelnemers:
        return ""
    partij = index.afspraken[beste.afspraak_id].partijnaam
    namen = [_wie(beste), *(_wie(k) for k in deelnemers[:4])]
    meer = f" en nog {len(deelnemers) - 4}" if len(deelnemers) > 4 else ""
    return (
        f"past bij meer dan één deelnemer van {partij}: {'; '.join(namen)}{meer}. Geen "
        "referentie, HHB-nummer, naam of voorletter in de omschrijving wijst er één aan"
    )


def _wie(k: Kandidaat) -> str:
    b = k.bewijs
    waarom = (
        "zoektermen gevonden"
        if b.termen_compleet
        else "naam in de omschrijving"
        if b.naam
        else "geen zoektermen, bedrag past"
        if not b.heeft_termen
        else "zoekterm ontbreekt, bedrag past"
    )
    return f"{k.burger_naam or f'deelnemer {k.burger_id}'} ({waarom})"


def _nieuwe_rekening(tx: TeMatchen, kandidaten: list[Kandidaat], index: Afspraakindex) -> Besluit:
    beste = kandidaten[0]
    partij = index.afspraken[beste.afspraak_id].partijnaam
    return Besluit(
        None,
        tuple(kandidaten),
        "nieuwe_rekening",
        f"bekende partij {partij} op een nieuwe rekening {tx.tegen_iban}: bevestig dat "
        "deze rekening bij de partij hoort, dan boeken de volgende betalingen vanzelf",
    )


def _geen_kandidaat(tx: TeMatchen, index: Afspraakindex) -> str:
    if not tx.tegen_iban:
        return "geen tegenrekening op de transactie en geen geleerde regel"
    partij = index.partij_van(tx.tegen_iban)
    if partij is None:
        return "IBAN onbekend: bij geen enkele afspraak hoort deze tegenrekening"
    aantal = len(index.per_iban[tx.tegen_iban])
    return (
        f"IBAN bekend bij {partij} ({aantal} afspraken), maar geen zoekterm in de "
        "omschrijving en geen bedrag wijst een afspraak aan"
    )


def stel_zoekterm_voor(omschrijving: str, bestaande: Iterable[str] = ()) -> str | None:
    """A search term to learn from a manual booking: the most distinctive word of the
    description (a reference or customer number, else the longest word) that the
    agreement does not have yet."""
    bekend = {w for t in bestaande for w in woorden(t)}
    kandidaten = [
        w for w in _WOORD.findall(omschrijving.lower()) if len(w) >= 4 and w not in bekend
    ]
    if not kandidaten:
        return None
    met_cijfers = [w for w in kandidaten if any(c.isdigit() for c in w) and len(w) >= 5]
    gekozen: str = max(met_cijfers or kandidaten, key=len)
    return gekozen
