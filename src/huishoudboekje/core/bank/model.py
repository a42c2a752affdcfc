"""What a bank statement file contains, as plain frozen data.

Readers are *streaming*: `lees(stream)` yields, per statement in the file, one
`Afschriftkop`, then each `Transactie`, then one `Afschriftslot`. Memory stays flat in
the file size; the importer checks the balance (opening + entries = closing) as it goes.
Amounts are signed integer cents: positive = credit (money in on the municipal
account), negative = debit (money out).

Free texts are capped where a transaction is made, whatever the reader: a description
(remittance information) at OMSCHRIJVING_MAX characters, the raw source at BRON_MAX.
SEPA allows 140 characters per remittance line and MT940 :86: somewhat more, so a valid
file is never refused for a long text: the stored text is cut and ends in a mark that
says so ("[... ingekort, 5242880 tekens]").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

OMSCHRIJVING_MAX = 1000
BRON_MAX = 10_000


def ingekort(tekst: str, maximum: int) -> str:
    """`tekst`, or when longer than `maximum` characters its start with a mark saying it
    was cut and how long it was; never longer than `maximum`."""
    if len(tekst) <= maximum:
        return tekst
    merk = f" [... ingekort, {len(tekst)} tekens]"
    return tekst[: maximum - len(merk)].rstrip() + merk


class Bestandsfout(ValueError):
    """The file cannot be read. `plek` says where: a line number ("regel 12") or an
    element path ("Stmt[2]/Ntry[14]/Amt"). The message is Dutch and specific."""

    def __init__(self, melding: str, plek: str = "") -> None:
        super().__init__(f"{melding} ({plek})" if plek else melding)
        self.melding = melding
        self.plek = plek


@dataclass(frozen=True)
class Afschriftkop:
    """The start of one statement: account, identification and opening balance."""

    formaat: str  # e.g. "camt.053.001.02", "mt940"
    dialect: str  # "" for camt; "ing" | "rabobank" | "abnamro" | "bng" | "" for MT940
    rekening_iban: str  # the municipal account (compact, upper case)
    valuta: str  # ISO 4217, e.g. "EUR"
    afschrift_id: str  # camt Stmt/Id or MT940 :20: + :28C:
    volgnummer: str  # camt ElctrncSeqNb/LglSeqNb or MT940 :28C:
    aangemaakt: dt.datetime | None
    beginsaldo: int | None  # cents, signed; None when the file has none
    begindatum: dt.date | None
    eindsaldo: int | None  # camt gives it up front; MT940 only in the Afschriftslot
    einddatum: dt.date | None


@dataclass(frozen=True)
class Transactie:
    """One booked bank transaction (a camt TxDtls, or an MT940 :61:/:86: pair)."""

    bedrag: int  # signed cents: > 0 credit (in), < 0 debit (out); never 0
    boekdatum: dt.date
    valutadatum: dt.date | None
    tegen_iban: str  # compact upper case; "" when the bank gives none
    tegen_naam: str
    tegen_bic: str
    omschrijving: str  # remittance information, unstructured parts joined with " "
    betalingskenmerk: str  # structured creditor reference (camt CdtrRefInf / MT940 /CDTRREF/)
    end_to_end_id: str  # "" when absent or "NOTPROVIDED"
    mandaat_id: str  # direct debit mandate (camt MndtId / MT940 /MARF/)
    incassant_id: str  # creditor id (camt CdtrSchmeId / MT940 /CSID/)
    bankreferentie: str  # AcctSvcrRef (entry or tx) / MT940 :61: bank reference
    transactiecode: str  # camt BkTxCd (Domn/Fmly/SubFmlyCd or Prtry) / MT940 /TRTP/ or code
    bron: str  # the raw source: the XML element (Ntry) or the MT940 lines, as text
    retourreden: str = ""  # a returned payment's SEPA reason (camt RtrInf/Rsn, MT940 /RTRN/)

    def __post_init__(self) -> None:
        if len(self.omschrijving) > OMSCHRIJVING_MAX:
            object.__setattr__(
                self, "omschrijving", ingekort(self.omschrijving, OMSCHRIJVING_MAX)
            )
        if len(self.bron) > BRON_MAX:
            object.__setattr__(self, "bron", ingekort(self.bron, BRON_MAX))


@dataclass(frozen=True)
class Afschriftslot:
    """The end of one statement: closing balance and how many transactions were read.
    `beginsaldo`/`begindatum`: an opening balance read only after the kop was given
    (camt may put `Bal` after the entries); None otherwise."""

    eindsaldo: int | None
    einddatum: dt.date | None
    aantal: int
    beginsaldo: int | None = None
    begindatum: dt.date | None = None


Gebeurtenis = Afschriftkop | Transactie | Afschriftslot


class Lezer(Protocol):
    def __call__(self, stream: BinaryIO) -> Iterator[Gebeurtenis]: ...
