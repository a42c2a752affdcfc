"""camt.053 writer (001.02, 001.04, 001.08), streaming, schema-conformant.

The versions differ in a few places only, and those are the places readers trip over:
the amount of a TxDtls (001.02 `AmtDtls/TxAmt/Amt`, later `Amt` + `CdtDbtInd`), the
status (001.08 `Sts/Cd`), parties (001.08 `Dbtr/Pty/Nm`) and agent BICs (`BIC` in
001.02, `BICFI` later). Text is formatted by hand with f-strings: an XML library would
need the whole tree or a much slower incremental API, and the structure is fixed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .model import Afschriftkop, Transactie
from .schrijven import (
    NAAM_MAX_CAMT,
    OMSCHRIJVING_MAX,
    Batch,
    Buffer,
    Post,
    TeSchrijvenAfschrift,
    Uitvoer,
    controleer_eindsaldo,
    controleer_kop,
    controleer_post,
    controleer_som,
    euro,
    soort_code,
    tekst_camt,
    xml_escape,
)

VERSIES = ("001.02", "001.04", "001.08")
_IBAN = re.compile(r"[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}")
_BIC = re.compile(r"[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?")
_MAX35 = 35


@dataclass(frozen=True)
class _Versie:
    """What differs between the versions."""

    naam: str
    tx_bedrag_los: bool  # TxDtls/Amt + CdtDbtInd (001.04+) instead of AmtDtls/TxAmt/Amt
    status: str
    bic: str  # element name of a BIC in FinInstnId
    partij_in_pty: bool  # 001.08: Dbtr/Pty/Nm

    def partij(self, inhoud: str) -> str:
        return f"<Pty>{inhoud}</Pty>" if self.partij_in_pty else inhoud


_VERSIES = {
    "001.02": _Versie("001.02", False, "<Sts>BOOK</Sts>", "BIC", False),
    "001.04": _Versie("001.04", True, "<Sts>BOOK</Sts>", "BICFI", False),
    "001.08": _Versie("001.08", True, "<Sts><Cd>BOOK</Cd></Sts>", "BICFI", True),
}


def schrijf(uit: Uitvoer, afschriften: Iterable[TeSchrijvenAfschrift], versie: str) -> int:
    """One Document with a GrpHdr and a Stmt per afschrift; returns the transaction count."""
    if versie not in _VERSIES:
        raise ValueError(f"Onbekende camt.053-versie {versie!r}; kies uit {', '.join(VERSIES)}.")
    v = _VERSIES[versie]
    reeks = iter(afschriften)
    eerste = next(reeks, None)
    if eerste is None:
        raise ValueError("Geen afschriften: een camt.053-bestand heeft er minstens één.")
    buffer = Buffer(uit)
    aangemaakt = _tijdstip(eerste.kop)
    bericht = _id(f"CAMT053-{eerste.kop.afschrift_id}", "MsgId")
    buffer.schrijf(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.{versie}" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"<BkToCstmrStmt>\n<GrpHdr><MsgId>{bericht}</MsgId>"
        f"<CreDtTm>{aangemaakt}</CreDtTm></GrpHdr>\n"
    )
    aantal = _stmt(buffer, eerste, v)
    for afschrift in reeks:
        aantal += _stmt(buffer, afschrift, v)
    buffer.schrijf("</BkToCstmrStmt>\n</Document>\n")
    buffer.leeg()
    return aantal


def _stmt(buffer: Buffer, afschrift: TeSchrijvenAfschrift, v: _Versie) -> int:
    kop = afschrift.kop
    begin, begindatum = controleer_kop(kop)
    posten: Iterable[Post] = afschrift.transacties
    eindsaldo, einddatum = kop.eindsaldo, kop.einddatum
    if eindsaldo is None or einddatum is None:
        # the closing balance precedes the entries in camt: collect this statement first
        lijst = list(posten)
        posten = lijst
        som = sum(p.bedrag for p in lijst)
        eindsaldo = controleer_eindsaldo(kop, begin, som)
        einddatum = einddatum or max((p.boekdatum for p in lijst), default=begindatum)
    volgnummer = ""
    if kop.volgnummer:
        if not kop.volgnummer.isdigit() or len(kop.volgnummer) > 18:
            raise ValueError(f"Volgnummer {kop.volgnummer!r} is geen getal (ElctrncSeqNb).")
        volgnummer = f"<ElctrncSeqNb>{int(kop.volgnummer)}</ElctrncSeqNb>"
    valuta = _valuta(kop.valuta)
    buffer.schrijf(
        f"<Stmt>\n<Id>{_id(kop.afschrift_id, 'Stmt/Id')}</Id>{volgnummer}"
        f"<CreDtTm>{_tijdstip(kop)}</CreDtTm>"
        f"<FrToDt><FrDtTm>{einddatum.isoformat()}T00:00:00</FrDtTm>"
        f"<ToDtTm>{einddatum.isoformat()}T23:59:59</ToDtTm></FrToDt>\n"
        f"<Acct><Id>{_rekening(kop.rekening_iban)}</Id><Ccy>{valuta}</Ccy>"
        f"{_beheerder(kop.rekening_iban, v)}</Acct>\n"
        f"{_saldo('OPBD', begin, begindatum, valuta)}"
        f"{_saldo('CLBD', eindsaldo, einddatum, valuta)}"
        f"{_saldo('CLAV', eindsaldo, einddatum, valuta)}"
    )
    som = 0
    aantal = 0
    for post in posten:
        controleer_post(post, kop.afschrift_id)
        som += post.bedrag
        if isinstance(post, Batch):
            buffer.schrijf(_batch(post, v, valuta))
            aantal += len(post.onderdelen)
        else:
            buffer.schrijf(_ntry(post, v, valuta))
            aantal += 1
    controleer_som(kop.afschrift_id, begin, som, eindsaldo)
    buffer.schrijf("</Stmt>\n")
    return aantal


def _saldo(soort: str, bedrag: int, datum: dt.date, valuta: str) -> str:
    teken = "CRDT" if bedrag >= 0 else "DBIT"
    return (
        f"<Bal><Tp><CdOrPrtry><Cd>{soort}</Cd></CdOrPrtry></Tp>"
        f'<Amt Ccy="{valuta}">{euro(bedrag)}</Amt><CdtDbtInd>{teken}</CdtDbtInd>'
        f"<Dt><Dt>{datum.isoformat()}</Dt></Dt></Bal>\n"
    )


def _ntry_kop(bedrag: int, boekdatum: dt.date, valutadatum: dt.date | None, ref: str,
              code: str, v: _Versie, valuta: str) -> str:
    valdt = f"<ValDt><Dt>{valutadatum.isoformat()}</Dt></ValDt>" if valutadatum else ""
    refel = f"<AcctSvcrRef>{_id(ref, 'AcctSvcrRef')}</AcctSvcrRef>" if ref else ""
    return (
        f'<Ntry><Amt Ccy="{valuta}">{euro(bedrag)}</Amt>'
        f"<CdtDbtInd>{'CRDT' if bedrag > 0 else 'DBIT'}</CdtDbtInd>{v.status}"
        f"<BookgDt><Dt>{boekdatum.isoformat()}</Dt></BookgDt>{valdt}{refel}"
        f"{_bktxcd(code)}"
    )


def _ntry(t: Transactie, v: _Versie, valuta: str) -> str:
    kop = _ntry_kop(
        t.bedrag, t.boekdatum, t.valutadatum, t.bankreferentie, soort_code(t), v, valuta
    )
    return f"{kop}<NtryDtls>{_txdtls(t, v, valuta, eigen_ref=False)}</NtryDtls></Ntry>\n"


def _batch(batch: Batch, v: _Versie, valuta: str) -> str:
    eerste = batch.onderdelen[0]
    kop = _ntry_kop(
        batch.bedrag, batch.boekdatum, eerste.valutadatum, batch.bankreferentie,
        soort_code(eerste), v, valuta,
    )
    pmtinf = (
        f"<PmtInfId>{_id(batch.betaalinformatie_id, 'PmtInfId')}</PmtInfId>"
        if batch.betaalinformatie_id else ""
    )
    btch = (
        f"<Btch>{pmtinf}<NbOfTxs>{len(batch.onderdelen)}</NbOfTxs>"
        f'<TtlAmt Ccy="{valuta}">{euro(batch.bedrag)}</TtlAmt>'
        f"<CdtDbtInd>{'CRDT' if batch.bedrag > 0 else 'DBIT'}</CdtDbtInd></Btch>"
    )
    delen = "".join(_txdtls(t, v, valuta, eigen_ref=True) for t in batch.onderdelen)
    return f"{kop}<NtryDtls>{btch}{delen}</NtryDtls></Ntry>\n"


def _bktxcd(code: str) -> str:
    domein, familie, sub = _bktxcd_delen(code)
    return (
        f"<BkTxCd><Domn><Cd>{domein}</Cd><Fmly><Cd>{familie}</Cd>"
        f"<SubFmlyCd>{sub}</SubFmlyCd></Fmly></Domn></BkTxCd>"
    )


@lru_cache(maxsize=64)
def _bktxcd_delen(code: str) -> tuple[str, str, str]:
    domein, familie, sub = code.split("/")
    return domein, familie, sub


def _txdtls(t: Transactie, v: _Versie, valuta: str, *, eigen_ref: bool) -> str:
    delen: list[str] = ["<TxDtls>"]
    refs = []
    if eigen_ref and t.bankreferentie:
        refs.append(f"<AcctSvcrRef>{_id(t.bankreferentie, 'AcctSvcrRef')}</AcctSvcrRef>")
    code = soort_code(t)
    if t.end_to_end_id:
        refs.append(f"<EndToEndId>{_id(t.end_to_end_id, 'EndToEndId')}</EndToEndId>")
    elif code.startswith("PMNT/") and (t.tegen_iban or t.mandaat_id):
        refs.append("<EndToEndId>NOTPROVIDED</EndToEndId>")
    if t.mandaat_id:
        refs.append(f"<MndtId>{_id(t.mandaat_id, 'MndtId')}</MndtId>")
    if refs:
        delen.append(f"<Refs>{''.join(refs)}</Refs>")
    bedrag = f'<Amt Ccy="{valuta}">{euro(t.bedrag)}</Amt>'
    if v.tx_bedrag_los:
        delen.append(f"{bedrag}<CdtDbtInd>{'CRDT' if t.bedrag > 0 else 'DBIT'}</CdtDbtInd>")
    else:
        delen.append(f"<AmtDtls><TxAmt>{bedrag}</TxAmt></AmtDtls>")
    delen.append(_partijen(t, v))
    if t.tegen_bic:
        if not _BIC.fullmatch(t.tegen_bic):
            raise ValueError(f"Ongeldige BIC {t.tegen_bic!r}.")
        agent = "DbtrAgt" if t.bedrag > 0 else "CdtrAgt"
        delen.append(
            f"<RltdAgts><{agent}><FinInstnId><{v.bic}>{t.tegen_bic}</{v.bic}></FinInstnId>"
            f"</{agent}></RltdAgts>"
        )
    delen.append(_rmtinf(t))
    if t.retourreden:
        soort = "Cd" if len(t.retourreden) <= 4 else "Prtry"  # ExternalReturnReason1Code: 4
        delen.append(
            f"<RtrInf><Rsn><{soort}>{_id(t.retourreden, 'RtrInf')}</{soort}></Rsn></RtrInf>"
        )
    delen.append("</TxDtls>")
    return "".join(delen)


def _partijen(t: Transactie, v: _Versie) -> str:
    naam = tekst_camt(t.tegen_naam, NAAM_MAX_CAMT)
    nm = f"<Nm>{xml_escape(naam)}</Nm>" if naam else ""
    rekening = _rekening(t.tegen_iban) if t.tegen_iban else ""
    incassant = (
        f"<Id><PrvtId><Othr><Id>{_id(t.incassant_id, 'Cdtr/Id')}</Id>"
        "<SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id>"
        if t.incassant_id else ""
    )
    delen: list[str] = []
    if t.bedrag > 0:
        if nm:
            delen.append(f"<Dbtr>{v.partij(nm)}</Dbtr>")
        if rekening:
            delen.append(f"<DbtrAcct><Id>{rekening}</Id></DbtrAcct>")
        if incassant:  # e.g. a refunded direct debit: the creditor is still the other party
            delen.append(f"<Cdtr>{v.partij(incassant)}</Cdtr>")
    else:
        if nm or incassant:
            delen.append(f"<Cdtr>{v.partij(nm + incassant)}</Cdtr>")
        if rekening:
            delen.append(f"<CdtrAcct><Id>{rekening}</Id></CdtrAcct>")
    return f"<RltdPties>{''.join(delen)}</RltdPties>" if delen else ""


def _rmtinf(t: Transactie) -> str:
    omschrijving = tekst_camt(t.omschrijving, OMSCHRIJVING_MAX)
    ustrd = f"<Ustrd>{xml_escape(omschrijving)}</Ustrd>" if omschrijving else ""
    strd = ""
    if t.betalingskenmerk:
        strd = (
            "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>CUR</Issr></Tp>"
            f"<Ref>{_id(t.betalingskenmerk, 'CdtrRefInf/Ref')}</Ref></CdtrRefInf></Strd>"
        )
    return f"<RmtInf>{ustrd}{strd}</RmtInf>" if ustrd or strd else ""


def _rekening(nummer: str) -> str:
    if _IBAN.fullmatch(nummer):
        return f"<IBAN>{nummer}</IBAN>"
    if not nummer or len(nummer) > 34:
        raise ValueError(f"Ongeldig rekeningnummer {nummer!r}.")
    return f"<Othr><Id>{xml_escape(nummer)}</Id></Othr>"


@lru_cache(maxsize=256)
def _beheerder(iban: str, v: _Versie) -> str:
    """Acct/Svcr: the BIC of the bank holding the account, when schwifty knows it."""
    from schwifty import IBAN
    from schwifty.exceptions import SchwiftyException

    try:
        bic = IBAN(iban).bic
    except (SchwiftyException, ValueError):
        return ""
    if bic is None or not _BIC.fullmatch(str(bic)):
        return ""
    return f"<Svcr><FinInstnId><{v.bic}>{bic}</{v.bic}></FinInstnId></Svcr>"


def _valuta(valuta: str) -> str:
    if not re.fullmatch(r"[A-Z]{3}", valuta):
        raise ValueError(f"Ongeldige valuta {valuta!r} (ISO 4217, bijv. EUR).")
    return valuta


def _id(waarde: str, veld: str) -> str:
    """A Max35Text identifier, escaped; refused when too long or blank."""
    if not waarde.strip() or len(waarde) > _MAX35:
        raise ValueError(f"{veld} {waarde!r} moet 1 tot en met 35 tekens zijn.")
    return xml_escape(waarde)


def _tijdstip(kop: Afschriftkop) -> str:
    """CreDtTm: the kop's, else the end of the statement day (deterministic, no clock)."""
    if kop.aangemaakt is not None:
        return kop.aangemaakt.replace(microsecond=0).isoformat()
    dag = kop.einddatum or kop.begindatum or dt.date(2000, 1, 1)
    return f"{dag.isoformat()}T23:00:00"
