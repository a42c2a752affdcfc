"""Streaming reader for ISO 20022 camt.053 bank statements (001.02, 001.04, 001.08 and
other 001.xx versions).

Elements are matched on their local names, so the namespace version does not matter;
the version only goes into `Afschriftkop.formaat`. The file is read with lxml's
iterparse in a hardened configuration (see `_xml`): every `Ntry` is turned into
transactions on its end event and then removed from the tree, so memory stays flat
however many entries the file holds (only one `Ntry` is in memory at a time).

Per statement (`Stmt`) we yield one Afschriftkop, the Transacties, and one
Afschriftslot. The schema puts the header (`Acct`, `Bal`) before the entries; when a
bank puts `Bal` after the entries, the kop is still emitted at the first entry (with
the balances seen so far) and the closing balance arrives in the Afschriftslot.
A batch entry (one `Ntry` with several `TxDtls`) becomes one Transactie per `TxDtls`.
Only booked entries (status BOOK) are read; pending and informational ones are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from . import _xml
from ._gemeen import MAX_BYTES, BegrensdeStroom, Bron, centen, compact
from ._xml import Zoeker, lokaal, namespace
from .camt_boeking import Context, boekingen
from .model import Afschriftkop, Afschriftslot, Bestandsfout, Gebeurtenis

MAX_DIEPTE = 40
"""Deepest element nesting we accept. A camt.053.001.08 statement nests about 15 deep;
libxml2 itself stops at 256 without `huge_tree`."""

_NAMESPACE = re.compile(r"urn:iso:std:iso:20022:tech:xsd:(camt\.053\.001\.\d{2})$")

ANDER_BERICHT = {
    "camt.052": "een tussentijds rekeningrapport (camt.052)",
    "camt.054": "een debet-/creditnotificatie (camt.054)",
    "pain.001": "een betaalopdracht (pain.001)",
    "pain.002": "een statusrapport van een betaalopdracht (pain.002)",
    "pain.008": "een incasso-opdracht (pain.008)",
    "BkToCstmrAcctRpt": "een tussentijds rekeningrapport (camt.052)",
    "BkToCstmrDbtCdtNtfctn": "een debet-/creditnotificatie (camt.054)",
    "CstmrCdtTrfInitn": "een betaalopdracht (pain.001)",
    "CstmrPmtStsRpt": "een statusrapport van een betaalopdracht (pain.002)",
    "CstmrDrctDbtInitn": "een incasso-opdracht (pain.008)",
}


def ander_bericht_fout(soort: str) -> Bestandsfout:
    """The message for an ISO 20022 file that is not a camt.053 statement."""
    return Bestandsfout(
        f"Dit is {ANDER_BERICHT[soort]}, geen bankafschrift; lees een camt.053- of "
        "MT940-afschrift in"
    )


def soort_uit_namespace(namespace: str) -> str | None:
    """"camt.052" etc. when the namespace names another ISO 20022 message we know."""
    for soort in ("camt.052", "camt.054", "pain.001", "pain.002", "pain.008"):
        if f":{soort}." in namespace:
            return soort
    return None


_GEVOLGD = ["{*}GrpHdr", "{*}Stmt", "{*}Ntry"] + [
    "{*}" + naam for naam in ANDER_BERICHT if "." not in naam
]
"""The only elements iterparse reports to Python (on their end event); everything
else stays inside libxml2, which makes the pass several times faster. The statement
header is read when the first Ntry ends: by then its elements are complete."""


@dataclass
class _Afschrift:
    """What we know of the statement being read (mutable while reading)."""

    nummer: int
    element: Any
    diepte: int
    formaat: str
    z: Zoeker
    ns: str
    aangemaakt_bericht: dt.datetime | None
    afschrift_id: str = ""
    volgnummer: str = ""
    aangemaakt: dt.datetime | None = None
    iban: str = ""
    valuta: str = ""
    beginsaldo: int | None = None
    begindatum: dt.date | None = None
    eindsaldo: int | None = None
    einddatum: dt.date | None = None
    kop_gelezen: bool = False
    kop_gegeven: bool = False
    kop_beginsaldo: int | None = None  # the opening balance as given in the kop
    aantal: int = 0
    boekingen: int = 0

    @property
    def plek(self) -> str:
        return f"Stmt[{self.nummer}]"

    def kop(self) -> Afschriftkop:
        if not self.iban:
            raise Bestandsfout("Rekeningnummer van het afschrift (Acct/Id) ontbreekt", self.plek)
        self.kop_gegeven = True
        self.kop_beginsaldo = self.beginsaldo
        return Afschriftkop(
            formaat=self.formaat,
            dialect="",
            rekening_iban=self.iban,
            valuta=self.valuta,
            afschrift_id=self.afschrift_id,
            volgnummer=self.volgnummer,
            aangemaakt=self.aangemaakt or self.aangemaakt_bericht,
            beginsaldo=self.beginsaldo,
            begindatum=self.begindatum,
            eindsaldo=self.eindsaldo,
            einddatum=self.einddatum,
        )


def lees_camt(
    stream: Bron, *, max_bytes: int = MAX_BYTES, max_diepte: int = MAX_DIEPTE
) -> Iterator[Gebeurtenis]:
    """Read a camt.053 file: per Stmt an Afschriftkop, Transacties, an Afschriftslot.

    Raises Bestandsfout (with an element path or line) for anything malformed, for a
    DOCTYPE, for a file over `max_bytes`, or for a statement nested deeper than
    `max_diepte` (libxml2 itself refuses more than 256 levels anywhere)."""
    bron = _xml.ProloogWacht(BegrensdeStroom(stream, max_bytes))
    context = etree.iterparse(bron, events=("end",), tag=_GEVOLGD, **_xml.VEILIG)
    try:
        yield from _lees(context, max_diepte)
    except etree.XMLSyntaxError as exc:
        raise _xml.syntaxfout(exc, element_gezien=bron.element_gezien) from None


def _lees(context: Any, max_diepte: int) -> Iterator[Gebeurtenis]:
    formaat = ""
    afschrift: _Afschrift | None = None
    stmts = 0
    for _, element in context:
        if not formaat:
            formaat = _controleer_begin(element)
        naam = lokaal(element.tag)
        if naam in ANDER_BERICHT:
            raise ander_bericht_fout(naam)
        if naam == "Ntry":
            stmt = element.getparent()
            if afschrift is None or stmt is not afschrift.element:
                if not _is_afschrift(stmt):
                    raise _boeking_buiten_afschrift(element, stmts)
                stmts += 1
                afschrift = _nieuw_afschrift(stmts, stmt, formaat)
                _lees_kop(afschrift, element, max_diepte)
            yield from _boeking(afschrift, element, max_diepte)
        elif naam == "Stmt" and _is_afschrift(element):
            if afschrift is None or element is not afschrift.element:  # no entries
                stmts += 1
                afschrift = _nieuw_afschrift(stmts, element, formaat)
            yield from _einde_afschrift(afschrift, element, max_diepte)
            afschrift = None
    if not formaat and context.root is not None:
        formaat = _controleer_begin(context.root)
    if not formaat:
        raise Bestandsfout("Geen camt.053-afschrift (BkToCstmrStmt) gevonden")
    if not stmts:
        raise Bestandsfout("Het bestand bevat geen afschrift (Stmt)", "BkToCstmrStmt")


def _boeking_buiten_afschrift(ntry: Any, stmts: int) -> Bestandsfout:
    """An Ntry that is not a direct child of BkToCstmrStmt/Stmt belongs to no statement:
    its money would be in no balance check, so the whole file is refused."""
    ouder = ntry.getparent()
    keten = [] if ouder is None else [ouder, *ouder.iterancestors()]
    pad = "/".join(lokaal(e.tag) for e in reversed(keten)) or "de wortel van het document"
    na = f", na Stmt[{stmts}]" if stmts else ""
    return Bestandsfout(
        f"Boeking (Ntry) buiten een afschrift: de boeking staat in {pad[:120]} in plaats van "
        "direct in BkToCstmrStmt/Stmt en hoort bij geen enkel afschrift met saldi; het "
        "bestand is geweigerd, zodat er geen geld ongemerkt ontbreekt",
        f"regel {ntry.sourceline}{na}" if ntry.sourceline else na.lstrip(", "),
    )


def _is_afschrift(element: Any) -> bool:
    """A Stmt directly under BkToCstmrStmt (elsewhere the name means nothing to us)."""
    ouder = element.getparent() if element is not None else None
    return (
        ouder is not None
        and lokaal(element.tag) == "Stmt"
        and lokaal(ouder.tag) == "BkToCstmrStmt"
    )


def _controleer_begin(element: Any) -> str:
    """Check the document (no DOCTYPE, a camt.053 namespace, a statement message) on
    the first reported event; return the format name."""
    boom = element.getroottree()
    if boom.docinfo.doctype or boom.docinfo.internalDTD is not None:
        raise Bestandsfout(_xml.DOCTYPE_FOUT, "regel 1")
    root = boom.getroot()
    naam, ns = lokaal(root.tag), namespace(root.tag)
    soort = soort_uit_namespace(ns)
    if soort:
        raise ander_bericht_fout(soort)
    formaat = "camt.053"
    if ns:
        match = _NAMESPACE.match(ns)
        if not match:
            raise Bestandsfout(
                f"Onbekende XML-namespace {ns[:80]!r}: verwacht een camt.053-afschrift "
                "(urn:iso:std:iso:20022:tech:xsd:camt.053.001.xx)",
                f"regel {root.sourceline}",
            )
        formaat = match.group(1)
    bericht = lokaal(root[0].tag) if naam == "Document" and len(root) else naam
    if bericht in ANDER_BERICHT:
        raise ander_bericht_fout(bericht)
    if naam not in ("Document", "BkToCstmrStmt"):
        raise Bestandsfout(
            f"Geen camt.053-afschrift: onverwacht element <{naam[:40]}>",
            f"regel {root.sourceline}",
        )
    return formaat


def _nieuw_afschrift(nummer: int, stmt: Any, formaat: str) -> _Afschrift:
    ns = namespace(stmt.tag)
    z = Zoeker(ns)
    bericht = stmt.getparent()
    aangemaakt = _xml.tijdstip(z.tekst(bericht, "GrpHdr", "CreDtTm"), "GrpHdr/CreDtTm")
    diepte = sum(1 for _ in stmt.iterancestors()) + 1
    return _Afschrift(nummer, stmt, diepte, formaat, z, ns, aangemaakt)


def _controleer_diepte(afschrift: _Afschrift, element: Any, max_diepte: int, plek: str) -> None:
    """Refuse a child of Stmt with descendants deeper than `max_diepte` (the path
    "*/*/..." is evaluated inside libxml2, without a Python step per element)."""
    if _xml.te_diep(element, max_diepte - afschrift.diepte):
        raise Bestandsfout(f"Het XML-bestand is dieper genest dan {max_diepte} niveaus", plek)


def _lees_kop(afschrift: _Afschrift, tot: Any, max_diepte: int) -> None:
    """Read the statement header: the children of Stmt before `tot` (the first Ntry;
    None at the end of a statement without entries)."""
    afschrift.kop_gelezen = True
    for kind in afschrift.element:
        if kind is tot:
            break
        _controleer_diepte(afschrift, kind, max_diepte, afschrift.plek)
        _kind_van_stmt(afschrift, kind)


def _kind_van_stmt(afschrift: _Afschrift, element: Any) -> None:
    z = afschrift.z
    naam = lokaal(element.tag)
    if naam == "Id":
        afschrift.afschrift_id = z.tekst(element)
    elif naam == "ElctrncSeqNb" or (naam == "LglSeqNb" and not afschrift.volgnummer):
        afschrift.volgnummer = z.tekst(element)
    elif naam == "CreDtTm":
        afschrift.aangemaakt = _xml.tijdstip(z.tekst(element), f"{afschrift.plek}/CreDtTm")
    elif naam == "Acct":
        iban = z.tekst(element, "Id", "IBAN") or z.tekst(element, "Id", "Othr", "Id")
        afschrift.iban = compact(iban)
        afschrift.valuta = z.tekst(element, "Ccy").upper() or afschrift.valuta
    elif naam == "Bal":
        _saldo(afschrift, element)


def _boeking(afschrift: _Afschrift, ntry: Any, max_diepte: int) -> Iterator[Gebeurtenis]:
    """One finished Ntry: its Transacties (after the kop if not yet given)."""
    afschrift.boekingen += 1
    plek = f"{afschrift.plek}/Ntry[{afschrift.boekingen}]"
    _controleer_diepte(afschrift, ntry, max_diepte, plek)
    if afschrift.boekingen > 1:  # a Bal between entries (the header is read already)
        for vorige in ntry.itersiblings(preceding=True):
            soort = lokaal(vorige.tag)
            if soort == "Ntry":
                break
            if soort == "Bal":
                _saldo(afschrift, vorige)
    context = Context(afschrift.iban, afschrift.valuta, plek, afschrift.ns)
    transacties = boekingen(ntry, context)
    afschrift.valuta = afschrift.valuta or context.valuta
    _weg(ntry)
    if not afschrift.kop_gegeven:
        yield afschrift.kop()
    afschrift.aantal += len(transacties)
    yield from transacties


def _saldo(afschrift: _Afschrift, element: Any) -> None:
    """Record an opening (OPBD, else PRCD) or closing (CLBD) balance."""
    z = afschrift.z
    soort = z.tekst(element, "Tp", "CdOrPrtry", "Cd") or z.tekst(
        element, "Tp", "CdOrPrtry", "Prtry"
    )
    if soort not in ("OPBD", "PRCD", "CLBD"):
        return
    plek = f"{afschrift.plek}/Bal[{soort}]"
    bedrag_el = z.vind(element, "Amt")
    if bedrag_el is None:
        raise Bestandsfout("Saldo zonder bedrag", f"{plek}/Amt")
    bedrag = centen(bedrag_el.text or "", f"{plek}/Amt")
    valuta = str(bedrag_el.get("Ccy", "")).upper()
    if afschrift.valuta and valuta and valuta != afschrift.valuta:
        raise Bestandsfout(
            f"Saldo in {valuta[:3]} wijkt af van de valuta van het afschrift ({afschrift.valuta})",
            f"{plek}/Amt",
        )
    afschrift.valuta = afschrift.valuta or valuta
    teken = _teken(z.tekst(element, "CdtDbtInd"), f"{plek}/CdtDbtInd")
    dag = z.datum(z.vind(element, "Dt"), f"{plek}/Dt")
    if soort == "CLBD":
        afschrift.eindsaldo, afschrift.einddatum = teken * bedrag, dag
    elif soort == "OPBD" or afschrift.beginsaldo is None:
        afschrift.beginsaldo, afschrift.begindatum = teken * bedrag, dag


def _teken(indicator: str, plek: str) -> int:
    if indicator == "CRDT":
        return 1
    if indicator == "DBIT":
        return -1
    raise Bestandsfout(
        f"Credit/debet-indicator {indicator[:10]!r} is ongeldig (CRDT of DBIT)", plek
    )


def _einde_afschrift(afschrift: _Afschrift, stmt: Any, max_diepte: int) -> Iterator[Gebeurtenis]:
    if not afschrift.kop_gelezen:
        _lees_kop(afschrift, None, max_diepte)
    else:  # a Bal after the last entry
        for kind in stmt:
            if lokaal(kind.tag) == "Bal":
                _controleer_diepte(afschrift, kind, max_diepte, afschrift.plek)
                _saldo(afschrift, kind)
    if not afschrift.kop_gegeven:
        yield afschrift.kop()
    _weg(stmt)
    laat = afschrift.kop_beginsaldo is None and afschrift.beginsaldo is not None
    yield Afschriftslot(
        eindsaldo=afschrift.eindsaldo,
        einddatum=afschrift.einddatum,
        aantal=afschrift.aantal,
        # an opening balance that came after the kop was given (Bal after the entries)
        beginsaldo=afschrift.beginsaldo if laat else None,
        begindatum=afschrift.begindatum if laat else None,
    )


def _weg(element: Any) -> None:
    """Free a processed element and everything before it (keeps memory flat)."""
    element.clear()
    ouder = element.getparent()
    if ouder is not None:
        while element.getprevious() is not None:
            del ouder[0]
