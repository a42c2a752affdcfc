"""The Dutch `:86:` field of MT940 (information to account owner), in the variants of
ING, Rabobank, ABN AMRO and BNG Bank.

Two families:

* Structured, "/TAG/value/TAG/value": ABN AMRO and BNG (`/TRTP/.../IBAN/.../BIC/...
  /NAME/.../REMI/.../EREF/...`), ING (`/EREF/...//CNTP/iban/bic/name/city///REMI/
  USTD//text/`, positional sub-fields after CNTP and REMI) and Rabobank (`/ORDP//NAME/
  .../ADDR/...` and `/BENM//NAME/...`: nested parties, the counterparty IBAN often only
  on the `:61:` supplementary line). A structured payment reference comes as
  `/CDTRREFTP//CD/SCOR/ISSR/CUR/CDTRREF/1234567890123456/`, inside `/REMI/` (ABN AMRO)
  or as fields of their own (Rabobank). We split on "/" and cut at tags we know, so a
  value may itself contain "/" ("Factuur 12/2024") as long as it does not contain
  "/KNOWNTAG/". A tag we do not know is recognised where that is safe (see
  `_onbekende_tag`), so that a bank adding a tag does not glue its text onto a name.
* Unstructured, older ABN AMRO: "SEPA OVERBOEKING IBAN: ... BIC: ... NAAM: ...
  OMSCHRIJVING: ... KENMERK: ...", "GIRO  1234567 NAAM  text",
  "NL12ABNA0123456789 NAAM  text", "BEA NR:..." (card payments). Labels are
  extracted where present; what cannot be recognised stays in `omschrijving`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._gemeen import compact

_TAGS = frozenset({
    "TRTP", "IBAN", "BIC", "NAME", "REMI", "EREF", "MARF", "CSID", "ORDP", "BENM", "PREF",
    "RTRN", "ISDT", "CNTP", "PURP", "ULTC", "ULTD", "ULTB", "ADDR", "ID", "CITY", "CTRY",
    "SVCL", "TRCD", "BUSP", "SUM", "CHGS", "EXCH", "OCMT", "RTYP", "CDTRREFTP", "CDTRREF",
    "NRTX", "PIND", "CREF", "IREF", "ACCW",
})
"""The tags of the four banks' format descriptions. Not "CD" and "ISSR": they are
sub-fields of CDTRREFTP and PURP ("/PURP//CD/SALA/"), and as tags they would cut a
description at "/CD/"."""
_PARTIJEN = frozenset({"ORDP", "BENM", "ULTC", "ULTD", "ULTB"})
_PARTIJVELDEN = frozenset({"NAME", "ID", "ADDR", "IBAN", "BIC", "CITY", "CTRY"})
_STRUCTUUR = re.compile(r"^\s*/(" + "|".join(sorted(_TAGS)) + r")/")
_VIER_HOOFDLETTERS = re.compile(r"[A-Z]{4}")
_GEEN_WAARDE = frozenset({"", "USTD", "STRD"})
_POSITIONEEL = frozenset({"CNTP", "PURP", "CDTRREFTP"})


@dataclass(frozen=True)
class Info86:
    """What a :86: says about one transaction ("" where it says nothing)."""

    tegen_iban: str = ""
    tegen_naam: str = ""
    tegen_bic: str = ""
    omschrijving: str = ""
    betalingskenmerk: str = ""
    end_to_end_id: str = ""
    mandaat_id: str = ""
    incassant_id: str = ""
    transactiecode: str = ""
    retourreden: str = ""


def is_gestructureerd(eerste_regel: str) -> bool:
    """Whether a :86: starts with a tag we know ("/TRTP/", "/EREF/" ...)."""
    return bool(_STRUCTUUR.match(eerste_regel))


def lees_86(tekst: str, *, credit: bool) -> Info86:
    """Parse the (already joined) :86: text of a credit (money in) or debit."""
    if is_gestructureerd(tekst):
        return _gestructureerd(tekst.strip(), credit=credit)
    return _ongestructureerd(tekst.strip())


def _schoon(delen: list[str]) -> str:
    return " ".join("/".join(delen).strip("/").split())


def _eind(waarde: str) -> str:
    return "" if waarde.upper() == "NOTPROVIDED" else waarde


def _velden(tekst: str) -> list[tuple[str, list[str]]]:
    """[(TAG, [sub-values...])] in order. Any other token belongs to the previous tag,
    unless it is an unknown tag (between slashes, see `_onbekende_tag`): that starts a
    field of its own, which nothing reads."""
    velden: list[tuple[str, list[str]]] = []
    tokens = tekst.lstrip("/").split("/")
    for plek, token in enumerate(tokens):
        if token in _TAGS or (
            velden and plek + 1 < len(tokens) and _onbekende_tag(token, *velden[-1])
        ):
            velden.append((token, []))
        elif velden:
            velden[-1][1].append(token)
    return velden


def _onbekende_tag(token: str, tag: str, delen: list[str]) -> bool:
    """Whether `token` is a tag we do not know rather than part of the value of `tag`.

    Values may contain "/", so this is a judgement: four capitals (the form of the
    banks' tags) after a field that already has its value ("/NAME/J. de Vries/XYZW/").
    Never inside CNTP (positional: "/CNTP/iban/bic/ANWB/city/") or a coded group
    ("/PURP//CD/SALA/"). Inside REMI only after "//" (ING closes every field with "/"),
    because a description may read "/REMI/HUUR/JUNI/"; an unknown tag right after a
    flat "/REMI/text" (ABN AMRO, Rabobank) therefore still ends up in the description.
    In a name, "/NAME/VVE/WEST/" loses "WEST"; the full text stays in `Transactie.bron`.
    """
    if tag in _POSITIONEEL or not _VIER_HOOFDLETTERS.fullmatch(token):
        return False
    if all(deel in _GEEN_WAARDE for deel in delen):
        return False
    return tag != "REMI" or delen[-1] == ""


def _gestructureerd(tekst: str, *, credit: bool) -> Info86:
    velden = _velden(tekst)
    los: dict[str, str] = {}
    partijen: dict[str, dict[str, str]] = {}
    cntp: list[str] = []
    remi: list[str] = []
    partij = ""
    for tag, delen in velden:
        if tag in _PARTIJEN and not _schoon(delen):
            partij = tag
            partijen.setdefault(tag, {})
            continue
        if partij and tag in _PARTIJVELDEN:
            partijen[partij].setdefault(tag, _schoon(delen))
            continue
        partij = ""
        if tag == "CNTP":
            cntp = delen
        elif tag == "REMI":
            remi = delen
        else:
            los.setdefault(tag, _schoon(delen))
    omschrijving, kenmerk = _remi(remi)
    kenmerk = kenmerk or los.get("CDTRREF", "")
    if los.get("RTRN"):
        omschrijving = f"{omschrijving} (retourreden {los['RTRN']})".strip()
    iban, naam, bic = _tegenpartij(cntp, los, partijen, credit=credit)
    return Info86(
        tegen_iban=iban,
        tegen_naam=naam,
        tegen_bic=bic,
        omschrijving=omschrijving,
        betalingskenmerk=kenmerk,
        end_to_end_id=_eind(los.get("EREF", "")),
        mandaat_id=los.get("MARF", ""),
        incassant_id=los.get("CSID", ""),
        transactiecode=los.get("TRTP", ""),
        retourreden=los.get("RTRN", "")[:35],
    )


def _remi(delen: list[str]) -> tuple[str, str]:
    """(description, payment reference) from the REMI sub-values: ING "USTD//text/" and
    "STRD/CUR/ref/", plain text (ABN AMRO, BNG, Rabobank). ABN AMRO's "/REMI//CDTRREFTP
    //.../CDTRREF/ref/" leaves REMI empty: CDTRREF is a field of its own."""
    while delen and not delen[0].strip():
        delen = delen[1:]
    if not delen:
        return "", ""
    eerste = delen[0].upper()
    if eerste == "USTD":
        return _schoon(delen[1:]), ""
    if eerste == "STRD":
        referentie = [d for d in delen[2:] if d]
        return "", referentie[0].strip() if referentie else ""
    return _schoon(delen), ""


def _tegenpartij(
    cntp: list[str], los: dict[str, str], partijen: dict[str, dict[str, str]], *, credit: bool
) -> tuple[str, str, str]:
    """(iban, name, bic): ING CNTP, else top-level IBAN/BIC/NAME (ABN AMRO, BNG), else
    the ordering party for a credit or the beneficiary for a debit (Rabobank)."""
    if any(cntp):
        delen = [*cntp, "", "", ""]
        return compact(delen[0]), " ".join(delen[2].split()), compact(delen[1])
    if los.get("IBAN") or los.get("NAME"):
        return compact(los.get("IBAN")), los.get("NAME", ""), compact(los.get("BIC"))
    volgorde = ("ORDP", "BENM") if credit else ("BENM", "ORDP")
    for soort in volgorde:
        partij = partijen.get(soort)
        if partij:
            return compact(partij.get("IBAN")), partij.get("NAME", ""), compact(partij.get("BIC"))
    return "", "", ""


_LABEL = re.compile(
    r"\b(IBAN|BIC|NAAM|OMSCHRIJVING|KENMERK|MACHTIGING|INCASSANT|BETALINGSKENM\.)\s*:\s*",
    re.IGNORECASE,
)
_GIRO = re.compile(r"^GIRO\s+(\d{1,9})\s+(.*)$")
_REKENING = re.compile(
    r"^([A-Z]{2}\d{2}[A-Z]{4}\d{7,10}|\d{2}\.\d{2}\.\d{2}\.\d{3}|\d{9,10})\s+(.*)$"
)


def _ongestructureerd(ruw: str) -> Info86:
    """Older ABN AMRO descriptions."""
    tekst = " ".join(ruw.split())
    labels = list(_LABEL.finditer(tekst))
    if labels:
        waarden: dict[str, str] = {}
        for nummer, label in enumerate(labels):
            einde = labels[nummer + 1].start() if nummer + 1 < len(labels) else len(tekst)
            sleutel = label.group(1).upper()
            waarden.setdefault(sleutel, tekst[label.end() : einde].strip())
        return Info86(
            tegen_iban=compact(waarden.get("IBAN")),
            tegen_naam=waarden.get("NAAM", ""),
            tegen_bic=compact(waarden.get("BIC")),
            omschrijving=waarden.get("OMSCHRIJVING", ""),
            betalingskenmerk=waarden.get("BETALINGSKENM.", ""),
            end_to_end_id=_eind(waarden.get("KENMERK", "")),
            mandaat_id=waarden.get("MACHTIGING", ""),
            incassant_id=waarden.get("INCASSANT", ""),
            transactiecode=tekst[: labels[0].start()].strip(),
        )
    return _oud(ruw)


def _oud(tekst: str) -> Info86:
    """"GIRO 1234567 NAME  text" and "<account> NAME  text": ABN AMRO separates the
    name from the description by two or more spaces (its fixed columns), so the name
    is the words up to the first run of two spaces, else the whole rest."""
    giro = _GIRO.match(tekst)
    rekening = _REKENING.match(tekst)
    if giro:
        naam, rest = _naam_en_rest(giro.group(2))
        return Info86(tegen_naam=naam, omschrijving=rest, transactiecode="GIRO")
    if rekening:
        nummer = compact(rekening.group(1))
        naam, rest = _naam_en_rest(rekening.group(2))
        iban = nummer if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", nummer) else ""
        return Info86(tegen_iban=iban, tegen_naam=naam, omschrijving=rest)
    code = tekst.split(" ", 1)[0] if tekst[:4] in ("BEA ", "GEA ") else ""
    return Info86(omschrijving=" ".join(tekst.split()), transactiecode=code)


def _naam_en_rest(tekst: str) -> tuple[str, str]:
    naam, _, rest = tekst.partition("  ")
    return naam.strip(), " ".join(rest.split())
