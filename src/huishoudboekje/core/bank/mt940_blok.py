"""One MT940 statement block (from `:20:` to its end): the fields in order, checked,
turned into an Afschriftkop, Transacties and an Afschriftslot.

`mt940.lees_mt940` cuts the file into fields and hands them here one at a time, so a
statement is never held in memory; only the current `:61:` waits for its `:86:`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ._gemeen import centen, compact, datum_jjmmdd, is_iban
from .model import Afschriftkop, Afschriftslot, Bestandsfout, Gebeurtenis, Transactie
from .mt940_86 import is_gestructureerd, lees_86

_BANKEN = {"INGB": "ing", "RABO": "rabobank", "ABNA": "abnamro", "BNGH": "bng"}
_SALDO = re.compile(r"^([CD])(\d{6})([A-Z]{3})(\d[\d,]*)$")
_61 = re.compile(
    r"^(?P<valuta>\d{6})(?P<boek>\d{4}| {4})?(?P<teken>RC|RD|C|D)(?P<fonds>[A-Z])?"
    r"(?P<bedrag>\d[\d,]*)(?P<type>[NFS][A-Z0-9]{2}[A-Z0-9 ])(?P<rest>.*)$"
)
"""A :61: statement line. Two Dutch habits outside the letter of SWIFT are accepted:
ASN gives an unknown entry date as four spaces ("200101    C10,00NTRF"), and ING and
Triodos pad a two-letter transaction code with a space ("NOV NONREF", "NIC MARF")."""
_IBAN_AAN_EIND = re.compile(r"([A-Z]{2}\d{2}[A-Z0-9]{10,30})\s*$")
_GEEN_REFERENTIE = frozenset({"", "NONREF", "EREF", "PREF", "MARF", "NOTPROVIDED"})
_NEGEREN = frozenset({"21", "NS", "90C", "90D"})
MT942_MELDING = (
    "Dit is een MT942-bestand: een tussentijds rapport, geen afschrift (het heeft geen "
    "begin- en eindsaldo); lees een MT940- of camt.053-afschrift in"
)


def dialect_uit_kop(regel: str) -> str:
    """The bank from a header line: a BIC alone (ABN AMRO's "ABNANL2A"), Rabobank's
    ":940:", ING's "0000 01INGBNL2A...", or the sender BIC in a SWIFT envelope
    "{1:F01INGBNL2A...}". "" for a bank without a dialect of its own (bunq, Moneyou)."""
    if regel.startswith(":940:"):
        return "rabobank"
    match = re.match(
        r"^(?:\d{4} \d\d|\{1:F\d\d|(?=[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\s*$))([A-Z]{4})",
        regel,
    )
    return _BANKEN.get(match.group(1), "") if match else ""


@dataclass
class _Boeking:
    """A `:61:` with its supplementary lines, waiting for its `:86:`."""

    regel: str
    nummer: int
    aanvulling: list[str] = field(default_factory=list)
    info: list[str] | None = None
    bron: list[str] = field(default_factory=list)


class Afschrift:
    """State of the statement being read; `veld` takes one complete field."""

    def __init__(self, dialect: str) -> None:
        self.dialect = self.kopdialect = dialect
        self.referentie = ""
        self.volgnummer = ""
        self.rekening = ""
        self.valuta = ""
        self.aangemaakt: dt.datetime | None = None
        self.kop_gegeven = False
        self.eindsaldo: int | None = None
        self.einddatum: dt.date | None = None
        self.aantal = 0
        self.boeking: _Boeking | None = None
        self.begin = 0

    def veld(self, regels: list[str], nummer: int) -> Iterator[Gebeurtenis]:
        """Handle one field: its first line (":61:...") and continuation lines."""
        if not regels:
            return
        tag, _, inhoud = regels[0][1:].partition(":")
        plek = f"regel {nummer}"
        if tag == "61":
            yield from self._afronden()
            if not self.kop_gegeven:
                raise Bestandsfout("Boeking (:61:) vóór het beginsaldo (:60F:)", plek)
            if self.eindsaldo is not None:
                raise Bestandsfout("Boeking (:61:) na het eindsaldo (:62F:)", plek)
            self.boeking = _Boeking(inhoud, nummer, regels[1:], None, list(regels))
        elif tag == "86":
            self._info(regels, inhoud, plek)
        elif tag in ("62F", "62M", "64", "65"):
            yield from self._afronden()
            if tag in ("62F", "62M"):
                if not self.kop_gegeven:
                    raise Bestandsfout(f"Eindsaldo (:{tag}:) zonder beginsaldo (:60F:)", plek)
                self.eindsaldo, self.einddatum = self._saldo(inhoud, tag, plek)
        elif tag in ("60F", "60M"):
            yield self._kop(inhoud, tag, plek)
        else:
            self._kopveld(tag, "".join([inhoud, *regels[1:]]).strip(), nummer, plek)

    def _kopveld(self, tag: str, waarde: str, nummer: int, plek: str) -> None:
        if tag == "20":
            self.referentie, self.begin = waarde, nummer
        elif tag == "25":
            self._rekening(waarde)
        elif tag in ("28C", "28"):
            self.volgnummer = waarde
        elif tag in ("13", "13D"):
            self.aangemaakt = _tijdstip(waarde, plek)
        elif tag == "34F":  # floor limit indicator: only in an MT942
            raise Bestandsfout(MT942_MELDING, plek)
        elif tag not in _NEGEREN:
            raise Bestandsfout(f"Onbekend veld :{tag[:4]}: in een MT940-afschrift", plek)

    def _rekening(self, waarde: str) -> None:
        """":25:" forms: "NL69INGB0123456789EUR", "NL50RABO0123456789 EUR",
        "NL02ABNA0123456789", "517852257" (old ABN AMRO), "INGBNL2A/0001234567",
        "1291.99.348EUR" (old Rabobank)."""
        delen = waarde.split()
        if len(delen) >= 2 and re.fullmatch(r"[A-Z]{3}", delen[-1]):
            self.valuta, delen = delen[-1], delen[:-1]
        rekening = compact("".join(delen)).rpartition("/")[2]
        if len(rekening) > 3 and rekening[-3:].isalpha() and is_iban(rekening[:-3]):
            rekening, self.valuta = rekening[:-3], rekening[-3:]
        oud = re.fullmatch(r"(\d[\d.]*)([A-Z]{3})?", rekening)
        if oud:  # old Rabobank "1291.99.348EUR": a dotted account number and currency
            rekening, self.valuta = oud.group(1).replace(".", ""), oud.group(2) or self.valuta
        self.rekening = rekening
        # the header says which bank wrote the file; without one, the account's bank
        bank = _BANKEN.get(rekening[4:8], "") if is_iban(rekening) else ""
        self.dialect = self.kopdialect or bank

    def _saldo(self, inhoud: str, tag: str, plek: str) -> tuple[int, dt.date]:
        match = _SALDO.match(inhoud.strip())
        if not match:
            raise Bestandsfout(
                f"Ongeldig saldo :{tag}: {inhoud[:30]!r} (verwacht C/D, JJMMDD, valuta, bedrag)",
                plek,
            )
        teken, datum, valuta, bedrag = match.groups()
        if self.valuta and valuta != self.valuta:
            raise Bestandsfout(
                f"Saldo in {valuta} wijkt af van de valuta van het afschrift ({self.valuta})",
                plek,
            )
        self.valuta = valuta
        waarde = _komma_centen(bedrag, plek)
        return (waarde if teken == "C" else -waarde), datum_jjmmdd(datum, plek)

    def _kop(self, inhoud: str, tag: str, plek: str) -> Afschriftkop:
        if self.kop_gegeven:
            raise Bestandsfout(f"Tweede beginsaldo (:{tag}:) in hetzelfde afschrift", plek)
        if not self.rekening:
            raise Bestandsfout("Rekeningnummer (:25:) ontbreekt vóór het beginsaldo", plek)
        saldo, datum = self._saldo(inhoud, tag, plek)
        self.kop_gegeven = True
        return Afschriftkop(
            formaat="mt940",
            dialect=self.dialect,
            rekening_iban=self.rekening,
            valuta=self.valuta,
            afschrift_id=f"{self.referentie}/{self.volgnummer}" if self.volgnummer
            else self.referentie,
            volgnummer=self.volgnummer,
            aangemaakt=self.aangemaakt,
            beginsaldo=saldo,
            begindatum=datum,
            eindsaldo=None,
            einddatum=None,
        )

    def _info(self, regels: list[str], inhoud: str, plek: str) -> None:
        """Attach an :86: to the waiting :61:; a statement-level :86: (before the
        first or after the last transaction, e.g. ING's "/SUM/") is ignored."""
        if self.boeking is None:
            return
        if self.boeking.info is not None and self.dialect == "rabobank":
            # old Rabobank files give the description as up to six :86: lines
            self.boeking.info.extend([inhoud, *regels[1:]])
        elif self.boeking.info is not None:
            raise Bestandsfout("Tweede :86: bij dezelfde boeking (:61:)", plek)
        else:
            self.boeking.info = [inhoud, *regels[1:]]
        self.boeking.bron.extend(regels)

    def _afronden(self) -> Iterator[Transactie]:
        boeking, self.boeking = self.boeking, None
        if boeking is not None:
            transactie = _transactie(boeking)
            if transactie is not None:
                self.aantal += 1
                yield transactie

    def einde(self, nummer: int) -> Iterator[Gebeurtenis]:
        """The statement ends (at "-", the next :20: or the end of the file)."""
        yield from self._afronden()
        plek = f"regel {nummer}"
        if not self.kop_gegeven:
            raise Bestandsfout(
                f"Beginsaldo (:60F:) ontbreekt in het afschrift vanaf regel {self.begin}", plek
            )
        if self.eindsaldo is None:
            raise Bestandsfout(
                f"Eindsaldo (:62F:) ontbreekt in het afschrift vanaf regel {self.begin}; is het "
                "bestand afgebroken?",
                plek,
            )
        yield Afschriftslot(eindsaldo=self.eindsaldo, einddatum=self.einddatum, aantal=self.aantal)


def _komma_centen(bedrag: str, plek: str) -> int:
    """SWIFT amount "1234,56" (15 characters at most). Leading zeros beyond that are
    allowed: old Rabobank files pad a balance to 13 digits before the comma."""
    kern = bedrag.lstrip("0")
    if bedrag.count(",") != 1 or len(kern) > 15:
        raise Bestandsfout(
            f"Ongeldig bedrag {bedrag[:20]!r}: verwacht hoogstens 15 tekens met één komma", plek
        )
    return centen("0" + kern if kern.startswith(",") else kern, plek, scheiding=",")


def _tijdstip(waarde: str, plek: str) -> dt.datetime:
    """:13D: "2401020630+0100" (YYMMDDhhmm and UTC offset)."""
    match = re.fullmatch(r"(\d{6})(\d{2})(\d{2})(?:([+-])(\d{2})(\d{2}))?", waarde)
    if not match:
        raise Bestandsfout(f"Ongeldig tijdstip :13D: {waarde[:20]!r}", plek)
    datum = datum_jjmmdd(match.group(1), plek)
    zone = None
    if match.group(4):
        minuten = int(match.group(5)) * 60 + int(match.group(6))
        zone = dt.timezone(dt.timedelta(minutes=minuten if match.group(4) == "+" else -minuten))
    try:
        tijd = dt.time(int(match.group(2)), int(match.group(3)), tzinfo=zone)
    except ValueError as exc:
        raise Bestandsfout(f"Ongeldig tijdstip :13D: {waarde[:20]!r}", plek) from exc
    return dt.datetime.combine(datum, tijd)


def _transactie(boeking: _Boeking) -> Transactie | None:
    """A :61: (+ :86:) as a Transactie; None for an amount of zero."""
    plek = f"regel {boeking.nummer}"
    match = _61.match(boeking.regel.strip())
    if not match:
        raise Bestandsfout(_61_fout(boeking.regel.strip()), plek)
    waarde = _komma_centen(match.group("bedrag"), plek)
    teken = 1 if match.group("teken") in ("C", "RD") else -1
    if not waarde:
        return None
    valutadatum = datum_jjmmdd(match.group("valuta"), plek)
    boek = (match.group("boek") or "").strip()
    klant, _, bank = match.group("rest").partition("//")
    iban_61 = ""
    los = _IBAN_AAN_EIND.search(klant)
    if los and is_iban(los.group(1)):
        iban_61, klant = los.group(1), klant[: los.start()]
    for regel in boeking.aanvulling:
        kandidaat = compact(regel.split()[0]) if regel.split() else ""
        if not iban_61 and is_iban(kandidaat):
            iban_61 = kandidaat
    info = lees_86(_samenvoegen(boeking.info or []), credit=teken > 0)
    klant = klant.strip()
    return Transactie(
        bedrag=teken * waarde,
        boekdatum=boekdatum(valutadatum, boek, plek) if boek else valutadatum,
        valutadatum=valutadatum,
        tegen_iban=info.tegen_iban or iban_61,
        tegen_naam=info.tegen_naam,
        tegen_bic=info.tegen_bic,
        omschrijving=info.omschrijving,
        betalingskenmerk=info.betalingskenmerk,
        end_to_end_id=info.end_to_end_id,
        mandaat_id=info.mandaat_id,
        incassant_id=info.incassant_id,
        bankreferentie=bank.strip() or ("" if klant.upper() in _GEEN_REFERENTIE else klant),
        transactiecode=info.transactiecode or match.group("type").strip(),
        bron="\n".join(boeking.bron),
        retourreden=info.retourreden,
    )


def _samenvoegen(regels: list[str]) -> str:
    """Join :86: lines. Structured text ("/TAG/...") wraps mid-value at 65 characters,
    so its lines are joined without a separator.

    Free text (ABN AMRO before 2014) is joined with one space, trailing padding dropped:
    ABN AMRO fills fixed columns and breaks between words, so a space is right nearly
    always. A bank that cuts a word at the 65th character gives a split word ("TERMI JN");
    a full line says nothing either way (it may end exactly at a word), so there is no
    safe rule to glue, and the original lines stay in `Transactie.bron`."""
    if not regels:
        return ""
    if is_gestructureerd(regels[0]):
        return "".join(regels)
    return " ".join(regel.rstrip() for regel in regels)


def _61_fout(regel: str) -> str:
    """A specific message for a :61: that does not match."""
    if not re.match(r"^\d{6}", regel):
        return f"Ongeldige :61:-regel {regel[:30]!r}: valutadatum (JJMMDD) ontbreekt"
    if not re.match(r"^\d{6}(\d{4})?(RC|RD|C|D)", regel):
        return f"Ongeldige :61:-regel {regel[:30]!r}: credit/debet-teken (C, D, RC, RD) ontbreekt"
    if not re.match(r"^\d{6}(\d{4})?(RC|RD|C|D)[A-Z]?\d", regel):
        return f"Ongeldige :61:-regel {regel[:30]!r}: bedrag ontbreekt"
    if re.match(r"^\d{6}(\d{4})?(RC|RD|C|D)[A-Z]?\d+\.", regel):
        return (
            f"Ongeldige :61:-regel {regel[:30]!r}: bedrag met een punt; MT940 gebruikt een "
            "komma als decimaalteken"
        )
    return f"Ongeldige :61:-regel {regel[:30]!r}: transactietype (bijv. NTRF) ontbreekt"


def boekdatum(valuta: dt.date, mmdd: str, plek: str) -> dt.date:
    """The entry date MMDD next to value date `valuta`, in whichever year puts it
    closest (a booking on 2 January for value 31 December is next year's)."""
    kandidaten = []
    for jaar in (valuta.year - 1, valuta.year, valuta.year + 1):
        try:
            kandidaten.append(dt.date(jaar, int(mmdd[:2]), int(mmdd[2:])))
        except ValueError:
            continue
    if not kandidaten:
        raise Bestandsfout(f"Ongeldige boekdatum {mmdd!r} (verwacht MMDD)", plek)
    return min(kandidaten, key=lambda d: abs((d - valuta).days))
