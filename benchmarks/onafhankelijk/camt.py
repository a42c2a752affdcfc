"""A small camt.053.001.02 writer (the version Dutch banks send), from the ISO 20022
message definition: GrpHdr, one Stmt per file with OPBD and CLBD balances, one Ntry
per payment with its own AcctSvcrRef and BkTxCd, and NtryDtls/TxDtls holding Refs
(EndToEndId, MndtId), RltdPties (Dbtr/Cdtr with account), RltdAgts and RmtInf (Ustrd,
or Strd/CdtrRefInf with a SCOR reference). Written as text in schema order: no
dependency, and the output is exactly what we mean it to be."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import BinaryIO
from xml.sax.saxutils import escape

from .boeking import Boeking

NS = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"


def _bedrag(centen: int) -> str:
    return f"{abs(centen) // 100}.{abs(centen) % 100:02d}"


def _saldo(code: str, centen: int, datum: dt.date) -> str:
    teken = "CRDT" if centen >= 0 else "DBIT"
    return (
        f"<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp>"
        f'<Amt Ccy="EUR">{_bedrag(centen)}</Amt><CdtDbtInd>{teken}</CdtDbtInd>'
        f"<Dt><Dt>{datum.isoformat()}</Dt></Dt></Bal>"
    )


def _partij(rol: str, naam: str, iban: str, incassant: str = "") -> str:
    x = f"<{rol}><Nm>{escape(naam[:70])}</Nm>"
    if incassant:
        x += (
            f"<Id><PrvtId><Othr><Id>{incassant}</Id><SchmeNm><Prtry>SEPA</Prtry></SchmeNm>"
            "</Othr></PrvtId></Id>"
        )
    x += f"</{rol}>"
    if iban:
        x += f"<{rol}Acct><Id><IBAN>{iban}</IBAN></Id></{rol}Acct>"
    return x


def _ntry(b: Boeking, eigen_iban: str, eigen_naam: str) -> str:
    credit = b.bedrag > 0
    if not b.tegen_iban:
        code = ("ACMT", "MDOP", "CHRG")
    elif b.incasso:
        code = ("PMNT", "IDDT", "ESDD")
    else:
        code = ("PMNT", "RCDT", "ESCT") if credit else ("PMNT", "ICDT", "ESCT")
    refs = f"<EndToEndId>{escape(b.eref or 'NOTPROVIDED')}</EndToEndId>"
    if b.mandaat:
        refs += f"<MndtId>{escape(b.mandaat)}</MndtId>"
    tegen = _partij("Dbtr" if credit else "Cdtr", b.tegen_naam, b.tegen_iban, b.incassant)
    eigen = _partij("Cdtr" if credit else "Dbtr", eigen_naam, eigen_iban)
    partijen = tegen + eigen if credit else eigen + tegen
    agent = ""
    if b.tegen_bic:
        rol = "DbtrAgt" if credit else "CdtrAgt"
        agent = (
            f"<RltdAgts><{rol}><FinInstnId><BIC>{b.tegen_bic}</BIC></FinInstnId></{rol}></RltdAgts>"
        )
    if b.kenmerk:
        rmt = (
            "<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>CUR</Issr>"
            f"</Tp><Ref>{escape(b.kenmerk)}</Ref></CdtrRefInf></Strd></RmtInf>"
        )
    else:
        rmt = f"<RmtInf><Ustrd>{escape(b.omschrijving)}</Ustrd></RmtInf>" if b.omschrijving else ""
    d = b.datum.isoformat()
    return (
        f'<Ntry><Amt Ccy="EUR">{_bedrag(b.bedrag)}</Amt>'
        f"<CdtDbtInd>{'CRDT' if credit else 'DBIT'}</CdtDbtInd><Sts>BOOK</Sts>"
        f"<BookgDt><Dt>{d}</Dt></BookgDt><ValDt><Dt>{d}</Dt></ValDt>"
        f"<AcctSvcrRef>{b.bankreferentie}</AcctSvcrRef>"
        f"<BkTxCd><Domn><Cd>{code[0]}</Cd><Fmly><Cd>{code[1]}</Cd><SubFmlyCd>{code[2]}"
        "</SubFmlyCd></Fmly></Domn></BkTxCd>"
        f"<NtryDtls><TxDtls><Refs>{refs}</Refs>"
        f'<AmtDtls><TxAmt><Amt Ccy="EUR">{_bedrag(b.bedrag)}</Amt></TxAmt></AmtDtls>'
        f"<RltdPties>{partijen}</RltdPties>{agent}{rmt}</TxDtls></NtryDtls></Ntry>"
    )


def schrijf_camt(
    uit: BinaryIO,
    *,
    iban: str,
    bic: str,
    naam: str,
    afschrift_id: str,
    volgnummer: int,
    datum: dt.date,
    beginsaldo: int,
    boekingen: Sequence[Boeking],
) -> int:
    """Write one statement of `datum`; returns the closing balance."""
    eindsaldo = beginsaldo + sum(b.bedrag for b in boekingen)
    tijd = f"{datum.isoformat()}T20:15:00"
    kop = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="{NS}"><BkToCstmrStmt>'
        f"<GrpHdr><MsgId>{afschrift_id}</MsgId><CreDtTm>{tijd}</CreDtTm></GrpHdr>"
        f"<Stmt><Id>{afschrift_id}</Id><ElctrncSeqNb>{volgnummer}</ElctrncSeqNb>"
        f"<CreDtTm>{tijd}</CreDtTm><FrToDt><FrDtTm>{datum.isoformat()}T00:00:00</FrDtTm>"
        f"<ToDtTm>{datum.isoformat()}T23:59:59</ToDtTm></FrToDt>"
        f"<Acct><Id><IBAN>{iban}</IBAN></Id><Ccy>EUR</Ccy>"
        f"<Svcr><FinInstnId><BIC>{bic}</BIC></FinInstnId></Svcr></Acct>"
        f"{_saldo('OPBD', beginsaldo, datum - dt.timedelta(days=1))}"
        f"{_saldo('CLBD', eindsaldo, datum)}"
    )
    uit.write(kop.encode())
    for b in boekingen:
        uit.write(("\n" + _ntry(b, iban, naam)).encode())
    uit.write(b"\n</Stmt></BkToCstmrStmt></Document>\n")
    return eindsaldo
