"""Writes of participants and their own bank accounts.

Each use case validates completely (so the API and commands cannot store what the form
would refuse), runs in one transaction and records an audit line with before/after.
Participation (deelname) and households have their own modules; they are re-exported
here so callers need one import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer, momentopname
from huishoudboekje.core import identificatie as ident
from huishoudboekje.kernmeldingen import vertaal
from huishoudboekje.rekeningen.models import Rekening

from .models import Burger
from .services_deelname import (  # noqa: F401  (re-exported)
    deelname_aanmaken,
    deelname_beeindigen,
    deelname_wijzigen,
)
from .services_huishouden import (  # noqa: F401  (re-exported)
    NIEUW_HUISHOUDEN,
    burger_huishouden_wijzigen,
    huishouden_aanmaken,
    huishouden_in_gebruik,
    huishouden_verwijderen,
    huishouden_wijzigen,
    kies_huishouden,
)

# Messages marked for the catalogue here, translated where they are raised (request time).
BSN_BESTAAT = gettext_noop("Er is al een deelnemer met dit BSN.")
HHB_PATROON = r"^HHB[0-9]{6}$"
_POGINGEN = 5

PERSOONSVELDEN = (
    "bsn",
    "voorletters",
    "voornamen",
    "tussenvoegsel",
    "achternaam",
    "geboortedatum",
    "straat",
    "huisnummer",
    "postcode",
    "plaats",
    "telefoonnummer",
    "email",
)
_VERPLICHT = {
    "bsn": gettext_noop("Vul het BSN in."),
    "voornamen": gettext_noop("Vul de voornamen in."),
    "achternaam": gettext_noop("Vul de achternaam in."),
    "geboortedatum": gettext_noop("Vul de geboortedatum in."),
    "straat": gettext_noop("Vul de straat in."),
    "huisnummer": gettext_noop("Vul het huisnummer in."),
    "postcode": gettext_noop("Vul de postcode in."),
    "plaats": gettext_noop("Vul de woonplaats in."),
}


def volgend_hhb_nummer() -> str:
    """ "HHB" + the highest existing sequence number plus one, zero-padded to 6 digits."""
    hoogste = Burger.objects.filter(hhb_nummer__regex=HHB_PATROON).aggregate(m=Max("hhb_nummer"))[
        "m"
    ]
    volgnummer = int(hoogste[3:]) + 1 if hoogste else 1
    return f"HHB{volgnummer:06d}"


def _persoonsgegevens(gegevens: Mapping[str, Any]) -> dict[str, Any]:
    """Trimmed, normalised personal data; raises ValidationError per field."""
    data: dict[str, Any] = {}
    fouten: dict[str, list[str]] = {}
    for veld in PERSOONSVELDEN:
        waarde = gegevens.get(veld)
        data[veld] = waarde.strip() if isinstance(waarde, str) else waarde
        if veld in _VERPLICHT and data[veld] in (None, ""):
            fouten.setdefault(veld, []).append(_(_VERPLICHT[veld]))
        elif data[veld] is None and veld not in ("geboortedatum",):
            data[veld] = ""
    for veld, functie in (("bsn", ident.normaliseer_bsn), ("postcode", ident.normaliseer_postcode)):
        if data[veld] and veld not in fouten:
            try:
                data[veld] = functie(str(data[veld]))
            except ident.IdentificatieFout as exc:
                fouten.setdefault(veld, []).append(vertaal(exc))
    geboortedatum = data["geboortedatum"]
    if geboortedatum is not None and not isinstance(geboortedatum, dt.date):
        fouten.setdefault("geboortedatum", []).append(_("Vul een geldige datum in."))
    elif geboortedatum is not None and geboortedatum > timezone.localdate():
        fouten.setdefault("geboortedatum", []).append(
            _("De geboortedatum kan niet in de toekomst liggen.")
        )
    if fouten:
        raise ValidationError(fouten)
    return data


def _controleer_bsn_uniek(bsn: str, *, behalve: int | None = None) -> None:
    if Burger.objects.filter(bsn=bsn).exclude(pk=behalve).exists():
        raise ValidationError({"bsn": _(BSN_BESTAAT)})


def _vul_en_controleer(burger: Burger, data: Mapping[str, Any]) -> None:
    for veld, waarde in data.items():
        setattr(burger, veld, waarde)
    burger.full_clean(exclude=["hhb_nummer", "huishouden"], validate_unique=False)


def _bewaar_met_nummer(burger: Burger) -> None:
    """Save a new participant with the next HHB-number. Two saves at the same moment
    may pick the same number; the unique constraint refuses one and it tries again."""
    for poging in range(_POGINGEN):
        burger.hhb_nummer = volgend_hhb_nummer()
        try:
            with transaction.atomic():
                burger.save(force_insert=True)
            return
        except IntegrityError:
            burger.pk = None
            if Burger.objects.filter(bsn=burger.bsn).exists():
                raise ValidationError({"bsn": _(BSN_BESTAAT)}) from None
            if poging == _POGINGEN - 1:
                raise


def _rekening_zoeken_of_maken(
    *, door: Any, iban: str, rekeninghouder: str, burger_id: int | None
) -> Rekening:
    """The account with this IBAN (reused as it is), or a new one with the BIC derived."""
    try:
        compact = ident.normaliseer_iban(iban or "")
    except ident.IdentificatieFout as exc:
        raise ValidationError({"iban": vertaal(exc)}) from exc
    bestaand = Rekening.objects.filter(iban=compact).first()
    if bestaand is not None:
        return bestaand
    houder = (rekeninghouder or "").strip()
    if not houder:
        raise ValidationError({"rekeninghouder": _("Vul de naam van de rekeninghouder in.")})
    rekening = Rekening(iban=compact, rekeninghouder=houder[:70], bic=ident.bic_bij_iban(compact))
    rekening.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            rekening.save()
    except IntegrityError:  # created by someone else meanwhile: use theirs
        return Rekening.objects.get(iban=compact)
    audit_registreer(door=door, actie=AuditActie.AANGEMAAKT, obj=rekening, burger_id=burger_id)
    return rekening


@transaction.atomic
def burger_aanmaken(
    *,
    door: Any,
    gegevens: Mapping[str, Any],
    deelname: Mapping[str, Any] | None = None,
    rekeningen: Iterable[Mapping[str, str]] = (),
) -> Burger:
    """A new participant with an HHB-number, optionally a household ("huishouden": a
    Huishouden, None or NIEUW_HUISHOUDEN), own accounts ({"iban", "rekeninghouder"})
    and the first deelname (keys of services_deelname.DEELNAMEVELDEN)."""
    data = _persoonsgegevens(gegevens)
    burger = Burger()
    _vul_en_controleer(burger, data)
    _controleer_bsn_uniek(data["bsn"])
    burger.huishouden = kies_huishouden(door=door, keuze=gegevens.get("huishouden"), burger=burger)
    _bewaar_met_nummer(burger)
    for rij in rekeningen:
        if not (rij.get("iban") or "").strip():
            continue
        rekening = _rekening_zoeken_of_maken(
            door=door,
            iban=rij["iban"],
            rekeninghouder=rij.get("rekeninghouder") or burger.naam,
            burger_id=burger.pk,
        )
        burger.rekeningen.add(rekening)
    audit_registreer(door=door, actie=AuditActie.AANGEMAAKT, obj=burger, burger_id=burger.pk)
    if deelname is not None:
        deelname_aanmaken(door=door, burger=burger, gegevens=deelname)
    return burger


@transaction.atomic
def burger_wijzigen(*, door: Any, burger: Burger, gegevens: Mapping[str, Any]) -> Burger:
    """Change personal data and household. The HHB-number never changes."""
    burger = Burger.objects.select_for_update().get(pk=burger.pk)
    voor = momentopname(burger)
    data = _persoonsgegevens(gegevens)
    _vul_en_controleer(burger, data)
    _controleer_bsn_uniek(data["bsn"], behalve=burger.pk)
    if "huishouden" in gegevens:
        burger.huishouden = kies_huishouden(door=door, keuze=gegevens["huishouden"], burger=burger)
    try:
        with transaction.atomic():
            burger.save()
    except IntegrityError:
        raise ValidationError({"bsn": _(BSN_BESTAAT)}) from None
    audit_registreer(
        door=door, actie=AuditActie.GEWIJZIGD, obj=burger, voor=voor, burger_id=burger.pk
    )
    return burger


@transaction.atomic
def burger_rekening_koppelen(
    *, door: Any, burger: Burger, iban: str, rekeninghouder: str = ""
) -> Rekening:
    """Link an own account; an account with this IBAN that exists is reused."""
    burger = Burger.objects.select_for_update().get(pk=burger.pk)
    rekening = _rekening_zoeken_of_maken(
        door=door, iban=iban, rekeninghouder=rekeninghouder or burger.naam, burger_id=burger.pk
    )
    if burger.rekeningen.filter(pk=rekening.pk).exists():
        raise ValidationError({"iban": _("Deze rekening is al gekoppeld aan deze deelnemer.")})
    voor = momentopname(burger)
    burger.rekeningen.add(rekening)
    audit_registreer(
        door=door, actie=AuditActie.GEWIJZIGD, obj=burger, voor=voor, burger_id=burger.pk
    )
    return rekening


def rekening_in_gebruik(burger: Burger, rekening: Rekening) -> str | None:
    """Why this account may not be unlinked from the participant, or None."""
    afspraken = list(
        rekening.afspraken.filter(burger=burger).values_list("omschrijving", flat=True)[:3]
    )
    if afspraken:
        namen = ", ".join(f"'{a}'" for a in afspraken)
        return _(
            "Deze rekening wordt gebruikt in afspraak %(namen)s "
            "en kan daarom niet worden ontkoppeld."
        ) % {"namen": namen}
    return None


@transaction.atomic
def burger_rekening_ontkoppelen(*, door: Any, burger: Burger, rekening: Rekening) -> None:
    """Remove the link; the account itself stays (others may use it)."""
    burger = Burger.objects.select_for_update().get(pk=burger.pk)
    if not burger.rekeningen.filter(pk=rekening.pk).exists():
        raise ValidationError(_("Deze rekening is niet gekoppeld aan deze deelnemer."))
    reden = rekening_in_gebruik(burger, rekening)
    if reden:
        raise ValidationError(reden)
    voor = momentopname(burger)
    burger.rekeningen.remove(rekening)
    audit_registreer(
        door=door, actie=AuditActie.GEWIJZIGD, obj=burger, voor=voor, burger_id=burger.pk
    )


def burger_in_gebruik(burger: Burger) -> str | None:
    """Why this participant may not be deleted, or None when nothing refers to them."""
    afspraken, deelnames = burger.afspraken.exists(), burger.deelnames.exists()
    if afspraken and deelnames:
        return _(
            "Deze deelnemer heeft afspraken en een deelname (ook een beëindigde) en kan daarom "
            "niet worden verwijderd; de geschiedenis moet bewaard blijven."
        )
    if afspraken:
        return _(
            "Deze deelnemer heeft afspraken en kan daarom niet worden verwijderd; "
            "de geschiedenis moet bewaard blijven."
        )
    if deelnames:
        return _(
            "Deze deelnemer heeft een deelname (ook een beëindigde) en kan daarom niet worden "
            "verwijderd; de geschiedenis moet bewaard blijven."
        )
    return None


@transaction.atomic
def burger_verwijderen(*, door: Any, burger: Burger) -> None:
    """Delete a participant that nothing refers to (see `burger_in_gebruik`)."""
    burger = Burger.objects.select_for_update().get(pk=burger.pk)
    reden = burger_in_gebruik(burger)
    if reden:
        raise ValidationError(reden)
    voor = momentopname(burger)
    audit_registreer(
        door=door, actie=AuditActie.VERWIJDERD, obj=burger, voor=voor, burger_id=burger.pk
    )
    burger.rekeningen.clear()
    burger.delete()
