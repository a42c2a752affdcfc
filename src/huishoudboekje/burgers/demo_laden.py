"""Writing the generated demo municipality (demogegevens) to the database, fast.

Demo data is fictitious and large (10,000 participants means ~95,000 agreements), so it
does not go through the per-object services: everything is inserted in bulk (COPY on
PostgreSQL, one prepared INSERT on SQLite) in one transaction, with rubrieken and
organisations looked up in dicts. The generator already guarantees what
the services would check (valid BSNs/IBANs, matching rubriek kinds, valid schedules,
accounts of the right department or participant); the tests prove it. Instead of
~130,000 audit lines about invented people, one summary line records who loaded what.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import connection, models, transaction
from django.utils import timezone

from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer
from huishoudboekje.bankafschriften.models import Bankafschrift, Banktransactie, Importbestand
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.bulk import invoegen
from huishoudboekje.configuratie.selectors import gemeente
from huishoudboekje.core.identificatie import bic_bij_iban
from huishoudboekje.demogegevens import DemoGemeente, Leefgeldinstelling, genereer_gemeente
from huishoudboekje.organisaties.models import Afdeling, Organisatie, Postadres
from huishoudboekje.rekeningen.models import Rekening

from .models import Burger, Deelname, Huishouden
from .services import volgend_hhb_nummer

# The domain data `--leegmaken` removes; models of these apps that refer to it (bank
# statements, bookings, payment files, signals in later issues) are emptied too.
_KERN: tuple[type[models.Model], ...] = (
    Banktransactie,
    Bankafschrift,
    Importbestand,
    Afspraak,
    Deelname,
    Burger,
    Huishouden,
    Postadres,
    Afdeling,
    Organisatie,
    Rekening,
)
_DOMEIN_APPS = frozenset(
    {
        "afspraken",
        "burgers",
        "organisaties",
        "rekeningen",
        "bankafschriften",
        "boekhouding",
        "betalingen",
        "signalering",
        "rapportage",
        "portaal",
    }
)


class DemoDataFout(Exception):
    """The demo data cannot be loaded; the message is Dutch and says what to do."""


@dataclass(frozen=True)
class Samenvatting:
    deelnemers: int
    huishoudens: int
    afspraken: int
    organisaties: int
    afdelingen: int
    rekeningen: int
    # the generated data and the database id of each generated agreement (by index), so
    # the statement generator and the benchmark can check bookings against ground truth
    gemeente: DemoGemeente | None = dataclasses.field(default=None, compare=False, repr=False)
    afspraak_ids: tuple[int, ...] = dataclasses.field(default=(), compare=False, repr=False)

    def als_dict(self) -> dict[str, int]:
        return {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if f.name not in ("gemeente", "afspraak_ids")
        }


def _te_legen() -> list[type[models.Model]]:
    """The core models plus every model (of a domain app, or a many-to-many table) that
    refers to them, directly or through another. Raises DemoDataFout when a model of
    another app refers to them and has rows."""
    gekozen: list[type[models.Model]] = list(_KERN)
    gewijzigd = True
    while gewijzigd:
        gewijzigd = False
        for model in apps.get_models(include_auto_created=True):
            if model in gekozen:
                continue
            verwijst = any(
                veld.many_to_one or veld.one_to_one
                for veld in model._meta.concrete_fields
                if getattr(veld, "related_model", None) in gekozen
            )
            if not verwijst:
                continue
            if model._meta.auto_created or model._meta.app_label in _DOMEIN_APPS:
                gekozen.insert(0, model)
                gewijzigd = True
            elif model._default_manager.exists():
                raise DemoDataFout(
                    f"Leegmaken kan niet: er zijn nog {model._meta.verbose_name_plural} die naar "
                    "deelnemers, afspraken, organisaties of rekeningen verwijzen."
                )
    return gekozen


def _leegmaken() -> None:
    """Delete all participant, agreement, organisation and account data (not the
    configuration, staff, rubrieken or audit trail). Foreign keys are checked at commit
    (deferred on SQLite and PostgreSQL), so plain DELETEs are safe and fast."""
    with connection.cursor() as cursor:
        for model in _te_legen():
            tabel = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"DELETE FROM {tabel}")  # noqa: S608 (table name from model metadata)


def _bestaande_gegevens() -> str | None:
    if Burger.objects.exists():
        return "deelnemers"
    if Organisatie.objects.exists() or Rekening.objects.exists():
        return "organisaties of rekeningen"
    return None


@transaction.atomic
def demo_data_laden(
    *,
    deelnemers: int,
    seed: int,
    peildatum: dt.date | None = None,
    leegmaken: bool = False,
    door: object = None,
) -> Samenvatting:
    """Generate and store a demo municipality with `deelnemers` participants.

    Refuses when participants (or organisations/accounts) exist, unless `leegmaken`."""
    if deelnemers < 1:
        raise DemoDataFout("Kies minstens 1 deelnemer.")
    bestaand = _bestaande_gegevens()
    if bestaand and not leegmaken:
        raise DemoDataFout(
            f"Er staan al {bestaand} in deze database. Demo-data laden gebeurt alleen in een lege "
            "database; gebruik --leegmaken om eerst alle deelnemers, afspraken, organisaties en "
            "rekeningen te verwijderen (de configuratie, medewerkers en rubrieken blijven)."
        )
    if leegmaken:
        _leegmaken()
    instellingen = gemeente()
    data = genereer_gemeente(
        deelnemers=deelnemers,
        seed=seed,
        peildatum=peildatum or timezone.localdate(),
        gemeente_naam=instellingen.naam,
        leefgeld=Leefgeldinstelling(
            bedrag=instellingen.leefgeld_standaard_bedrag or 7500,
            frequentie=instellingen.leefgeld_standaard_frequentie,
            weekdag=instellingen.leefgeld_standaard_weekdag,
        ),
        minimale_looptijd_maanden=instellingen.minimale_looptijd_maanden,
    )
    samenvatting = _bewaar(data)
    audit_registreer(
        door=door,
        actie=AuditActie.GEWIJZIGD,
        obj=instellingen,
        voor=None,
        na={
            "gebeurtenis": "demo-data geladen",
            "seed": seed,
            "leeggemaakt": leegmaken,
            **samenvatting.als_dict(),
        },
    )
    return samenvatting


def _bewaar(data: DemoGemeente) -> Samenvatting:
    rekening_id = _rekeningen(data)
    afdeling_id = _organisaties(data, rekening_id)
    burger_id = _burgers(data, rekening_id)
    afspraak_ids = _afspraken(data, burger_id, afdeling_id, rekening_id)
    return Samenvatting(
        deelnemers=len(data.burgers),
        huishoudens=len(data.huishoudens),
        afspraken=len(afspraak_ids),
        organisaties=len(data.organisaties),
        afdelingen=len(afdeling_id),
        rekeningen=len(rekening_id),
        gemeente=data,
        afspraak_ids=tuple(afspraak_ids),
    )


def _zelfde(obj: object, namen: tuple[str, ...]) -> dict[str, Any]:
    """The fields that have the same name in the generated data and the model."""
    return {naam: getattr(obj, naam) for naam in namen}


_REKENING = ("iban", "rekeninghouder")
_BURGER = (
    "bsn", "voorletters", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "straat",
    "huisnummer", "postcode", "plaats", "telefoonnummer", "email",
)  # fmt: skip
_DEELNAME = (
    "startdatum", "einddatum", "variant", "minimale_looptijd_maanden", "buffergrens",
    "signaal_negatief_saldo",
)  # fmt: skip
_POSTADRES = ("straat", "huisnummer", "postcode", "plaats")
_AFSPRAAK = (
    "richting", "omschrijving", "bedrag", "geldig_van", "geldig_tot", "betaalwijze", "leefgeld",
    "frequentie", "interval", "dag_van_maand", "weekdag", "maand",
)  # fmt: skip


def _rekeningen(data: DemoGemeente) -> dict[str, int]:
    bics: dict[str, str] = {}  # the BIC follows from the bank code
    rijen = []
    for rekening in data.rekeningen:
        bankcode = rekening.iban[4:8]
        if bankcode not in bics:
            bics[bankcode] = bic_bij_iban(rekening.iban)
        rijen.append({**_zelfde(rekening, _REKENING), "bic": bics[bankcode]})
    ids = invoegen(Rekening, rijen)
    return {r.iban: pk for r, pk in zip(data.rekeningen, ids, strict=True)}


def _organisaties(data: DemoGemeente, rekening_id: dict[str, int]) -> dict[str, int]:
    """Few rows: the ORM's bulk_create is fast enough here."""
    organisaties = Organisatie.objects.bulk_create(
        Organisatie(naam=o.naam, kvk_nummer=o.kvk_nummer, vestigingsnummer=o.vestigingsnummer)
        for o in data.organisaties
    )
    demo = [
        (org.pk, a)
        for org, o in zip(organisaties, data.organisaties, strict=True)
        for a in o.afdelingen
    ]
    afdelingen = Afdeling.objects.bulk_create(
        Afdeling(organisatie_id=pk, naam=a.naam) for pk, a in demo
    )
    paren = [(afd.pk, a) for afd, (_, a) in zip(afdelingen, demo, strict=True)]
    Postadres.objects.bulk_create(
        Postadres(afdeling_id=pk, **_zelfde(a.postadres, _POSTADRES)) for pk, a in paren
    )
    koppeling = Afdeling.rekeningen.through
    koppeling.objects.bulk_create(
        koppeling(afdeling_id=pk, rekening_id=rekening_id[iban])
        for pk, a in paren
        for iban in a.ibans
    )
    return {a.sleutel: pk for pk, a in paren}


def _burgers(data: DemoGemeente, rekening_id: dict[str, int]) -> list[int]:
    huishoudens = invoegen(Huishouden, [{"naam": naam} for naam in data.huishoudens])
    eerste = int(volgend_hhb_nummer()[3:]) - 1  # 0 in an empty database: HHB000001, ...
    rijen = [
        {
            **_zelfde(b, _BURGER),
            "hhb_nummer": f"HHB{eerste + b.volgnummer:06d}",
            "huishouden_id": huishoudens[b.huishouden],
        }
        for b in data.burgers
    ]
    ids = invoegen(Burger, rijen)
    paren = list(zip(ids, data.burgers, strict=True))
    invoegen(
        Burger.rekeningen.through,
        [{"burger_id": pk, "rekening_id": rekening_id[b.iban]} for pk, b in paren],
    )
    invoegen(Deelname, [{**_zelfde(b.deelname, _DEELNAME), "burger_id": pk} for pk, b in paren])
    return ids


def _afspraken(
    data: DemoGemeente,
    burger_id: list[int],
    afdeling_id: dict[str, int],
    rekening_id: dict[str, int],
) -> list[int]:
    """Agreements in generations: first those that continue nothing, then each follow-up
    once the agreement it continues has its id (rent raises form short chains)."""
    rubrieken = dict(Rubriek.objects.values_list("naam", "pk"))
    ontbrekend = sorted({a.rubriek for a in data.afspraken} - set(rubrieken))
    if ontbrekend:
        raise DemoDataFout(
            f"Deze rubrieken ontbreken: {', '.join(ontbrekend)}. Voer eerst 'hhb migrate' uit."
        )
    ids: list[int | None] = [None] * len(data.afspraken)
    open_ = list(range(len(data.afspraken)))

    def kan(index: int) -> bool:
        vorige = data.afspraken[index].vervolg_op
        return vorige is None or ids[vorige] is not None

    while open_:
        klaar = [i for i in open_ if kan(i)]
        if not klaar:
            raise DemoDataFout("De vervolgafspraken in de demo-data verwijzen in een kring.")
        rijen = []
        for i in klaar:
            a = data.afspraken[i]
            vorige = a.vervolg_op
            rijen.append(
                {
                    **_zelfde(a, _AFSPRAAK),
                    "burger_id": burger_id[a.burger],
                    "rubriek_id": rubrieken[a.rubriek],
                    "afdeling_id": afdeling_id[a.afdeling] if a.afdeling else None,
                    "tegenrekening_id": rekening_id[a.tegenrekening],
                    "zoektermen": list(a.zoektermen),
                    "vervolg_op_id": ids[vorige] if vorige is not None else None,
                    "uitzonderingen": [d.isoformat() for d in a.uitzonderingen],
                }
            )
        for i, pk in zip(klaar, invoegen(Afspraak, rijen), strict=True):
            ids[i] = pk
        gedaan = set(klaar)
        open_ = [i for i in open_ if i not in gedaan]
    return [i for i in ids if i is not None]
