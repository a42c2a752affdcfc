"""One camt `Ntry` (entry) to Transacties: amount and direction, dates, the
counterparty, references and remittance information, and the split of a batch entry
into one Transactie per `TxDtls`.

Kept apart from `camt` (the streaming loop) so each stays small; this module only sees
one finished `Ntry` element at a time. Fields are read with one XPath per element
(`_xml.Velden`); the names below say which camt element each one is.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ._gemeen import centen, compact
from ._xml import Velden, lokaal, tekst_van
from .model import Bestandsfout, Transactie


def _paden(**paden: str) -> dict[str, str]:
    return {naam: tekst_van(pad) for naam, pad in paden.items()}


_CODE = _paden(
    domein="BkTxCd/Domn/Cd",
    familie="BkTxCd/Domn/Fmly/Cd",
    subfamilie="BkTxCd/Domn/Fmly/SubFmlyCd",
    eigen_code="BkTxCd/Prtry/Cd",
)

_BKTXCD = Velden(
    _paden(domein="Domn/Cd", familie="Domn/Fmly/Cd", subfamilie="Domn/Fmly/SubFmlyCd",
           eigen_code="Prtry/Cd")
)


def _ntry_velden(ntry: Any, ns: str, plek: str) -> dict[str, str]:
    """The entry's own fields from one pass over its children (an Ntry is shallow; this
    is cheaper than an XPath per field and it runs once per entry)."""
    kinderen = {lokaal(kind.tag): kind for kind in ntry}
    v = {naam: _tekst(kinderen.get(naam)) for naam in _NTRY_TEKST}
    bedrag = kinderen.get("Amt")
    v["valuta"] = str(bedrag.get("Ccy", "")).strip() if bedrag is not None else ""
    for naam in ("Sts", "BookgDt", "ValDt"):  # a code or date inside a choice element
        element = kinderen.get(naam)
        if element is not None and not v[naam] and len(element):
            v[naam] = _tekst(element[0])
    code = kinderen.get("BkTxCd")
    v.update(_BKTXCD.lees(code, ns, plek) if code is not None else _GEEN_CODE)
    v["heeft_bedrag"] = "1" if bedrag is not None else "0"
    v["heeft_status"] = "1" if "Sts" in kinderen else "0"
    return v


_NTRY_TEKST = ("Amt", "CdtDbtInd", "RvslInd", "Sts", "BookgDt", "ValDt", "AcctSvcrRef",
               "AddtlNtryInf")
_GEEN_CODE = dict.fromkeys(("domein", "familie", "subfamilie", "eigen_code"), "")


def _tekst(element: Any) -> str:
    return str(element.text).strip() if element is not None and element.text else ""


_PARTIJ = {
    f"{kant}_{veld}": pad.format(kant=kant)
    for kant in ("Dbtr", "Cdtr")
    for veld, pad in {
        "naam": "RltdPties/{kant}/Nm",
        "pty_naam": "RltdPties/{kant}/Pty/Nm",
        "iban": "RltdPties/{kant}Acct/Id/IBAN",
        "othr": "RltdPties/{kant}Acct/Id/Othr/Id",
        "bic": "RltdAgts/{kant}Agt/FinInstnId/BIC",
        "bicfi": "RltdAgts/{kant}Agt/FinInstnId/BICFI",
    }.items()
}

_TX = Velden({
    **_paden(
        bedrag="Amt", valuta="Amt/@Ccy", txbedrag="AmtDtls/TxAmt/Amt",
        txvaluta="AmtDtls/TxAmt/Amt/@Ccy", teken="CdtDbtInd",
        eind="Refs/EndToEndId", mandaat="Refs/MndtId", referentie="Refs/AcctSvcrRef",
        kenmerk="RmtInf/Strd/CdtrRefInf/Ref", vrij="RmtInf/Ustrd",
        extra="RmtInf/Strd/AddtlRmtInf", aanvulling="AddtlTxInf",
        retour="RtrInf/Rsn/Cd", retour_eigen="RtrInf/Rsn/Prtry",
        **_PARTIJ,
    ),
    **_CODE,
    "heeft_bedrag": "count(n:Amt)",
    "heeft_txbedrag": "count(n:AmtDtls/n:TxAmt/n:Amt)",
    "aantal_vrij": "count(n:RmtInf/n:Ustrd)",
    "incassant": "string(n:RltdPties/n:Cdtr//n:Othr"
    "[n:SchmeNm/n:Prtry='SEPA' or n:SchmeNm/n:Cd='SEPA']/n:Id)",
    "schema_id": "string(.//n:CdtrSchmeId//n:Othr/n:Id)",
})


@dataclass
class Context:
    """What an entry needs from its statement; `valuta` is filled in from the first
    entry when the statement header did not give a currency."""

    iban: str
    valuta: str
    plek: str
    ns: str


@dataclass(frozen=True)
class _Ingang:
    """Entry-level data that a TxDtls inherits when it has none of its own."""

    teken: int
    boekdatum: dt.date
    valutadatum: dt.date | None
    omkering: bool
    bankreferentie: str
    transactiecode: str
    info: str
    bron: str


def boekingen(ntry: Any, context: Context) -> list[Transactie]:
    """The Transacties of one entry; [] for an entry that is not booked (PDNG, INFO)
    or whose amount is zero. Raises Bestandsfout with the element path."""
    plek = context.plek
    v = _ntry_velden(ntry, context.ns, plek)
    if v["heeft_status"] == "0":
        raise Bestandsfout("Boeking zonder status (Sts)", f"{plek}/Sts")
    if v["Sts"].upper() != "BOOK":
        return []
    if v["heeft_bedrag"] == "0":
        raise Bestandsfout("Boeking zonder bedrag", f"{plek}/Amt")
    bedrag = _bedrag(v["Amt"], v["valuta"], context, f"{plek}/Amt")
    teken = _teken(v["CdtDbtInd"], f"{plek}/CdtDbtInd")
    valutadatum = _datum(v["ValDt"], f"{plek}/ValDt")
    boekdatum = _datum(v["BookgDt"], f"{plek}/BookgDt") or valutadatum
    if boekdatum is None:
        raise Bestandsfout("Boeking zonder boekdatum (BookgDt)", plek)
    ingang = _Ingang(
        teken=teken,
        boekdatum=boekdatum,
        valutadatum=valutadatum,
        omkering=v["RvslInd"].lower() in ("true", "1"),
        bankreferentie=v["AcctSvcrRef"],
        transactiecode=_code(v),
        info=" ".join(v["AddtlNtryInf"].split()),
        bron=etree.tostring(ntry, encoding="unicode"),
    )
    details = ntry.findall(_pad(context.ns, "NtryDtls", "TxDtls"))
    if not details:
        return [_transactie(None, None, teken * bedrag, ingang, context)] if bedrag else []
    velden = [_TX.lees(tx, context.ns, f"{plek}/TxDtls[{i}]") for i, tx in enumerate(details, 1)]
    bedragen = [
        _deelbedrag(w, ingang, context, f"{plek}/TxDtls[{i}]") for i, w in enumerate(velden, 1)
    ]
    if len(details) == 1 and bedragen[0] is None:
        bedragen = [teken * bedrag]
    if any(b is None for b in bedragen):
        raise Bestandsfout(
            f"Batchboeking met {len(details)} deelposten zonder bedrag per deelpost "
            "(TxDtls/Amt of AmtDtls/TxAmt/Amt); kan niet per transactie worden ingelezen",
            plek,
        )
    totaal = sum(b for b in bedragen if b is not None)
    if totaal != teken * bedrag:
        raise Bestandsfout(
            f"De bedragen van de deelposten (samen {totaal / 100:.2f}) tellen niet op tot "
            f"het bedrag van de boeking ({teken * bedrag / 100:.2f})",
            plek,
        )
    return [
        _transactie(tx, w, b, ingang, context)
        for tx, w, b in zip(details, velden, bedragen, strict=True)
        if b
    ]


@functools.lru_cache(maxsize=64)
def _pad(ns: str, *namen: str) -> str:
    voorvoegsel = f"{{{ns}}}" if ns else ""
    return "/".join(voorvoegsel + naam for naam in namen)


def _teken(indicator: str, plek: str) -> int:
    if indicator == "CRDT":
        return 1
    if indicator == "DBIT":
        return -1
    raise Bestandsfout(
        f"Credit/debet-indicator {indicator[:10]!r} is ongeldig (CRDT of DBIT)", plek
    )


def _datum(waarde: str, plek: str) -> dt.date | None:
    if not waarde:
        return None
    try:
        return dt.date.fromisoformat(waarde[:10])
    except ValueError as exc:
        raise Bestandsfout(f"Ongeldige datum {waarde[:30]!r}", plek) from exc


def _bedrag(tekst: str, valuta: str, context: Context, plek: str) -> int:
    """Unsigned cents of an Amt; its currency must be the statement's."""
    valuta = valuta.upper()
    if context.valuta and valuta and valuta != context.valuta:
        raise Bestandsfout(
            f"Boeking in {valuta[:3]} terwijl het afschrift in {context.valuta} is", plek
        )
    context.valuta = context.valuta or valuta
    return centen(tekst, plek)


def _deelbedrag(v: dict[str, str], ingang: _Ingang, context: Context, plek: str) -> int | None:
    """Signed cents of one TxDtls, or None when it gives no amount of its own."""
    if v["heeft_bedrag"] != "0":
        bedrag = _bedrag(v["bedrag"], v["valuta"], context, f"{plek}/Amt")
    elif v["heeft_txbedrag"] != "0":
        bedrag = _bedrag(v["txbedrag"], v["txvaluta"], context, f"{plek}/AmtDtls/TxAmt/Amt")
    else:
        return None
    teken = _teken(v["teken"], f"{plek}/CdtDbtInd") if v["teken"] else ingang.teken
    return teken * bedrag


def _code(v: dict[str, str]) -> str:
    """Bank transaction code: Domn/Fmly/SubFmly as "PMNT/RCDT/ESCT", else Prtry/Cd."""
    if v["domein"] and v["familie"] and v["subfamilie"]:
        return f"{v['domein']}/{v['familie']}/{v['subfamilie']}"
    return v["eigen_code"]


def _transactie(
    tx: Any, v: dict[str, str] | None, bedrag: int, ingang: _Ingang, context: Context
) -> Transactie:
    if tx is None or v is None:
        return Transactie(
            bedrag=bedrag, boekdatum=ingang.boekdatum, valutadatum=ingang.valutadatum,
            tegen_iban="", tegen_naam="", tegen_bic="", omschrijving=ingang.info,
            betalingskenmerk="", end_to_end_id="", mandaat_id="", incassant_id="",
            bankreferentie=ingang.bankreferentie, transactiecode=ingang.transactiecode,
            bron=ingang.bron,
        )
    iban, naam, bic = _tegenpartij(v, bedrag > 0, ingang.omkering, context.iban)
    omschrijving = _omschrijving(tx, v, context.ns) or ingang.info
    return Transactie(
        bedrag=bedrag,
        boekdatum=ingang.boekdatum,
        valutadatum=ingang.valutadatum,
        tegen_iban=iban,
        tegen_naam=naam,
        tegen_bic=bic,
        omschrijving=omschrijving,
        betalingskenmerk=v["kenmerk"],
        end_to_end_id="" if v["eind"].upper() == "NOTPROVIDED" else v["eind"],
        mandaat_id=v["mandaat"],
        incassant_id=v["incassant"] or v["schema_id"],
        bankreferentie=v["referentie"] or ingang.bankreferentie,
        transactiecode=_code(v) or ingang.transactiecode,
        bron=ingang.bron,
        retourreden=(v["retour"] or v["retour_eigen"])[:35],
    )


def _partij(v: dict[str, str], kant: str) -> tuple[str, str, str]:
    """(iban, name, bic) of the Dbtr or Cdtr side of a TxDtls (001.08 nests the
    name in Pty, and 001.04+ calls the BIC BICFI)."""
    naam = v[f"{kant}_naam"] or v[f"{kant}_pty_naam"]
    iban = compact(v[f"{kant}_iban"] or v[f"{kant}_othr"])
    bic = compact(v[f"{kant}_bic"] or v[f"{kant}_bicfi"])
    return iban, " ".join(naam.split()), bic


def _tegenpartij(
    v: dict[str, str], credit: bool, omkering: bool, eigen: str
) -> tuple[str, str, str]:
    """The other party: the debtor for money in, the creditor for money out.

    A reversal (RvslInd) or a return keeps the parties of the original payment, so we
    take the side that is not our own account when the expected side is us or empty."""
    voorkeur = "Dbtr" if credit != omkering else "Cdtr"
    andere = "Cdtr" if voorkeur == "Dbtr" else "Dbtr"
    eerste, tweede = _partij(v, voorkeur), _partij(v, andere)
    for kandidaat in (eerste, tweede):
        if (kandidaat[0] or kandidaat[1]) and (not eigen or kandidaat[0] != eigen):
            return kandidaat
    return eerste


def _omschrijving(tx: Any, v: dict[str, str], ns: str) -> str:
    """Unstructured remittance (all Ustrd joined), else Strd/AddtlRmtInf, else
    AddtlTxInf."""
    if v["aantal_vrij"] not in ("0", "1"):
        delen = [e.text for e in tx.iterfind(_pad(ns, "RmtInf", "Ustrd")) if e.text]
        return " ".join(" ".join(deel.split()) for deel in delen if deel.strip())
    for veld in ("vrij", "extra", "aanvulling"):
        if v[veld]:
            return " ".join(v[veld].split())
    return ""
