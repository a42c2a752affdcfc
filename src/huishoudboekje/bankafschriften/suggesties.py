"""Ranked agreements for unbooked transactions (the transaction page, the list's top
suggestion, accepting suggestions in bulk): candidates the way the automatic matching
finds them, scored with their reasons; an agreement that had ended is not suggested."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.boekhouding.afletteren import (
    afspraak_infos,
    als_te_matchen,
    bedragen_geboekt,
    eerdere_boekingen,
    laad_marges,
    leerregel_infos,
)
from huishoudboekje.boekhouding.grootboek import beeindigde_deelnames
from huishoudboekje.boekhouding.models import Leerregel
from huishoudboekje.core.afletteren import (
    Afspraakindex,
    Kandidaat,
    TeMatchen,
    beoordeel,
    stel_zoekterm_voor,
    tekst_van,
)
from huishoudboekje.core.afletterindex import MIN_NAAMLENGTE, partijsleutel
from huishoudboekje.organisaties.models import Organisatie
from huishoudboekje.rekeningen.models import Rekening

from .models import Banktransactie


@dataclass(frozen=True)
class Suggestie:
    afspraak: Afspraak
    kandidaat: Kandidaat
    zoekterm_voorstel: str | None = None  # a word of the text this agreement could learn
    let_op: str = ""  # not valid on the date, or the participation had ended: confirm


def _beeindigd(info: Any, datum: dt.date) -> bool:
    return info.geldig_tot is not None and info.geldig_tot < datum


def _let_op(afspraak: Afspraak, datum: dt.date, einde: dt.date | None) -> str:
    redenen = []
    if not afspraak.is_geldig_op(datum):
        redenen.append(
            _("de afspraak gold niet op %(datum)s") % {"datum": f"{datum:%d-%m-%Y}"}
        )
    if einde is not None:
        redenen.append(
            _("de deelname was beëindigd op %(einde)s") % {"einde": f"{einde:%d-%m-%Y}"}
        )
    return "; ".join(redenen)


def suggesties(
    transactie: Banktransactie, *, extra_burger_id: int | None = None, aantal: int = 8
) -> list[Suggestie]:
    """Ranked agreements for one transaction, each with its score and reasons: those of
    the counterparty IBAN and of learned rules (and of a participant staff looked up)."""
    return suggesties_voor([transactie], extra_burger_id=extra_burger_id, aantal=aantal)[
        transactie.pk
    ]


def suggesties_voor(
    transacties: list[Banktransactie], *, extra_burger_id: int | None = None, aantal: int = 8
) -> dict[int, list[Suggestie]]:
    """Suggestions for several transactions (a list page) with a fixed number of queries.

    Agreements of the counterparty IBANs are read lightly (no model objects) and narrowed
    like the automatic matching does, so a shared IBAN with thousands of agreements
    (UWV, SVB) still finds the right one; only the chosen agreements are loaded fully.
    An agreement that had ended before the transaction's date is not suggested, except
    among the agreements of a participant staff looked up (then marked, like one of a
    participant whose participation had ended: booking it needs a confirmation)."""
    uitkomst: dict[int, list[Suggestie]] = {t.pk: [] for t in transacties}
    if not transacties:
        return uitkomst
    ibans = {t.tegen_iban for t in transacties if t.tegen_iban}
    regels = leerregel_infos(Leerregel.objects.filter(tegen_iban__in=ibans | {""}))
    voorwaarde = (
        Q(pk__in=[r.afspraak_id for r in regels])
        | Q(tegenrekening__iban__in=ibans)
        | Q(afdeling__rekeningen__iban__in=ibans)
        | Q(afdeling__organisatie_id__in=_partijen_bij_naam(transacties))
    )
    if extra_burger_id:
        voorwaarde |= Q(burger_id=extra_burger_id)
    infos = list(afspraak_infos(Afspraak.objects.filter(voorwaarde).distinct()))
    index = Afspraakindex.bouw(infos, regels)
    marges = laad_marges()
    per_tx: dict[int, tuple[TeMatchen, list[int], dict[int, Any]]] = {}
    for t in transacties:
        tx = als_te_matchen(t)
        gevonden, gevonden_regels = index.kandidaten(tx, tekst_van(tx))
        if not gevonden and tx.tegen_iban and index.partij_van(tx.tegen_iban) is None:
            gevonden = index.bekende_partij(tx)  # a known party on a new account
        gekozen = {
            a.id
            for a in gevonden
            if (a.richting == tx.richting or (tx.tegen_iban and tx.tegen_iban in a.ibans))
            and not _beeindigd(a, t.boekdatum)
        }  # the other direction only from the same party: a refund or reversal
        if extra_burger_id:
            gekozen |= {
                a.id for a in infos if a.burger_id == extra_burger_id and a.richting == tx.richting
            }
        per_tx[t.pk] = (tx, sorted(gekozen), gevonden_regels)
    alle = {i for _, ids, _ in per_tx.values() for i in ids}
    eerder = eerdere_boekingen(alle, [t.boekdatum for t in transacties])
    bedragen = bedragen_geboekt(alle, [t.boekdatum for t in transacties])
    afspraken = Afspraak.objects.select_related(
        "burger", "rubriek", "afdeling__organisatie"
    ).in_bulk(alle)
    geeindigd = beeindigde_deelnames(
        (afspraken[i].burger_id, t.boekdatum) for t in transacties for i in per_tx[t.pk][1]
    )
    for t in transacties:
        tx, ids, gevonden_regels = per_tx[t.pk]
        beoordeeld = sorted(
            (
                beoordeel(
                    tx,
                    index.afspraken[i],
                    marges=marges,
                    leerregel=gevonden_regels.get(i),
                    eerder_geboekt=[b for tid, b in eerder.get(i, ()) if tid != t.pk],
                    geschiedenis=bedragen.get(i, ()),
                    voornamen=index.voornamen,
                    nieuwe_rekening=bool(tx.tegen_iban)
                    and tx.tegen_iban not in index.afspraken[i].ibans
                    and index.partij_van(tx.tegen_iban) is None,
                )
                for i in ids
            ),
            key=lambda k: (-k.score, k.afspraak_id),
        )
        uitkomst[t.pk] = [
            Suggestie(
                afspraak=afspraken[k.afspraak_id],
                kandidaat=k,
                zoekterm_voorstel=stel_zoekterm_voor(
                    t.omschrijving, afspraken[k.afspraak_id].zoektermen
                )
                if afspraken[k.afspraak_id].richting == tx.richting
                else None,  # a refund teaches nothing: its words would block the payments
                let_op=_let_op(
                    afspraken[k.afspraak_id],
                    t.boekdatum,
                    geeindigd.get((afspraken[k.afspraak_id].burger_id, t.boekdatum)),
                ),
            )
            for k in beoordeeld[:aantal]
        ]
    return uitkomst


def afdelingen_voor_nieuwe_rekening(
    transactie: Banktransactie, suggesties: list[Suggestie]
) -> list[Any]:
    """The departments of the suggested agreements that the transaction's unknown
    counterparty account could be linked to (a known party that changed banks)."""
    if not transactie.tegen_iban or Rekening.objects.filter(
        iban=transactie.tegen_iban, afdelingen__isnull=False
    ).exists():
        return []
    richting = "inkomsten" if transactie.bedrag > 0 else "uitgaven"
    gezien: dict[int, Any] = {}
    for s in suggesties:
        afdeling = s.afspraak.afdeling
        if afdeling is not None and s.afspraak.richting == richting:
            gezien.setdefault(afdeling.pk, afdeling)
    return list(gezien.values())


def _partijen_bij_naam(transacties: list[Banktransactie]) -> set[int]:
    """Organisations whose name a transaction from an unknown account carries."""
    ibans = {t.tegen_iban for t in transacties if t.tegen_iban and t.tegen_naam}
    bekend = set(Rekening.objects.filter(iban__in=ibans).values_list("iban", flat=True))
    namen = {
        partijsleutel(t.tegen_naam)
        for t in transacties
        if t.tegen_iban in ibans and t.tegen_iban not in bekend
    }
    namen = {n for n in namen if len(n) >= MIN_NAAMLENGTE}
    if not namen:
        return set()
    gevonden = set()
    for pk, naam in Organisatie.objects.values_list("pk", "naam"):
        sleutel = partijsleutel(naam)
        for n in namen:
            korter, langer = sorted((sleutel, n), key=len)
            if sleutel == n or (len(korter) >= 2 * MIN_NAAMLENGTE and langer.startswith(korter)):
                gevonden.add(pk)
    return gevonden
