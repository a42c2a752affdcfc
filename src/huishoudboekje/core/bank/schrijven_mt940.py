"""MT940 writer in the dialects of the four Dutch banks a municipality meets.

- ING (Mijn ING Zakelijk): SWIFT blocks {1:}{2:}{4: ... -}, `:25:` IBAN
  with the currency glued on, `:61:` + `/TRCD/` line, `:86:` with /EREF/ /MARF/ /CSID/
  /CNTP/iban/bic/name/city/ /REMI/USTD// (or STRD/CUR/), `:64:` and a closing `:86:/SUM/`.
- Rabobank (MT940 Structured): `:940:` line, `:25:` IBAN space currency, amounts padded
  to 15 characters, the counterparty IBAN on the line after `:61:`, `:86:` with /EREF/
  /ORDP//NAME/ (money in) or /BENM//NAME/ (money out) /REMI/ /ISDT/.
- ABN AMRO: "ABNANL2A / 940 / ABNANL2A" header, `:28:` with a page number, `-` after each
  statement, `:86:` /TRTP/SEPA OVERBOEKING/IBAN/ /BIC/ /NAME/ /REMI/ /EREF/; or the old
  two-column text ("SEPA OVERBOEKING   IBAN: ...   NAAM: ...") with `ongestructureerd`,
  wrapped at word boundaries (readers join its lines with a space).
- BNG Bank: one-line SWIFT envelope {1:F01BNGHNL2GAXXX...}{2:O940...}{4:, `:86:` as ABN.

A structured `:86:` is cut into lines of 65 characters the way the banks do it (in the
middle of a word), never at a space and never so that a line starts with ":" or "-"
(which a reader would take for a new field or the end of the message). Lines end with
CRLF.
All values pass `tekst_mt940`; IDs that the format cannot hold are refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable

from .model import Afschriftkop, Transactie
from .schrijven import (
    INCASSO,
    KOSTEN,
    OVERBOEKING_IN,
    STORTING,
    Batch,
    Buffer,
    TeSchrijvenAfschrift,
    Uitvoer,
    controleer_eindsaldo,
    controleer_kop,
    controleer_post,
    soort_code,
)
from .schrijven_mt940_86 import NL, Regel, info86, rekening, veld86

DIALECTEN = ("ing", "rabobank", "abnamro", "bng")
_REF = re.compile(r"[A-Za-z0-9 ?:().,'+-]{1,16}")  # a :61: reference (16x, no "/")

# :61: transaction type (N + 3) per dialect and kind of payment
_TYPE = {
    "ing": {"in": "NTRF", "uit": "NTRF", "incasso": "NDDT", "kosten": "NCHG", "storting": "NMSC"},
    "rabobank": {"in": "N544", "uit": "N541", "incasso": "N064", "kosten": "N093",
                 "storting": "N122"},
    "abnamro": {"in": "N658", "uit": "N654", "incasso": "N247", "kosten": "N422",
                "storting": "N426"},
    "bng": {"in": "NTRF", "uit": "NTRF", "incasso": "NDDT", "kosten": "NCHG", "storting": "NMSC"},
}
_ING_TRCD = {"in": "00100", "uit": "00108", "incasso": "01016", "kosten": "00800",
             "storting": "00400"}


def schrijf(
    uit: Uitvoer,
    afschriften: Iterable[TeSchrijvenAfschrift],
    dialect: str,
    *,
    ongestructureerd: bool = False,
) -> int:
    """Write every statement as one MT940 message; returns the number of :61: lines."""
    if dialect not in DIALECTEN:
        raise ValueError(f"Onbekend MT940-dialect {dialect!r}; kies uit {', '.join(DIALECTEN)}.")
    if ongestructureerd and dialect != "abnamro":
        raise ValueError("De ongestructureerde :86: bestaat alleen bij ABN AMRO.")
    buffer = Buffer(uit, "ascii")
    aantal = 0
    for afschrift in afschriften:
        aantal += _afschrift(buffer, afschrift, dialect, ongestructureerd)
    buffer.leeg()
    return aantal


def _afschrift(buffer: Buffer, afschrift: TeSchrijvenAfschrift, dialect: str, oud: bool) -> int:
    kop = afschrift.kop
    begin, begindatum = controleer_kop(kop)
    buffer.schrijf(_begin(kop, dialect, begin, begindatum))
    som = debet = credit = 0
    n_debet = n_credit = 0
    aantal = 0
    laatste = begindatum
    for post in afschrift.transacties:
        controleer_post(post, kop.afschrift_id)
        regel = _regel(post)
        bedrag = regel.t.bedrag
        som += bedrag
        if bedrag > 0:
            credit, n_credit = credit + bedrag, n_credit + 1
        else:
            debet, n_debet = debet - bedrag, n_debet + 1
        laatste = max(laatste, regel.t.boekdatum)
        buffer.schrijf(_regel61(regel, dialect))
        buffer.schrijf(veld86(info86(regel, dialect, oud), vast=oud))
        aantal += 1
    eind = controleer_eindsaldo(kop, begin, som)
    einddatum = kop.einddatum or laatste
    rabo = dialect == "rabobank"
    slot = f":62F:{_saldo(eind, einddatum, kop.valuta, rabo)}{NL}"
    if dialect in ("ing", "bng"):
        slot += f":64:{_saldo(eind, einddatum, kop.valuta, rabo)}{NL}"
    if dialect == "ing":
        slot += f":86:/SUM/{n_debet}/{n_credit}/{_bedrag(debet)}/{_bedrag(credit)}/{NL}-}}{NL}"
    elif dialect == "bng":
        slot += f"-}}{NL}"
    elif dialect == "abnamro":
        slot += f"-{NL}"
    buffer.schrijf(slot)
    return aantal


def _begin(kop: Afschriftkop, dialect: str, begin: int, datum: dt.date) -> str:
    rabo = dialect == "rabobank"
    ref = _referentie(kop.afschrift_id, ":20:")
    volgnummer = kop.volgnummer or "0"
    if not volgnummer.isdigit() or len(volgnummer) > 5:
        raise ValueError(f"Volgnummer {volgnummer!r} past niet in :28C: (hoogstens 5 cijfers).")
    rekening = kop.rekening_iban
    if not rekening or len(rekening) > 32 or not rekening.isalnum():
        raise ValueError(f"Rekeningnummer {rekening!r} past niet in :25:.")
    saldo = f":60F:{_saldo(begin, datum, kop.valuta, rabo)}{NL}"
    if dialect == "ing":
        return (
            f"{{1:F01INGBNL2AXXXX0000000000}}{{2:I940INGBNL2AXXXN}}{{4:{NL}"
            f":20:{ref}{NL}:25:{rekening}{kop.valuta}{NL}:28C:{int(volgnummer):05d}{NL}{saldo}"
        )
    if dialect == "rabobank":
        return (
            f":940:{NL}:20:{ref}{NL}:25:{rekening} {kop.valuta}{NL}:28C:{int(volgnummer)}{NL}"
            f"{saldo}"
        )
    if dialect == "abnamro":
        return (
            f"ABNANL2A{NL}940{NL}ABNANL2A{NL}:20:{ref}{NL}:25:{rekening}{NL}"
            f":28:{int(volgnummer):05d}/1{NL}{saldo}"
        )
    moment = (kop.aangemaakt or dt.datetime.combine(datum, dt.time(21, 0)))
    stempel = f"{moment:%y%m%d}"
    uur = f"{moment:%H%M}"
    return (
        f"{{1:F01BNGHNL2GAXXX0000000000}}{{2:O940{uur}{stempel}BNGHNL2GAXXX0000000000"
        f"{stempel}{uur}N}}{{4:{NL}:20:{ref}{NL}:25:{rekening}{NL}"
        f":28C:{int(volgnummer):05d}{NL}{saldo}"
    )


def _regel(post: Transactie | Batch) -> Regel:
    if isinstance(post, Transactie):
        return Regel(post, _soort(post))
    delen = post.onderdelen
    eerste = delen[0]

    def gedeeld(veld: str) -> str:
        waarden = {getattr(t, veld) for t in delen}
        return waarden.pop() if len(waarden) == 1 else ""

    omschrijving = post.omschrijving or f"TOTAAL {len(delen)} POSTEN"
    iban = gedeeld("tegen_iban")  # the counterparty only when all parts share it
    samen = dataclasses.replace(
        eerste,
        bedrag=post.bedrag,
        tegen_iban=iban,
        tegen_naam=gedeeld("tegen_naam"),
        tegen_bic=gedeeld("tegen_bic") if iban else "",
        omschrijving=omschrijving,
        betalingskenmerk="",
        end_to_end_id="",
        mandaat_id="",
        incassant_id="",
        bankreferentie=post.bankreferentie,
    )
    pref = post.betaalinformatie_id or post.bankreferentie
    return Regel(samen, _soort(eerste), batch=pref, aantal=len(delen))


def _soort(t: Transactie) -> str:
    code = soort_code(t)
    if code == INCASSO:
        return "incasso"
    if code == KOSTEN:
        return "kosten"
    if code == STORTING:
        return "storting"
    return "in" if code == OVERBOEKING_IN or t.bedrag > 0 else "uit"


def _regel61(regel: Regel, dialect: str) -> str:
    t = regel.t
    valuta = t.valutadatum or t.boekdatum
    teken = "C" if t.bedrag > 0 else "D"
    bedrag = _bedrag(t.bedrag, rabo=dialect == "rabobank")
    if regel.batch:
        klant = "PREF"
    elif dialect == "abnamro":
        klant = "NONREF"
    elif t.end_to_end_id:
        klant = "EREF"
    elif t.mandaat_id and dialect == "rabobank":
        klant = "MARF"
    else:
        klant = "NONREF"
    bank = f"//{_referentie(t.bankreferentie, ':61: bankreferentie')}" if t.bankreferentie else ""
    soort = _TYPE[dialect][regel.soort]
    tekst = f":61:{valuta:%y%m%d}{t.boekdatum:%m%d}{teken}{bedrag}{soort}{klant}{bank}{NL}"
    if dialect == "ing":
        tekst += f"/TRCD/{_ING_TRCD[regel.soort] if not regel.batch else '00200'}/{NL}"
    elif dialect == "rabobank" and t.tegen_iban:
        tekst += f"{rekening(t.tegen_iban)}{NL}"
    return tekst


def _saldo(bedrag: int, datum: dt.date, valuta: str, rabo: bool) -> str:
    if not re.fullmatch(r"[A-Z]{3}", valuta):
        raise ValueError(f"Ongeldige valuta {valuta!r} (ISO 4217, bijv. EUR).")
    teken = "C" if bedrag >= 0 else "D"
    return f"{teken}{datum:%y%m%d}{valuta}{_bedrag(bedrag, rabo=rabo)}"


def _bedrag(centen: int, *, rabo: bool = False) -> str:
    """MT940 amount: comma decimal, no sign; Rabobank pads to 15 characters."""
    centen = abs(centen)
    tekst = f"{centen // 100},{centen % 100:02d}"
    if len(tekst) > 15:
        raise ValueError(f"Bedrag {centen} is te groot voor MT940 (15 tekens).")
    return tekst.rjust(15, "0") if rabo else tekst


def _referentie(waarde: str, veld: str) -> str:
    if not _REF.fullmatch(waarde) or waarde.startswith(("-", ":")):
        raise ValueError(f"{veld} {waarde!r} past niet in MT940 (16 tekens, SWIFT-tekenset).")
    return waarde
