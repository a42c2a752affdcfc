"""Writes of households: create, rename, delete when empty, move participants."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer, momentopname

from .models import Burger, Huishouden

NIEUW_HUISHOUDEN = "nieuw"


def _naam(naam: str | None) -> str:
    tekst = (naam or "").strip()
    if len(tekst) > 100:
        raise ValidationError({"naam": _("De naam is te lang (hoogstens 100 tekens).")})
    return tekst


@transaction.atomic
def huishouden_aanmaken(*, door: Any, naam: str = "") -> Huishouden:
    huishouden = Huishouden.objects.create(naam=_naam(naam))
    audit_registreer(door=door, actie=AuditActie.AANGEMAAKT, obj=huishouden)
    return huishouden


@transaction.atomic
def huishouden_wijzigen(*, door: Any, huishouden: Huishouden, naam: str) -> Huishouden:
    huishouden = Huishouden.objects.select_for_update().get(pk=huishouden.pk)
    voor = momentopname(huishouden)
    huishouden.naam = _naam(naam)
    huishouden.save()
    audit_registreer(door=door, actie=AuditActie.GEWIJZIGD, obj=huishouden, voor=voor)
    return huishouden


def huishouden_in_gebruik(huishouden: Huishouden) -> str | None:
    aantal = huishouden.leden.count()
    if aantal:
        return ngettext(
            "Dit huishouden heeft nog %(aantal)s deelnemer en kan daarom niet worden "
            "verwijderd. Haal eerst alle leden uit het huishouden.",
            "Dit huishouden heeft nog %(aantal)s deelnemers en kan daarom niet worden "
            "verwijderd. Haal eerst alle leden uit het huishouden.",
            aantal,
        ) % {"aantal": aantal}
    return None


@transaction.atomic
def huishouden_verwijderen(*, door: Any, huishouden: Huishouden) -> None:
    huishouden = Huishouden.objects.select_for_update().get(pk=huishouden.pk)
    reden = huishouden_in_gebruik(huishouden)
    if reden:
        raise ValidationError(reden)
    voor = momentopname(huishouden)
    audit_registreer(door=door, actie=AuditActie.VERWIJDERD, obj=huishouden, voor=voor)
    huishouden.delete()


def kies_huishouden(*, door: Any, keuze: Any, burger: Burger) -> Huishouden | None:
    """Resolve a household choice: a Huishouden, None, or NIEUW_HUISHOUDEN (creates one
    named after the participant's surname)."""
    if keuze in (None, ""):
        return None
    if keuze == NIEUW_HUISHOUDEN:
        naam = " ".join(p for p in (burger.tussenvoegsel, burger.achternaam) if p)
        return huishouden_aanmaken(door=door, naam=f"Huishouden {naam}".strip()[:100])
    if isinstance(keuze, Huishouden):
        return keuze
    raise ValidationError(
        {"huishouden": _("Kies een bestaand huishouden, 'nieuw huishouden' of geen.")}
    )


@transaction.atomic
def burger_huishouden_wijzigen(
    *, door: Any, burger: Burger, huishouden: Huishouden | None
) -> Burger:
    """Move a participant into `huishouden`, or out of any household (None)."""
    burger = Burger.objects.select_for_update().get(pk=burger.pk)
    if huishouden is not None and burger.huishouden_id == huishouden.pk:
        raise ValidationError(
            {"deelnemer": _("%(naam)s hoort al bij dit huishouden.") % {"naam": burger.naam}}
        )
    voor = momentopname(burger)
    burger.huishouden = huishouden
    burger.save(update_fields=["huishouden"])
    audit_registreer(
        door=door, actie=AuditActie.GEWIJZIGD, obj=burger, voor=voor, burger_id=burger.pk
    )
    return burger
