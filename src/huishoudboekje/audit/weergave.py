"""The audit trail as the domain reads it: names instead of ids, Dutch amounts and dates.

A snapshot (services.momentopname) stores raw values: foreign keys as ids
(`afdeling_id: 12`), amounts in cents, dates as ISO text, many-to-many fields as lists
of ids. This module turns a page of audit lines into readable text at display time:

- a reference becomes the object's name ("organisatie (afdeling): Eneco – Klantenservice",
  "deelnemer: J. Jansen (HHB000123)"), looked up in one query per kind of object on the
  page (never one per line); an object that is gone gets the name it had when the trail
  last recorded it, or its id;
- cents become "€ 1.234,56", dates "4 december 2026", booleans ja/nee, choices their
  label, lists comma-separated text; field names their verbose names.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from huishoudboekje.core.money import formatteer_bedrag

from .models import AuditRegel
from .selectors import model_van, soort_naam

LEEG = "—"


def deelnemer_label(burger: Any) -> str:
    """ "J.P. de Vries (HHB000123)": initials, surname and HHB-number."""
    voorletters = burger.voorletters or "".join(f"{d[0]}." for d in burger.voornamen.split())
    naam = " ".join(p for p in (voorletters, burger.tussenvoegsel, burger.achternaam) if p)
    return f"{naam} ({burger.hhb_nummer})"


def _medewerker_label(medewerker: Any) -> str:
    return medewerker.get_full_name() or medewerker.get_username()


def _transactie_label(transactie: Any) -> str:
    return (
        f"{date_format(transactie.boekdatum, 'j F Y')} {formatteer_bedrag(transactie.bedrag)} "
        f"{transactie.tegen_naam}"
    ).strip()


def _journaalpost_label(post: Any) -> str:
    return f"{date_format(post.datum, 'j F Y')} {formatteer_bedrag(post.bedrag)}"


# How to name an object of a model: (related objects to fetch with it, the name).
_NAMEN: dict[str, tuple[tuple[str, ...], Callable[[Any], str]]] = {
    "burgers.burger": ((), deelnemer_label),
    "organisaties.afdeling": (("organisatie",), str),
    "accounts.medewerker": ((), _medewerker_label),
    "bankafschriften.banktransactie": ((), _transactie_label),
    "boekhouding.journaalpost": ((), _journaalpost_label),
}


def namen_van(model: type[models.Model], ids: set[Any]) -> dict[Any, str]:
    """id -> readable name for the objects of one model, in one query (plus one for the
    names of objects that are gone, from the trail's own record of them)."""
    if not ids:
        return {}
    meenemen, naam = _NAMEN.get(model._meta.label_lower, ((), str))
    gevonden = model._default_manager.select_related(*meenemen).in_bulk(list(ids))
    namen = {pk: naam(obj) for pk, obj in gevonden.items()}
    weg = {str(pk): pk for pk in ids if pk not in namen}
    if weg:
        eerder = (
            AuditRegel.objects.filter(object_type=model._meta.model_name, object_id__in=list(weg))
            .order_by("object_id", "-tijdstip", "-id")
            .values_list("object_id", "object_omschrijving")
        )
        for object_id, omschrijving in eerder:
            pk = weg[object_id]
            if pk not in namen and omschrijving:
                namen[pk] = _("%(naam)s (verwijderd)") % {"naam": omschrijving}
    return namen


@dataclass
class Wijziging:
    veld: str
    voor: str
    na: str


@dataclass
class AuditRij:
    regel: AuditRegel
    soort: str
    deelnemer: str = ""
    wijzigingen: list[Wijziging] = field(default_factory=list)


def _velden(model: type[models.Model] | None) -> dict[str, Any]:
    """attname and name -> model field (concrete and many-to-many)."""
    if model is None:
        return {}
    velden: dict[str, Any] = {}
    for veld in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        velden[veld.name] = veld
        velden[veld.attname] = veld
    return velden


def _label(veld: Any, naam: str) -> str:
    if veld is None:
        return naam
    return str(veld.verbose_name).removesuffix("(centen)").strip()


def _als_ids(waarde: Any) -> list[Any]:
    if isinstance(waarde, list):
        return [v for v in waarde if v is not None]
    return [] if waarde in (None, "") else [waarde]


def _datum(waarde: Any, met_tijd: bool) -> str:
    try:
        if met_tijd:
            moment = dt.datetime.fromisoformat(str(waarde))
            if timezone.is_aware(moment):
                moment = timezone.localtime(moment)
            return date_format(moment, "j F Y H:i")
        return date_format(dt.date.fromisoformat(str(waarde)[:10]), "j F Y")
    except ValueError:
        return str(waarde)


def _als_tekst(waarde: Any) -> str:
    """A value without a known field: booleans, lists and mappings as plain text."""
    if waarde is None or waarde == "" or waarde == []:
        return LEEG
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    if isinstance(waarde, list):
        return ", ".join(_als_tekst(v) for v in waarde)
    if isinstance(waarde, dict):
        return ", ".join(f"{k}: {_als_tekst(v)}" for k, v in waarde.items())
    return str(waarde)


def formatteer(veld: Any, waarde: Any, namen: dict[Any, str]) -> str:
    """One stored value as text, by the kind of field it belongs to."""
    if waarde is None or waarde == "" or waarde == []:
        return LEEG
    if veld is None:
        return _als_tekst(waarde)
    if veld.is_relation:
        return ", ".join(namen.get(i, f"#{i}") for i in _als_ids(waarde)) or LEEG
    if veld.choices:
        keuzes = dict(veld.flatchoices)
        if isinstance(waarde, list):
            return ", ".join(str(keuzes.get(v, v)) for v in waarde)
        return str(keuzes.get(waarde, waarde))
    if isinstance(veld, models.BooleanField):
        return _als_tekst(bool(waarde))
    if str(veld.verbose_name).endswith("(centen)") and isinstance(waarde, int):
        return formatteer_bedrag(waarde)
    if isinstance(veld, models.DateTimeField):
        return _datum(waarde, met_tijd=True)
    if isinstance(veld, models.DateField):
        return _datum(waarde, met_tijd=False)
    if isinstance(veld, models.JSONField) and isinstance(waarde, list):
        return ", ".join(_datum(v, False) if _is_datum(v) else _als_tekst(v) for v in waarde)
    return _als_tekst(waarde)


def _is_datum(waarde: Any) -> bool:
    if not isinstance(waarde, str) or len(waarde) != 10:
        return False
    try:
        dt.date.fromisoformat(waarde)
    except ValueError:
        return False
    return True


def auditregels_voor_weergave(regels: list[AuditRegel]) -> list[AuditRij]:
    """Readable rows for a page of audit lines, with a fixed number of queries (one per
    kind of referenced object), however many lines the page holds."""
    from huishoudboekje.burgers.models import Burger

    velden_per_soort = {t: _velden(model_van(t)) for t in {r.object_type for r in regels}}
    nodig: dict[type[models.Model], set[Any]] = defaultdict(set)
    nodig[Burger].update(r.burger_id for r in regels if r.burger_id is not None)
    for regel in regels:
        velden = velden_per_soort[regel.object_type]
        for naam, voor, na in regel.wijzigingen():
            veld = velden.get(naam)
            if veld is not None and veld.is_relation:
                nodig[veld.related_model].update(_als_ids(voor) + _als_ids(na))
    namen = {model: namen_van(model, ids) for model, ids in nodig.items()}

    rijen = []
    for regel in regels:
        velden = velden_per_soort[regel.object_type]
        rij = AuditRij(regel=regel, soort=soort_naam(regel.object_type))
        if regel.burger_id is not None:
            rij.deelnemer = namen[Burger].get(regel.burger_id, f"#{regel.burger_id}")
        volgorde = list(velden)
        wijzigingen = sorted(
            regel.wijzigingen(),
            key=lambda w: volgorde.index(w[0]) if w[0] in velden else len(volgorde),
        )
        for naam, voor, na in wijzigingen:
            veld = velden.get(naam)
            if naam == "id" or (veld is not None and veld.primary_key):
                continue
            doel = (
                namen.get(veld.related_model, {}) if veld is not None and veld.is_relation else {}
            )
            rij.wijzigingen.append(
                Wijziging(
                    _label(veld, naam), formatteer(veld, voor, doel), formatteer(veld, na, doel)
                )
            )
        rijen.append(rij)
    return rijen
