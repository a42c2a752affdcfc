"""Writers for bank statement files: camt.053 (001.02, 001.04, 001.08) and MT940 in the
dialects of ING, Rabobank, ABN AMRO and BNG Bank.

The demo generator and the tests use them to produce the files the readers must
understand, so they follow what the banks really send, not a minimal subset. They are
streaming: statements and their transactions may be iterators, every entry is formatted
and written on its own (in chunks of about 64 kB), and nothing holds the whole file.

Input is the shared data model: a `TeSchrijvenAfschrift` is an `Afschriftkop` with its
transactions; a `Batch` groups transactions that the bank books as one entry (camt: one
`Ntry` with a `TxDtls` per part; MT940: one `:61:` for the total). The closing balance
is the kop's `eindsaldo` (checked against opening + entries) or, when None, computed.
`Transactie.bron` is ignored.

What each format can carry (the round-trip rule the tests check):
- camt: text as `tekst_camt` gives it (whitespace collapsed, characters XML 1.0 cannot
  hold dropped, names and descriptions cut at 140 characters).
- MT940: text as `tekst_mt940` gives it (accents dropped, only the SWIFT character set,
  "/" becomes "-", names cut at 70 and descriptions at 140 characters); Rabobank gives
  no BIC of the counterparty; ING puts a payment reference (betalingskenmerk) in place
  of the description; a batch is one transaction for its total.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, Protocol

from .model import Afschriftkop, Transactie

__all__ = [
    "Batch",
    "Post",
    "TeSchrijvenAfschrift",
    "Uitvoer",
    "schrijf_camt053",
    "schrijf_mt940",
    "tekst_camt",
    "tekst_mt940",
]

CamtVersie = Literal["001.02", "001.04", "001.08"]
Mt940Dialect = Literal["ing", "rabobank", "abnamro", "bng"]

# Bank transaction codes (ISO 20022 Domain/Family/SubFamily) the writers use; the
# transactiecode of a Transactie may carry one of these, otherwise it is derived.
OVERBOEKING_IN = "PMNT/RCDT/ESCT"
OVERBOEKING_UIT = "PMNT/ICDT/ESCT"
INCASSO = "PMNT/RDDT/ESDD"  # a SEPA direct debit collected from our account
KOSTEN = "ACMT/MDOP/CHRG"
STORTING = "PMNT/CNTR/CDPT"
BEKENDE_CODES = (OVERBOEKING_IN, OVERBOEKING_UIT, INCASSO, KOSTEN, STORTING)

NAAM_MAX_CAMT = 140
NAAM_MAX_MT940 = 70
OMSCHRIJVING_MAX = 140
_BUFFER = 64 * 1024


class Uitvoer(Protocol):
    """A binary file object (open(..., "wb"), io.BytesIO, a socket file ...)."""

    def write(self, data: bytes, /) -> object: ...


@dataclass(frozen=True)
class Batch:
    """Transactions the bank books as ONE entry (a batch / "verzamelbetaling"), e.g. the
    Belastingdienst paying several participants' allowances in one credit.

    All parts have the same sign, booking date and value date (one entry).
    `bankreferentie` identifies the entry (in MT940 the only reference left);
    `omschrijving` is what MT940 shows for it."""

    onderdelen: tuple[Transactie, ...]
    bankreferentie: str
    betaalinformatie_id: str = ""  # camt Btch/PmtInfId, MT940 /PREF/
    omschrijving: str = ""

    def __post_init__(self) -> None:
        if not self.onderdelen:
            raise ValueError("Een batch heeft minstens één transactie.")
        credit = self.onderdelen[0].bedrag > 0
        if any((t.bedrag > 0) != credit or t.bedrag == 0 for t in self.onderdelen):
            raise ValueError("Alle transacties van een batch hebben hetzelfde teken (niet 0).")
        eerste = self.onderdelen[0]
        if any((t.boekdatum, t.valutadatum) != (eerste.boekdatum, eerste.valutadatum)
               for t in self.onderdelen):
            raise ValueError(
                "Alle transacties van een batch hebben dezelfde boek- en valutadatum."
            )

    @property
    def bedrag(self) -> int:
        return sum(t.bedrag for t in self.onderdelen)

    @property
    def boekdatum(self) -> dt.date:
        return self.onderdelen[0].boekdatum


Post = Transactie | Batch


@dataclass(frozen=True)
class TeSchrijvenAfschrift:
    """One statement to write: the kop (account, ids, balances) and its entries.

    `kop.beginsaldo` and `kop.begindatum` are required; `kop.eindsaldo` may be None (the
    writer computes it; camt then first collects this statement's entries in memory)."""

    kop: Afschriftkop
    transacties: Iterable[Post]


def schrijf_camt053(
    uit: Uitvoer, afschriften: Iterable[TeSchrijvenAfschrift], *, versie: CamtVersie = "001.02"
) -> int:
    """Write the statements as one camt.053 document; returns the number of transactions
    (batch parts counted one by one). See `schrijven_camt`."""
    from .schrijven_camt import schrijf

    return schrijf(uit, afschriften, versie)


def schrijf_mt940(
    uit: Uitvoer,
    afschriften: Iterable[TeSchrijvenAfschrift],
    *,
    dialect: Mt940Dialect = "ing",
    ongestructureerd: bool = False,
) -> int:
    """Write the statements as an MT940 file in the bank's dialect; returns the number of
    :61: lines. `ongestructureerd` gives ABN AMRO's old fixed-width :86: ("SEPA OVERBOEKING
    IBAN: ... NAAM: ... OMSCHRIJVING: ..."). See `schrijven_mt940`."""
    from .schrijven_mt940 import schrijf

    return schrijf(uit, afschriften, dialect, ongestructureerd=ongestructureerd)


# -- text rules -----------------------------------------------------------------------------

_XML_ONGELDIG = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SWIFT_X = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-?:().,'+ "
)


def tekst_camt(tekst: str, maximum: int = OMSCHRIJVING_MAX) -> str:
    """Text as a camt file carries it: one space between words, no characters XML 1.0
    cannot hold, at most `maximum` characters."""
    return " ".join(_XML_ONGELDIG.sub(" ", tekst).split())[:maximum].rstrip()


def tekst_mt940(tekst: str, maximum: int = OMSCHRIJVING_MAX) -> str:
    """Text as an MT940 file carries it: the SWIFT 'x' character set (accents dropped,
    "/" as "-" because it separates the :86: fields, anything else a space), one space
    between words, at most `maximum` characters."""
    if not tekst.isascii():
        tekst = unicodedata.normalize("NFKD", tekst)
        tekst = "".join(c for c in tekst if not unicodedata.combining(c))
    tekst = tekst.replace("/", "-")
    if not _SWIFT_X.issuperset(tekst):
        tekst = "".join(c if c in _SWIFT_X else " " for c in tekst)
    return " ".join(tekst.split())[:maximum].rstrip()


def xml_escape(tekst: str) -> str:
    """Escape for element content (the writers only put fixed codes in attributes)."""
    if "&" in tekst:
        tekst = tekst.replace("&", "&amp;")
    if "<" in tekst:
        tekst = tekst.replace("<", "&lt;")
    if ">" in tekst:
        tekst = tekst.replace(">", "&gt;")
    return tekst


# -- shared helpers -------------------------------------------------------------------------


def soort_code(t: Transactie) -> str:
    """The bank transaction code of a transaction: its own when it is one we write,
    otherwise derived from the direction and the mandate."""
    if t.transactiecode in BEKENDE_CODES:
        return t.transactiecode
    if t.bedrag > 0:
        return OVERBOEKING_IN
    return INCASSO if t.mandaat_id else OVERBOEKING_UIT


def euro(centen: int) -> str:
    """Unsigned amount with a decimal point: 123456 -> "1234.56"."""
    centen = abs(centen)
    return f"{centen // 100}.{centen % 100:02d}"


def controleer_kop(kop: Afschriftkop) -> tuple[int, dt.date]:
    if kop.beginsaldo is None or kop.begindatum is None:
        raise ValueError(
            f"Afschrift {kop.afschrift_id!r}: beginsaldo en begindatum zijn nodig om te schrijven."
        )
    return kop.beginsaldo, kop.begindatum


def controleer_post(post: Post, afschrift_id: str) -> None:
    if isinstance(post, Transactie) and post.bedrag == 0:
        raise ValueError(f"Afschrift {afschrift_id!r}: een transactie van 0 kan niet.")


def controleer_eindsaldo(kop: Afschriftkop, begin: int, som: int) -> int:
    """The closing balance; raises when the kop gives one that does not add up."""
    if kop.eindsaldo is not None:
        controleer_som(kop.afschrift_id, begin, som, kop.eindsaldo)
    return begin + som


def controleer_som(afschrift_id: str, begin: int, som: int, eind: int) -> None:
    if begin + som != eind:
        raise ValueError(
            f"Afschrift {afschrift_id!r}: beginsaldo {begin} + boekingen {som} is "
            f"{begin + som}, niet het eindsaldo {eind}."
        )


class Buffer:
    """Collects text and writes it to `uit` encoded, in chunks (streaming, few syscalls)."""

    def __init__(self, uit: Uitvoer, codering: str = "utf-8") -> None:
        self._uit = uit
        self._codering = codering
        self._delen: list[str] = []
        self._grootte = 0

    def schrijf(self, tekst: str) -> None:
        self._delen.append(tekst)
        self._grootte += len(tekst)
        if self._grootte >= _BUFFER:
            self.leeg()

    def leeg(self) -> None:
        if self._delen:
            self._uit.write("".join(self._delen).encode(self._codering))
            self._delen.clear()
            self._grootte = 0
