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

The scores are in `core.afletterbewijs`, the thresholds are named constants here and in
`core.bedragbereik`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from huishoudboekje.core.afletterbewijs import DATUM_BUURT_DAGEN, beoordeel, tekst_van
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
    Uitkomst,
)
from huishoudboekje.core.afletterindex import GROTE_GROEP, Afspraakindex

__all__ = [
    "GROTE_GROEP", "INKOMSTEN", "UITGAVEN", "AfspraakInfo", "Afspraakindex", "Besluit", "Betaling",
    "Bewijs", "Kandidaat", "Leerregel", "Marges", "TeMatchen", "beoordeel", "besluit",
    "Uitkomst", "stel_zoekterm_voor", "tekst_van", "woorden",
]  # fmt: skip

MINIMALE_VOORSPRONG = 20  # over another agreement of the same participant

_WOORD = re.compile(r"[0-9a-zà-ÿ]+")


def woorden(tekst: str) -> set[str]:
    return set(_WOORD.findall(tekst.lower()))


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
        return Besluit(None, (), Uitkomst.GEEN_KANDIDAAT, _geen_kandidaat(tx, index))
    zelfde = [a for a in afspraken if a.richting == tx.richting]
    if not zelfde:
        if nieuwe_rekening:
            return Besluit(None, (), Uitkomst.GEEN_KANDIDAAT, _geen_kandidaat(tx, index))
        soort = "inkomst" if tx.richting == INKOMSTEN else "uitgave"
        return Besluit(
            None,
            (),
            Uitkomst.GEEN_KANDIDAAT,
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
            None, tuple(kandidaten), Uitkomst.GEBLOKKEERD, f"niet automatisch: {beste.blokkade}"
        )
    enige = index.aantal(tx.tegen_iban, tx.richting) == 1
    tekort = _tekort_aan_bewijs(beste, enige)
    if tekort:
        return Besluit(None, tuple(kandidaten), Uitkomst.TE_LAAG, f"{tekort}: {beste.toelichting}")
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
        return Besluit(None, tuple(kandidaten), Uitkomst.TWIJFEL, twijfel)
    return Besluit(beste.afspraak_id, tuple(kandidaten), Uitkomst.GEBOEKT, beste.toelichting)


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
        Uitkomst.NIEUWE_REKENING,
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
