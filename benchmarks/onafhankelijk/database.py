"""The generated municipality into the current database, as staff would have entered
it: organisations with one department and account each, participants with their own
account and participation, agreements with counterparty, expected amount, schedule,
validity and search terms. Written in bulk (`huishoudboekje.bulk.invoegen`, the same
plumbing the demo loader uses) because 10,000 participants mean ~80,000 agreements.

A party's new IBAN (the employer that moved bank) is deliberately NOT stored: staff
have not linked it yet."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.bulk import invoegen
from huishoudboekje.burgers.models import Burger, Deelname
from huishoudboekje.burgers.services import volgend_hhb_nummer
from huishoudboekje.organisaties.models import Afdeling, Organisatie, Postadres
from huishoudboekje.rekeningen.models import Rekening

from .nummers import BANKEN
from .wereld import RUBRIEK, Plan, Wereld


def _schema(x: Plan, wereld: Wereld) -> dict[str, object]:
    """The payment schedule as staff enter it; a 4-weekly or weekly salary starts on a
    payday of the employer's cycle."""
    p = wereld.partijen.get(x.partij)
    if x.frequentie in ("vierweken", "week") and p is not None and p.anker is not None:
        stap = 28 if x.frequentie == "vierweken" else 7
        van = p.anker  # always after geldig_van (the participation started earlier)
        while van - dt.timedelta(days=stap) >= x.geldig_van:
            van -= dt.timedelta(days=stap)
        return {
            "frequentie": "wekelijks",
            "interval": stap // 7,
            "weekdag": van.weekday(),
            "geldig_van": van,
        }
    if x.soort == "leefgeld" and x.frequentie == "week":
        return {"frequentie": "wekelijks", "interval": 1, "weekdag": 0}
    if x.frequentie == "kwartaal":
        return {"frequentie": "kwartaal", "dag_van_maand": 1, "maand": 1}
    return {"frequentie": "maandelijks", "dag_van_maand": p.dag if p else 1}


@transaction.atomic
def bewaar_wereld(wereld: Wereld) -> tuple[list[int], list[int]]:
    """Store the world; returns (participant ids, agreement ids) by index."""
    rijen = [
        {"iban": p.iban, "rekeninghouder": p.naam[:70], "bic": p.bic}
        for p in wereld.partijen.values()
    ]
    rijen += [
        {
            "iban": d.iban,
            "rekeninghouder": f"{d.voornamen[0][0]}. {d.familienaam}"[:70],
            "bic": BANKEN[d.iban[4:8]],
        }
        for d in wereld.deelnemers
    ]
    rekening = dict(zip([r["iban"] for r in rijen], invoegen(Rekening, rijen), strict=True))
    partijen = list(wereld.partijen.values())
    org = invoegen(
        Organisatie,
        [{"naam": p.naam, "kvk_nummer": p.kvk, "vestigingsnummer": ""} for p in partijen],
    )
    afd = invoegen(Afdeling, [{"organisatie_id": o, "naam": "Hoofdkantoor"} for o in org])
    afdeling = {p.sleutel: a for p, a in zip(partijen, afd, strict=True)}
    invoegen(
        Postadres,
        [
            {
                "afdeling_id": a,
                "straat": "Postbus",
                "huisnummer": str(100 + i),
                "postcode": "3500 AA",
                "plaats": "Voorbeeldstad",
            }
            for i, a in enumerate(afd)
        ],
    )
    invoegen(
        Afdeling.rekeningen.through,
        [{"afdeling_id": afdeling[p.sleutel], "rekening_id": rekening[p.iban]} for p in partijen],
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
                "straat": "Dorpsstraat",
                "huisnummer": str(d.index + 1),
                "postcode": "3511 AB",
                "plaats": "Voorbeeldstad",
            }
            for d in wereld.deelnemers
        ],
    )
    invoegen(
        Burger.rekeningen.through,
        [
            {"burger_id": b, "rekening_id": rekening[d.iban]}
            for b, d in zip(burgers, wereld.deelnemers, strict=True)
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
            for b, d in zip(burgers, wereld.deelnemers, strict=True)
        ],
    )
    rubriek = dict(Rubriek.objects.values_list("naam", "pk"))
    afspraken = []
    for x in wereld.plannen:
        p = wereld.partijen.get(x.partij)
        d = wereld.deelnemers[x.deelnemer]
        rij: dict[str, object] = {
            "burger_id": burgers[x.deelnemer],
            "richting": x.richting,
            "rubriek_id": rubriek[RUBRIEK[x.soort]],
            "omschrijving": f"{RUBRIEK[x.soort]} {p.naam if p else 'eigen rekening'}"[:140],
            "bedrag": x.bedrag,
            "afdeling_id": afdeling[p.sleutel] if p else None,
            "tegenrekening_id": rekening[p.iban if p else d.iban],
            "geldig_van": x.geldig_van,
            "geldig_tot": x.geldig_tot,
            "zoektermen": list(x.zoektermen),
            "leefgeld": x.soort == "leefgeld",
            "betaalwijze": ("incasso" if p and p.incasso else "overschrijving")
            if x.richting == "uitgaven"
            else "",
        }
        rij.update(_schema(x, wereld))
        afspraken.append(rij)
    # follow-ups after the agreement they continue, whose id they need
    eerst = [i for i, x in enumerate(wereld.plannen) if x.vervolg_op is None]
    ids = dict(zip(eerst, invoegen(Afspraak, [afspraken[i] for i in eerst]), strict=True))
    daarna = [i for i, x in enumerate(wereld.plannen) if x.vervolg_op is not None]
    for i in daarna:
        afspraken[i]["vervolg_op_id"] = ids[wereld.plannen[i].vervolg_op]  # type: ignore[index]
    ids.update(zip(daarna, invoegen(Afspraak, [afspraken[i] for i in daarna]), strict=True))
    return burgers, [ids[i] for i in range(len(wereld.plannen))]
