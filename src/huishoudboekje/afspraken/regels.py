"""The rules an agreement must satisfy, in one place.

The form (for field-level messages while typing) and every service (so the API and
commands get the same rules) call `controleer_afspraak`. It collects every problem per
field instead of stopping at the first, and never touches the database except to read
which accounts belong to the participant or department.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from huishoudboekje.boekhouding.models import Rubriek, Soort
from huishoudboekje.burgers.models import Burger
from huishoudboekje.burgers.selectors import GEEN_VASTE_LASTEN, huidige_deelname
from huishoudboekje.core import schedules
from huishoudboekje.kernmeldingen import vertaal
from huishoudboekje.organisaties.models import Afdeling
from huishoudboekje.rekeningen.models import Rekening

from .models import Betaalwijze

MAX_OMSCHRIJVING = 140  # SEPA: remittance information is at most 140 characters
LEEFGELD_GROOTBOEKREKENING = "WBedLfgUit"  # RGS code behind the rubriek "Leefgeld"

# Every key an agreement's data (`gegevens`) may hold; the services refuse others.
VELDEN = (
    "richting",
    "leefgeld",
    "afdeling",
    "tegenrekening",
    "bedrag",
    "omschrijving",
    "rubriek",
    "geldig_van",
    "geldig_tot",
    "zoektermen",
    "betaalwijze",
    "frequentie",
    "interval",
    "dag_van_maand",
    "weekdag",
    "maand",
    "uitzonderingen",
)
VERPLICHT = (
    "richting",
    "tegenrekening",
    "bedrag",
    "omschrijving",
    "rubriek",
    "geldig_van",
    "frequentie",
)
SCHEMA_VELDEN = ("frequentie", "interval", "dag_van_maand", "weekdag", "maand", "uitzonderingen")

Fouten = dict[str, list[str]]


def _voeg_toe(fouten: Fouten, veld: str, melding: str) -> None:
    fouten.setdefault(veld, []).append(melding)


def splits_zoektermen(tekst: str) -> list[str]:
    """'huur, HUURCONTRACT 12\\n' -> ['huur', 'HUURCONTRACT 12'] (trimmed, no empties,
    duplicates removed while keeping the order staff typed)."""
    termen: list[str] = []
    for deel in tekst.replace("\r", "\n").replace(",", "\n").split("\n"):
        deel = " ".join(deel.split())
        if deel and deel not in termen:
            termen.append(deel)
    return termen


def lees_datums(tekst: str) -> tuple[list[dt.date], list[str]]:
    """Dates one per line (dd-mm-jjjj or jjjj-mm-dd) -> (sorted unique dates, errors)."""
    datums: set[dt.date] = set()
    fouten: list[str] = []
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        regel = regel.strip().rstrip(",")
        if not regel:
            continue
        datum = None
        for formaat in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
            try:
                datum = dt.datetime.strptime(regel, formaat).date()
                break
            except ValueError:
                continue
        if datum is None:
            fouten.append(
                _(
                    "Regel %(nummer)s ('%(regel)s') is geen datum; schrijf dd-mm-jjjj, "
                    "bijvoorbeeld 24-12-2026."
                )
                % {"nummer": nummer, "regel": regel}
            )
        else:
            datums.add(datum)
    return sorted(datums), fouten


def betaalschema_uit(gegevens: Mapping[str, Any]) -> schedules.Betaalschema:
    """The pure schedule for these agreement data (start/end are the validity dates)."""
    return schedules.Betaalschema(
        frequentie=schedules.Frequentie(gegevens["frequentie"]),
        startdatum=gegevens["geldig_van"],
        einddatum=gegevens.get("geldig_tot"),
        interval=gegevens.get("interval") or 1,
        dag_van_maand=gegevens.get("dag_van_maand"),
        weekdag=gegevens.get("weekdag"),
        maand=gegevens.get("maand"),
        uitzonderingen=frozenset(gegevens.get("uitzonderingen") or ()),
    )


def schema_veld_bij_melding(melding: str) -> str:
    """Which form field a message from `core.schedules.valideer` is about."""
    tekst = melding.lower()
    for sleutel, veld in (
        ("uitzondering", "uitzonderingen"),
        ("dag van de maand", "dag_van_maand"),
        ("dag_van_maand", "dag_van_maand"),
        ("weekdag", "weekdag"),
        ("interval", "interval"),
        ("elke", "interval"),
        ("maand", "maand"),
        ("einddatum", "geldig_tot"),
        ("startdatum", "geldig_van"),
    ):
        if sleutel in tekst:
            return veld
    return "frequentie"


def _controleer_verplicht(gegevens: Mapping[str, Any], fouten: Fouten) -> None:
    meldingen = {
        "richting": _("Kies of dit een inkomst of een uitgave is."),
        "tegenrekening": _("Kies de tegenrekening."),
        "bedrag": _("Vul het bedrag in."),
        "omschrijving": _("Vul een omschrijving in."),
        "rubriek": _("Kies een rubriek."),
        "geldig_van": _("Vul de datum in vanaf wanneer de afspraak geldt."),
        "frequentie": _("Kies hoe vaak er betaald wordt."),
    }
    for veld in VERPLICHT:
        waarde = gegevens.get(veld)
        if waarde is None or waarde == "":
            _voeg_toe(fouten, veld, meldingen[veld])


def _controleer_bedrag_en_tekst(gegevens: Mapping[str, Any], fouten: Fouten) -> None:
    bedrag = gegevens.get("bedrag")
    if bedrag is not None and (
        not isinstance(bedrag, int) or isinstance(bedrag, bool) or bedrag <= 0
    ):
        _voeg_toe(fouten, "bedrag", _("Het bedrag moet groter zijn dan € 0,00."))
    omschrijving = gegevens.get("omschrijving") or ""
    if len(omschrijving) > MAX_OMSCHRIJVING:
        _voeg_toe(
            fouten,
            "omschrijving",
            _(
                "De omschrijving mag hoogstens %(maximum)s tekens lang zijn (de grens voor "
                "SEPA-betalingen); deze is %(lengte)s tekens."
            )
            % {"maximum": MAX_OMSCHRIJVING, "lengte": len(omschrijving)},
        )
    termen = gegevens.get("zoektermen") or []
    if not isinstance(termen, list) or not all(isinstance(t, str) and t.strip() for t in termen):
        _voeg_toe(
            fouten, "zoektermen", _("Zoektermen moeten een lijst van niet-lege teksten zijn.")
        )
    elif any(len(t) > MAX_OMSCHRIJVING for t in termen):
        _voeg_toe(
            fouten,
            "zoektermen",
            _("Een zoekterm mag hoogstens %(maximum)s tekens lang zijn.")
            % {"maximum": MAX_OMSCHRIJVING},
        )


def _controleer_richting(gegevens: Mapping[str, Any], fouten: Fouten) -> None:
    richting = gegevens.get("richting")
    if richting and richting not in Soort.values:
        _voeg_toe(fouten, "richting", _("Kies inkomsten of uitgaven."))
        return
    rubriek: Rubriek | None = gegevens.get("rubriek")
    if rubriek is not None and richting and rubriek.grootboekrekening.soort != richting:
        if richting == Soort.INKOMSTEN:
            melding = _("Kies een rubriek voor inkomsten; '%(naam)s' hoort niet bij inkomsten.")
        else:
            melding = _("Kies een rubriek voor uitgaven; '%(naam)s' hoort niet bij uitgaven.")
        _voeg_toe(fouten, "rubriek", melding % {"naam": rubriek.naam})
    betaalwijze = gegevens.get("betaalwijze") or ""
    if richting == Soort.UITGAVEN and not betaalwijze:
        _voeg_toe(
            fouten, "betaalwijze", _("Kies of wij overmaken of dat de partij incasseert.")
        )
    elif richting == Soort.INKOMSTEN and betaalwijze:
        _voeg_toe(
            fouten,
            "betaalwijze",
            _("Een betaalwijze hoort alleen bij uitgaven; laat dit leeg bij inkomsten."),
        )
    if betaalwijze and betaalwijze not in Betaalwijze.values:
        _voeg_toe(fouten, "betaalwijze", _("Kies overschrijving of incasso."))
    if gegevens.get("leefgeld"):
        if richting and richting != Soort.UITGAVEN:
            _voeg_toe(
                fouten, "richting", _("Leefgeld is een uitgave aan de deelnemer; kies uitgaven.")
            )
        if (
            rubriek is not None
            and rubriek.grootboekrekening.referentiecode != LEEFGELD_GROOTBOEKREKENING
        ):
            _voeg_toe(
                fouten, "rubriek", _("Kies de rubriek Leefgeld voor een leefgeldafspraak.")
            )
        if gegevens.get("afdeling") is not None:
            _voeg_toe(
                fouten,
                "afdeling",
                _("Leefgeld gaat naar de eigen rekening van de deelnemer; kies geen organisatie."),
            )


def _controleer_tegenpartij(burger: Burger, gegevens: Mapping[str, Any], fouten: Fouten) -> None:
    afdeling: Afdeling | None = gegevens.get("afdeling")
    rekening: Rekening | None = gegevens.get("tegenrekening")
    if rekening is None:
        return
    if afdeling is not None:
        if not afdeling.rekeningen.filter(pk=rekening.pk).exists():
            _voeg_toe(
                fouten,
                "tegenrekening",
                _("Deze rekening hoort niet bij %(afdeling)s; kies een rekening van die afdeling.")
                % {"afdeling": afdeling},
            )
    elif not burger.pk or not burger.rekeningen.filter(pk=rekening.pk).exists():
        _voeg_toe(
            fouten,
            "tegenrekening",
            _(
                "Deze rekening is geen rekening van de deelnemer; kies een eigen rekening van de "
                "deelnemer of kies eerst een organisatie."
            ),
        )


def _controleer_variant(burger: Burger, gegevens: Mapping[str, Any], fouten: Fouten) -> None:
    """A fixed cost paid to an organisation does not fit the variants 'inkomsten' and
    'afbouw'; one that ends today at the latest may still be recorded or ended."""
    if (
        gegevens.get("richting") != Soort.UITGAVEN
        or gegevens.get("afdeling") is None
        or gegevens.get("leefgeld")
        or not burger.pk
    ):
        return
    tot = gegevens.get("geldig_tot")
    if isinstance(tot, dt.date) and tot <= timezone.localdate():
        return
    deelname = huidige_deelname(burger)
    reden = GEEN_VASTE_LASTEN.get(deelname.variant) if deelname else None
    if reden:
        _voeg_toe(
            fouten,
            "afdeling",
            _(
                "%(reden)s Kies een andere variant bij de deelname, of laat deze afspraak "
                "uiterlijk vandaag eindigen."
            )
            % {"reden": _(reden)},
        )


def _controleer_datums_en_schema(gegevens: Mapping[str, Any], fouten: Fouten, schema: bool) -> None:
    van, tot = gegevens.get("geldig_van"), gegevens.get("geldig_tot")
    if van and tot and tot < van:
        _voeg_toe(
            fouten,
            "geldig_tot",
            _("De einddatum ligt vóór de begindatum; kies een datum op of na de begindatum."),
        )
    uitzonderingen: Iterable[Any] = gegevens.get("uitzonderingen") or []
    if not all(isinstance(d, dt.date) for d in uitzonderingen):
        _voeg_toe(fouten, "uitzonderingen", _("Uitzonderingen moeten datums zijn."))
        return
    if not schema or not van or "geldig_tot" in fouten or any(v in fouten for v in SCHEMA_VELDEN):
        return
    frequentie = gegevens.get("frequentie")
    if frequentie not in {f.value for f in schedules.Frequentie}:
        if frequentie:
            _voeg_toe(fouten, "frequentie", _("Kies een geldige frequentie."))
        return
    for melding in schedules.valideer(betaalschema_uit(gegevens)):
        _voeg_toe(fouten, schema_veld_bij_melding(melding), vertaal(melding))


def controleer_afspraak(
    burger: Burger, gegevens: Mapping[str, Any], *, schema_controleren: bool = True
) -> Fouten:
    """Every problem with these agreement data, per field ({} when all is well).

    `schema_controleren=False` skips the schedule check (the form does so while a
    schedule field could not even be read, to avoid misleading follow-on messages)."""
    fouten: Fouten = {}
    onbekend = set(gegevens) - set(VELDEN)
    if onbekend:
        _voeg_toe(
            fouten,
            "__all__",
            _("Onbekende gegevens: %(namen)s.") % {"namen": ", ".join(sorted(onbekend))},
        )
    _controleer_verplicht(gegevens, fouten)
    _controleer_bedrag_en_tekst(gegevens, fouten)
    _controleer_richting(gegevens, fouten)
    _controleer_tegenpartij(burger, gegevens, fouten)
    _controleer_variant(burger, gegevens, fouten)
    _controleer_datums_en_schema(gegevens, fouten, schema_controleren)
    return fouten
