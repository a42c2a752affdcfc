"""Reads of participants, their participation (deelname) and households.

`burger_zoeken` is the one search the list page, the API and other apps share: it
matches name, BSN, IBAN, HHB-number and address, without joins that multiply rows.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from huishoudboekje.configuratie.models import Gemeente

from .models import Burger, Deelname, Huishouden, Variant

_TEKSTVELDEN = (
    "voornamen",
    "voorletters",
    "tussenvoegsel",
    "achternaam",
    "hhb_nummer",
    "straat",
    "huisnummer",
    "postcode",
    "plaats",
)
_MAX_WOORDEN = 8
_IBAN_BEGIN = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]*$")
_POSTCODE = re.compile(r"^[1-9]\d{3}[A-Z]{2}$")


def burger_zoeken(q: str | None) -> QuerySet[Burger]:
    """Participants matching `q`; all participants when `q` is empty.

    Every word must occur (case-insensitive) in a name or address field or the
    HHB-number, so "Jan de Vries" and "Oudegracht 12" work. Besides that, `q` as a whole
    matches a BSN exactly, any IBAN of the participant's accounts (with or without
    spaces) and a postcode written without its space.
    """
    alle = Burger.objects.all()
    tekst = (q or "").strip()
    if not tekst:
        return alle
    woorden = Q()
    for woord in tekst.split()[:_MAX_WOORDEN]:
        een = Q()
        for veld in _TEKSTVELDEN:
            een |= Q(**{f"{veld}__icontains": woord})
        woorden &= een
    voorwaarde = woorden
    compact = re.sub(r"[\s.\-]", "", tekst).upper()
    if compact.isdigit() and len(compact) in (8, 9):
        voorwaarde |= Q(bsn=compact.zfill(9))
    if _IBAN_BEGIN.match(compact) or (compact.isdigit() and len(compact) >= 6):
        koppelingen = Burger.rekeningen.through.objects.filter(rekening__iban__contains=compact)
        voorwaarde |= Q(pk__in=koppelingen.values("burger_id"))
    if _POSTCODE.match(compact):
        voorwaarde |= Q(postcode=f"{compact[:4]} {compact[4:]}")
    return alle.filter(voorwaarde)


def _laatste_deelname() -> QuerySet[Deelname]:
    return Deelname.objects.filter(burger=OuterRef("pk")).order_by("-startdatum", "-pk")


def saldo_subquery() -> Any:
    from huishoudboekje.boekhouding.selectors import saldo_subquery as saldo

    return saldo()


def burgers_voor_lijst(q: str | None) -> QuerySet[Burger]:
    """The list page: search result with the latest deelname's dates and variant
    annotated (three correlated subqueries, no join, no N+1)."""
    laatste = _laatste_deelname()
    return (
        burger_zoeken(q)
        .only(
            "pk",
            "hhb_nummer",
            "voornamen",
            "tussenvoegsel",
            "achternaam",
            "geboortedatum",
            "straat",
            "huisnummer",
            "postcode",
            "plaats",
        )
        .annotate(
            deelname_start=Subquery(laatste.values("startdatum")[:1]),
            deelname_einde=Subquery(laatste.values("einddatum")[:1]),
            deelname_variant=Subquery(laatste.values("variant")[:1]),
            saldo=saldo_subquery(),
        )
        .order_by("achternaam", "voornamen", "pk")
    )


@dataclass(frozen=True)
class DeelnameStatus:
    """What the list and detail page show about participation."""

    code: str  # geen | gepland | actief | beeindigd
    label: str
    variant: str = ""
    einddatum: dt.date | None = None

    @property
    def badge(self) -> str:
        return {
            "actief": "success",
            "gepland": "neutral",
            "beeindigd": "inactive",
        }.get(self.code, "warning")


def deelname_status(
    startdatum: dt.date | None,
    einddatum: dt.date | None,
    variant: str | None,
    *,
    vandaag: dt.date | None = None,
) -> DeelnameStatus:
    vandaag = vandaag or timezone.localdate()
    if startdatum is None:
        return DeelnameStatus("geen", gettext_noop("Geen deelname"))
    variant_label = Variant(variant).label.split(" (")[0] if variant in Variant.values else ""
    # The labels are translated in the templates ({% translate status.label %}).
    if einddatum is not None and einddatum < vandaag:
        return DeelnameStatus("beeindigd", gettext_noop("Beëindigd"), variant_label, einddatum)
    if startdatum > vandaag:
        return DeelnameStatus("gepland", gettext_noop("Gepland"), variant_label, einddatum)
    return DeelnameStatus("actief", gettext_noop("Actief"), variant_label, einddatum)


def status_van(deelname: Deelname | None) -> DeelnameStatus:
    if deelname is None:
        return deelname_status(None, None, None)
    return deelname_status(deelname.startdatum, deelname.einddatum, deelname.variant)


def burger_met_details(pk: int) -> QuerySet[Burger]:
    """One participant (filter on pk) with household, accounts and deelnames."""
    return (
        Burger.objects.filter(pk=pk)
        .select_related("huishouden")
        .prefetch_related(
            Prefetch("rekeningen"),
            Prefetch("deelnames", queryset=Deelname.objects.order_by("-startdatum", "-pk")),
            Prefetch(
                "huishouden__leden", queryset=Burger.objects.order_by("achternaam", "voornamen")
            ),
        )
    )


def huidige_deelname(burger: Burger) -> Deelname | None:
    """The open deelname, or else the most recent one."""
    deelnames = list(burger.deelnames.order_by("-startdatum", "-pk"))
    open_ = [d for d in deelnames if d.einddatum is None]
    if open_:
        return open_[0]
    return deelnames[0] if deelnames else None


# Marked for the catalogue here, translated where they are used (request time): _(reden).
GEEN_VASTE_LASTEN: dict[str, str] = {
    Variant.INKOMSTEN: gettext_noop(
        "Bij de variant Inkomstenzekerheid betalen wij geen vaste lasten aan "
        "organisaties; de deelnemer krijgt alleen een vast bedrag uitbetaald."
    ),
    Variant.AFBOUW: gettext_noop(
        "Bij de variant Afbouw betaalt de deelnemer de vaste lasten zelf."
    ),
}


def lopende_vaste_lasten(burger: Burger) -> QuerySet[Any]:
    """The participant's fixed costs paid by us to organisations after today: what the
    variants 'inkomsten' and 'afbouw' exclude (leefgeld and savings to the participant's
    own account stay)."""
    return (
        burger.afspraken.filter(richting="uitgaven", afdeling__isnull=False, leefgeld=False)
        .filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=timezone.localdate()))
        .order_by("omschrijving")
    )


def vaste_lasten_bij_variant(burger: Burger, variant: str) -> str | None:
    """Why `variant` cannot start while fixed costs still run, or None."""
    reden = GEEN_VASTE_LASTEN.get(variant)
    if reden is None or not burger.pk:
        return None
    lopend = list(lopende_vaste_lasten(burger).values_list("omschrijving", flat=True)[:4])
    if not lopend:
        return None
    namen = ", ".join(f"'{o}'" for o in lopend[:3])
    if len(lopend) > 3:
        namen = _("%(namen)s en meer") % {"namen": namen}
    return _("%(reden)s Laat eerst de vaste lasten uiterlijk vandaag eindigen: %(namen)s.") % {
        "reden": _(reden),
        "namen": namen,
    }


def heeft_open_deelname(burger: Burger) -> bool:
    return Deelname.objects.filter(burger=burger, einddatum__isnull=True).exists()


def plus_maanden(datum: dt.date, maanden: int) -> dt.date:
    """`datum` plus `maanden` calendar months; the 31st clamps to the month's end."""
    index = datum.month - 1 + maanden
    jaar, maand = datum.year + index // 12, index % 12 + 1
    return dt.date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


def einde_minimale_looptijd(deelname: Deelname) -> dt.date:
    """The last day of the minimum term: ending on or after it needs no confirmation."""
    return plus_maanden(deelname.startdatum, deelname.minimale_looptijd_maanden) - dt.timedelta(
        days=1
    )


def gemeente_instellingen() -> Gemeente:
    """The municipality's settings, or the defaults when none are stored yet (a read
    never creates the row, so showing a form changes nothing)."""
    return Gemeente.objects.filter(pk=1).first() or Gemeente(pk=1)


def standaard_buffergrens() -> int:
    return gemeente_instellingen().standaard_buffergrens


def effectieve_buffergrens(deelname: Deelname) -> int:
    """The participant's own limit, or the municipality's default (cents)."""
    return deelname.buffergrens if deelname.buffergrens is not None else standaard_buffergrens()


def huishoudens_voor_lijst(q: str | None = None) -> QuerySet[Huishouden]:
    """Households with their member count and members (prefetched per page)."""
    huishoudens = Huishouden.objects.all()
    if q and q.strip():
        huishoudens = huishoudens.filter(pk__in=burger_zoeken(q).values("huishouden_id"))
    leden = Burger.objects.only(
        "pk", "huishouden_id", "hhb_nummer", "voornamen", "tussenvoegsel", "achternaam"
    ).order_by("achternaam", "voornamen", "pk")
    return (
        huishoudens.annotate(aantal_leden=Count("leden"))
        .prefetch_related(Prefetch("leden", queryset=leden))
        .order_by("pk")
    )


def huishouden_met_leden(pk: int) -> QuerySet[Huishouden]:
    return Huishouden.objects.filter(pk=pk).prefetch_related(
        Prefetch(
            "leden",
            queryset=Burger.objects.annotate(saldo=saldo_subquery()).order_by(
                "achternaam", "voornamen", "pk"
            ),
        )
    )


def huishouden_keuzes(limiet: int) -> list[tuple[int, str]] | None:
    """(pk, label) of every household for a select, or None when there are more than
    `limiet` (the form then asks for the household number instead)."""
    if Huishouden.objects.count() > limiet:
        return None
    rijen = Huishouden.objects.annotate(aantal=Count("leden")).values_list("pk", "naam", "aantal")
    # An unnamed household shows as the model's str() ("Huishouden 12"), as on its own page.
    return [
        (
            pk,
            ngettext("%(naam)s (%(aantal)s lid)", "%(naam)s (%(aantal)s leden)", aantal)
            % {"naam": naam or f"Huishouden {pk}", "aantal": aantal},
        )
        for pk, naam, aantal in rijen.order_by("naam", "pk")
    ]
