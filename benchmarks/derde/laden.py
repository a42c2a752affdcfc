"""The generated municipality into the current database, as staff entered it: each
party an organisation with one department and its registered account (a payroll
bureau's account linked to every client employer it pays for), participants with
their own account and participation, agreements with counterparty, amount, schedule,
validity and search terms. Written in bulk with `huishoudboekje.bulk.invoegen`.

Not stored: an employer's new account after it moved bank (nobody told staff)."""

from __future__ import annotations

from django.db import transaction

from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.bulk import invoegen
from huishoudboekje.burgers.models import Burger, Deelname
from huishoudboekje.burgers.services import volgend_hhb_nummer
from huishoudboekje.organisaties.models import Afdeling, Organisatie, Postadres
from huishoudboekje.rekeningen.models import Rekening

from .instanties import Partij
from .personen import Persoon
from .regelingen import Regeling
from .toewijzing import RUBRIEK


def _schema(r: Regeling) -> dict[str, object]:
    if r.ritme in ("week", "vierweken"):
        return {
            "frequentie": "wekelijks",
            "interval": 1 if r.ritme == "week" else 4,
            "weekdag": r.geldig_van.weekday(),
        }
    if r.ritme == "kwartaal":
        return {"frequentie": "kwartaal", "dag_van_maand": 3, "maand": 1}
    return {"frequentie": "maandelijks", "dag_van_maand": r.dag}


@transaction.atomic
def laad(
    personen: list[Persoon], partijen: dict[str, Partij], regelingen: list[Regeling]
) -> tuple[list[int], list[int]]:
    """Store everything; returns (participant ids, agreement ids) by index."""
    organisaties = [p for p in partijen.values() if p.soort not in ("eigen", "bureau")]
    bureaus = {p.sleutel: p for p in partijen.values() if p.soort == "bureau"}
    rijen: dict[str, dict[str, str]] = {}
    for p in organisaties:
        houder = bureaus[p.bureau].naam if p.bureau else p.naam
        rijen.setdefault(p.iban, {"iban": p.iban, "rekeninghouder": houder[:70], "bic": p.bic})
    for d in personen:
        rijen[d.iban] = {
            "iban": d.iban,
            "rekeninghouder": f"{d.voorletters} {d.achternaam}"[:70],
            "bic": _bic(d.iban),
        }
    rekening = dict(zip(rijen, invoegen(Rekening, list(rijen.values())), strict=True))
    org = invoegen(
        Organisatie,
        [{"naam": p.naam[:100], "kvk_nummer": p.kvk, "vestigingsnummer": ""} for p in organisaties],
    )
    afd = invoegen(Afdeling, [{"organisatie_id": o, "naam": "Administratie"} for o in org])
    afdeling = {p.sleutel: a for p, a in zip(organisaties, afd, strict=True)}
    invoegen(
        Postadres,
        [
            {
                "afdeling_id": a,
                "straat": "Postbus",
                "huisnummer": str(200 + i),
                "postcode": "3800 AB",
                "plaats": "Voorbeeldstad",
            }
            for i, a in enumerate(afd)
        ],
    )
    invoegen(
        Afdeling.rekeningen.through,
        [
            {"afdeling_id": afdeling[p.sleutel], "rekening_id": rekening[p.iban]}
            for p in organisaties
        ],
    )
    eerste = int(volgend_hhb_nummer()[3:])
    burgers = invoegen(
        Burger,
        [
            {
                "hhb_nummer": f"HHB{eerste + d.index:06d}",
                "bsn": d.bsn,
                "voorletters": d.voorletters,
                "voornamen": " ".join(d.voornamen),
                "tussenvoegsel": d.tussenvoegsel,
                "achternaam": d.achternaam,
                "geboortedatum": d.geboortedatum,
                "straat": "Kerkstraat",
                "huisnummer": str(d.index + 1),
                "postcode": "3811 CD",
                "plaats": "Voorbeeldstad",
            }
            for d in personen
        ],
    )
    invoegen(
        Burger.rekeningen.through,
        [
            {"burger_id": b, "rekening_id": rekening[d.iban]}
            for b, d in zip(burgers, personen, strict=True)
        ],
    )
    invoegen(
        Deelname,
        [
            {
                "burger_id": b,
                "startdatum": d.start,
                "einddatum": d.vertrek,
                "minimale_looptijd_maanden": 6,
            }
            for b, d in zip(burgers, personen, strict=True)
        ],
    )
    rubriek = dict(Rubriek.objects.values_list("naam", "pk"))
    rijen_a = []
    for r in regelingen:
        p = partijen[r.partij]
        eigen = p.soort == "eigen"
        rij: dict[str, object] = {
            "burger_id": burgers[r.persoon],
            "richting": r.richting,
            "rubriek_id": rubriek[RUBRIEK[r.soort]],
            "omschrijving": f"{RUBRIEK[r.soort]} {'' if eigen else p.naam}{r.notitie}".strip()[
                :140
            ],
            "bedrag": r.bedrag,
            "afdeling_id": None if eigen else afdeling[p.sleutel],
            "tegenrekening_id": rekening[p.iban],
            "geldig_van": r.geldig_van,
            "geldig_tot": r.geldig_tot,
            "zoektermen": list(r.zoektermen),
            "leefgeld": r.soort == "leefgeld",
            "betaalwijze": ("incasso" if p.incasso else "overschrijving")
            if r.richting == "uitgaven"
            else "",
        }
        rij.update(_schema(r))
        rijen_a.append(rij)
    eerst = [i for i, r in enumerate(regelingen) if r.vervolg_op is None]
    ids = dict(zip(eerst, invoegen(Afspraak, [rijen_a[i] for i in eerst]), strict=True))
    daarna = [i for i, r in enumerate(regelingen) if r.vervolg_op is not None]
    for i in daarna:
        rijen_a[i]["vervolg_op_id"] = ids[regelingen[i].vervolg_op]  # type: ignore[index]
    ids.update(zip(daarna, invoegen(Afspraak, [rijen_a[i] for i in daarna]), strict=True))
    return burgers, [ids[i] for i in range(len(regelingen))]


def _bic(iban: str) -> str:
    from benchmarks.onafhankelijk.nummers import BANKEN

    return BANKEN[iban[4:8]]
