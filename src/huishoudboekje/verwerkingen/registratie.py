"""Which page reads whose personal data, for which processing activity.

The middleware looks up the resolved URL name of every successful GET in `PAGINAS`.
Each entry names the activity and how to find the participants (data subjects) from
the URL: a function of the request and the URL kwargs that returns a filter on
`Burger`, or None for a page without one participant.

Decisions (also in docs/architecture.md):
- A page about one participant, or about something that belongs to participants (an
  agreement, a participation, a household, a transaction booked on them, an account
  they hold), logs one row per participant, also when the page is a form (the form
  shows the current data).
- A list or search page (participants, households, transactions, a bank statement)
  logs ONE row for the list operation without a data subject: a list shows only
  identifying data of many participants, and finding them again would mean running the
  page's query twice. A list narrowed to one participant (searched by HHB-number)
  names that participant. A page's CSV export (`?formaat=csv`) is logged like the page.
- The suggestions on a transaction page (other participants' agreements ranked by the
  matcher) are not logged per participant, for the same reason as lists.
- A successful GET (2xx) is logged; a refused (403), missing (404), redirected or
  failed (5xx) page showed nothing. A POST is a change, recorded in the audit trail.

`ZONDER_PERSOONSGEGEVENS` lists every other protected route, so a new page has to be
placed in one of the two (tests/test_registratie.py checks that).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.http import HttpRequest

from huishoudboekje.ui.zoekopdracht import zoekopdracht

from . import register as r

Betrokkenen = Callable[[HttpRequest, dict[str, Any]], Q | None]


def _geen(request: HttpRequest, kwargs: dict[str, Any]) -> Q | None:
    return None


def _veld(lookup: str, kwarg: str = "pk") -> Betrokkenen:
    def betrokkenen(request: HttpRequest, kwargs: dict[str, Any]) -> Q | None:
        return Q(**{lookup: kwargs[kwarg]})

    return betrokkenen


def _gezocht(request: HttpRequest) -> str:
    """The participant typed into a page's search (kept behind `?zoek=<token>`)."""
    return (zoekopdracht(request).get("deelnemer") or "").strip()


def _deelnemer_parameter(request: HttpRequest, kwargs: dict[str, Any]) -> Q | None:
    """A list narrowed to one participant by HHB-number."""
    nummer = _gezocht(request)
    return Q(hhb_nummer__iexact=nummer) if nummer else None


def _transactie(request: HttpRequest, kwargs: dict[str, Any]) -> Q | None:
    """The participants the transaction is booked on, and the one searched for on the page
    (found the way the page finds them)."""
    from huishoudboekje.bankafschriften.views_transactie import _zoek_burger

    filter_ = Q(journaalposten__transactie_id=kwargs["pk"])
    gezochte = _zoek_burger(_gezocht(request))
    return filter_ | Q(pk=gezochte.pk) if gezochte else filter_


@dataclass(frozen=True)
class Pagina:
    activiteit: r.Verwerkingsactiviteit
    betrokkenen: Betrokkenen = _geen


_BURGER = _veld("pk")
_BURGER_PK = _veld("pk", "burger_pk")
_DEELNAME = _veld("deelnames__pk")
_HUISHOUDEN = _veld("huishouden_id")
_AFSPRAAK = _veld("afspraken__pk")
_REKENING = _veld("rekeningen__pk")

PAGINAS: dict[str, Pagina] = {
    # participants
    "burgers:lijst": Pagina(r.DEELNEMERS_ZOEKEN),
    "burgers:detail": Pagina(r.DEELNEMER_RAADPLEGEN, _BURGER),
    "burgers:wijzigen": Pagina(r.DEELNEMER_RAADPLEGEN, _BURGER),
    "burgers:verwijderen": Pagina(r.DEELNEMER_RAADPLEGEN, _BURGER),
    "burgers:rekening_koppelen": Pagina(r.DEELNEMER_RAADPLEGEN, _BURGER),
    "burgers:deelname_nieuw": Pagina(r.DEELNEMER_RAADPLEGEN, _BURGER),
    "burgers:deelname_wijzigen": Pagina(r.DEELNEMER_RAADPLEGEN, _DEELNAME),
    "burgers:deelname_beeindigen": Pagina(r.DEELNEMER_RAADPLEGEN, _DEELNAME),
    # households
    "burgers:huishoudens": Pagina(r.HUISHOUDEN_RAADPLEGEN),
    "burgers:huishouden": Pagina(r.HUISHOUDEN_RAADPLEGEN, _HUISHOUDEN),
    "burgers:huishouden_wijzigen": Pagina(r.HUISHOUDEN_RAADPLEGEN, _HUISHOUDEN),
    "burgers:huishouden_verwijderen": Pagina(r.HUISHOUDEN_RAADPLEGEN, _HUISHOUDEN),
    # agreements
    "afspraken:nieuw": Pagina(r.AFSPRAKEN_RAADPLEGEN, _BURGER_PK),
    "afspraken:rekeningkeuze": Pagina(r.AFSPRAKEN_RAADPLEGEN, _BURGER_PK),
    "afspraken:rubriekkeuze": Pagina(r.AFSPRAKEN_RAADPLEGEN, _BURGER_PK),
    "afspraken:detail": Pagina(r.AFSPRAKEN_RAADPLEGEN, _AFSPRAAK),
    "afspraken:wijzigen": Pagina(r.AFSPRAKEN_RAADPLEGEN, _AFSPRAAK),
    "afspraken:vervolg": Pagina(r.AFSPRAKEN_RAADPLEGEN, _AFSPRAAK),
    "afspraken:vervolg_rubriek": Pagina(r.AFSPRAKEN_RAADPLEGEN, _AFSPRAAK),
    "afspraken:kopie": Pagina(r.AFSPRAKEN_RAADPLEGEN, _AFSPRAAK),
    "afspraken:beeindigen": Pagina(r.AFSPRAKEN_RAADPLEGEN, _AFSPRAAK),
    "afspraken:verwijderen": Pagina(r.AFSPRAKEN_RAADPLEGEN, _AFSPRAAK),
    # bank statements and transactions
    "bankafschriften:lijst": Pagina(r.BANKAFSCHRIFT_RAADPLEGEN),
    "bankafschriften:afschrift": Pagina(r.BANKAFSCHRIFT_RAADPLEGEN),
    "bankafschriften:transacties": Pagina(r.TRANSACTIES_RAADPLEGEN, _deelnemer_parameter),
    "bankafschriften:transactie": Pagina(r.TRANSACTIES_RAADPLEGEN, _transactie),
    # bank accounts (an account page shows its holder and the participants linked to it)
    "organisaties:rekening": Pagina(r.REKENING_RAADPLEGEN, _REKENING),
    "organisaties:rekening_wijzigen": Pagina(r.REKENING_RAADPLEGEN, _REKENING),
    "organisaties:rekening_verwijderen": Pagina(r.REKENING_RAADPLEGEN, _REKENING),
    # audit trail
    "audit:lijst": Pagina(r.AUDIT_RAADPLEGEN),
    "audit:burger": Pagina(r.AUDIT_RAADPLEGEN, _BURGER_PK),
}

# Protected routes that show no personal data of participants, that only accept POST
# (the page shown after it is logged), or that log their reads themselves.
ZONDER_PERSOONSGEGEVENS = frozenset(
    {
        # staff accounts (staff data, not participants'); the audit trail records changes
        "accounts:medewerkers",
        "accounts:medewerker_nieuw",
        "accounts:medewerker_wijzigen",
        "accounts:rolverzoeken",
        "accounts:rolverzoek_goedkeuren",
        "accounts:rolverzoek_afwijzen",
        # empty forms for something new
        "burgers:nieuw",
        "burgers:huishouden_nieuw",
        # organisations, departments, addresses: parties, not participants
        "organisaties:lijst",
        "organisaties:nieuw",
        "organisaties:detail",
        "organisaties:wijzigen",
        "organisaties:verwijderen",
        "organisaties:afdeling_nieuw",
        "organisaties:afdeling_wijzigen",
        "organisaties:afdeling_verwijderen",
        "organisaties:postadres_nieuw",
        "organisaties:postadres_wijzigen",
        "organisaties:postadres_verwijderen",
        "organisaties:rekening_koppelen",
        "organisaties:rekening_ontkoppelen",
        # reference data and configuration
        "boekhouding:rubrieken",
        "boekhouding:rubriek_nieuw",
        "boekhouding:rubriek_wijzigen",
        "boekhouding:rubriek_verwijderen",
        "boekhouding:grootboekrekeningen",
        "boekhouding:boekperiode_wijzigen",
        "configuratie:overzicht",
        "configuratie:wijzigen",
        "configuratie:rekening_nieuw",
        "configuratie:rekening_wijzigen",
        "configuratie:rekening_verwijderen",
        # the upload form, and actions that only accept POST
        "bankafschriften:importeren",
        "bankafschriften:afletteren",
        "bankafschriften:afletterrun",  # the progress of a matching run: counts only
        # the suggestions of a transactions list, loaded into it by htmx: part of the
        # list, which is logged itself (suggestions are not logged per participant)
        "bankafschriften:suggesties",
        "bankafschriften:accepteren",
        "bankafschriften:boeken",
        "bankafschriften:rubriek",
        "bankafschriften:splitsen",
        "bankafschriften:rekening_koppelen",
        "bankafschriften:ongedaan",
        "burgers:rekening_ontkoppelen",
        "burgers:huishouden_koppelen",
        "burgers:huishouden_ontkoppelen",
        # the API lists bank statements of the municipal account (no participant data)
        "bankafschriften",
        # the read log logs a search for one participant itself (views.py)
        "verwerkingen:lijst",
        "verwerkingen:register",
    }
)
