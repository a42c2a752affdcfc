"""The `:86:` field (information to the account owner) of each MT940 dialect, and the
line cutting: ING's /EREF/ /CNTP/ /REMI/USTD//, Rabobank's /ORDP//NAME/ and /BENM//NAME/,
the /TRTP/ form of ABN AMRO and BNG, and ABN AMRO's old two-column text.

Split from `schrijven_mt940` (the statement layout) to keep both small.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Transactie
from .schrijven import NAAM_MAX_MT940, OMSCHRIJVING_MAX, tekst_mt940

REGEL = 65
NL = "\r\n"
_TRTP = {"in": "SEPA OVERBOEKING", "uit": "SEPA OVERBOEKING",
         "incasso": "SEPA Incasso algemeen doorlopend", "kosten": "KOSTEN",
         "storting": "STORTING"}


@dataclass(frozen=True)
class Regel:
    """One :61:/:86: pair to write: a transaction, or a batch seen as one transaction."""

    t: Transactie
    soort: str  # in | uit | incasso | kosten | storting
    batch: str = ""  # payment information id (PREF) of a batch
    aantal: int = 1


def info86(regel: Regel, dialect: str, oud: bool) -> str:
    """The :86: content on one line (wrapped later)."""
    t = regel.t
    waarden = _Waarden(
        iban=rekening(t.tegen_iban) if t.tegen_iban else "",
        bic=tekst_mt940(t.tegen_bic, 11),
        naam=tekst_mt940(t.tegen_naam, NAAM_MAX_MT940),
        omschrijving=tekst_mt940(t.omschrijving, OMSCHRIJVING_MAX),
        kenmerk=tekst_mt940(t.betalingskenmerk, 35),
        eref=tekst_mt940(t.end_to_end_id, 35),
        marf=tekst_mt940(t.mandaat_id, 35),
        csid=tekst_mt940(t.incassant_id, 35),
        pref=tekst_mt940(regel.batch, 35),
    )
    if dialect == "ing":
        return _ing(waarden)
    if dialect == "rabobank":
        return _rabobank(waarden, t)
    if oud:
        return _abnamro_oud(waarden, regel)
    return _trtp(waarden, regel)


@dataclass(frozen=True)
class _Waarden:
    iban: str
    bic: str
    naam: str
    omschrijving: str
    kenmerk: str
    eref: str
    marf: str
    csid: str
    pref: str


def _ing(w: _Waarden) -> str:
    delen = []
    if w.pref:
        delen.append(f"/PREF/{w.pref}/")
    if w.eref:
        delen.append(f"/EREF/{w.eref}/")
    if w.marf:
        delen.append(f"/MARF/{w.marf}/")
    if w.csid:
        delen.append(f"/CSID/{w.csid}/")
    if w.iban or w.naam:
        delen.append(f"/CNTP/{w.iban}/{w.bic}/{w.naam}//")
    if w.kenmerk:
        delen.append(f"/REMI/STRD/CUR/{w.kenmerk}/")
    elif w.omschrijving:
        delen.append(f"/REMI/USTD//{w.omschrijving}/")
    return "".join(delen)


def _rabobank(w: _Waarden, t: Transactie) -> str:
    delen = []
    if w.pref:
        delen.append(f"/PREF/{w.pref}")
    if w.eref:
        delen.append(f"/EREF/{w.eref}")
    if w.marf:
        delen.append(f"/MARF/{w.marf}")
    if w.csid:
        delen.append(f"/CSID/{w.csid}")
    if w.naam:
        delen.append(f"/{'ORDP' if t.bedrag > 0 else 'BENM'}//NAME/{w.naam}")
    delen.append(_remi(w))
    delen.append(f"/ISDT/{t.boekdatum.isoformat()}")
    return "".join(delen)


def _remi(w: _Waarden) -> str:
    """Rabobank, ABN AMRO, BNG: a structured payment reference takes the place of the
    free text ("/REMI//CDTRREFTP//CD/SCOR/ISSR/CUR/CDTRREF/1234567890123456")."""
    if w.kenmerk:
        return f"/REMI//CDTRREFTP//CD/SCOR/ISSR/CUR/CDTRREF/{w.kenmerk}"
    return f"/REMI/{w.omschrijving}" if w.omschrijving else ""


def _trtp(w: _Waarden, regel: Regel) -> str:
    """ABN AMRO and BNG: /TRTP/ first, then IBAN/BIC/NAME (order as the banks send it)."""
    soort = _TRTP[regel.soort] + (" BATCH" if regel.batch else "")
    delen = [f"/TRTP/{soort}"]
    if w.pref:
        delen.append(f"/PREF/{w.pref}/NRTX/{regel.aantal}")
    if w.csid:
        delen.append(f"/CSID/{w.csid}")
    if regel.soort == "incasso":
        if w.naam:
            delen.append(f"/NAME/{w.naam}")
        if w.marf:
            delen.append(f"/MARF/{w.marf}")
    if w.iban:
        delen.append(f"/IBAN/{w.iban}")
    if w.bic:
        delen.append(f"/BIC/{w.bic}")
    if regel.soort != "incasso":
        if w.naam:
            delen.append(f"/NAME/{w.naam}")
        if w.marf:
            delen.append(f"/MARF/{w.marf}")
    delen.append(_remi(w))
    if w.eref or regel.soort in ("in", "uit", "incasso") and not regel.batch:
        delen.append(f"/EREF/{w.eref or 'NOTPROVIDED'}")
    return "".join(delen)


_KOLOM = 33  # ABN AMRO's old text has two columns: 33 + 32 characters


def _abnamro_oud(w: _Waarden, regel: Regel) -> str:
    """ABN AMRO's pre-2014 text: short items in two columns, a long item wrapped at
    word boundaries over whole lines. Returned with its line breaks (the reader joins
    the lines of this unstructured text with a space)."""
    if regel.soort in ("kosten", "storting") and not w.iban:
        return "\n".join(_woorden(w.omschrijving or _TRTP[regel.soort]))
    items: list[str] = []
    if regel.soort == "incasso":
        items.append("SEPA INCASSO ALGEMEEN DOORLOPEND")
        items += [f"INCASSANT: {w.csid}"] if w.csid else []
        items += [f"NAAM: {w.naam}"] if w.naam else []
        items += [f"MACHTIGING: {w.marf}"] if w.marf else []
    else:
        items.append("SEPA OVERBOEKING" + (" BATCH" if regel.batch else ""))
    items += [f"IBAN: {w.iban}"] if w.iban else []
    items += [f"BIC: {w.bic}"] if w.bic else []
    if regel.soort != "incasso" and w.naam:
        items.append(f"NAAM: {w.naam}")
    items += [f"BETALINGSKENM.: {w.kenmerk}"] if w.kenmerk else []
    items += [f"OMSCHRIJVING: {w.omschrijving}"] if w.omschrijving else []
    items += [f"KENMERK: {w.eref}"] if w.eref else []
    regels: list[str] = []
    huidig = ""
    for item in items:
        if len(item) < _KOLOM and huidig and len(huidig) < _KOLOM:
            regels.append(huidig.ljust(_KOLOM) + item)
            huidig = ""
            continue
        if huidig:
            regels.append(huidig)
        stukken = _woorden(item)
        regels += stukken[:-1]
        huidig = stukken[-1]
    if huidig:
        regels.append(huidig)
    return "\n".join(regels)


def _woorden(tekst: str) -> list[str]:
    """Wrap at spaces into lines of at most 65 characters (a longer word is cut); a
    line never starts with ":" or "-" (a reader could take it for a field or the end)."""
    regels: list[str] = []
    for woord in tekst.split():
        while len(woord) > REGEL:
            regels.append(woord[:REGEL])
            woord = woord[REGEL:]
        if regels and len(regels[-1]) + 1 + len(woord) <= REGEL:
            regels[-1] += " " + woord
        elif regels and woord[0] in ":-":
            laatste, _, vorig = regels[-1].rpartition(" ")
            if laatste:
                regels[-1] = laatste
                regels.append(f"{vorig} {woord}")
            else:
                regels.append(woord)
        else:
            regels.append(woord)
    return regels or [""]


def veld86(inhoud: str, *, vast: bool = False) -> str:
    """`:86:` + the content in lines of at most 65 characters (`vast`: the content
    already has its line breaks)."""
    if vast:
        return ":86:" + inhoud.replace("\n", NL) + NL
    return ":86:" + NL.join(_knip(inhoud)) + NL


def _knip(tekst: str) -> list[str]:
    """Cut into lines of at most 65 characters, mid-word like the banks, but not next to
    a space and not before ":" or "-" (a reader joins the lines without separator)."""
    regels: list[str] = []
    begin = 0
    while len(tekst) - begin > REGEL:
        eind = begin + REGEL
        while eind > begin + 1 and (tekst[eind - 1] == " " or tekst[eind] in " :-"):
            eind -= 1
        regels.append(tekst[begin:eind])
        begin = eind
    regels.append(tekst[begin:])
    return regels


def rekening(iban: str) -> str:
    if not iban.isalnum() or not iban.isascii() or len(iban) > 34:
        raise ValueError(f"Rekeningnummer {iban!r} past niet in MT940.")
    return iban
