"""A line as the bank presents it: what the payer's system kept of the text (cut at 70,
or four lines of 35 joined with a space, so a word on a border breaks), upper case only
at some payers, diacritics folded by most banks, and the format's own limits (camt
`Ustrd` 140 characters, MT940 six `:86:` lines of 65 in the SWIFT character set). The
ground truth is decided on this presented text, never on what the payer meant."""

from __future__ import annotations

from benchmarks.onafhankelijk.boeking import Boeking
from benchmarks.onafhankelijk.mt940 import ruimte
from benchmarks.onafhankelijk.namen import swift, vouw
from benchmarks.onafhankelijk.nummers import BANKEN

from .posten import Post

VOUWENDE_BANKEN = {"INGB", "ABNA", "BNGH", "KNAB", "SNSB", "ASNB"}


def _door_betaler(post: Post) -> str:
    tekst = post.tekst
    p = post.partij
    if p is None:
        return tekst
    if p.knip == "70":
        tekst = tekst[:70]
    elif p.knip == "4x35":
        tekst = " ".join(tekst[i : i + 35] for i in range(0, min(len(tekst), 140), 35))
    return tekst.upper() if p.hoofdletters else tekst


def bankbeeld(post: Post, formaat: str, bankreferentie: str) -> Boeking:
    tekst, naam = _door_betaler(post), post.naam
    bank = post.iban[4:8]
    if formaat == "camt":
        if bank in VOUWENDE_BANKEN:
            tekst, naam = vouw(tekst), vouw(naam)
        tekst = tekst[:140]
    else:
        tekst, naam = swift(tekst), swift(naam)[:35]

    def maak(t: str) -> Boeking:
        return Boeking(
            bankreferentie,
            post.datum,
            post.bedrag,
            post.iban,
            BANKEN.get(bank, "") if post.iban else "",
            naam,
            t.strip(),
            "",
            post.eref,
            post.mandaat,
            post.incassant,
            post.incasso,
        )

    if formaat != "camt":
        tekst = tekst[: max(0, ruimte(formaat, maak("")))]
    return maak(tekst)
